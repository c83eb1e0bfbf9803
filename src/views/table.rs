//! The signatory table: all 144 countries, sortable by every column, filtered by the shared state.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{ctx, effect, flag, handler, target_index, text};
use crate::model::data::COUNTRIES;
use crate::model::markup::table_row;
use crate::model::state::Column;

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
    let dir = move || c.state.with(|s| (s.sort.col == col).then_some(s.sort.desc));
    view! {
        <th
            scope="col"
            class:num=col.is_numeric()
            class:sticky-col=col == Column::Name
            aria-sort=text(move || match dir() {
                None => "none",
                Some(false) => "ascending",
                Some(true) => "descending",
            }.into())
        >
            <button
                type="button"
                data-sort=col.slug()
                title=if col.is_numeric() { long } else { "" }
                on:click=handler(move |_| st.update(|s| s.toggle_sort(col)))
            >
                {short}
                <span class="sr-only">{if col.is_numeric() { format!(" ({long}, WGI 2011)") } else { long.to_string() }}</span>
                <span class="arrow" aria-hidden="true">
                    {text(move || match dir() {
                        None => "↕",
                        Some(false) => "▲",
                        Some(true) => "▼",
                    }.into())}
                </span>
            </button>
        </th>
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
                let on = sel == Some(*i);
                let _ = el.class_list().toggle_with_force("selected", on);
                // A table row's name button says whether it is the selected country.
                if let Ok(Some(b)) = el.query_selector("[data-select]") {
                    let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
                }
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
    let current: std::cell::RefCell<Option<MarkSync>> = Default::default();
    effect(move || {
        track();
        let sel = c.selected.get();
        let Some(el) = parent.get() else { return };
        let el: web_sys::Element = el.unchecked_into();
        let list = el.children();
        let mut slot = current.borrow_mut();
        if !slot.as_ref().is_some_and(|s| s.is_current(&list)) {
            *slot = Some(MarkSync::new(&list, hidden_attr));
        }
        if let Some(sync) = slot.as_mut() {
            c.mask.with(|m| sync.apply(m, sel));
        }
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
    // Rows come from the model's markup once (their content never changes); sorting moves them,
    // filtering hides them and selection marks them, without rebuilding anything.
    let rows_html = c
        .order
        .with_untracked(|o| o.iter().map(|&i| table_row(i)).collect::<String>());
    effect(move || {
        let order = c.order.get();
        let Some(tb) = body.get() else { return };
        let list = tb.children();
        let mut by_index: Vec<Option<web_sys::Element>> = vec![None; COUNTRIES.len()];
        for k in 0..list.length() {
            if let Some(el) = list.item(k) {
                let i = el
                    .get_attribute("data-i")
                    .and_then(|v| v.parse::<usize>().ok());
                if let Some(slot) = i.and_then(|i| by_index.get_mut(i)) {
                    *slot = Some(el);
                }
            }
        }
        for i in order {
            if let Some(el) = &by_index[i] {
                let _ = tb.append_child(el);
            }
        }
    });
    sync_marks(body, true, || ());
    // One listener for all rows: a click anywhere in a row (or its name button, by keyboard too)
    // selects the country; the evidence-grade chip only opens its note.
    let on_click = move |ev: web_sys::MouseEvent| {
        let in_chip = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".grade-wrap").ok().flatten())
            .is_some();
        if !in_chip {
            if let Some(i) = target_index(&ev) {
                c.toggle_select(i);
            }
        }
    };
    effect(move || {
        if let (Some(i), Some(w)) = (c.selected.get(), wrap.get()) {
            let el: web_sys::HtmlElement = w.unchecked_into();
            reveal_row(&el, COUNTRIES[i].iso3);
        }
    });
    view! {
        <div class="table-block" id="table">
            <h3 id="table-h">"All 144 countries"</h3>
            <p class="note" inner_html=crate::model::data::CONTENT_TABLE_NOTE.as_str()></p>
            <div class="table-wrap" node_ref=wrap tabindex="0" role="region" aria-labelledby="table-h">
                <table>
                    <caption class="sr-only">
                        "Signatories and non-signatories of the WCIT-12 Final Acts with evidence grade, region, income group and WGI 2011 estimates. Select a column header to sort."
                    </caption>
                    <thead>
                        <tr>{Column::ALL.map(|col| view! { <SortHeader col/> }).collect_view()}</tr>
                    </thead>
                    <tbody node_ref=body inner_html=rows_html on:click=handler(on_click)></tbody>
                </table>
                <div class="empty" hidden=flag(move || c.rows.with(|r| !r.is_empty()))>
                    <p>
                        {text(move || {
                            let q = c.state.with(|s| s.query.trim().to_string());
                            if q.is_empty() {
                                "No country matches these filters.".to_string()
                            } else {
                                format!("No country matches “{q}” with these filters.")
                            }
                        })}
                        " Try another spelling (English or French names both work), or "
                    </p>
                    <button type="button" on:click=handler(move |_| c.state.update(|s| s.clear_filters()))>"clear all filters"</button>
                </div>
            </div>
        </div>
    }
}
