//! The app's small kit: the few helpers `views` uses, and the rules they keep.
//!
//! - **Components only.** Every part of the page is a Leptos component (`crate::components`),
//!   rendered at build time and hydrated; the app never writes a node by id. It reads the
//!   document in two places only: the controls a reader used before the wasm arrived
//!   (`views::typed_before_boot`) and the page's embed (`<body data-embed>`).
//! - **Listener lifetimes belong to Leptos**: [`on_window`] removes its listener when the owner
//!   is cleaned up. No leaked closures (`.forget()`; the hydration roots, which live as long as
//!   the page, are the one exception, in `views::hydrate_at`), no `thread_local!` state. Event
//!   handlers run outside the reactive owner: they use the `Ctx` captured when they were made,
//!   never `ctx()`.

use leptos::reactive::owner::Owner;

use crate::browser::in_task;
pub use crate::browser::{after_paint, media, now, on_window};
pub use crate::components::effect;

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
