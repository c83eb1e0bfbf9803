//! Leptos components, one file per section. They read the one shared state from context
//! (`Ctx`) and draw what the model computes; no statistics or layout are computed here.

mod analysis;
mod charts;
mod filters;
mod header;
mod map;
mod share;
mod sources;
mod story;
mod table;
mod vote;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::model::data::COUNTRIES;
use crate::model::markup::escape;
use crate::model::state::{match_mask, sorted_all, GroupBy, Measure, State};
use crate::model::url;

/// What a tooltip shows and where (client coordinates of the pointer or the target's centre).
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    /// Index into `COUNTRIES`, or `None` with `other` naming a map feature outside the 144.
    pub country: Option<usize>,
    pub other: Option<&'static str>,
    /// Extra line (e.g. a chart dot's value and interval), formatted by the model.
    pub value: Option<String>,
    pub x: f64,
    pub y: f64,
}

/// The shared state handle: small and `Copy`, provided once by `App`.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Everything the reader set; mirrored in the URL.
    pub state: RwSignal<State>,
    /// Indices of the countries that pass search and filters, in table order.
    pub rows: Memo<Vec<usize>>,
    /// All 144 indices in table order (the table hides rows that do not match).
    pub order: Memo<Vec<usize>>,
    /// For each of the 144: does it pass search and filters?
    pub mask: Memo<Vec<bool>>,
    pub selected: Memo<Option<usize>>,
    /// Active story step (index into `STEPS`).
    pub step: Memo<Option<usize>>,
    /// What the charts plot and how they group.
    pub settings: Memo<(Measure, GroupBy)>,
    pub tip: RwSignal<Option<Tip>>,
    /// Reader's motion preference (defaults to the OS setting).
    pub reduce_motion: RwSignal<bool>,
}

/// The value of `attr` on the element an event happened on, or on its nearest ancestor that
/// has it: how the delegated listeners of the map and the charts find their target.
pub fn target_attr(ev: &web_sys::Event, attr: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(&format!("[{attr}]"))
        .ok()
        .flatten()?
        .get_attribute(attr)
}

/// The country index (`data-i`) of an event's target (see `target_attr`).
pub fn target_index(ev: &web_sys::Event) -> Option<usize> {
    target_attr(ev, "data-i")?
        .parse::<usize>()
        .ok()
        .filter(|&i| i < COUNTRIES.len())
}

/// Runs `f` once the view is mounted and again whenever a signal it read changes. Every effect of
/// the report goes through here with the closure boxed, so the browser build carries a single
/// copy of Leptos' effect machinery instead of one per closure type.
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// A reactive string (attribute value, `innerHTML` or text). Boxed, so that every reactive
/// string on the page has the same type and Leptos' rendering code for it exists once.
pub type Text = Box<dyn FnMut() -> String + Send>;

/// Boxes `f` as a [`Text`].
pub fn text(f: impl Fn() -> String + Send + 'static) -> Text {
    Box::new(f)
}

/// A reactive yes/no (boolean attribute or class), boxed like [`Text`].
pub type Flag = Box<dyn FnMut() -> bool + Send>;

/// Boxes `f` as a [`Flag`].
pub fn flag(f: impl Fn() -> bool + Send + 'static) -> Flag {
    Box::new(f)
}

/// Boxes an event handler, so that all handlers of one event share a type and Leptos' listener
/// code for that event exists once in the browser build.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

