//! Leptos components, one file per section. They read the one shared state from context
//! (`Ctx`) and draw what the model computes; no statistics or layout are computed here.

mod charts;
mod embed;
mod filters;
pub mod kit;
mod map;
mod share;
mod story;
mod table;
mod vote;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::contract::{Action, CountryId, ACTION_ATTR};
use crate::model::data::COUNTRIES;
use crate::model::markup::notice_items;
use crate::model::state::{match_mask, sorted_all, Embed, GroupBy, Measure, State};
use crate::model::url;
use kit::{effect, event_target, flag, handler, markup, on_window, Tip};

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
    pub selected: Memo<Option<CountryId>>,
    /// Active story step (index into `STEPS`).
    pub step: Memo<Option<usize>>,
    /// What the charts plot and how they group.
    pub settings: Memo<(Measure, GroupBy)>,
    pub tip: RwSignal<Option<Tip>>,
    /// Reader's motion preference (defaults to the OS setting).
    pub reduce_motion: RwSignal<bool>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

impl Ctx {
    /// Selects a country, or clears the selection when it is already selected.
    pub fn toggle_select(&self, id: CountryId) {
        let i = id.index();
        self.state
            .update(|s| s.selected = if s.selected == Some(i) { None } else { Some(i) });
    }
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Writes the state into the address bar without a new history entry, scroll or reload. The
/// step lives in `step=` only: a `#day-N` anchor the page was opened with (or a date link the
/// reader followed) is dropped once the state holds its step, so a copied link can never name
/// two different steps.
fn write_url(state: &State) {
    let w = window();
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let opened = loc.hash().unwrap_or_default();
    let hash = url::hash_without_step(&opened);
    let q = url::encode(state);
    let href = if q.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{q}{hash}")
    };
    let current = format!("{}{}{}", path, loc.search().unwrap_or_default(), opened);
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
    // The link the page was opened with; a `#day-N` anchor names the step (anchors keep working).
    let decoded = url::decode_location(&current_search(), &current_hash());
    // An embedded view shows one graphic (decided when the page opens); a step's graphic shows
    // its step.
    let embed = decoded.state.embed;
    let mut opened = decoded.state;
    if let Some(Embed::Step(k)) = embed {
        opened.step = Some(k);
    }
    let state = RwSignal::new(opened);
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
        selected: Memo::new(move |_| state.with(|s| s.selected.and_then(CountryId::new))),
        step: Memo::new(move |_| state.with(|s| s.step)),
        settings: Memo::new(move |_| state.with(|s| (s.measure, s.group_by))),
        tip: RwSignal::new(None),
        reduce_motion: RwSignal::new(prefers_reduced_motion()),
    };
    provide_context(ctx);

    // State → URL (replaceState: no history spam, no scroll jump).
    effect(move || state.with(write_url));

    // Back/forward: re-read the URL.
    on_window("popstate", move |_| {
        let d = url::decode_location(&current_search(), &current_hash());
        if d.state != state.get_untracked() {
            state.set(d.state);
        }
    });
    // Following a `#day-N` link on the page: its step becomes the state's (and the URL's).
    on_window("hashchange", move |_| {
        if let Some(k) = url::step_from_hash(&current_hash()) {
            state.update(|s| s.step = Some(k));
        }
        state.with_untracked(write_url);
    });
    // Evidence-grade and "sources disagree" chips anywhere on the page (table rows, the
    // selected-country card, story chips).
    on_window("click", |ev| toggle_note(&ev));

    // The reader's motion setting applies to the whole page, islands included.
    effect(move || {
        if let Some(body) = document().body() {
            let _ = body
                .class_list()
                .toggle_with_force("reduce-motion", ctx.reduce_motion.get());
        }
    });
    if let (Some(e), Some(body)) = (embed, document().body()) {
        let _ = body
            .class_list()
            .add_2("embed", &format!("embed-{}", e.kind()));
    }
    // The story's steps are static (src/model/page.rs); the app marks them and draws their
    // graphic, which, like the shared-link notice, it places into the static page.
    let story = embed.is_none_or(|e| matches!(e, Embed::Step(_)));
    let scrolly = story.then(story::timeline);

    view! {
        <UrlNotice notices=decoded.notices/>
        {scrolly.map(|scrolly| view! { <story::StepGraphic scrolly/> })}
        {embed.is_none().then(|| view! { <vote::Vote/><charts::Governance/> })}
        {embed.map(|e| view! { <embed::Embedded e/> })}
        <kit::Tooltip/>
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
    let items = notice_items(&notices);
    // Shown under the masthead, above the static story.
    let root = NodeRef::<leptos::html::Div>::new();
    kit::place_in("notice", root);
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" id="url-notice" node_ref=root hidden=flag(move || !open.get())>
                <p>
                    <strong>"Part of this link could not be read, so defaults are shown for it. "</strong>
                </p>
                <ul inner_html=markup(move || items.clone())></ul>
                <button type="button" on:click=handler(move |_| open.set(false))>"Dismiss"</button>
            </div>
        }
    })
}

/// Opens or closes the note of an evidence-grade chip or a "sources disagree" chip
/// (`model::markup::grade_chip`, `conflict_chip`; actions [`Action::GradeNote`],
/// [`Action::ConflictNote`]), wherever the chip is.
fn toggle_note(ev: &web_sys::Event) {
    if !matches!(
        event_target(ev).map(|t| t.action),
        Some(Action::GradeNote | Action::ConflictNote)
    ) {
        return;
    }
    let Some(chip) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(&format!("[{ACTION_ATTR}]")).ok().flatten())
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
