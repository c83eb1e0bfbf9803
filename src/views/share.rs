//! Share and take away: copy the link to the exact view, share sheet, CSV of the rows shown.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::ctx;
use super::kit::{download, handler, text};
use crate::model::export::{to_csv, CSV_FILE_NAME, CSV_NOTE};

/// Buttons: copy link, share (where the browser has a share sheet), download CSV.
#[component]
pub fn ShareBar() -> impl IntoView {
    let c = ctx();
    let status = RwSignal::new(String::new());
    let can_share =
        js_sys::Reflect::has(&window().navigator(), &JsValue::from_str("share")).unwrap_or(false);
    // Each message clears itself after 4 s, unless a newer one replaced it meanwhile.
    let shown = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let for_csv = shown.clone();
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        let clip = window().navigator().clipboard();
        let shown = shown.clone();
        leptos::task::spawn_local(async move {
            let ok = JsFuture::from(clip.write_text(&href)).await.is_ok();
            let me = shown.get().wrapping_add(1);
            shown.set(me);
            status.set(if ok {
                "Link copied: it opens this exact view.".into()
            } else {
                format!("Copy this link: {href}")
            });
            gloo_timers::future::TimeoutFuture::new(4000).await;
            if shown.get() == me {
                status.set(String::new());
            }
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
        download(CSV_FILE_NAME, "text/csv;charset=utf-8", &text);
        // Replaces a pending "Link copied", which must not clear this one.
        for_csv.set(for_csv.get().wrapping_add(1));
        status.set(format!(
            "Downloaded {} rows as CSV.",
            c.rows.with(|r| r.len())
        ));
    };
    view! {
        <div class="sharebar" role="group" aria-label="Share and download">
            <button type="button" id="copy-link" on:click=handler(copy)>"Copy link to this view"</button>
            {can_share.then(|| view! { <button type="button" id="share" on:click=handler(share)>"Share…"</button> })}
            <button type="button" id="download-csv" on:click=handler(csv)>"Download CSV (rows shown)"</button>
            <span class="share-status" role="status" id="share-status">{text(move || status.get())}</span>
            <p class="csv-note" id="csv-note">{CSV_NOTE}</p>
        </div>
    }
}
