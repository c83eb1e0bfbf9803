//! The signatory table: all 144 countries, sortable by every column, filtered by the shared state.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx;
use crate::model::breakdown::heat_bucket;
use crate::model::data::{Country, COUNTRIES};
use crate::model::state::Column;
use crate::model::text::fmt_signed;

fn header_label(col: Column) -> (&'static str, &'static str) {
    match col {
        Column::Name => ("Country", ""),
        Column::Status => ("Status", ""),
        Column::Grade => ("Evidence", ""),
        Column::Region => ("Region", ""),
        Column::Income => ("Income", " group FY2013"),
        Column::Wgi(i) => (i.short(), i.label()),
    }
}

/// A sortable column header (`aria-sort`, a real button for mouse and keyboard).
#[component]
fn SortHeader(
    /// The column this header sorts.
    col: Column,
) -> impl IntoView {
    let c = ctx();
    let st = c.state;
    let (short, long) = header_label(col);
    let dir = move || c.sort.with(|s| (s.col == col).then_some(s.desc));
    view! {
        <th
            scope="col"
            class:num=col.is_numeric()
            class:sticky-col=col == Column::Name
            aria-sort=move || match dir() {
                None => "none",
                Some(false) => "ascending",
                Some(true) => "descending",
            }
        >
            <button
                type="button"
                data-testid=format!("sort-{}", col.slug())
                title=if col.is_numeric() { long } else { "" }
                on:click=move |_| st.update(|s| s.toggle_sort(col))
            >
                {short}
                <span class="sr-only">{if col.is_numeric() { format!(" ({long}, WGI 2011)") } else { long.to_string() }}</span>
                <span class="arrow" aria-hidden="true">
                    {move || match dir() {
                        None => "↕",
                        Some(false) => "▲",
                        Some(true) => "▼",
                    }}
                </span>
            </button>
        </th>
    }
}

/// The evidence grade of a status, with its explanation reachable by click, tap and keyboard.
#[component]
pub fn GradeChip(
    /// Index of the country in `COUNTRIES`.
    idx: usize,
) -> impl IntoView {
    let c: &'static Country = &COUNTRIES[idx];
    let open = RwSignal::new(false);
    let id = format!("grade-{}", c.iso3);
    let inferred = c.grade.is_inferred();
    view! {
        <span class="grade-wrap">
            <button
                type="button"
                class=format!("grade g{}", c.grade.letter())
                data-testid="grade"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=id.clone()
                aria-label=format!(
                    "Evidence grade {}{} — explain",
                    c.grade.letter(),
                    if inferred { ", inferred" } else { "" },
                )
                on:click=move |ev| {
                    ev.stop_propagation();
                    open.update(|o| *o = !*o);
                }
            >
                {c.grade.letter()}
                {inferred.then_some(view! { <span class="inferred">" inferred"</span> })}
            </button>
            <span id=id class="grade-pop" role="note" hidden=move || !open.get()>
                <strong>{format!("Grade {}. ", c.grade.letter())}</strong>
                {c.grade.explanation()}
                {format!(" Sources: {}.", c.sources.join(", "))}
            </span>
        </span>
    }
}

/// Status badge; inferred statuses say so.
#[component]
pub fn StatusBadge(
    /// Index of the country in `COUNTRIES`.
    idx: usize,
) -> impl IntoView {
    let c = &COUNTRIES[idx];
    view! {
        <span class=format!("badge {}", c.status.slug())>
            <span class="swatch" aria-hidden="true"></span>
            {c.status.label()}
            {c.grade.is_inferred().then_some("*")}
        </span>
    }
}

#[component]
fn CountryRow(
    /// Index of the country in `COUNTRIES`.
    idx: usize,
) -> impl IntoView {
    let cx = ctx();
    let c: &'static Country = &COUNTRIES[idx];
    let is_sel = move || cx.selected.get() == Some(idx);
    view! {
        <tr
            data-testid="row"
            data-i=idx
            data-iso3=c.iso3
            id=format!("row-{}", c.iso3)
            class:selected=is_sel
            on:click=move |_| cx.toggle_select(idx)
        >
            <th scope="row" class="sticky-col name">
                <button
                    type="button"
                    class="linkish"
                    aria-pressed=move || if is_sel() { "true" } else { "false" }
                    on:click=move |ev| {
                        ev.stop_propagation();
                        cx.toggle_select(idx);
                    }
                >
                    {c.name_en}
                </button>
                <span class="fr" lang="fr">{c.name_fr}</span>
            </th>
            <td><StatusBadge idx/></td>
            <td><GradeChip idx/></td>
            <td>{c.region.label()}</td>
            <td>{c.income.label()}</td>
            {c
                .wgi
                .iter()
                .map(|w| match w.est() {
                    Some(v) => view! { <td class=format!("num h{}", heat_bucket(v))>{fmt_signed(v)}</td> }.into_any(),
                    None => view! { <td class="num na">"n/a"</td> }.into_any(),
                })
                .collect_view()}
        </tr>
    }
}

/// Keeps the fading (a `faded` class or the `hidden` attribute) and the `selected` class of a set
/// of elements in step with the filter mask and the selection, touching only what changed. Each
/// element carries its country index in `data-i`. One of these per view replaces a reactive
/// closure per element, so a filter change costs a few DOM calls instead of a thousand closures.
pub struct MarkSync {
    els: Vec<(web_sys::Element, usize)>,
    hidden_attr: bool,
    shown: Vec<bool>,
    sel: Option<usize>,
}

