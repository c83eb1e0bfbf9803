//! The story's small map, which clones the vote map's features (`components::map`) instead of
//! carrying a second copy of them in the wasm.

use std::cell::Cell;

use crate::views::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx;
use super::kit::{by_id, effect};
use crate::model::contract::{CountryId, COUNTRY_ATTR, MEMBER_ATTR};
use crate::model::data::STEPS;

/// Id of the vote map's group of features (`components::map::VoteMap`).
const FEATURES: &str = "vote-map-features";

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
