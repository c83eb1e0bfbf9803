//! Share and take away: copy the link to the exact view, share sheet, CSV of the rows shown.

use crate::views::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::ctx;
use super::kit::{adopt, by_id, download, listen_id, set_attr, set_text};
use crate::model::export::{to_csv, CSV_FILE_NAME};
use crate::model::state::Embed;
use crate::model::url::embed_snippet;

/// The share bar (static markup from `model::sections`): copy link, share (where the browser has
/// a share sheet), embed, download CSV.
pub fn adopt_share() {
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
        wasm_bindgen_futures::spawn_local(async move {
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
        wasm_bindgen_futures::spawn_local(async move {
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
    if can_share {
        if let Some(b) = by_id("share") {
            set_attr(&b, "hidden", None);
        }
    }
    listen_id("copy-link", "click", copy);
    listen_id("share", "click", share);
    listen_id("download-csv", "click", csv);
    listen_id("copy-embed", "click", copy_embed);
    listen_id("embed", "click", move |_| embed_open.update(|o| *o = !*o));
    listen_id("embed-what", "change", move |ev| {
        let v = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        if let Some(e) = Embed::from_slug(&v) {
            what.set(e);
        }
    });
    if let (Some(b), Some(panel)) = (by_id("embed"), by_id("embed-panel")) {
        adopt(
            move || embed_open.get(),
            false,
            move |open| {
                set_attr(
                    &b,
                    "aria-expanded",
                    Some(if *open { "true" } else { "false" }),
                );
                set_attr(&panel, "hidden", (!open).then_some(""));
            },
        );
    }
    // The snippet, while the panel is open.
    if let Some(code) = by_id("embed-code") {
        let code: web_sys::HtmlTextAreaElement = code.unchecked_into();
        adopt(
            move || embed_open.get().then(snippet),
            None,
            move |s| code.set_value(s.as_deref().unwrap_or_default()),
        );
    }
    adopt(
        move || status.get(),
        String::new(),
        |s| set_text("share-status", s),
    );
}
