//! The signatory table: all 144 countries, sortable by every column, filtered and marked by the
//! shared state. The rows are a keyed `<For/>` over the sorted order: a sort moves them, the
//! search and filters hide them (`hidden`), the selection marks one.

use leptos::prelude::*;

use super::chips::{Chip, Note};
use super::{ctx, Ctx};
use crate::model::breakdown::heat_bucket;
use crate::model::contract::CountryId;
use crate::model::data::{conflict, COUNTRIES};
use crate::model::sections::{header_label, sort_marks};
use crate::model::state::Column;
use crate::model::text::fmt_signed;

/// The table's heading text (`#table-h`): how many rows the search and filters leave.
#[component]
pub fn TableHeading() -> impl IntoView {
    let c = ctx();
    move || match c.mask.with(|m| m.iter().filter(|&&x| x).count()) {
        n if n == COUNTRIES.len() => format!("All {n} countries"),
        n => format!("{n} of {} countries shown", COUNTRIES.len()),
    }
}

/// The table in its scroll box, and the empty state (`.table-live` in the table block, after
/// the heading, the note and the phone's indicator picker).
#[component]
pub fn SignatoryTable() -> impl IntoView {
    let c = ctx();
    let wrap = NodeRef::<leptos::html::Div>::new();
    reveal_selected(c, wrap);
    let none_shown = move || !c.mask.with(|m| m.iter().any(|&x| x));
    let empty_text = move || {
        c.query.with(|q| match q.trim() {
            "" => "No country matches these filters.".to_string(),
            q => format!("No country matches “{q}” with these filters."),
        })
    };
    view! {
        <div
            class="table-wrap"
            tabindex="0"
            role="region"
            aria-labelledby="table-h"
            node_ref=wrap
            on:copy=move |ev| copy_rows(&ev)
        >
            <table role="table">
                <caption class="sr-only">
                    "Signatories and non-signatories of the WCIT-12 Final Acts with evidence grade, region, income group and WGI 2011 estimates. Select a column header to sort."
                </caption>
                <thead>
                    <tr role="row">{Column::ALL.map(|col| view! { <Header col/> })}</tr>
                </thead>
                <tbody>
                    <For each=move || c.order.get() key=|i| *i let:i>
                        {CountryId::new(i).map(|id| view! { <Row id/> })}
                    </For>
                </tbody>
            </table>
            <div class="empty" id="table-empty" hidden=move || !none_shown()>
                <p>
                    <span id="empty-text">{empty_text}</span>
                    " Try another spelling (English or French names both work), or "
                </p>
                <button type="button" id="empty-clear" on:click=move |_| c.state.update(|s| s.clear_filters())>
                    "clear all filters"
                </button>
            </div>
        </div>
    }
}

/// Copying rows gives a spreadsheet rows and cells: when the selection spans rows, each row it
/// touches with all its cells (the country by its English name), tab-separated; the grid rows
/// would otherwise copy one cell per line. A selection within one row copies as the browser does.
fn copy_rows(ev: &leptos::ev::ClipboardEvent) {
    use wasm_bindgen::JsCast;
    let (Some(sel), Some(data)) = (window().get_selection().ok().flatten(), ev.clipboard_data())
    else {
        return;
    };
    let Ok(rows) = document().query_selector_all("#table tbody tr:not([hidden])") else {
        return;
    };
    let mut text = String::new();
    let mut n = 0;
    for k in 0..rows.length() {
        let Some(row) = rows.item(k) else { continue };
        if !sel
            .contains_node_with_allow_partial_containment(&row, true)
            .unwrap_or(false)
        {
            continue;
        }
        let row: web_sys::Element = row.unchecked_into();
        let cells = row.children();
        let line: Vec<String> = (0..cells.length())
            .filter_map(|j| {
                // The country's cell: its name button, without the French name under it.
                let cell = cells.item(j)?;
                let el = if j == 0 {
                    cell.first_element_child()?
                } else {
                    cell
                };
                el.dyn_into::<web_sys::HtmlElement>().ok()
            })
            .map(|c| c.inner_text().replace(['\t', '\n'], " "))
            .collect();
        text += &line.join("\t");
        text.push('\n');
        n += 1;
    }
    if n > 1 && data.set_data("text/plain", &text).is_ok() {
        ev.prevent_default();
    }
}

/// A column header: a button that sorts by the column (again: the other direction), its
/// `aria-sort` and arrow following the sort.
#[component]
fn Header(col: Column) -> impl IntoView {
    let c = ctx();
    let (short, long) = header_label(col);
    let marks = move || sort_marks(col, c.sort.get());
    let class = match col {
        Column::Name => "sticky-col",
        c if c.is_numeric() => "num",
        _ => "",
    };
    let sr = if col.is_numeric() {
        format!(" ({long}, WGI 2011)")
    } else {
        long.to_string()
    };
    view! {
        <th scope="col" class=class aria-sort=move || marks().0>
            <button
                type="button"
                data-sort=col.slug()
                title=if col.is_numeric() { long } else { "" }
                on:click=move |_| c.state.update(|s| s.toggle_sort(col))
            >
                {short}
                {(!sr.is_empty()).then(|| view! { <span class="sr-only">{sr}</span> })}
                <span class="arrow" aria-hidden="true">{move || marks().1}</span>
            </button>
        </th>
    }
}

/// One row. A click anywhere in it (or on its name button, by keyboard too) selects the country;
/// the chips only open their notes.
#[component]
fn Row(id: CountryId) -> impl IntoView {
    let c = ctx();
    let k = id.country();
    let i = id.index();
    let selected = move || c.selected.get() == Some(id);
    let pressed = move || {
        if selected() {
            "true"
        } else {
            "false"
        }
    };
    let wgi = k.wgi.map(|w| {
        let (class, text) = match w.est() {
            Some(v) => (format!("num h{}", heat_bucket(v)), fmt_signed(v)),
            None => ("num na".to_string(), "n/a".to_string()),
        };
        view! { <td class=class>{text}</td> }
    });
    view! {
        <tr
            id=id.row_id().to_string()
            role="row"
            hidden=move || !c.mask.with(|m| m[i])
            class:selected=selected
            on:click=move |_| c.toggle_select(id)
        >
            <th scope="row" role="rowheader" class="sticky-col">
                <button class="linkish" aria-pressed=pressed>
                    {k.name_en}
                </button>
                <span class="fr" lang="fr">{k.name_fr}</span>
            </th>
            <td class=format!("badge {}", k.status.slug())>
                {k.status_text()}
            </td>
            <td class="chips">
                <Chip id note=Note::Grade scope="t"/>
                {conflict(i).is_some().then(|| view! { <Chip id note=Note::Conflict scope="t"/> })}
            </td>
            <td>{k.region.label()}</td>
            <td>{k.income.label()}</td>
            {wgi}
        </tr>
    }
}

/// Scrolls the table box (not the page) so that a newly selected row is in view: once the
/// browser has laid the rows out, after the same change may have re-sorted or hidden them.
fn reveal_selected(c: Ctx, wrap: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        if let Some(id) = c.selected.get() {
            request_animation_frame(move || {
                if let Some(w) = wrap.get_untracked() {
                    scroll_into_box(&w, id);
                }
            });
        }
    });
}

fn scroll_into_box(wrap: &web_sys::HtmlDivElement, id: CountryId) {
    let Ok(Some(row)) = wrap.query_selector(&format!("#{}", id.row_id())) else {
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