impl Ctx {
    /// Selects a country, or clears the selection when it is already selected.
    pub fn toggle_select(&self, i: usize) {
        self.state
            .update(|s| s.selected = if s.selected == Some(i) { None } else { Some(i) });
    }
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Writes the state into the address bar without a new history entry, scroll or reload.
fn write_url(state: &State) {
    let w = window();
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let q = url::encode(state);
    let href = if q.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{q}{hash}")
    };
    let current = format!("{}{}{}", path, loc.search().unwrap_or_default(), hash);
    if current != href {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&href));
        }
    }
}

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// The whole report.
#[component]
pub fn App() -> impl IntoView {
    let decoded = url::decode(&current_search());
    let state = RwSignal::new(decoded.state);
    // The order is recomputed when the state changes but, being a memo, only notifies when the
    // order itself changed; matching depends on search and filters; the visible rows are the
    // sorted rows that match (the same as the model's `filter_sort`).
    let order = Memo::new(move |_| sorted_all(&COUNTRIES, state.with(|s| s.sort)));
    let mask = Memo::new(move |_| state.with(match_mask));
    let rows = Memo::new(move |_| {
        order.with(|o| mask.with(|m| o.iter().copied().filter(|&i| m[i]).collect()))
    });
    let ctx = Ctx {
        state,
        rows,
        mask,
        order,
        selected: Memo::new(move |_| state.with(|s| s.selected)),
        step: Memo::new(move |_| state.with(|s| s.step)),
        settings: Memo::new(move |_| state.with(|s| (s.measure, s.group_by))),
        tip: RwSignal::new(None),
        reduce_motion: RwSignal::new(prefers_reduced_motion()),
    };
    provide_context(ctx);

    // State → URL (replaceState: no history spam, no scroll jump).
    effect(move || state.with(write_url));

    // Back/forward across `#day-N` jumps: re-read the URL.
    let pop = gloo_events::EventListener::new(&window(), "popstate", move |_| {
        let d = url::decode(&current_search());
        if d.state != state.get_untracked() {
            state.set(d.state);
        }
    });
    // Esc closes any tooltip.
    let keys = gloo_events::EventListener::new(&window(), "keydown", move |ev| {
        let key = js_sys::Reflect::get(ev, &JsValue::from_str("key"))
            .ok()
            .and_then(|k| k.as_string());
        if key.as_deref() == Some("Escape") {
            ctx.tip.set(None);
        }
    });
    let grades = gloo_events::EventListener::new(&document(), "click", grade_toggle);
    // The app lives as long as the page.
    pop.forget();
    keys.forget();
    grades.forget();

    view! {
        <a class="skip" href="#vote">"Skip to the data"</a>
        <header::Header/>
        <UrlNotice notices=decoded.notices/>
        <main id="main" class:reduce-motion=flag(move || ctx.reduce_motion.get())>
            <story::Story/>
            <vote::Vote/>
            <charts::Governance/>
            <analysis::Analysis/>
            <sources::Sources/>
            <map::Tooltip/>
        </main>
        <sources::Footer/>
    }
}

/// Visible notice when the opened link had settings the page could not use. The notices are
/// known once, when the page opens; "Dismiss" hides them.
#[component]
fn UrlNotice(
    /// Problems found in the URL the page was opened with.
    notices: Vec<String>,
) -> impl IntoView {
    let open = RwSignal::new(true);
    // The notices quote what the link said: escaped, they are shown as text.
    let items: String = notices
        .iter()
        .map(|n| format!("<li>{}</li>", escape(n)))
        .collect();
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" id="url-notice" hidden=flag(move || !open.get())>
                <p>
                    <strong>"Part of this link could not be read, so defaults are shown for it. "</strong>
                </p>
                <ul inner_html=items></ul>
                <button type="button" on:click=handler(move |_| open.set(false))>"Dismiss"</button>
            </div>
        }
    })
}

/// Opens or closes the note of an evidence-grade chip (`model::markup::grade_chip`), wherever
/// the chip is: one listener on the document serves the table and the selected-country card.
fn grade_toggle(ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(chip) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("button.grade").ok().flatten())
    else {
        return;
    };
    let open = chip.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = chip.set_attribute("aria-expanded", if open { "true" } else { "false" });
    if let Some(note) = chip
        .get_attribute("aria-controls")
        .and_then(|id| document().get_element_by_id(&id))
    {
        let _ = note.toggle_attribute_with_force("hidden", !open);
    }
}
