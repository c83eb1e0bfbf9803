//! Section "The final vote": the world map — static markup from `model::sections`, adopted (see
//! `kit::adopt`) — and its downloads. The filters, legend, zoom and finder, selected-country
//! card, breakdowns, share bar and table are components (`crate::components`).

use crate::views::prelude::*;

use super::kit::{adopt, by_id, download_svg, listen_id, set_attr, Format};
use super::map::adopt_vote_map;
use super::{ctx, Ctx};
use crate::model::breakdown::status_counts;
use crate::model::data::{COUNTRIES, MAP_VIEWBOX, MAP_ZOOMS};
use crate::model::story::fit;
use wasm_bindgen::JsCast;

/// Saves the vote map as a file: title, colour key and sources drawn in; zoomed, the part the
/// reader sees, as large as the whole map, with the zoom's labels.
fn save_map(c: Ctx, format: Format) {
    let Some(svg) = by_id("vote-map") else { return };
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (signed, declined) = status_counts(&all);
    let zoom = c
        .state
        .with_untracked(|s| s.zoom)
        .and_then(|k| MAP_ZOOMS.get(k));
    let (viewbox, px) = match zoom {
        Some(z) => {
            let v = fit(z.2);
            ((v.x, v.y, v.w, v.h), MAP_VIEWBOX.2 / v.w)
        }
        None => (MAP_VIEWBOX, 1.0),
    };
    download_svg(
        &svg,
        viewbox,
        px,
        &format!(
            "WCIT-12, 14 Dec 2012: {signed} of {} eligible states signed, {declined} did not{}",
            COUNTRIES.len(),
            zoom.map(|z| format!(" (map: {})", z.1)).unwrap_or_default()
        ),
        &[
            &format!("Vermillion: signed · blue: did not sign · grey: ITU member not among the {}. Statuses graded C/D are inferred.", COUNTRIES.len()),
            "Map: Natural Earth via world-atlas (ISC); small states at world-countries points (ODbL 1.0). WCIT-12: The Final Vote.",
        ],
        "wcit12-map",
        format,
    );
}

/// The selected country's name on the vote map, on its point (the halo and size are CSS, which
/// divides by the zoom's `--z`); the map's own label of that country (at the same point) steps
/// aside, so that the name is not written twice.
fn adopt_selected_label(c: Ctx) {
    let (Some(t), Ok(own)) = (
        by_id("sel-label"),
        document().query_selector_all("#vote-map .map-labels text"),
    ) else {
        return;
    };
    adopt(
        move || c.selected.get(),
        None,
        move |sel| {
            let at = sel.map(|id| id.country().at.map(|v| v.to_string()));
            set_attr(&t, "x", at.as_ref().map(|a| a[0].as_str()));
            set_attr(&t, "y", at.as_ref().map(|a| a[1].as_str()));
            t.set_text_content(sel.map(|id| id.country().short_name()));
            for l in (0..own.length()).filter_map(|k| own.item(k)) {
                let l: web_sys::Element = l.unchecked_into();
                let same = at.as_ref().is_some_and(|a| {
                    l.get_attribute("x").as_ref() == Some(&a[0])
                        && l.get_attribute("y").as_ref() == Some(&a[1])
                });
                set_attr(&l, "visibility", same.then_some("hidden"));
            }
        },
    );
}

/// The section's interactive parts.
pub fn adopt_vote() {
    let c = ctx();
    adopt_vote_map();
    adopt_selected_label(c);
    listen_id("download-map-svg", "click", move |_| {
        save_map(c, Format::Svg)
    });
    listen_id("download-map-png", "click", move |_| {
        save_map(c, Format::Png)
    });
}
