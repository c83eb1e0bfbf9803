//! Share and take away: copy the link to the exact view, share sheet, CSV of the rows shown.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::ctx;
use crate::model::export::to_csv;

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        let _ = document().body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Buttons: copy link, share (where the browser has a share sheet), download CSV.
#[component]
pub fn ShareBar() -> impl IntoView {
    let c = ctx();
    let status = RwSignal::new(String::new());
    let can_share = js_sys::Reflect::has(&window().navigator(), &JsValue::from_str("share")).unwrap_or(false);
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        let clip = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let ok = JsFuture::from(clip.write_text(&href)).await.is_ok();
            status.set(if ok {
                "Link copied: it opens this exact view.".into()
            } else {
                format!("Copy this link: {href}")
            });
            gloo_timers::future::TimeoutFuture::new(4000).await;
            status.set(String::new());
        });
    };
    let share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title("WCIT-12: The Final Vote");
        data.set_url(&window().location().href().unwrap_or_default());
        let p = window().navigator().share_with_data(&data);
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    };
    let csv = move |_| {
        let text = c.rows.with(|r| to_csv(r));
        download("wcit12-final-vote.csv", "text/csv;charset=utf-8", &text);
        status.set(format!("Downloaded {} rows as CSV.", c.rows.with(|r| r.len())));
    };
    view! {
        <div class="sharebar" role="group" aria-label="Share and download">
            <button type="button" data-testid="copy-link" on:click=copy>"Copy link to this view"</button>
            {can_share.then(|| view! { <button type="button" data-testid="share" on:click=share>"Share…"</button> })}
            <button type="button" data-testid="download-csv" on:click=csv>"Download CSV (rows shown)"</button>
            <span class="share-status" role="status" data-testid="share-status">{move || status.get()}</span>
        </div>
    }
}
