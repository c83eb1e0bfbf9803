//! The timeline's scrolling, for the `Story` component (`components::story`): which step is in
//! the reading band (and, outside the story, which section a link should open at), and scrolling
//! to a step or a section. Browser only: it runs in the component's effects and handlers, never
//! in the build-time render.

use leptos::prelude::*;

use super::Ctx;
use crate::browser::media;
use crate::model::data::STEPS;

#[cfg(target_arch = "wasm32")]
pub use follow::follow_reader;

fn step_el(k: usize) -> Option<web_sys::Element> {
    STEPS
        .get(k)
        .and_then(|s| document().get_element_by_id(s.id))
}

/// True when the layout stacks the graphic above the steps (narrow screens): main.css's own media
/// query. Not `innerWidth`: on a phone (a viewport `<meta>`) reading it forces a layout of the
/// whole page, which at boot made the app's first task hundreds of milliseconds longer.
fn stacked() -> bool {
    media("(max-width: 760px)")
}

/// Scrolls a step into the reading position: just below the sticky graphic on narrow screens,
/// a third of the way down on wide ones (instantly when motion is reduced).
pub fn scroll_to_step(k: usize, smooth: bool) {
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

/// The build-time render follows no one.
#[cfg(not(target_arch = "wasm32"))]
pub fn follow_reader(_: Ctx, _: StoredValue<f64>) {}

/// The observer: browser only.
#[cfg(target_arch = "wasm32")]
mod follow {
    use std::cell::RefCell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::{scroll_to_step, stacked, step_el, Ctx};
    use crate::browser::{js_once, now, on_window, PageLocal};
    use crate::components::effect;
    use crate::model::data::STEPS;
    use crate::model::state::Place;

    /// Once the story has hydrated: follows the reader's scrolling (the step in the reading band,
    /// and outside the story the section a link should open at), re-made when the layout switches
    /// between side by side and stacked; and brings the step or section the opened link named into
    /// view. An embedded step's graphic stands alone: nothing to follow there.
    pub fn follow_reader(c: Ctx, pinned: StoredValue<f64>) {
        if c.state.with_untracked(|s| s.embed.is_some()) {
            return;
        }
        let scrolly = Scrolly::default();
        let sc = scrolly.clone();
        effect(move || {
            let (step, at) = c.state.with_untracked(|s| (s.step, s.at));
            sc.observe(c, pinned);
            // Before the observer's first report (which comes after the next frame): it then
            // sees the place the link named, not the top of the page.
            if step.is_some() || at.is_some() {
                let go = js_once(Box::new(move || match (step, at) {
                    (Some(k), _) => scroll_to_step(k, false),
                    (None, Some(p)) => scroll_to_place(p),
                    _ => {}
                }));
                let _ = window().request_animation_frame(go.unchecked_ref());
            }
        });
        let sc = scrolly.clone();
        on_window("resize", move |_| sc.observe(c, pinned));
        // Focusing a step (keyboard) makes it active. One listener for the eight steps, on the
        // window, as for the resize (`focusin` bubbles; `focus` does not).
        on_window("focusin", move |ev| {
            let id = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .filter(|e| e.class_list().contains("step"))
                .map(|e| e.id());
            if let Some(k) = id.and_then(|id| STEPS.iter().position(|s| s.id == id)) {
                if c.state.with_untracked(|s| s.step != Some(k)) {
                    c.state.update(|s| s.step = Some(k));
                }
            }
        });
        let sc = PageLocal(scrolly);
        on_cleanup(move || sc.get().stop());
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

    /// The live step observer, with the layout it was made for and its callback.
    struct StepObserver {
        stacked: bool,
        observer: web_sys::IntersectionObserver,
        _callback: Closure<dyn FnMut(js_sys::Array)>,
    }

    /// The timeline's scrolling state, owned by the `Story` component.
    #[derive(Clone, Default)]
    struct Scrolly {
        observer: Rc<RefCell<Option<StepObserver>>>,
    }

    impl Scrolly {
        /// Watches the steps and makes the one most in view (within the reading band) active; outside
        /// the story, notes the place in the band (`State::at`), so that a copied link opens where
        /// the reader is. Called on mount and on resize; it re-creates the observer only when the
        /// layout switched between side-by-side and stacked, because the reading band differs. A
        /// step chosen with the step buttons holds until `pinned` (ms, `performance.now()`), while
        /// the page scrolls smoothly to it, so the step being left does not flash back.
        fn observe(&self, c: Ctx, pinned: StoredValue<f64>) {
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
                if now() < pinned.get_value() {
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
            // The places are other sections' elements: the observer reads where they are, nothing
            // more.
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
}
