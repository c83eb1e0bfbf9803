//! Section "The story": the scrollytelling timeline of Day 1–12 beside its sticky graphic. The
//! text and the graphic's states are build-time markup (`components::story`); the app follows
//! the reader's step (and, outside the story, the place a link should open at) and runs the step
//! buttons.

use std::cell::RefCell;
use std::rc::Rc;

use crate::views::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::kit::{adopt, by_id, effect, listen_id, media, now, on_window, set_attr, set_text};
use super::{ctx, Ctx};
use crate::model::data::STEPS;
use crate::model::state::Place;

fn step_el(k: usize) -> Option<web_sys::Element> {
    STEPS
        .get(k)
        .and_then(|s| document().get_element_by_id(s.id))
}

/// True when the layout stacks the graphic above the steps (narrow screens): main.css's own media
/// query. Not `innerWidth`: on a phone (a viewport `<meta>`) reading it forces a layout of the
/// whole page, which at boot made the app's first task hundreds of milliseconds longer (issue 12).
fn stacked() -> bool {
    media("(max-width: 760px)")
}

/// Scrolls a step into the reading position: just below the sticky graphic on narrow screens,
/// a third of the way down on wide ones (instantly when motion is reduced).
fn scroll_to_step(k: usize, smooth: bool) {
    let vh = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let offset = if stacked() {
        height_of(".scrolly .sticky").map_or(vh * 0.45, |h| h + 16.0)
    } else {
        vh * 0.3
    };
    scroll_to(step_el(k), offset, smooth);
}

/// Brings a place a link named into view at once: the element whose being in view put it in
/// the link, at the top (below the sticky filter bar where there is one: `scroll-margin-top`).
fn scroll_to_place(p: Place) {
    if let Some(el) = document().get_element_by_id(p.watched()) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

fn height_of(selector: &str) -> Option<f64> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .map(|g| g.get_bounding_client_rect().height())
}

/// Scrolls the page so that `el`'s top is `offset` px below the viewport's.
fn scroll_to(el: Option<web_sys::Element>, offset: f64, smooth: bool) {
    let Some(el) = el else { return };
    let y = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0) - offset;
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(y.max(0.0));
    opts.set_behavior(if smooth {
        web_sys::ScrollBehavior::Smooth
    } else {
        web_sys::ScrollBehavior::Instant
    });
    window().scroll_to_with_scroll_to_options(&opts);
}

/// The live step observer, with the layout it was made for and its callback.
struct StepObserver {
    stacked: bool,
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

/// The timeline's scrolling state, owned by the `Story` component (no global state).
#[derive(Clone, Default)]
pub struct Scrolly {
    observer: Rc<RefCell<Option<StepObserver>>>,
    /// Until this time (ms, `performance.now()`), a step chosen with the step buttons holds while
    /// the page scrolls smoothly to it, so the step being left does not flash back.
    pinned_until: Rc<std::cell::Cell<f64>>,
}

impl Scrolly {
    /// Watches the steps and makes the one most in view (within the reading band) active; outside
    /// the story, notes the place in the band (`State::at`), so that a copied link opens where
    /// the reader is. Called
    /// on mount and on resize; it re-creates the observer only when the layout switched between
    /// side-by-side and stacked, because the reading band differs.
    fn observe(&self, c: Ctx) {
        let stacked_now = stacked();
        if self
            .observer
            .borrow()
            .as_ref()
            .is_some_and(|o| o.stacked == stacked_now)
        {
            return;
        }
        let heights = RefCell::new(vec![0.0f64; STEPS.len()]);
        // Which of the places a link can open at (`Place::ALL` order) are in the band.
        let places = RefCell::new([0.0f64; Place::ALL.len()]);
        let story = std::cell::Cell::new(false);
        let pinned = self.pinned_until.clone();
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut hs = heights.borrow_mut();
            let mut ps = places.borrow_mut();
            for e in entries.iter() {
                let e: web_sys::IntersectionObserverEntry = e.unchecked_into();
                let id = e.target().id();
                let k = STEPS.iter().position(|s| s.id == id);
                if let Some(k) = k.filter(|k| *k < hs.len()) {
                    hs[k] = if e.is_intersecting() {
                        e.intersection_rect().height()
                    } else {
                        0.0
                    };
                } else if let Some(p) = Place::ALL.iter().position(|p| p.watched() == id) {
                    ps[p] = if e.is_intersecting() {
                        e.intersection_rect().height()
                    } else {
                        0.0
                    };
                } else if id == "timeline" {
                    story.set(e.is_intersecting());
                }
            }
            let best = hs
                .iter()
                .enumerate()
                .filter(|(_, v)| **v > 0.0)
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map(|(k, _)| k);
            if now() < pinned.get() {
                return;
            }
            // Where the reader is: the step in the band; between steps or past the last one,
            // while the story is still in the band, the step holds; outside the story the place
            // most in the band; else nowhere a link needs to open at (the top).
            if best.is_none() && story.get() {
                return;
            }
            let at = (0..Place::ALL.len())
                .filter(|k| best.is_none() && ps[*k] > 0.0)
                .max_by(|a, b| ps[*a].total_cmp(&ps[*b]))
                .map(|k| Place::ALL[k]);
            let here = (best, at);
            if c.state.with_untracked(|s| (s.step, s.at)) != here {
                c.state.update(|s| (s.step, s.at) = here);
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        // The band where a step counts as "in view": the middle of the screen, or below the
        // graphic when it is stacked on top (narrow screens).
        init.set_root_margin(if stacked_now {
            "-45% 0px -20% 0px"
        } else {
            "-30% 0px -30% 0px"
        });
        let th = js_sys::Array::new();
        for i in 0..=20 {
            th.push(&JsValue::from_f64(i as f64 / 20.0));
        }
        init.set_threshold(&th);
        let Ok(observer) =
            web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init)
        else {
            return;
        };
        let places = Place::ALL
            .iter()
            .map(|p| p.watched())
            .chain(["timeline"])
            .filter_map(|id| document().get_element_by_id(id));
        for el in (0..STEPS.len()).filter_map(step_el).chain(places) {
            observer.observe(&el);
        }
        let old = self.observer.borrow_mut().replace(StepObserver {
            stacked: stacked_now,
            observer,
            _callback: cb,
        });
        if let Some(old) = old {
            old.observer.disconnect();
        }
    }

