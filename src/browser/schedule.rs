//! Work scheduled around the browser's frames: in a task of its own, after the next paint, or
//! when the browser is idle.

use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// `f` as a JavaScript function to be called once (a timer's, a frame's or an event's
/// callback). Every one-shot callback of the page goes through here, boxed, so that they share
/// one copy of the closure glue (each closure type costs its own, in wasm and in JS).
#[allow(clippy::redundant_closure)] // passing the box itself makes the glue larger (measured)
pub fn js_once(f: Box<dyn FnOnce()>) -> wasm_bindgen::JsValue {
    Closure::once_into_js(move || f())
}

/// Runs `f` in a task of its own (a zero-delay timeout).
#[allow(clippy::redundant_closure)] // passing the box itself makes the glue larger (measured)
pub fn in_task(f: Box<dyn FnOnce()>) {
    after(0, f);
}

/// Runs `f` in a task of its own, `ms` milliseconds from now.
pub fn after(ms: i32, f: Box<dyn FnOnce()>) {
    let task = js_once(f);
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), ms);
}

/// Milliseconds since the page opened (`performance.now()`).
pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Runs `f` once the browser has painted the next frame (a task after `requestAnimationFrame`):
/// for work that may take longer than a frame and must not hold back what the reader just did.
pub fn after_paint(f: impl FnOnce() + 'static) {
    after_paint_boxed(Box::new(f));
}

fn after_paint_boxed(f: Box<dyn FnOnce()>) {
    let frame = js_once(Box::new(move || in_task(f)));
    let _ = window().request_animation_frame(frame.unchecked_ref());
}

/// Runs `f` once the next frame has painted and the browser is idle (`requestIdleCallback`; where
/// there is none, as in Safari, a task after the frame, like [`after_paint`]): for work whose
/// result the reader reads, not sees at once. The charts' statistics after a filter took about
/// 15 ms in a task queued right behind the frame, so a keystroke arriving then waited for them
/// (issue 12: a filter's "next frame" included them).
pub fn when_idle(f: impl FnOnce() + 'static) {
    when_idle_boxed(Box::new(f));
}

fn when_idle_boxed(f: Box<dyn FnOnce()>) {
    let frame = js_once(Box::new(move || {
        let task = js_once(f);
        let w = window();
        if w.request_idle_callback(task.unchecked_ref()).is_err() {
            let _ = w.set_timeout_with_callback(task.unchecked_ref());
        }
    }));
    let _ = window().request_animation_frame(frame.unchecked_ref());
}
