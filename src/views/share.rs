//! Share and take away: copy the link to the exact view, share sheet, CSV of the rows shown.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::ctx;
use super::kit::{download, flag, handler, markup, text};
use crate::model::export::{to_csv, CSV_FILE_NAME, CSV_NOTE};
use crate::model::markup::embed_options;
use crate::model::state::Embed;
use crate::model::url::embed_snippet;

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
    // Copies `text` to the clipboard and says so (or shows the text to copy by hand).
    let copy_text = move |text: String, done: &'static str| {
        let clip = window().navigator().clipboard();
        let shown = shown.clone();
        leptos::task::spawn_local(async move {
            let ok = JsFuture::from(clip.write_text(&text)).await.is_ok();
            let me = shown.get().wrapping_add(1);
            shown.set(me);
            status.set(if ok {
                done.into()
            } else {
                format!("Copy this: {text}")
            });
            gloo_timers::future::TimeoutFuture::new(4000).await;
            if shown.get() == me {
                status.set(String::new());
            }
        });
    };
    let copy_link = copy_text.clone();
    let copy = move |_| {
        copy_link(
            window().location().href().unwrap_or_default(),
            "Link copied: it opens this exact view.",
        )
    };
    // Embed: which graphic, and its <iframe> snippet for this view.
    let embed_open = RwSignal::new(false);
    let what = RwSignal::new(Embed::Map);
    let snippet = move || {
        let loc = window().location();
        let page = format!(
            "{}{}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        );
        c.state.with(|s| embed_snippet(&page, s, what.get()))
    };
    let copy_embed = move |_| copy_text(snippet(), "Embed code copied.");
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
            <button
                type="button"
                id="embed"
                aria-expanded=text(move || embed_open.get().to_string())
                aria-controls="embed-panel"
                on:click=handler(move |_| embed_open.update(|o| *o = !*o))
            >
                "Embed…"
            </button>
            <button type="button" id="download-csv" on:click=handler(csv)>"Download CSV (rows shown)"</button>
            <span class="share-status" role="status" id="share-status">{text(move || status.get())}</span>
            <p class="csv-note" id="csv-note">{CSV_NOTE}</p>
            <div class="embed-panel" id="embed-panel" hidden=flag(move || !embed_open.get())>
                <label for="embed-what">"Embed on your page: "</label>
                <select
                    id="embed-what"
                    inner_html=markup(embed_options)
                    on:change=handler(move |ev| {
                        if let Some(e) = Embed::from_slug(&event_target_value(&ev)) {
                            what.set(e);
                        }
                    })
                ></select>
                <label for="embed-code" class="sr-only">"Embed code"</label>
                <textarea id="embed-code" readonly rows="3" prop:value=text(snippet)></textarea>
                <button type="button" id="copy-embed" on:click=handler(copy_embed)>"Copy embed code"</button>
            </div>
        </div>
    }
}
