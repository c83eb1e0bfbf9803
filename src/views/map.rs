//! World map of the final vote (inline SVG of paths projected at build time) and the shared tooltip.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::table::sync_marks;
use super::{ctx, Tip};
use crate::model::breakdown::status_counts;
use crate::model::data::{
    Shape, Status, COUNTRIES, MAP_BACKGROUND, MAP_FEATURES, MAP_VIEWBOX, NOT_LISTED, STEPS,
};

/// Which map: the interactive one of the vote section, or the story's small step graphic.
#[derive(Clone, Copy, PartialEq)]
pub enum MapMode {
    Vote,
    Story,
}

fn viewbox() -> String {
    let (x, y, w, h) = MAP_VIEWBOX;
    format!("{x} {y} {w} {h}")
}

/// Class of a feature in the vote map (its status); fading and selection are toggled separately.
fn vote_class(k: usize) -> impl Fn() -> String {
    let f = &MAP_FEATURES[k];
    let class = match f.country {
        None => "feat notlisted".to_string(),
        Some(i) => format!("feat {}", COUNTRIES[i as usize].status.slug()),
    };
    move || class.clone()
}

/// Class of a feature in the story graphic: named by the active step, or coloured by status on Day 12.
fn story_class(k: usize) -> impl Fn() -> String {
    let c = ctx();
    let f = &MAP_FEATURES[k];
    move || {
        let step = c.step.get().and_then(|i| STEPS.get(i));
        match step {
            Some(st) if st.all_by_status => match f.country {
                Some(i) => format!("feat {}", COUNTRIES[i as usize].status.slug()),
                None => "feat notlisted".into(),
            },
            Some(st) if st.countries.contains(&f.iso3) => "feat named".into(),
            _ => "feat quiet".into(),
        }
    }
}

fn client_point(ev: &web_sys::MouseEvent) -> (f64, f64) {
    (ev.client_x() as f64, ev.client_y() as f64)
}

/// A world map of the 193 ITU Member States.
#[component]
pub fn WorldMap(
    /// Vote (interactive, filter-aware) or Story (highlights the active step's countries).
    mode: MapMode,
) -> impl IntoView {
    let c = ctx();
    let feats = (0..MAP_FEATURES.len()).map(move |k| {
        let f = &MAP_FEATURES[k];
        let class: Box<dyn Fn() -> String + Send + Sync> = match mode {
            MapMode::Vote => Box::new(vote_class(k)),
            MapMode::Story => Box::new(story_class(k)),
        };
        let show = move |ev: web_sys::MouseEvent| {
            let (x, y) = client_point(&ev);
            c.tip.set(Some(Tip {
                country: f.country.map(|i| i as usize),
                other: f.country.is_none().then_some(f.name),
                value: None,
                x,
                y,
            }));
        };
        let interactive = mode == MapMode::Vote;
        let on_enter = move |ev: web_sys::PointerEvent| {
            if interactive && ev.pointer_type() == "mouse" {
                show(ev.unchecked_into());
            }
        };
        let on_move = move |ev: web_sys::PointerEvent| {
            if interactive && ev.pointer_type() == "mouse" {
                show(ev.unchecked_into());
            }
        };
        let on_leave = move |ev: web_sys::PointerEvent| {
            if interactive && ev.pointer_type() == "mouse" {
                c.tip.set(None);
            }
        };
        let on_click = move |ev: web_sys::MouseEvent| {
            if !interactive {
                return;
            }
            show(ev);
            if let Some(i) = f.country {
                c.toggle_select(i as usize);
            }
        };
        match f.shape {
            Shape::Path(d) => view! {
                <path
                    d=d
                    class=class
                    data-i=f.country
                    data-iso3=f.iso3
                    data-tip="1"
                    on:pointerenter=on_enter
                    on:pointermove=on_move
                    on:pointerleave=on_leave
                    on:click=on_click
                ></path>
            }
            .into_any(),
            Shape::Dot(x, y) => view! {
                <g class=class data-i=f.country data-iso3=f.iso3 data-tip="1" data-dot="1"
                    on:pointerenter=on_enter
                    on:pointermove=on_move
                    on:pointerleave=on_leave
                    on:click=on_click
                >
                    <circle class="hit" cx=x cy=y r="9"></circle>
                    <circle class="dot" cx=x cy=y r="3.6"></circle>
                </g>
            }
            .into_any(),
        }
    });
    let summary = match mode {
        MapMode::Vote => "World map of the WCIT-12 final vote: 89 Member States signed (vermillion), 55 did not (bluish green), 49 ITU members were not among the 144 eligible to sign (grey). Small states are drawn as dots. The table below lists every country.".to_string(),
        MapMode::Story => "Small world map highlighting the countries named in the current step of the timeline.".to_string(),
    };
    let label = move || match mode {
        MapMode::Vote => summary.clone(),
        MapMode::Story => {
            let step = c.step.get().and_then(|i| STEPS.get(i));
            match step {
                Some(st) if st.all_by_status => {
                    "World map: the 144 eligible states coloured by whether they signed."
                        .to_string()
                }
                Some(st) if !st.countries.is_empty() => format!(
                    "World map highlighting: {}.",
                    st.countries
                        .iter()
                        .filter_map(|iso| MAP_FEATURES
                            .iter()
                            .find(|f| f.iso3 == *iso)
                            .map(|f| f.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                _ => summary.clone(),
            }
        }
    };
    // Vote map: one effect toggles fading and selection on the 144 eligible states.
    let g_feats = NodeRef::<leptos::svg::G>::new();
    if mode == MapMode::Vote {
        sync_marks(g_feats, false, || ());
    }
    view! {
        <svg
            class=match mode { MapMode::Vote => "worldmap vote-map", MapMode::Story => "worldmap story-map" }
            viewBox=viewbox()
            role="img"
            aria-label=label
            data-testid=match mode { MapMode::Vote => "map", MapMode::Story => "story-map" }
            preserveAspectRatio="xMidYMid meet"
        >
            <path class="background" d=MAP_BACKGROUND aria-hidden="true"></path>
            <g node_ref=g_feats>{feats.collect_view()}</g>
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
                format!("left:{left:.0}px;top:{:.0}px", t.y + 14.0)
            }
            None => String::new(),
        })
    };
    view! {
        <div class="tooltip" role="tooltip" data-testid="tooltip" style=pos hidden=move || c.tip.with(|t| t.is_none())>
            {move || c.tip.get().map(|t| match (t.country, t.other) {
                (Some(i), _) => {
                    let k = &COUNTRIES[i];
                    view! {
                        <strong>{k.name_en}</strong>
                        <span class=format!("tt-status {}", k.status.slug())>
                            {k.status.label()}
                            {format!(" · evidence {}", k.grade.letter())}
                            {k.grade.is_inferred().then_some(" (inferred, not confirmed)")}
                        </span>
                        {t.value.map(|v| view! { <span class="tt-value" data-testid="tt-value">{v}</span> })}
                        <span>{k.region.label()}</span>
                        <span>{k.income.label()}{" (FY2013)"}</span>
                    }
                    .into_any()
                }
                (None, Some(name)) => view! {
                    <strong>{name}</strong>
                    <span>"ITU member, not among the 144 eligible to sign"</span>
                }
                .into_any(),
                _ => ().into_any(),
            })}
        </div>
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
                data-testid=format!("legend-{}", s.slug())
                aria-pressed=move || if on() { "true" } else { "false" }
                title="Show only these countries (select again to show all)"
                on:click=move |_| st.update(|x| x.status = if x.status == Some(s) { None } else { Some(s) })
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