    /// Stops observing (the component is going away).
    fn stop(&self) {
        if let Some(old) = self.observer.borrow_mut().take() {
            old.observer.disconnect();
        }
    }
}

/// The app's part of the static step graphic (`components::story`): the active step's id on
/// `#story-graphic` (the caption, legend, labels, zoom, map fills, tally, calendar and progress
/// of a step are static markup and style that `data-step` switches on), the step buttons and the
/// motion control (in the masthead, out of the reading flow).
pub fn adopt_step_graphic(scrolly: Scrolly) {
    let c = ctx();
    let step = move || c.step.get();
    let pinned = scrolly.pinned_until.clone();
    // The step the graphic shows: the reader's, or outside the story the last one it showed (the
    // sticky graphic can still be on screen), though the link then says where they are instead.
    let shown = Rc::new(std::cell::Cell::new(None::<usize>));
    let from = shown.clone();
    let go = std::rc::Rc::new(move |delta: i64| {
        let cur = from.get().map(|k| k as i64).unwrap_or(-1);
        let next = (cur + delta).clamp(0, STEPS.len() as i64 - 1) as usize;
        c.state.update(|s| s.step = Some(next));
        let smooth = !c.reduce_motion.get_untracked();
        if smooth {
            pinned.set(now() + 1200.0);
        }
        scroll_to_step(next, smooth);
    });
    let back = go.clone();
    listen_id("step-prev", "click", move |_| back(-1));
    listen_id("step-next", "click", move |_| go(1));
    listen_id("motion-toggle", "click", move |_| {
        c.reduce_motion.update(|r| *r = !*r)
    });
    let (graphic, prev, next, motion) = (
        by_id("story-graphic"),
        by_id("step-prev"),
        by_id("step-next"),
        by_id("motion-toggle"),
    );
    adopt(step, None, move |k| {
        let k = k.or(shown.get());
        shown.set(k);
        if let Some(g) = &graphic {
            set_attr(g, "data-step", k.and_then(|k| STEPS.get(k)).map(|s| s.id));
        }
        if let Some(b) = &prev {
            set_attr(b, "disabled", k.is_none_or(|k| k == 0).then_some(""));
        }
        if let Some(b) = &next {
            set_attr(
                b,
                "disabled",
                k.is_some_and(|k| k + 1 >= STEPS.len()).then_some(""),
            );
        }
        set_text(
            "step-pos",
            &k.map(|k| format!("Step {} of {}", k + 1, STEPS.len()))
                .unwrap_or_else(|| format!("{} steps", STEPS.len())),
        );
    });
    if let Some(b) = motion {
        adopt(
            move || c.reduce_motion.get(),
            false,
            // Its two labels are the build's; the style sheet shows the one for `aria-pressed`.
            move |on| set_attr(&b, "aria-pressed", Some(if *on { "true" } else { "false" })),
        );
    }
}

/// The timeline's behaviour on the static steps (`components::story`): which step is active
/// (class `active`, `aria-current`), following the reader's scrolling and focus, and the step a
/// link named brought into view. Its graphic is adopted by [`adopt_step_graphic`].
pub fn timeline() -> Scrolly {
    let c = ctx();
    let scrolly = Scrolly::default();
    // After mount: observe the steps, and bring the step the link named (`step=`, or a `#day-N`
    // anchor read into the state when the page opened) into view.
    let sc = scrolly.clone();
    effect(move || {
        sc.observe(c);
        let (step, at) = c.state.with_untracked(|s| (s.step, s.at));
        if step.is_some() || at.is_some() {
            let cb = Closure::once_into_js(move || match (step, at) {
                (Some(k), _) => scroll_to_step(k, false),
                (None, Some(p)) => scroll_to_place(p),
                _ => {}
            });
            let _ = window().request_animation_frame(cb.unchecked_ref());
        }
    });
    // The active step, marked on the static list.
    effect(move || {
        let active = c.step.get();
        for (k, st) in STEPS.iter().enumerate() {
            if let Some(el) = document().get_element_by_id(st.id) {
                let on = active == Some(k);
                let _ = el.class_list().toggle_with_force("active", on);
                let _ = el.set_attribute("aria-current", if on { "step" } else { "false" });
            }
        }
    });
    // Focusing a step (keyboard) makes it active.
    on_window("focusin", move |ev| {
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|e| e.class_list().contains("step"))
            .map(|e| e.id());
        if let Some(k) = id.and_then(|id| STEPS.iter().position(|s| s.id == id)) {
            c.state.update(|s| {
                if s.step != Some(k) {
                    s.step = Some(k)
                }
            });
        }
    });
    // Resizing across the layout breakpoint changes the reading band.
    let sc = scrolly.clone();
    on_window("resize", move |_| sc.observe(c));
    let sc = super::kit::PageLocal(scrolly.clone());
    on_cleanup(move || sc.get().stop());
    scrolly
}
