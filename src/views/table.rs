//! The signatory table: all 144 countries, sortable by every column, filtered by the shared state.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx;
use super::kit::{effect, event_target, flag, handler, markup, set_markup, text, Marks};
use crate::model::contract::{Action, CountryId, Mark};
use crate::model::html::Html;
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

/// Scrolls the table box (not the page) so the selected row is visible.
fn reveal_row(wrap: &web_sys::HtmlElement, id: CountryId) {
    let Some(row) = document().get_element_by_id(&id.row_id().to_string()) else {
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
    let body = NodeRef::<leptos::html::Tbody>::new();
    // The table body's one owner: it writes the 144 rows once (their content never changes),
    // then on every run moves them into the sorted order and marks them (rows outside the filter
    // get `hidden`, the selected row `selected`) — nothing is rebuilt.
    let marks: std::cell::RefCell<Option<Marks>> = Default::default();
    effect(move || {
        let order = c.order.get();
        let sel = c.selected.get();
        let Some(tb) = body.get() else { return };
        let tb: web_sys::Element = tb.unchecked_into();
        let mut marks = marks.borrow_mut();
        let marks = marks.get_or_insert_with(|| {
            let rows: Html = CountryId::all().map(table_row).collect();
            set_markup(&tb, &rows);
            Marks::read(&tb, Mark::Hidden)
        });
        marks.arrange(&tb, &order);
        c.mask.with(|m| marks.apply(m, sel));
    });
    // One listener for all rows: a click anywhere in a row (or its name button, by keyboard too)
    // selects the country; the evidence-grade chip only opens its note.
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(t) = event_target(&ev) {
            if let (Action::Select, Some(id)) = (t.action, t.country) {
                c.toggle_select(id);
            }
        }
    };
    effect(move || {
        if let (Some(id), Some(w)) = (c.selected.get(), wrap.get()) {
            let el: web_sys::HtmlElement = w.unchecked_into();
            reveal_row(&el, id);
        }
    });
    view! {
        <div class="table-block" id="table">
            <h3 id="table-h">"All 144 countries"</h3>
            <p class="note" inner_html=markup(|| crate::model::data::CONTENT_TABLE_NOTE.clone())></p>
            <div class="table-wrap" node_ref=wrap tabindex="0" role="region" aria-labelledby="table-h">
                <table>
                    <caption class="sr-only">
                        "Signatories and non-signatories of the WCIT-12 Final Acts with evidence grade, region, income group and WGI 2011 estimates. Select a column header to sort."
                    </caption>
                    <thead>
                        <tr>{Column::ALL.map(|col| view! { <SortHeader col/> }).collect_view()}</tr>
                    </thead>
                    <tbody node_ref=body on:click=handler(on_click)></tbody>
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
