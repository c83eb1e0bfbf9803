//! The views' small kit: the few helpers every section uses, and the rules they enforce.
//!
//! Rules for view code (the README's "How it is built" says why; each keeps the page small or
//! correct):
//! - **Components first.** A part of the page that is a Leptos component (`crate::components`) is
//!   rendered at build time and hydrated; it is never adopted. The story's behaviour and the embed
//!   are not components yet: they work on build-time markup (`components::story`, `page`), find
//!   its nodes by id ([`by_id`]) and keep each part in step with the state through [`adopt`],
//!   which writes a part only when the key it depends on differs from the one it was rendered
//!   for.
//! - **No `innerHTML`.** The views only mark, move and listen to the nodes the build wrote;
//!   whatever the page writes anew is a component's.
//! - **Delegated events.** One listener per container ([`listen`]).
//! - **Listener lifetimes belong to Leptos**: [`listen`] and [`on_window`] remove their listener
//!   when the owner is cleaned up. No leaked closures (`.forget()`; the hydration roots, which
//!   live as long as the page, are the one exception, in `views::hydrate_at`), no `thread_local!`
//!   state. Event handlers run outside the reactive owner: they use the `Ctx` captured when they
//!   were made, never `ctx()`.

use crate::views::prelude::*;

mod adopt;

pub use crate::browser::{
    after_paint, blob_url, download, download_svg, download_url, is_touch, now, when_idle, Format,
};
pub use crate::browser::{listen, on_window, PageLocal};
pub use adopt::{adopt, by_id, in_turn, listen_id, set_attr, set_text};

/// Runs `f` once the view is mounted and again whenever a signal it read changes. Every effect of
/// the views goes through here with the closure boxed, so the browser build carries a single
/// copy of Leptos' effect machinery for them instead of one per closure type (components use
/// `Effect::new` as usual).
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// Whether the media query `q` matches now (no layout is forced, unlike reading `innerWidth`).
pub fn media(q: &str) -> bool {
    window()
        .match_media(q)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
