//! What the page asks of the browser beyond the DOM Leptos manages: files offered for download
//! (graphics as SVG or PNG too), and work scheduled after the next paint or when the browser is
//! idle. Compiled for both targets (components call it from event handlers and effects, which
//! only run in the browser).

#[cfg(target_arch = "wasm32")]
mod listen;
mod schedule;
mod svg;

#[cfg(target_arch = "wasm32")]
pub use listen::{listen, on_window, PageLocal};
/// Listeners are the browser's: the build-time render (natively) never adds one.
#[cfg(not(target_arch = "wasm32"))]
pub fn on_window(_event: &'static str, _f: impl Fn(web_sys::Event) + 'static) {}
pub use schedule::{after, after_paint, in_task, js_once, now, when_idle};
pub use svg::{download_svg, Format, PNG_FAILED};

/// True when an event came from a finger or pen (`pointerType` of a pointer or click event).
pub fn is_touch(ev: &web_sys::Event) -> bool {
    js_sys::Reflect::get(ev, &wasm_bindgen::JsValue::from_str("pointerType"))
        .ok()
        .and_then(|v| v.as_string())
        .is_some_and(|t| t == "touch" || t == "pen")
}

use leptos::prelude::{document, window};

/// Whether the media query `q` matches now (no layout is forced, unlike reading `innerWidth`).
pub fn media(q: &str) -> bool {
    window()
        .match_media(q)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
use wasm_bindgen::JsCast;

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

/// How long a download's `blob:` URL lives (ms). Revoked right after the click, Safari and
/// Firefox could cancel the download before it had started.
const BLOB_LIFE_MS: i32 = 60_000;

/// Offers the file at `url` as a download named `name`; `url` is revoked a minute later.
pub fn download_url(name: &str, url: &str) {
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(url);
        a.set_download(name);
        let _ = document().body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
    let url = url.to_string();
    after(
        BLOB_LIFE_MS,
        Box::new(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        }),
    );
}
