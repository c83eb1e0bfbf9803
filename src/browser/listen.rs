//! Event listeners the page adds itself (on the window, or on nodes the build wrote), removed when
//! their owner is cleaned up. Browser only: the build-time render never listens.

use leptos::prelude::{on_cleanup, window};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A value kept for a cleanup. Leptos' `on_cleanup` asks for `Send`, but closures and DOM nodes
/// are not; this wasm build has one thread (no `atomics` target feature, checked below), so
/// nothing can ever move them across threads. `send_wrapper` did the same with a thread check at
/// run time; replacing it saved 228 B brotli of wasm (measured, release build, 2026-11-29).
pub struct PageLocal<T>(pub T);
impl<T> PageLocal<T> {
    /// The value (a method, so that a closure captures the whole wrapper, not its field).
    pub fn take(self) -> T {
        self.0
    }
    pub fn get(&self) -> &T {
        &self.0
    }
}
// SAFETY: there is only one thread (see above), so the value is never sent or shared across
// threads.
unsafe impl<T> Send for PageLocal<T> {}
unsafe impl<T> Sync for PageLocal<T> {}
#[cfg(target_feature = "atomics")]
compile_error!("PageLocal assumes a single-threaded wasm build");

/// Listens to `event` on `target` for as long as the calling component lives.
pub fn listen(
    target: &web_sys::EventTarget,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
) {
    listen_boxed(target, event, Box::new(f));
}

fn listen_boxed(
    target: &web_sys::EventTarget,
    event: &'static str,
    f: Box<dyn Fn(web_sys::Event)>,
) {
    let cb = Closure::wrap(f);
    let _ = target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    let held = PageLocal((target.clone(), cb));
    on_cleanup(move || {
        let (target, cb) = held.take();
        let _ = target.remove_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    });
}

/// Listens to `event` on the window for as long as the calling component lives.
pub fn on_window(event: &'static str, f: impl Fn(web_sys::Event) + 'static) {
    listen(&window(), event, f);
}
