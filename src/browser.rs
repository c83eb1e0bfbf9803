//! What the page asks of the browser beyond the DOM Leptos manages: files offered for download.
//! Compiled for both targets (components call it from event handlers, which only run in the
//! browser).

use leptos::prelude::document;
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
