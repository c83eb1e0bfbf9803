//! Leptos components. Each is one tree rendered twice: natively at build time (feature `ssr`;
//! `src/bin/prerender.rs` writes the HTML into `dist/index.html`, so the page reads before any
//! WebAssembly runs) and in the browser, where it hydrates that HTML (feature `hydrate`,
//! `views::app`). Components read the one shared state from context ([`Ctx`]) and draw what the
//! model computes; they compute no statistics and no layout.
//!
//! Hydration starts from the state the build rendered (the default view; an embedded step's
//! page at its step, `embed::built_state`): the app applies the link's state after the
//! components have hydrated (`views::app`), and they update from there.

pub mod chips;
pub mod embed;
pub mod filters;
pub mod governance;
pub mod map;
pub mod overlay;
pub mod page;
mod scrolly;
pub mod share;
pub mod story;
pub mod table;
pub mod vote;

use leptos::prelude::*;

use crate::model::contract::{CountryId, Mark};
use crate::model::data::COUNTRIES;
use crate::model::state::{match_mask, sorted_all, subset_mask, GroupBy, Measure, Sort, State};

/// What a tooltip shows and where (client coordinates of the pointer or the target's centre).
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    /// One of the 144, or `None` with `other` naming a map feature outside the 144.
    pub country: Option<CountryId>,
    pub other: Option<&'static str>,
    /// Extra line (e.g. a chart dot's value and interval), formatted by the model.
    pub value: Option<String>,
    pub x: f64,
    pub y: f64,
    /// Opened by a tap: it then closes when the page scrolls on (a mouse's tooltip follows the
    /// pointer instead).
    pub touch: bool,
}

/// The shared state handle: small and `Copy`, provided once per render root.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Everything the reader set; mirrored in the URL.
    pub state: RwSignal<State>,
    /// Indices of the countries that pass search and filters, in table order.
    pub rows: Memo<Vec<usize>>,
    /// The search box's text.
    pub query: Memo<String>,
    /// The table's sort (column and direction).
    pub sort: Memo<Sort>,
    /// All 144 indices in table order (the table hides rows that do not match).
    pub order: Memo<Vec<usize>>,
    /// For each of the 144: does it pass search and filters? (The table shows these; the map and
    /// charts fade the others.)
    pub mask: Memo<Vec<bool>>,
    /// For each of the 144: does it pass the filters (search left out)? The statistics and
    /// breakdowns describe these.
    pub subset: Memo<Vec<bool>>,
    pub selected: Memo<Option<CountryId>>,
    /// Active story step (index into `STEPS`).
    pub step: Memo<Option<usize>>,
    /// What the charts plot and how they group.
    pub settings: Memo<(Measure, GroupBy)>,
    pub tip: RwSignal<Option<Tip>>,
    /// Reader's motion preference (defaults to the OS setting).
    pub reduce_motion: RwSignal<bool>,
}

impl Ctx {
    /// The state and what is derived from it. Each memo notifies only when its own value
    /// changed (a keystroke in the search box re-sorts nothing and touches no header); matching depends on
    /// search and filters; the visible rows are the sorted rows that match (the model's
    /// `filter_sort`).
    pub fn new(state: State, reduce_motion: bool) -> Ctx {
        let state = RwSignal::new(state);
        let sort = Memo::new(move |_| state.with(|s| s.sort));
        let order = Memo::new(move |_| sorted_all(&COUNTRIES, sort.get()));
        let mask = Memo::new(move |_| state.with(match_mask));
        let rows = Memo::new(move |_| {
            order.with(|o| mask.with(|m| o.iter().copied().filter(|&i| m[i]).collect()))
        });
        Ctx {
            state,
            rows,
            mask,
            subset: Memo::new(move |_| state.with(subset_mask)),
            query: Memo::new(move |_| state.with(|s| s.query.clone())),
            sort,
            order,
            selected: Memo::new(move |_| state.with(|s| s.selected.and_then(CountryId::new))),
            step: Memo::new(move |_| state.with(|s| s.step)),
            settings: Memo::new(move |_| state.with(|s| (s.measure, s.group_by))),
            tip: RwSignal::new(None),
            reduce_motion: RwSignal::new(reduce_motion),
        }
    }

    /// Selects a country, or clears the selection when it is already selected.
    pub fn toggle_select(&self, id: CountryId) {
        let i = id.index();
        self.state
            .update(|s| s.selected = if s.selected == Some(i) { None } else { Some(i) });
    }
}

/// An element that shows one of the 144 (a map feature, a chart dot) and the marks it has now.
pub(crate) struct Marked {
    el: web_sys::Element,
    id: CountryId,
    faded: bool,
    selected: bool,
}

impl Marked {
    /// `el` for country `id`, with the marks it has.
    pub(crate) fn read(el: web_sys::Element, id: CountryId) -> Marked {
        let has = |m: Mark| el.class_list().contains(m.name());
        let (faded, selected) = (has(Mark::Faded), has(Mark::Selected));
        Marked {
            el,
            id,
            faded,
            selected,
        }
    }
}

/// Marks each element faded outside `mask` and selected for `sel`, writing only the classes that
/// change.
pub(crate) fn mark(list: &mut [Marked], mask: &[bool], sel: Option<CountryId>) {
    for m in list {
        let (faded, selected) = (!mask[m.id.index()], sel == Some(m.id));
        if m.faded != faded {
            let _ =
                m.el.class_list()
                    .toggle_with_force(Mark::Faded.name(), faded);
            m.faded = faded;
        }
        if m.selected != selected {
            let _ =
                m.el.class_list()
                    .toggle_with_force(Mark::Selected.name(), selected);
            m.selected = selected;
        }
    }
}

