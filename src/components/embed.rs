//! Embedded views: one graphic alone, for an `<iframe>` on another site. Each is a page of its
//! own that the build writes next to `index.html` (`embed-map.html`, `embed-table.html`,
//! `embed-chart-va.html`, `embed-step-day-11.html`, …: `src/bin/prerender.rs --embeds`), with
//! the same head, style sheet and app: its body is the graphic's components, rendered at build
//! time like the report's, and a credit line linking to the full report at the same view. So an
//! embed paints its graphic first, and reads without JavaScript; the app hydrates whichever of
//! the report's components the page holds, and the link's view (filters, selection, zoom)
//! applies as on the full report.

use leptos::prelude::*;

use super::ctx;
use crate::model::state::{Embed, State};
use crate::model::url::full_report_query;
#[cfg(not(target_arch = "wasm32"))]
use {
    super::{governance, map, overlay, story, table, vote},
    crate::model::data::Indicator,
};

/// The file an embedded view is written to, next to `index.html`.
pub fn file_name(e: Embed) -> String {
    format!("embed-{}.html", e.slug())
}

/// The state the build renders embedded view `e` in (the report's for `None`), which the app
/// hydrates from: the default view, at its step for a step's graphic (so that it shows that
/// step without JavaScript too).
pub fn built_state(e: Option<Embed>) -> State {
    State {
        embed: e,
        step: match e {
            Some(Embed::Step(k)) => Some(k),
            _ => None,
        },
        ..State::default()
    }
}

/// The body of the page for embedded view `e` (the build's; `src/bin/prerender.rs`): the
/// link's notice, the graphic, its credit and the tooltip. `app_failed` is the report's line for
/// an app that cannot start, taken from its `index.html`.
#[cfg(not(target_arch = "wasm32"))]
pub fn body(e: Embed, app_failed: &str) -> String {
    use super::render;
    let built = || built_state(Some(e));
    let notice = render(built(), || {
        view! { <overlay::LinkNotice notices=RwSignal::new(Vec::new())/> }
    });
    let tooltip = render(built(), || view! { <overlay::Tooltip/> });
    let credit = render(built(), || view! { <EmbedCredit/> });
    let graphic = match e {
        Embed::Map => render(built(), || view! { <MapGraphic/> }),
        Embed::Table => render(built(), || view! { <TableGraphic/> }),
        Embed::Chart(ind) => render(built(), move || view! { <ChartGraphic ind/> }),
        Embed::Step(_) => render(built(), || view! { <story::StorySection/> }),
    };
    format!(
        r#"<body class="embed embed-{kind}" data-embed="{slug}">{app_failed}<div class="part" id="notice-root">{notice}</div><main id="main"><div class="embed-frame">{graphic}<p class="embed-credit" id="embed-credit">{credit}</p></div><div class="part" id="tooltip-root">{tooltip}</div></main></body>"#,
        kind = e.kind(),
        slug = e.slug(),
    )
}

#[cfg(not(target_arch = "wasm32"))]
/// The vote map with its legend (the zoom's radio buttons are there, hidden: they carry the
/// link's zoom, as on the full report).
#[component]
fn MapGraphic() -> impl IntoView {
    view! {
        <div class="map-col">
            <div class="legend" role="group" aria-label="Map legend and status filter">
                <vote::Legend/>
            </div>
            <div class="map-tools">
                <vote::MapTools/>
            </div>
            <style inner_html=super::page::zoom_style()></style>
            <div class="map-live">
                <map::VoteMap/>
            </div>
        </div>
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The table with its filter bar, heading and the phone's indicator picker.
#[component]
fn TableGraphic() -> impl IntoView {
    view! {
        <div class="sticky-filters needs-app">
            <super::filters::Filters/>
        </div>
        <div class="table-block" id="table">
            <h3 id="table-h">
                <table::TableHeading/>
            </h3>
            <super::page::PhonePick/>
            <div class="table-live">
                <table::SignatoryTable/>
            </div>
        </div>
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// One governance chart, in its figure.
#[component]
fn ChartGraphic(ind: Indicator) -> impl IntoView {
    let shown = governance::Shown::new(governance::default_stats());
    let svgs: governance::ChartSvgs = std::array::from_fn(|_| NodeRef::new());
    governance::figure(ind, svgs, shown)
}

/// The credit line under an embedded graphic, its link on the full report at the embed's view
/// (hydrated: the view is the link's, and the reader's).
#[component]
pub fn EmbedCredit() -> impl IntoView {
    let c = ctx();
    let href = move || {
        let q = c.state.with(full_report_query);
        if q.is_empty() {
            "./".to_string()
        } else {
            format!("./?{q}")
        }
    };
    view! {
        "WCIT-12: The Final Vote — data: ITU, World Bank WGI 2011 (2014 Update). "
        <a id="embed-full" href=href target="_top">
            "Open the full report at this view"
        </a>
    }
}
