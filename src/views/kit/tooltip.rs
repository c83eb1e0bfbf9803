//! The page's one floating tooltip (map features and chart dots).
//!
//! It follows a mouse; on touch the selected-country card is preferred (the map selects without a
//! tooltip) and a tooltip that does show — a chart dot's value — closes on scroll, on a tap
//! outside a tooltip target and on Esc, so it never floats over sections far below.

use crate::views::prelude::*;
use wasm_bindgen::JsCast;

use super::{effect, on_window};
use crate::model::markup::tooltip;
use crate::model::text::fmt_fixed;
use crate::views::ctx;

pub use crate::components::Tip;

/// How far (px) the page may move under a tapped tooltip before it closes: a reader's swipe moves
/// much further, the browser's scroll anchoring (when the selection changes content above) less.
const SCROLL_SLACK: f64 = 64.0;

fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

/// The tooltip element of the static page (`#tooltip`, `index.html`), positioned near the pointer.
pub fn adopt_tooltip() {
    let c = ctx();
    let close = move || {
        if c.tip.with_untracked(Option::is_some) {
            c.tip.set(None);
        }
    };
    // A click or tap on anything that is not a tooltip target closes it.
    on_window("click", move |ev| {
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
    // A tapped tooltip is fixed to the viewport: once the page scrolls on it points at nothing.
    let opened_at = std::rc::Rc::new(std::cell::Cell::new(None::<f64>));
    let opened = opened_at.clone();
    effect(move || {
        let touch = c.tip.with(|t| t.as_ref().is_some_and(|t| t.touch));
        opened.set(touch.then(scroll_y));
    });
    on_window("scroll", move |_| {
        let moved = opened_at
            .get()
            .is_some_and(|y0| (scroll_y() - y0).abs() > SCROLL_SLACK);
        if moved {
            c.tip.set(None);
        }
    });
    on_window("keydown", move |ev| {
        let key = ev
            .dyn_ref::<web_sys::KeyboardEvent>()
            .map(|k| k.key())
            .unwrap_or_default();
        if key == "Escape" {
            close();
        }
    });
    let Some(el) = super::by_id("tooltip") else {
        return;
    };
    super::adopt(
        move || c.tip.get(),
        None,
        move |t| match t {
            Some(t) => {
                let w = window()
                    .inner_width()
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(800.0);
                let left = (t.x + 14.0).min(w - 250.0).max(4.0);
                super::set_markup(&el, &tooltip(t.country, t.other, t.value.as_deref()));
                let _ = el.set_attribute(
                    "style",
                    &format!(
                        "left:{}px;top:{}px",
                        fmt_fixed(left, 0),
                        fmt_fixed(t.y + 14.0, 0)
                    ),
                );
                let _ = el.remove_attribute("hidden");
            }
            None => {
                let _ = el.set_attribute("hidden", "");
            }
        },
    );
}
