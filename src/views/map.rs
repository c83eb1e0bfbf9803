//! World map of the final vote (inline SVG of paths projected at build time) and the shared tooltip.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::table::sync_marks;
use super::{ctx, effect, flag, handler, target_attr, target_index, text, Tip};
use crate::model::breakdown::status_counts;
use crate::model::data::{
    member_name, Status, COUNTRIES, MAP_SVG, MAP_VIEWBOX_ATTR, NOT_LISTED, STEPS,
};
use crate::model::markup::tooltip;
use crate::model::text::fmt_fixed;

/// Which map: the interactive one of the vote section, or the story's small step graphic.
#[derive(Clone, Copy, PartialEq)]
pub enum MapMode {
    Vote,
    Story,
}

/// A world map of the 193 ITU Member States: build-time SVG markup (`MAP_SVG`), classes kept in
/// step with the state by one effect, pointer events handled once on the group (delegation).
#[component]
pub fn WorldMap(
    /// Vote (interactive, filter-aware) or Story (highlights the active step's countries).
    mode: MapMode,
) -> impl IntoView {
    let c = ctx();
    let g_feats = NodeRef::<leptos::svg::G>::new();
    let interactive = mode == MapMode::Vote;
    let show = move |ev: &web_sys::MouseEvent| {
        let iso3 = target_attr(ev, "data-iso3");
        let country = target_index(ev);
        if country.is_none() && iso3.is_none() {
            return;
        }
        c.tip.set(Some(Tip {
            country,
            other: country
                .is_none()
                .then(|| iso3.as_deref().and_then(member_name))
                .flatten(),
            value: None,
            x: ev.client_x() as f64,
            y: ev.client_y() as f64,
        }));
    };
    let on_hover = move |ev: web_sys::PointerEvent| {
        if interactive && ev.pointer_type() == "mouse" {
            show(&ev);
        }
    };
    let on_out = move |ev: web_sys::PointerEvent| {
        if interactive && ev.pointer_type() == "mouse" {
            c.tip.set(None);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if !interactive {
            return;
        }
        show(&ev);
        if let Some(i) = target_index(&ev) {
            c.toggle_select(i);
        }
    };
    match mode {
        // Vote map: fading and selection on the 144 eligible states.
        MapMode::Vote => sync_marks(g_feats, false, || ()),
        // Story map: every feature re-classed when the step changes.
        MapMode::Story => {
            effect(move || {
                let step = c.step.get().and_then(|i| STEPS.get(i));
                let Some(g) = g_feats.get() else { return };
                let list = g.children();
                for k in 0..list.length() {
                    let Some(el) = list.item(k) else { continue };
                    let Some(iso3) = el.get_attribute("data-iso3") else {
                        continue;
                    };
                    let country = el.get_attribute("data-i").and_then(|i| i.parse().ok());
                    let class = match step {
                        Some(st) => st.map_class(&iso3, country),
                        None => "feat quiet",
                    };
                    let _ = el.set_attribute("class", class);
                }
            });
        }
    }
    let label = move || {
        match mode {
        MapMode::Vote => "World map of the WCIT-12 final vote: 89 Member States signed (vermillion), 55 did not (bluish green), 49 ITU members were not among the 144 eligible to sign (grey). Small states are drawn as dots. The table below lists every country.".to_string(),
        MapMode::Story => match c.step.get().and_then(|i| STEPS.get(i)) {
            Some(st) if st.all_by_status => {
                "World map: the 144 eligible states coloured by whether they signed.".to_string()
            }
            Some(st) if !st.countries.is_empty() => {
                format!("World map highlighting: {}.", st.names().join(", "))
            }
            _ => "Small world map highlighting the countries named in the current step of the timeline.".to_string(),
        },
    }
    };
    view! {
        <svg
            class=match mode { MapMode::Vote => "worldmap vote-map", MapMode::Story => "worldmap story-map" }
            viewBox=MAP_VIEWBOX_ATTR
            role="img"
            aria-label=text(label)
            preserveAspectRatio="xMidYMid meet"
        >
            <g
                node_ref=g_feats
                inner_html=MAP_SVG
                on:pointerover=handler(on_hover)
                on:pointermove=handler(on_hover)
                on:pointerout=handler(on_out)
                on:click=handler(on_click)
            ></g>
        </svg>
    }
}

/// The one tooltip of the page (map features and chart dots), positioned near the pointer.
#[component]
pub fn Tooltip() -> impl IntoView {
    let c = ctx();
    // Tapping or clicking anything that is not a tooltip target closes it.
    let close = gloo_events::EventListener::new(&document(), "click", move |ev| {
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-tip]").ok().flatten())
            .is_some();
        if !inside {
            c.tip.set(None);
        }
    });
    // Mounted once for the page's lifetime.
    close.forget();
    let pos = move || {
        c.tip.with(|t| match t {
            Some(t) => {
                let w = window()
                    .inner_width()
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(800.0);
                let left = (t.x + 14.0).min(w - 250.0).max(4.0);
                format!(
                    "left:{}px;top:{}px",
                    fmt_fixed(left, 0),
                    fmt_fixed(t.y + 14.0, 0)
                )
            }
            None => String::new(),
        })
    };
    view! {
        <div
            class="tooltip"
            role="tooltip"
            id="tooltip"
            style=text(pos)
            hidden=flag(move || c.tip.with(|t| t.is_none()))
            inner_html=text(move || {
                c.tip.with(|t| match t {
                    Some(t) => tooltip(t.country, t.other, t.value.as_deref()),
                    None => String::new(),
                })
            })
        ></div>
    }
}

/// Legend of the vote map; the status entries double as a filter toggle.
#[component]
pub fn Legend() -> impl IntoView {
    let st = ctx().state;
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (n_signed, n_declined) = status_counts(&all);
    let entry = move |s: Status, n: usize| {
        let on = move || st.with(|x| x.status == Some(s));
        view! {
            <button
                type="button"
                class=format!("legend-item {}", s.slug())
                aria-pressed=text(move || if on() { "true" } else { "false" }.into())
                title="Show only these countries (select again to show all)"
                on:click=handler(move |_| st.update(|x| x.status = if x.status == Some(s) { None } else { Some(s) }))
            >
                <span class="swatch" aria-hidden="true"></span>
                {format!("{} ({n})", s.label())}
            </button>
        }
    };
    view! {
        <div class="legend" role="group" aria-label="Map legend and status filter">
            {entry(Status::Signed, n_signed)}
            {entry(Status::Declined, n_declined)}
            <span class="legend-item notlisted">
                <span class="swatch" aria-hidden="true"></span>
                {format!("ITU member, not among the {} ({})", COUNTRIES.len(), NOT_LISTED.len())}
            </span>
            <span class="legend-item other"><span class="swatch" aria-hidden="true"></span>"Not an ITU member state"</span>
        </div>
    }
}
