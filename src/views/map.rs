//! The world maps: the vote map of the static page (`model::sections`: features written by the
//! build), adopted here, and the story's small map, which clones the vote map's features instead
//! of carrying a second copy of them in the wasm.

use std::cell::Cell;

use crate::views::prelude::*;
use wasm_bindgen::JsCast;

use super::kit::{adopt, by_id, effect, event_target, is_touch, listen, Marks};
use super::{ctx, Ctx};
use crate::components::Tip;
use crate::model::contract::{Action, CountryId, COUNTRY_ATTR, MEMBER_ATTR};
use crate::model::data::{member_name, STEPS};

/// Id of the vote map's group of features (`model::sections::vote_app`).
const FEATURES: &str = "vote-map-features";

/// Shows the tooltip for the feature under the pointer.
fn show_tip(c: Ctx, ev: &web_sys::MouseEvent) {
    let Some(t) = event_target(ev) else { return };
    c.tip.set(Some(Tip {
        country: t.country,
        other: t
            .country
            .is_none()
            .then(|| t.member.and_then(member_name))
            .flatten(),
        value: None,
        x: ev.client_x() as f64,
        y: ev.client_y() as f64,
        touch: false,
    }));
}

/// The vote map: fades the countries outside the search and filters, marks the selected one,
/// shows a tooltip on hover and selects on click (a tap selects without a tooltip: the
/// selected-country card shows the country).
pub fn adopt_vote_map() {
    let c = ctx();
    let Some(g) = by_id(FEATURES) else { return };
    let marks: std::cell::RefCell<Option<Marks>> = Default::default();
    let g2 = g.clone();
    adopt(
        move || (c.mask.get(), c.selected.get()),
        (vec![true; crate::model::data::COUNTRIES.len()], None),
        move |(mask, sel)| {
            let mut m = marks.borrow_mut();
            let m = m.get_or_insert_with(|| Marks::adopted(&g2));
            m.apply(mask, *sel);
        },
    );
    let hover = move |ev: web_sys::Event| {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        if ev.pointer_type() == "mouse" {
            show_tip(c, &ev);
        }
    };
    listen(&g, "pointerover", hover);
    listen(&g, "pointermove", hover);
    listen(&g, "pointerout", move |ev| {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        if ev.pointer_type() == "mouse" {
            c.tip.set(None);
        }
    });
    listen(&g, "click", move |ev| {
        if is_touch(&ev) {
            c.tip.set(None);
        } else {
            show_tip(c, ev.unchecked_ref());
        }
        if let Some(t) = event_target(&ev) {
            if let (Action::Select, Some(id)) = (t.action, t.country) {
                c.toggle_select(id);
            }
        }
    });
}

/// The story's small map (`#story-map`, static): a copy of the vote map's features, made once,
/// re-classed for the active step (`Step::map_class`). The copy is classed for the first step
/// while it is outside the page and put in with one insertion: inserting and re-classing 193
/// shapes one by one took 60–80 ms under Lighthouse (whose DevTools connection reports each DOM
/// change), about 10 ms in a browser alone.
pub fn adopt_story_map() {
    let c = ctx();
    let (Some(empty), Some(svg), Some(copy)) = (
        by_id("story-map-features"),
        by_id("story-map"),
        by_id(FEATURES).and_then(|src| src.clone_node_with_deep(true).ok()),
    ) else {
        return;
    };
    let g: web_sys::Element = copy.unchecked_into();
    g.set_id("story-map-features");
    let empty = Cell::new(Some(empty));
    effect(move || {
        let step = c.step.get().and_then(|i| STEPS.get(i));
        let list = g.children();
        for k in 0..list.length() {
            let Some(el) = list.item(k) else { continue };
            let Some(iso3) = el.get_attribute(MEMBER_ATTR) else {
                continue;
            };
            let country = el
                .get_attribute(COUNTRY_ATTR)
                .and_then(|i| CountryId::parse(&i));
            let class = match step {
                Some(st) => st.map_class(&iso3, country.map(CountryId::index)),
                None => "feat quiet",
            };
            let _ = el.set_attribute("class", class);
        }
        if let Some(e) = empty.take() {
            let _ = e.replace_with_with_node_1(&g);
        }
        let label = match step {
            Some(st) if st.all_by_status => {
                "World map: the 144 eligible states coloured by whether they signed.".to_string()
            }
            Some(st) if !st.countries.is_empty() => {
                format!("World map highlighting: {}.", st.names().join(", "))
            }
            _ => "Small world map highlighting the countries named in the current step of the timeline.".to_string(),
        };
        let _ = svg.set_attribute("aria-label", &label);
    });
}
