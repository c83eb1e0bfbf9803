//! The signatory table: all 144 countries, sortable by every column, filtered by the shared state.
//! The build writes its header and rows in the default order (`model::sections`); this view
//! moves, hides and marks those rows — it never rebuilds them.

use crate::views::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx;
use super::kit::{adopt, by_id, event_target, listen, listen_id, set_attr, set_text, Marks};
use crate::model::contract::{Action, CountryId, Mark};
use crate::model::data::COUNTRIES;
use crate::model::sections::sort_marks;
use crate::model::state::{sorted_all, Column, State};

/// Scrolls the table box (not the page) so the selected row is visible.
fn reveal_row(wrap: &web_sys::Element, id: CountryId) {
    let Some(row) = by_id(&id.row_id().to_string()) else {
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

/// The table of all 144: sort headers, rows, empty state.
pub fn adopt_table() {
    let c = ctx();
    let st = c.state;
    let Some(block) = by_id("table") else { return };
    let (Ok(Some(thead)), Ok(Some(tbody)), Ok(Some(wrap))) = (
        block.query_selector("thead"),
        block.query_selector("tbody"),
        block.query_selector(".table-wrap"),
    ) else {
        return;
    };
    let built = State::default();
    // Headers: one listener; each header's `aria-sort` and arrow follow the sort.
    listen(&thead, "click", move |ev| {
        let slug = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-sort]").ok().flatten())
            .and_then(|b| b.get_attribute("data-sort"));
        if let Some(col) = slug.as_deref().and_then(Column::from_slug) {
            st.update(|s| s.toggle_sort(col));
        }
    });
    let heads = thead.query_selector_all("th").ok();
    adopt(
        move || st.with(|s| s.sort),
        built.sort,
        move |sort| {
            let Some(list) = &heads else { return };
            for (k, col) in Column::ALL.iter().enumerate() {
                let Some(th) = list
                    .item(k as u32)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let (aria, arrow) = sort_marks(*col, *sort);
                let _ = th.set_attribute("aria-sort", aria);
                if let Ok(Some(a)) = th.query_selector(".arrow") {
                    a.set_text_content(Some(arrow));
                }
            }
        },
    );
    // Rows: the body's one owner moves them into the sorted order and marks them (rows outside
    // the search and filters get `hidden`, the selected row `selected`).
    let body: web_sys::Element = tbody.clone();
    let marks: std::cell::RefCell<Option<Marks>> = Default::default();
    let built_order = sorted_all(&COUNTRIES, built.sort);
    let first_order = built_order.clone();
    adopt(
        move || (c.order.get(), c.mask.get(), c.selected.get()),
        (built_order, vec![true; COUNTRIES.len()], None),
        move |(order, mask, sel)| {
            let mut m = marks.borrow_mut();
            let m =
                m.get_or_insert_with(|| Marks::adopted(&body, Mark::Hidden, first_order.clone()));
            m.arrange(&body, order);
            m.apply(mask, *sel);
        },
    );
    // A click anywhere in a row (or its name button, by keyboard too) selects the country; the
    // evidence-grade chip only opens its note.
    listen(&tbody, "click", move |ev| {
        if let Some(t) = event_target(&ev) {
            if let (Action::Select, Some(id)) = (t.action, t.country) {
                c.toggle_select(id);
            }
        }
    });
    adopt(
        move || c.selected.get(),
        None,
        move |sel| {
            if let Some(id) = sel {
                reveal_row(&wrap, *id);
            }
        },
    );
    // Empty state.
    if let Some(empty) = by_id("table-empty") {
        adopt(
            move || c.mask.with(|m| m.iter().any(|&x| x)),
            true,
            move |any| set_attr(&empty, "hidden", any.then_some("")),
        );
    }
    adopt(
        move || st.with(|s| s.query.trim().to_string()),
        String::new(),
        |q| {
            set_text(
                "empty-text",
                &if q.is_empty() {
                    "No country matches these filters.".to_string()
                } else {
                    format!("No country matches “{q}” with these filters.")
                },
            )
        },
    );
    listen_id("empty-clear", "click", move |_| {
        st.update(|s| s.clear_filters())
    });
}
