//! The vote map: the world's 193 ITU members drawn by the build (Natural Earth outlines, dots for
//! small states), coloured by status; the countries outside the search and filters faded, the
//! selected one marked and named; a tooltip on hover, a selection on click or tap; its direct
//! labels per zoom; its downloads.

use leptos::prelude::*;

use super::{ctx, Ctx, Tip};
use crate::browser::{download_svg, is_touch, Format, PNG_FAILED};
use crate::model::breakdown::status_counts;
use crate::model::contract::{CountryId, MEMBER_ATTR};
use crate::model::data::{member_name, COUNTRIES, MAP_VIEWBOX, MAP_VIEWBOX_ATTR, MAP_ZOOMS};
use crate::model::sections::vote_map_label;
#[cfg(not(target_arch = "wasm32"))]
use crate::model::sections::{MAP_LABELLED, ZOOM_LABELLED};
use crate::model::story::fit;

/// The map's features, fixed at build time (`build.rs` projects and checks them): written into
/// the page by the build-time render; the app hydrates the nodes and never writes them again, so
/// the wasm does not carry them.
#[cfg(not(target_arch = "wasm32"))]
const FEATURES: &str = crate::model::data::MAP_SVG;
#[cfg(target_arch = "wasm32")]
const FEATURES: &str = "";

/// The map's direct labels, one group per view: the world's (hidden on narrow screens, where they
/// would be too small) and each zoom's (shown only in that zoom: `page::zoom_style`),
/// each on its country's point. Fixed at build time, like the features; the map's label of the
/// selected country steps aside by CSS (`data-sel` on the map).
#[cfg(not(target_arch = "wasm32"))]
fn labels() -> String {
    std::iter::once(("world", &MAP_LABELLED[..]))
        .chain(ZOOM_LABELLED.iter().map(|(z, l)| (*z, *l)))
        .map(|(z, list)| {
            let texts = list
                .iter()
                .filter_map(|&(iso3, name)| {
                    let [x, y] = CountryId::by_iso3(iso3)?.country().at;
                    Some(view! { <text x=x y=y data-l=iso3>{name}</text> })
                })
                .collect_view();
            view! { <g class="map-labels" data-z=z aria-hidden="true">{texts}</g> }.to_html()
        })
        .collect()
}
#[cfg(target_arch = "wasm32")]
fn labels() -> &'static str {
    ""
}

/// The Europe inset of the world view, fixed at build time: the map's point in a sentence
/// counted from the data, and the map's own features drawn again larger (`<use>`, so the fills,
/// fades and selection follow the map's), with the zoom's labels. The drawing is a label of the
/// Europe zoom's radio button: selecting it zooms there, with or without JavaScript.
#[cfg(not(target_arch = "wasm32"))]
fn inset() -> String {
    use crate::model::data::MAP_INSET;
    use crate::model::sections::europe_note;
    use crate::model::text::fmt_fixed;
    let [x0, y0, x1, y1] = MAP_INSET;
    // Drawn 15.5rem wide (style: .inset): 12.5 px text and 3 px halos on screen, in map units;
    // `--z`, the inset's scale over the world map's (1,107 px wide at 1440 px), keeps strokes
    // and dots at the world map's size.
    let unit = (x1 - x0) / 248.0;
    let z = MAP_VIEWBOX.2 / 1107.0 / unit;
    let names = crate::model::sections::inset_labels(MAP_INSET, unit)
        .into_iter()
        .map(|(x, y, name)| view! { <text x=x y=y>{name}</text> })
        .collect_view();
    view! {
        <p class="inset-note">{europe_note()}</p>
        <label for="zoom-europe" aria-hidden="true">
            <svg
                class="worldmap inset-map"
                viewBox=format!("{} {} {} {}", fmt_fixed(x0, 1), fmt_fixed(y0, 1), fmt_fixed(x1 - x0, 1), fmt_fixed(y1 - y0, 1))
                focusable="false"
                style=format!("--z:{}", fmt_fixed(z, 2))
            >
                <use href="#vote-map-features"></use>
                <g
                    class="inset-labels"
                    font-size=fmt_fixed(12.5 * unit, 2)
                    stroke-width=fmt_fixed(3.0 * unit, 2)
                >
                    {names}
                </g>
            </svg>
        </label>
    }
    .to_html()
}
#[cfg(target_arch = "wasm32")]
fn inset() -> &'static str {
    ""
}

