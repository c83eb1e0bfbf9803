//! Adopting the static page. The build writes the interactive sections into the document in their
//! default state (`model::sections`); the views take those nodes over instead of re-creating them:
//!
//! - **Find by id** ([`by_id`]): the ids are the contract with `model::sections` (and the tests).
//! - **Listen** ([`listen`]): one boxed listener per control or delegated container, removed when
//!   the owning component is cleaned up (no `.forget()`).
//! - **Write only what changed** ([`adopt`]): each adopted part names the *key* its markup
//!   depends on and the key the build rendered it for; its `apply` runs only when the key differs.
//!   A page opened in the default state therefore writes nothing at boot — the reader keeps the
//!   very nodes the build wrote, with no flash and no layout shift — and a sort (which changes the
//!   order key only) never re-renders the charts or recomputes their statistics.

use std::cell::RefCell;

use crate::views::prelude::*;
use leptos::reactive::owner::Owner;

use super::effect;
use crate::browser::{in_task, listen};

/// The element with id `id` in the static page.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

/// Listens to `event` on the element with id `id`, if the page has it.
pub fn listen_id(id: &str, event: &'static str, f: impl Fn(web_sys::Event) + 'static) {
    if let Some(el) = by_id(id) {
        listen(&el, event, f);
    }
}

/// Keeps a static part in step with the state: `key` reads the signals the part depends on (and
/// only those); `apply` writes the part for a key, reading nothing reactive. `built` is the key
/// the build rendered the part for; `apply` runs whenever the key differs from what is on the
/// page.
pub fn adopt<K: PartialEq + 'static>(
    key: impl Fn() -> K + 'static,
    built: K,
    apply: impl Fn(&K) + 'static,
) {
    adopt_boxed(Box::new(key), built, Box::new(apply));
}

/// [`adopt`] with its closures boxed: one copy of the effect per key type, not per call site.
#[allow(clippy::type_complexity)]
fn adopt_boxed<K: PartialEq + 'static>(key: Box<dyn Fn() -> K>, built: K, apply: Box<dyn Fn(&K)>) {
    let shown = RefCell::new(built);
    effect(move || {
        let k = key();
        if *shown.borrow() != k {
            apply(&k);
            *shown.borrow_mut() = k;
        }
    });
}

/// Sets the text of the element with id `id`.
pub fn set_text(id: &str, s: &str) {
    if let Some(el) = by_id(id) {
        el.set_text_content(Some(s));
    }
}

/// Sets (`Some`) or removes (`None`) an attribute.
pub fn set_attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Runs `run(0)`, `run(1)`, … `run(parts - 1)` one after another, each in a task of its own (a
/// zero-delay timeout) under the reactive owner of the caller, so that the browser can paint, lay
/// out and answer input between them. A part's effects run once at the end of its own task
/// (Leptos runs a new effect in a microtask), so each task holds one part's work and no more.
#[allow(clippy::unwrap_or_default)] // `Owner::new`, not `Default`: smaller wasm (measured)
pub fn in_turn(parts: usize, run: impl Fn(usize) + 'static) {
    let owner = Owner::current().unwrap_or_else(Owner::new);
    next_part(owner, std::rc::Rc::new(run), 0, parts);
}

fn next_part(owner: Owner, run: std::rc::Rc<dyn Fn(usize)>, k: usize, parts: usize) {
    if k >= parts {
        return;
    }
    in_task(Box::new(move || {
        owner.with(|| run(k));
        next_part(owner, run, k + 1, parts);
    }));
}
