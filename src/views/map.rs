//! World map of the final vote (inline SVG of paths projected at build time) and the shared tooltip.

use std::cell::Cell;

use leptos::prelude::*;

use super::ctx;
use super::kit::{effect, event_target, handler, is_touch, own, set_markup, text, Tip};
use crate::model::breakdown::status_counts;
use crate::model::contract::{Action, CountryId, Mark, COUNTRY_ATTR, MEMBER_ATTR};
use crate::model::data::{
    member_name, Status, COUNTRIES, MAP_SVG, MAP_VIEWBOX_ATTR, NOT_LISTED, STEPS,
};
use crate::model::html::Html;

/// Which map: the interactive one of the vote section, or the story's small step graphic.
#[derive(Clone, Copy, PartialEq)]
pub enum MapMode {
    Vote,
    Story,
}

/// A world map of the 193 ITU Member States: build-time SVG markup (`MAP_SVG`) set by the map's
/// one owner, which also keeps its marks in step with the state; pointer events are handled once
/// on the group (delegation).
#[component]
pub fn WorldMap(
    /// Vote (interactive, filter-aware) or Story (highlights the active step's countries).
    mode: MapMode,
) -> impl IntoView {
    let c = ctx();
    let g_feats = NodeRef::<leptos::svg::G>::new();
    let interactive = mode == MapMode::Vote;
    let show = move |ev: &web_sys::MouseEvent| {
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
        // A tap selects without a floating tooltip: the selected-country card below the map
        // shows the country instead.
        if is_touch(&ev) {
            c.tip.set(None);
        } else {
            show(&ev);
        }
        if let Some(t) = event_target(&ev) {
            if let (Action::Select, Some(id)) = (t.action, t.country) {
                c.toggle_select(id);
            }
        }
    };
    match mode {
        // Vote map: fading and selection on the 144 eligible states.
        MapMode::Vote => own(g_feats, || Html::trusted(MAP_SVG), Some(Mark::Faded)),
        // Story map: its owner writes the same markup once, then re-classes every feature when
        // the step changes.
        MapMode::Story => {
            let written = Cell::new(false);
            effect(move || {
                let step = c.step.get().and_then(|i| STEPS.get(i));
                let Some(g) = g_feats.get() else { return };
                if !written.replace(true) {
                    set_markup(&g, &Html::trusted(MAP_SVG));
                }
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
                on:pointerover=handler(on_hover)
                on:pointermove=handler(on_hover)
                on:pointerout=handler(on_out)
                on:click=handler(on_click)
            ></g>
        </svg>
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
