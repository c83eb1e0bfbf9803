//! An embedded view (`embed=` in the URL): one graphic alone, for an `<iframe>` on another site,
//! with the current filters and selection, a one-line credit and a link to the full report at
//! the same view. The static parts of the page are hidden (`body.embed`, see main.css); a story
//! step's graphic is the story's own, shown alone.

use leptos::prelude::*;

use super::charts::{stats_memo, IndicatorChart};
use super::ctx;
use super::filters::Filters;
use super::kit::text;
use super::map::{Legend, MapMode, WorldMap};
use super::table::SignatoryTable;
use crate::model::state::Embed;
use crate::model::url::full_report_query;

/// The embedded graphic and its credit line.
#[component]
pub fn Embedded(
    /// What to show.
    e: Embed,
) -> impl IntoView {
    let c = ctx();
    let full = move || {
        let path = window().location().pathname().unwrap_or_default();
        let q = c.state.with(full_report_query);
        if q.is_empty() {
            path
        } else {
            format!("{path}?{q}")
        }
    };
    let chart = match e {
        Embed::Chart(ind) => Some(ind),
        _ => None,
    };
    view! {
        <div class="embed-frame">
            {(e == Embed::Map).then(|| view! {
                <Legend/>
                <WorldMap mode=MapMode::Vote/>
            })}
            {(e == Embed::Table).then(|| view! { <Filters/><SignatoryTable/> })}
            {chart.map(|ind| view! { <IndicatorChart ind stats=stats_memo()/> })}
            <p class="embed-credit">
                "WCIT-12: The Final Vote — data: ITU, World Bank WGI 2011 (2014 Update). "
                <a href=text(full) target="_top">"Open the full report at this view"</a>
            </p>
        </div>
    }
}