/// The vote map in its box, and the note with its downloads.
#[component]
pub fn VoteMap() -> impl IntoView {
    let c = ctx();
    let features = NodeRef::<leptos::svg::G>::new();
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let png_failed = RwSignal::new(false);
    mark_features(c, features);
    let at = move || {
        c.selected
            .get()
            .map(|id| id.country().at.map(|v| v.to_string()))
    };
    view! {
        <div class="map-box">
            <div class="zoom">
                <svg
                    class="worldmap vote-map"
                    id="vote-map"
                    viewBox=MAP_VIEWBOX_ATTR
                    role="img"
                    aria-label=vote_map_label()
                    preserveAspectRatio="xMidYMid meet"
                    data-sel=move || c.selected.get().map(|id| id.country().iso3)
                    node_ref=svg
                >
                    <g
                        id="vote-map-features"
                        inner_html=FEATURES
                        node_ref=features
                        on:pointerover=move |ev| {
                            if ev.pointer_type() == "mouse" {
                                show_tip(c, &ev);
                            }
                        }
                        on:pointermove=move |ev| {
                            if ev.pointer_type() == "mouse" {
                                show_tip(c, &ev);
                            }
                        }
                        on:pointerout=move |ev| {
                            if ev.pointer_type() == "mouse" {
                                c.tip.set(None);
                            }
                        }
                        on:click=move |ev| {
                            if is_touch(&ev) {
                                c.tip.set(None);
                            } else {
                                show_tip(c, &ev);
                            }
                            if let Some((Some(id), _)) = feature_of(&ev) {
                                c.toggle_select(id);
                            }
                        }
                    ></g>
                    <g class="labels" inner_html=labels()></g>
                    <text
                        id="sel-label"
                        aria-hidden="true"
                        x=move || at().map(|a| a[0].clone())
                        y=move || at().map(|a| a[1].clone())
                    >
                        {move || c.selected.get().map(|id| id.country().short_name())}
                    </text>
                </svg>
            </div>
            <div class="inset" inner_html=inset()></div>
        </div>
        <p class="note">
            "Natural Earth 1:110m outlines; states too small for that scale are dots. "
            <span class="phone-only">"On a phone the world map scrolls sideways. "</span>
            <span class="needs-app">
                "Hover or tap a country for details; select it to follow it. "
                <span class="dl">
                    "Download the map: "
                    <button type="button" class="svg-dl" id="download-map-svg" on:click=move |_| save_map(c, svg, Format::Svg, png_failed)>
                        "SVG"
                    </button>
                    " "
                    <button type="button" class="svg-dl" id="download-map-png" on:click=move |_| save_map(c, svg, Format::Png, png_failed)>
                        "PNG"
                    </button>
                    <span class="dl-failed" role="status">{move || png_failed.get().then_some(PNG_FAILED)}</span>
                </span>
            </span>
        </p>
    }
}

/// Fades the features outside the search and filters and marks the selected one. The features
/// are the build's markup, not nodes this component made: an effect marks them through their
/// group, touching only what changed.
fn mark_features(c: Ctx, features: NodeRef<leptos::svg::G>) {
    // Each feature of one of the 144 with its country, and what it shows now.
    let marked = std::cell::RefCell::new(None::<Vec<super::Marked>>);
    super::effect(move || {
        let (mask, sel) = (c.mask.get(), c.selected.get());
        let Some(g) = features.get() else { return };
        let mut m = marked.borrow_mut();
        let list = m.get_or_insert_with(|| {
            let kids = g.children();
            (0..kids.length())
                .filter_map(|k| kids.item(k))
                .filter_map(|el| {
                    let id = CountryId::by_iso3(&el.get_attribute(MEMBER_ATTR)?)?;
                    Some(super::Marked::read(el, id))
                })
                .collect()
        });
        super::mark(list, &mask, sel);
    });
}

/// The feature an event happened on: its country (one of the 144) and its ITU member code.
fn feature_of(ev: &web_sys::Event) -> Option<(Option<CountryId>, String)> {
    use wasm_bindgen::JsCast;
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let el = el.closest("[data-iso3]").ok()??;
    let iso3 = el.get_attribute(MEMBER_ATTR)?;
    Some((CountryId::by_iso3(&iso3), iso3))
}

/// The tooltip for the feature under the pointer.
fn show_tip(c: Ctx, ev: &web_sys::MouseEvent) {
    let Some((country, iso3)) = feature_of(ev) else {
        return;
    };
    c.tip.set(Some(Tip {
        country,
        other: country.is_none().then(|| member_name(&iso3)).flatten(),
        value: None,
        x: ev.client_x() as f64,
        y: ev.client_y() as f64,
        touch: false,
    }));
}

/// Saves the vote map as a file: title, colour key and sources drawn in; zoomed, the part the
/// reader sees, as large as the whole map, with the zoom's labels.
fn save_map(c: Ctx, svg: NodeRef<leptos::svg::Svg>, format: Format, failed: RwSignal<bool>) {
    let Some(svg) = svg.get_untracked() else {
        return;
    };
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
            "WCIT-12, 14 Dec 2012: {signed} of {} states present and accredited signed, {declined} did not{}",
            COUNTRIES.len(),
            zoom.map(|z| format!(" (map: {})", z.1)).unwrap_or_default()
        ),
        &[
            &format!("Vermillion: signed · blue: did not sign · muted: inferred, not confirmed (graded C/D) · grey: ITU member not among the {}.", COUNTRIES.len()),
            "Map: Natural Earth via world-atlas (ISC); small states at world-countries points (ODbL 1.0). WCIT-12: The Final Vote.",
        ],
        "wcit12-map",
        format,
        failed,
    );
}