/// Build-time content (prose files checked and sanitized by `build.rs`) as an element's
/// `inner_html`: the only raw HTML a component sets. Written by the build-time render; the app
/// hydrates the element and never writes it (hydration keeps the server's inner HTML), so the
/// wasm does not carry the text.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn prose(p: &crate::model::data::Prose) -> String {
    p.as_str().to_string()
}
#[cfg(target_arch = "wasm32")]
pub(crate) fn prose(_: &crate::model::data::Prose) -> String {
    String::new()
}

/// Runs `f` once the view is mounted and again whenever a signal it read changes, with the
/// closure boxed: the browser build then carries one copy of Leptos' effect machinery for all
/// the effects made this way instead of one per closure type.
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// A static part of a hydrated component, as the build renders it, for an element's
/// `inner_html`: the build-time render writes the part's HTML; hydration keeps it and never
/// writes it, so the wasm carries neither the part's text nor the code that renders it (the
/// islands idea, inside one component).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn built<V: IntoView + 'static>(part: impl FnOnce() -> V) -> String {
    part().to_html()
}
#[cfg(target_arch = "wasm32")]
pub(crate) fn built<V: IntoView + 'static>(_: impl FnOnce() -> V) -> String {
    String::new()
}

/// A static attribute or text of a hydrated component, as the build writes it ([`built`]).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn built_text(text: impl FnOnce() -> String) -> String {
    text()
}
#[cfg(target_arch = "wasm32")]
pub(crate) fn built_text(_: impl FnOnce() -> String) -> String {
    String::new()
}

/// The shared state, from the context of the current render root.
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The build-time render of the report: each component, in the default state, as the HTML the browser will
/// hydrate, by the name of its place in the static page ([`fill`]). The sections come first:
/// the places of the components they hold are in them.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerendered() -> Vec<(&'static str, String)> {
    fn part<V: IntoView + 'static>(name: &'static str, f: fn() -> V) -> (&'static str, String) {
        (name, render(State::default(), f))
    }
    vec![
        part("story", || view! { <story::StorySection/> }),
        part("vote", || view! { <page::VoteSection/> }),
        part("masthead", || view! { <page::Masthead/> }),
        part("analysis", || view! { <page::Analysis/> }),
        part("sources", || view! { <page::Sources/> }),
        part("footer", || view! { <page::Footer/> }),
        part("governance", || {
            view! { <page::GovernanceSection stats=governance::default_stats()/> }
        }),
        part("filters", || view! { <filters::Filters/> }),
        part("legend", || view! { <vote::Legend/> }),
        part("vote-map", || view! { <map::VoteMap/> }),
        part("map-tools", || view! { <vote::MapTools/> }),
        part("selected-card", || view! { <vote::SelectedCard/> }),
        part("breakdowns", || view! { <vote::Breakdowns/> }),
        part("sharebar", || view! { <share::ShareBar/> }),
        part("tooltip", || view! { <overlay::Tooltip/> }),
        part(
            "notice",
            || view! { <overlay::LinkNotice notices=RwSignal::new(Vec::new())/> },
        ),
        part("table-heading", || view! { <table::TableHeading/> }),
        part("table", || view! { <table::SignatoryTable/> }),
    ]
}

/// A component's HTML in the state `state`, as the build renders it (natively; also for tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn render<V: IntoView + 'static>(state: State, view: impl FnOnce() -> V) -> String {
    use leptos::reactive::owner::Owner;
    // Already set up (by an earlier render) is fine.
    let _ = any_spawner::Executor::init_futures_executor();
    Owner::new().with(|| {
        provide_context(Ctx::new(state, false));
        view().to_html()
    })
}

/// Replaces each placeholder `<div data-prerender="NAME"></div>` of a built `index.html` (quoted
/// or, after minification, unquoted) with its part. Every part must have exactly one placeholder
/// and every placeholder a part.
#[cfg(not(target_arch = "wasm32"))]
pub fn fill(doc: &str, parts: &[(&str, String)]) -> Result<String, String> {
    let mut out = doc.to_string();
    for (name, part) in parts {
        let forms = [
            format!(r#"<div data-prerender="{name}"></div>"#),
            format!("<div data-prerender={name}></div>"),
        ];
        let found: Vec<&String> = forms.iter().filter(|f| out.contains(f.as_str())).collect();
        match found.as_slice() {
            [f] if out.matches(f.as_str()).count() == 1 => out = out.replace(f.as_str(), part),
            [] => return Err(format!("no placeholder for the part \"{name}\"")),
            _ => return Err(format!("more than one placeholder for the part \"{name}\"")),
        }
    }
    if let Some(k) = out.find("data-prerender") {
        let rest: String = out[k..].chars().take(40).collect();
        return Err(format!("a placeholder names no part: {rest}"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_each() {
        let parts = [
            ("a", "<p>A</p>".to_string()),
            ("b", "<p>B &amp; C</p>".to_string()),
        ];
        let doc = r#"<body><div data-prerender="a"></div><main></main><div data-prerender=b></div></body>"#;
        assert_eq!(
            fill(doc, &parts).unwrap(),
            "<body><p>A</p><main></main><p>B &amp; C</p></body>"
        );
        assert!(fill("<body></body>", &parts).unwrap_err().contains("\"a\""));
        let twice = r#"<div data-prerender="a"></div><div data-prerender="a"></div><div data-prerender=b></div>"#;
        assert!(fill(twice, &parts).unwrap_err().contains("more than one"));
        let unknown = r#"<div data-prerender="a"></div><div data-prerender=b></div><div data-prerender=zz></div>"#;
        assert!(fill(unknown, &parts).unwrap_err().contains("zz"));
    }
}
