//! Share and take away: copy the link to the exact view, the share sheet (where the browser has
//! one), the `<iframe>` code to embed a graphic at this view, and the CSV of the rows shown.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::ctx;
use crate::browser::download;
use crate::model::export::{to_csv, CSV_FILE_NAME, CSV_NOTE};
use crate::model::state::Embed;
use crate::model::url::{embed_snippet, encode};

/// How long a status message stays (ms), unless a newer one replaces it.
const STATUS_MS: u32 = 4000;

/// Whether the browser's `navigator` has `name` (the clipboard and the share sheet exist only on
/// https and localhost pages, and the share sheet not in every browser).
fn has(name: &str) -> bool {
    js_sys::Reflect::has(&window().navigator(), &JsValue::from_str(name)).unwrap_or(false)
}

/// This page's address without query or anchor.
fn page() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The link to the view on screen, from the state (the address bar follows it a paint later, at
/// most every 150 ms: `views::write_url_later`).
fn link(c: super::Ctx) -> String {
    match c.state.with(encode) {
        q if q.is_empty() => page(),
        q => format!("{}?{q}", page()),
    }
}

/// The share bar's content (`.sharebar`).
#[component]
pub fn ShareBar() -> impl IntoView {
    let c = ctx();
    let status = RwSignal::new(String::new());
    // Each message clears itself after a while, unless a newer one replaced it meanwhile.
    let shown = StoredValue::new(0u32);
    let say = move |text: String| {
        let me = shown.get_value().wrapping_add(1);
        shown.set_value(me);
        status.set(text);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(STATUS_MS).await;
            if shown.get_value() == me {
                status.set(String::new());
            }
        });
    };
    // Copies `text` to the clipboard and says so, or shows the text to copy by hand: where the
    // browser refuses, and on a plain-http host, which has no clipboard API at all.
    let copy = move |text: String, done: &'static str| {
        if !has("clipboard") {
            // Stays until the next message: time to select it by hand.
            shown.update_value(|k| *k = k.wrapping_add(1));
            status.set(format!("Copy this: {text}"));
            return;
        }
        let clip = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(clip.write_text(&text))
                .await
                .is_ok();
            say(if ok {
                done.into()
            } else {
                format!("Copy this: {text}")
            });
        });
    };
    // The share sheet, where the browser has one (known only in the browser: hidden until then).
    let can_share = RwSignal::new(false);
    Effect::new(move |_| can_share.set(has("share")));
    let share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title("WCIT-12: The Final Vote");
        data.set_url(&link(c));
        let p = window().navigator().share_with_data(&data);
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    };
    let csv = move |_| {
        let (text, n) = c.rows.with(|r| (to_csv(r), r.len()));
        download(CSV_FILE_NAME, "text/csv;charset=utf-8", &text);
        // Stays until the next message (and a pending "Link copied" must not clear it).
        shown.update_value(|k| *k = k.wrapping_add(1));
        status.set(format!("Downloaded {n} rows as CSV."));
    };
    // Embed: which graphic, and its <iframe> snippet for this view while the panel is open.
    let embed_open = RwSignal::new(false);
    let what = RwSignal::new(Embed::Map);
    let snippet = move || c.state.with(|s| embed_snippet(&page(), s, what.get()));
    let options = Embed::all()
        .into_iter()
        .map(|e| view! { <option value=e.slug()>{e.title()}</option> })
        .collect_view();
    view! {
        <button
            type="button"
            id="copy-link"
            on:click=move |_| copy(link(c), "Link copied: it opens this exact view.")
        >
            "Copy link to this view"
        </button>
        <button type="button" id="share" hidden=move || !can_share.get() on:click=share>
            "Share…"
        </button>
        <button
            type="button"
            id="embed"
            aria-expanded=move || if embed_open.get() { "true" } else { "false" }
            aria-controls="embed-panel"
            on:click=move |_| embed_open.update(|o| *o = !*o)
        >
            "Embed…"
        </button>
        <button type="button" id="download-csv" on:click=csv>
            "Download CSV (rows shown)"
        </button>
        <span class="share-status" role="status" id="share-status">{move || status.get()}</span>
        <p class="csv-note" id="csv-note">{CSV_NOTE}</p>
        <div class="embed-panel" id="embed-panel" hidden=move || !embed_open.get()>
            <label for="embed-what">"Embed on your page: "</label>
            <select
                id="embed-what"
                on:change=move |ev| {
                    if let Some(e) = Embed::from_slug(&event_target_value(&ev)) {
                        what.set(e);
                    }
                }
            >
                {options}
            </select>
            <label for="embed-code" class="sr-only">"Embed code"</label>
            <textarea
                id="embed-code"
                readonly
                rows="3"
                prop:value=move || embed_open.get().then(snippet).unwrap_or_default()
            ></textarea>
            <button type="button" id="copy-embed" on:click=move |_| copy(snippet(), "Embed code copied.")>
                "Copy embed code"
            </button>
        </div>
    }
}
