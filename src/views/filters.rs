//! The search box and filters that drive the map, table and charts together (static markup from
//! `model::sections`, adopted).

use crate::views::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx;
use super::kit::{adopt, by_id, listen, listen_id, set_attr, set_text};
use crate::model::breakdown::summary_line;
use crate::model::state::{indices, Facet, State};

/// The value of the input or select an event came from.
pub(super) fn value_of(ev: &web_sys::Event) -> String {
    let Some(t) = ev.target() else {
        return String::new();
    };
    match t.dyn_into::<web_sys::HtmlInputElement>() {
        Ok(i) => i.value(),
        Err(t) => t
            .dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default(),
    }
}

/// Search, the three filters, "Clear filters" and the summary line.
pub fn adopt_filters() {
    let c = ctx();
    let st = c.state;
    let built = State::default();
    if let Some(input) = by_id("search") {
        listen(&input, "input", move |ev| {
            let v = value_of(&ev);
            st.update(|s| s.query = v);
        });
        // The box shows the state's query (a shared link, "Clear filters", back/forward), and is
        // left alone while the reader types what the state already holds.
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        // The app takes the page over in parts (`views::app`): what a reader typed or chose
        // before this part was reached wins over the default the control was built with.
        let typed = input.value();
        if !typed.is_empty() && st.with_untracked(|s| s.query.is_empty()) {
            st.update(|s| s.query = typed);
        }
        adopt(
            move || st.with(|s| s.query.clone()),
            String::new(),
            move |q| {
                if input.value() != *q {
                    input.set_value(q);
                }
            },
        );
    }
    for (facet, id) in [
        (Facet::Status, "f-status"),
        (Facet::Region, "f-region"),
        (Facet::Income, "f-income"),
    ] {
        let Some(sel) = by_id(id) else { continue };
        listen(&sel, "change", move |ev| {
            let v = value_of(&ev);
            st.update(|s| facet.set(s, &v));
        });
        let sel: web_sys::HtmlSelectElement = sel.unchecked_into();
        let chosen = sel.value();
        if chosen != facet.get(&built) && st.with_untracked(|s| facet.get(s) == facet.get(&built)) {
            st.update(|s| facet.set(s, &chosen));
        }
        adopt(
            move || st.with(|s| facet.get(s)),
            facet.get(&built),
            move |v| sel.set_value(v),
        );
    }
    listen_id("clear-filters", "click", move |_| {
        st.update(|s| s.clear_filters())
    });
    if let Some(b) = by_id("clear-filters") {
        adopt(
            move || st.with(|s| s.is_unfiltered()),
            true,
            move |off| set_attr(&b, "disabled", off.then_some("")),
        );
    }
    adopt(
        move || c.mask.get(),
        vec![true; crate::model::data::COUNTRIES.len()],
        |mask| set_text("summary", &summary_line(&indices(mask))),
    );
}
