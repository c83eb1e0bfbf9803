//! The views' small kit: the few helpers every section uses, and the rules they enforce.
//!
//! Rules for view code (the README's "How it is built" says why; each keeps the page small or
//! correct):
//! - **Components first.** A part of the page that is a Leptos component (`crate::components`) is
//!   rendered at build time and hydrated; it is never adopted. The parts that are not components
//!   yet are the static page the build wrote (`model::page`, `model::sections`, `model::story`);
//!   views find their nodes by id ([`by_id`]) and keep each part in step with the state through
//!   [`adopt`], which writes a part only when the key it depends on differs from the one it was
//!   rendered for.
//! - **`innerHTML` only from [`Html`].** Markup comes from the model (`model::markup`,
//!   `model::chart`, build-time constants), escaped by construction, through [`set_markup`].
//! - **One owner per container.** Whoever sets a container's markup applies its marks right
//!   after, with state read in the same run ([`Marks`]): marks can never be applied to nodes that
//!   are about to be replaced, and no second writer patches the same nodes.
//! - **Delegated events, typed.** One listener per container ([`listen`]); [`event_target`] turns
//!   the event's target into a `model::contract::Target`, bounds-checked once.
//! - **Listener lifetimes belong to Leptos**: [`listen`] and [`on_window`] remove their listener
//!   when the owner is cleaned up. No leaked closures (`.forget()`; the hydration roots, which
//!   live as long as the page, are the one exception, in `views::hydrate_at`), no `thread_local!`
//!   state. Event handlers run outside the reactive owner: they use the `Ctx` captured when they
//!   were made, never `ctx()`.

use crate::views::prelude::*;
use wasm_bindgen::JsCast;

mod adopt;
mod marks;
mod tooltip;

pub use crate::browser::{
    after_paint, blob_url, download, download_svg, download_url, is_touch, now, when_idle, Format,
};
pub use adopt::{adopt, by_id, in_turn, listen, listen_id, set_attr, set_text, PageLocal};
pub use marks::Marks;
pub use tooltip::{adopt_tooltip, Tip};

use crate::model::contract::{Target, ACTION_ATTR, COUNTRY_ATTR, MEMBER_ATTR, TARGET_SELECTOR};
use crate::model::html::Html;

/// Runs `f` once the view is mounted and again whenever a signal it read changes. Every effect of
/// the views goes through here with the closure boxed, so the browser build carries a single
/// copy of Leptos' effect machinery for them instead of one per closure type (components use
/// `Effect::new` as usual).
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// Sets a container's markup (for its one owner): only [`Html`] goes in.
#[allow(clippy::disallowed_methods)] // the one imperative innerHTML sink (clippy.toml)
pub fn set_markup(el: &web_sys::Element, html: &Html) {
    el.set_inner_html(html.as_str());
}

/// Whether the media query `q` matches now (no layout is forced, unlike reading `innerWidth`).
pub fn media(q: &str) -> bool {
    window()
        .match_media(q)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Listens to `event` on the window for as long as the calling component lives.
pub fn on_window(event: &'static str, f: impl Fn(web_sys::Event) + 'static) {
    listen(&window(), event, f);
}

/// What a delegated event happened on: the nearest element carrying a country, an action or a
/// map member (see `model::contract`). An action counts only on or below the country's element.
pub fn event_target(ev: &web_sys::Event) -> Option<Target> {
    let start: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let near = |sel: &str| start.closest(sel).ok().flatten();
    let hit = near(TARGET_SELECTOR)?;
    let country_el = near(&format!("[{COUNTRY_ATTR}]"));
    let action = hit.get_attribute(ACTION_ATTR);
    let country = match (&country_el, &action) {
        // The action's element is inside the country's (or is it): both count.
        (Some(el), Some(_)) if el.contains(Some(&hit)) => el.get_attribute(COUNTRY_ATTR),
        (Some(_), Some(_)) => None,
        (Some(el), None) => el.get_attribute(COUNTRY_ATTR),
        (None, _) => None,
    };
    Target::parse(
        country.as_deref(),
        action.as_deref(),
        hit.get_attribute(MEMBER_ATTR).as_deref(),
    )
}