impl MarkSync {
    /// Reads the elements of `list` (once); `hidden_attr` hides instead of fading.
    pub fn new(list: &web_sys::HtmlCollection, hidden_attr: bool) -> Self {
        let els = (0..list.length())
            .filter_map(|k| list.item(k))
            .filter_map(|el| {
                let i = el
                    .get_attribute("data-i")?
                    .parse::<usize>()
                    .ok()
                    .filter(|i| *i < COUNTRIES.len())?;
                Some((el, i))
            })
            .collect();
        // Unknown state: the first `apply` sets every element.
        MarkSync {
            els,
            hidden_attr,
            shown: Vec::new(),
            sel: None,
        }
    }

    /// Still describes the elements on the page (they are re-created when a chart changes scale).
    pub fn is_current(&self, list: &web_sys::HtmlCollection) -> bool {
        self.els.len() as u32 == list.length()
            && self.els.first().is_none_or(|(el, _)| el.is_connected())
    }

    pub fn apply(&mut self, mask: &[bool], sel: Option<usize>) {
        let fresh = self.shown.is_empty();
        for (k, (el, i)) in self.els.iter().enumerate() {
            let show = mask[*i];
            if fresh || self.shown[k] != show {
                if self.hidden_attr {
                    let _ = el.toggle_attribute_with_force("hidden", !show);
                } else {
                    let _ = el.class_list().toggle_with_force("faded", !show);
                }
            }
            if fresh || (self.sel != sel && (self.sel == Some(*i) || sel == Some(*i))) {
                let _ = el
                    .class_list()
                    .toggle_with_force("selected", sel == Some(*i));
            }
        }
        self.shown = self.els.iter().map(|(_, i)| mask[*i]).collect();
        self.sel = sel;
    }
}

/// An effect that keeps the children of `parent` marked (see `MarkSync`); `track` names extra
/// signals whose change re-creates the children.
pub fn sync_marks<E>(parent: NodeRef<E>, hidden_attr: bool, track: impl Fn() + 'static)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let c = ctx();
    Effect::new(move |prev: Option<Option<MarkSync>>| {
        track();
        let sel = c.selected.get();
        let el: web_sys::Element = parent.get()?.unchecked_into();
        let list = el.children();
        let mut sync = match prev.flatten() {
            Some(s) if s.is_current(&list) => s,
            _ => MarkSync::new(&list, hidden_attr),
        };
        c.mask.with(|m| sync.apply(m, sel));
        Some(sync)
    });
}

/// Scrolls the table box (not the page) so the selected row is visible.
fn reveal_row(wrap: &web_sys::HtmlElement, iso3: &str) {
    let Some(row) = document().get_element_by_id(&format!("row-{iso3}")) else {
        return;
    };
    let (r, w) = (
        row.get_bounding_client_rect(),
        wrap.get_bounding_client_rect(),
    );
    let head = wrap
        .query_selector("thead")
        .ok()
        .flatten()
        .map(|h| h.get_bounding_client_rect().height())
        .unwrap_or(0.0);
    if r.top() < w.top() + head || r.bottom() > w.bottom() {
        let delta = r.top() - w.top() - head - 8.0;
        wrap.set_scroll_top(wrap.scroll_top() + delta as i32);
    }
}

/// Section: the sortable, searchable table of all 144 countries.
#[component]
pub fn SignatoryTable() -> impl IntoView {
    let c = ctx();
    let wrap = NodeRef::<leptos::html::Div>::new();
    // Rows that do not match are hidden, not removed: one effect sets `hidden` on the 144 rows
    // so that filtering never rebuilds or re-sorts rows.
    let body = NodeRef::<leptos::html::Tbody>::new();
    sync_marks(body, true, move || c.order.track());
    Effect::new(move |_| {
        if let (Some(i), Some(w)) = (c.selected.get(), wrap.get()) {
            let el: web_sys::HtmlElement = w.unchecked_into();
            reveal_row(&el, COUNTRIES[i].iso3);
        }
    });
    view! {
        <div class="table-block" id="table">
            <h3 id="table-h">"All 144 countries"</h3>
            <p class="note">
                "Each status carries an evidence grade. No complete official list of who signed could be found, so the statuses were assembled from partial lists and the official totals. "
                "Grades C and D are "<strong>"inferred"</strong>" (marked with *), not confirmed; select a grade to read why. "
                "The six WGI columns are 2011 estimates (about −2.5 weak to +2.5 strong governance), shaded from light (weak) to dark (strong)."
            </p>
            <div class="table-wrap" node_ref=wrap tabindex="0" role="region" aria-labelledby="table-h">
                <table data-testid="table">
                    <caption class="sr-only">
                        "Signatories and non-signatories of the WCIT-12 Final Acts with evidence grade, region, income group and WGI 2011 estimates. Select a column header to sort."
                    </caption>
                    <thead>
                        <tr>{Column::ALL.map(|col| view! { <SortHeader col/> }).collect_view()}</tr>
                    </thead>
                    <tbody node_ref=body>
                        <For each=move || c.order.get() key=|i| *i let:i>
                            <CountryRow idx=i/>
                        </For>
                    </tbody>
                </table>
                <Show when=move || c.rows.with(|r| r.is_empty())>
                    <div class="empty" data-testid="empty">
                        <p>
                            {move || {
                                let q = c.state.with(|s| s.query.trim().to_string());
                                if q.is_empty() {
                                    "No country matches these filters.".to_string()
                                } else {
                                    format!("No country matches “{q}” with these filters.")
                                }
                            }}
                            " Try another spelling (English or French names both work), or "
                        </p>
                        <button type="button" on:click=move |_| c.state.update(|s| s.clear_filters())>"clear all filters"</button>
                    </div>
                </Show>
            </div>
        </div>
    }
}
