//! What floats over the page or stands above it: the one tooltip (map features and chart dots)
//! and the notice about a link the page could not fully read.

use leptos::prelude::*;

use super::{ctx, Tip};
use crate::browser::on_window;
use crate::model::notes::tip_lines;
use crate::model::text::fmt_fixed;

/// How far (px) the page may move under a tapped tooltip before it closes: a reader's swipe moves
/// much further, the browser's scroll anchoring (when the selection changes content above) less.
const SCROLL_SLACK: f64 = 64.0;

/// The page's one tooltip, near the pointer. It follows a mouse; on touch the selected-country
/// card is preferred (the map selects without a tooltip), and a tooltip that does show — a
/// chart dot's value — closes when the page scrolls on, on a tap outside a tooltip target and on
/// Esc, so it never floats over sections far below.
#[component]
pub fn Tooltip() -> impl IntoView {
    let c = ctx();
    close_when_away(c.tip);
    let style = move || {
        c.tip.with(|t| match t {
            Some(t) => {
                // The viewport's width (the build-time render, which never shows a tip, has none).
                let w = if cfg!(target_arch = "wasm32") {
                    window().inner_width().ok().and_then(|v| v.as_f64())
                } else {
                    None
                }
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
    // The title and the lines (one element type for all: the smallest wasm).
    let content = Memo::new(move |_| {
        c.tip
            .with(|t| {
                t.as_ref()
                    .map(|t| tip_lines(t.country, t.other, t.value.as_deref()))
            })
            .unwrap_or_default()
    });
    view! {
        <div
            class="tooltip"
            role="tooltip"
            id="tooltip"
            hidden=move || c.tip.with(Option::is_none)
            style=style
        >
            <strong>{move || content.with(|c| c.0)}</strong>
            {move || {
                content
                    .get()
                    .1
                    .into_iter()
                    .map(|(class, text)| view! { <span class=class>{text}</span> })
                    .collect_view()
            }}
        </div>
    }
}

/// Closes the tooltip on a click or tap on anything that is not a tooltip target, on Esc, and
/// (a tapped one, which is fixed to the viewport) once the page has scrolled on.
fn close_when_away(tip: RwSignal<Option<Tip>>) {
    // Where the page was when a tap opened the tooltip.
    let opened_at = StoredValue::new(None::<f64>);
    Effect::new(move |_| {
        let touch = tip.with(|t| t.as_ref().is_some_and(|t| t.touch));
        opened_at.set_value(touch.then(scroll_y));
    });
    let close = move || {
        if tip.with_untracked(Option::is_some) {
            tip.set(None);
        }
    };
    on_window("click", move |ev| {
        use wasm_bindgen::JsCast;
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| {
                e.closest(crate::model::contract::TIP_SELECTOR)
                    .ok()
                    .flatten()
            })
            .is_some();
        if !inside {
            close();
        }
    });
    on_window("keydown", move |ev| {
        use wasm_bindgen::JsCast;
        let key = ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .map(|k| k.key())
            .unwrap_or_default();
        if key == "Escape" {
            close();
        }
    });
    on_window("scroll", move |_| {
        let moved = opened_at
            .get_value()
            .is_some_and(|y0| (scroll_y() - y0).abs() > SCROLL_SLACK);
        if moved {
            tip.set(None);
        }
    });
}

fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

/// The notice shown when the opened link had settings the page could not use (`notices`, set
/// by the app once it has read the link); "Dismiss" hides it.
#[component]
pub fn LinkNotice(notices: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <div class="notice" role="status" id="url-notice" hidden=move || notices.with(Vec::is_empty)>
            <p>
                <strong>"Part of this link could not be read, so defaults are shown for it."</strong>
            </p>
            <ul id="url-notice-list">
                {move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <button type="button" id="url-notice-dismiss" on:click=move |_| notices.set(Vec::new())>
                "Dismiss"
            </button>
        </div>
    }
}
