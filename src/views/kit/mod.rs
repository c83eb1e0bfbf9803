//! The views' small kit: the few helpers every section uses, and the rules they enforce.
//!
//! Rules for view code (the README's "How it is built" says why; each keeps the page small or
//! correct):
//! - **Boxed reactive helpers.** Reactive strings, flags, handlers and effects go through
//!   [`text`], [`flag`], [`handler`] and [`effect`], so Leptos' rendering code exists once per kind
//!   instead of once per closure (measured: unboxing them puts the page over its 150 kB budget).
//! - **`innerHTML` only from [`Html`].** Markup comes from the model (`model::markup`,
//!   `model::chart`, build-time constants), escaped by construction. A reactive `inner_html=` takes
//!   [`markup`]; a container that is also *marked* (faded/selected/hidden) is set by [`own`].
//! - **One owner per container.** Whoever sets a container's markup applies its marks right
//!   after, with state read in the same run ([`own`], [`Marks`]): marks can never be applied to
//!   nodes that are about to be replaced, and no second writer patches the same nodes.
//! - **Delegated events, typed.** One listener per container; [`event_target`] turns the event's
//!   target into a `model::contract::Target`, bounds-checked once.
//! - **Listener lifetimes belong to Leptos**: [`on_window`] removes its listener when the owning
//!   component is cleaned up. No `.forget()`, no `thread_local!` state.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

mod adopt;
mod marks;
mod svg;
mod tooltip;

pub use adopt::{adopt, by_id, listen, listen_id, set_attr, set_text};
pub use marks::{own, Marks};
pub use svg::{download_svg, Format};
pub use tooltip::{adopt_tooltip, Tip};

use crate::model::contract::{Target, ACTION_ATTR, COUNTRY_ATTR, MEMBER_ATTR, TARGET_SELECTOR};
use crate::model::html::Html;

/// Runs `f` once the view is mounted and again whenever a signal it read changes. Every effect of
/// the report goes through here with the closure boxed, so the browser build carries a single
/// copy of Leptos' effect machinery instead of one per closure type.
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// A reactive string (attribute value or text). Boxed, so that every reactive string on the page
/// has the same type and Leptos' rendering code for it exists once.
pub type Text = Box<dyn FnMut() -> String + Send>;

/// Boxes `f` as a [`Text`].
pub fn text(f: impl Fn() -> String + Send + 'static) -> Text {
    Box::new(f)
}

/// A reactive `innerHTML`: only [`Html`] goes in.
pub fn markup(f: impl Fn() -> Html + Send + 'static) -> Text {
    Box::new(move || f().into_string())
}

/// Sets a container's markup imperatively (for its one owner, see [`own`]): only [`Html`] goes in.
#[allow(clippy::disallowed_methods)] // the one imperative innerHTML sink (clippy.toml)
pub fn set_markup(el: &web_sys::Element, html: &Html) {
    el.set_inner_html(html.as_str());
}

/// A reactive yes/no (boolean attribute or class), boxed like [`Text`].
pub type Flag = Box<dyn FnMut() -> bool + Send>;

/// Boxes `f` as a [`Flag`].
pub fn flag(f: impl Fn() -> bool + Send + 'static) -> Flag {
    Box::new(f)
}

/// Boxes an event handler, so that all handlers of one event share a type and Leptos' listener
/// code for that event exists once in the browser build.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// Moves a view's root element into the element with id `id` of the static page (an island:
/// the part of the app that lives inside a prerendered section). The view is rendered and owned
/// as usual; only its place in the document changes, once it is mounted. (Measured: mounting it
/// there with a second `mount_to` of an `AnyView` cost 3.7 kB brotli of wasm; this costs none.)
pub fn place_in<E>(id: &'static str, root: NodeRef<E>)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    effect(move || {
        let (Some(el), Some(slot)) = (root.get(), document().get_element_by_id(id)) else {
            return;
        };
        let el: web_sys::Element = el.unchecked_into();
        if el.parent_element().as_ref() != Some(&slot) {
            let _ = slot.append_child(&el);
        }
    });
}

/// Listens to `event` on the window for as long as the calling component lives.
pub fn on_window(event: &str, f: impl Fn(web_sys::Event) + 'static) {
    let handle = leptos::leptos_dom::helpers::window_event_listener_untyped(event, f);
    on_cleanup(move || handle.remove());
}

/// True when an event came from a finger or pen (`pointerType` of a pointer or click event).
pub fn is_touch(ev: &web_sys::Event) -> bool {
    js_sys::Reflect::get(ev, &wasm_bindgen::JsValue::from_str("pointerType"))
        .ok()
        .and_then(|v| v.as_string())
        .is_some_and(|t| t == "touch" || t == "pen")
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

/// A `blob:` URL for `text` of type `mime` (revoke it when done).
pub fn blob_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    if let Some(url) = blob_url(text, mime) {
        download_url(name, &url);
    }
}

/// Offers the file at `url` as a download named `name`, then revokes `url`.
pub fn download_url(name: &str, url: &str) {
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(url);
        a.set_download(name);
        let _ = document().body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
    let _ = web_sys::Url::revoke_object_url(url);
}
