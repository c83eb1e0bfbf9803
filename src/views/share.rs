//! Share and take away: copy the link to the exact view, share sheet, CSV of the rows shown.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{ctx, handler, text};
use crate::model::export::to_csv;
use crate::model::text::fmt_fixed;

/// An SVG coordinate (one decimal is finer than any mark on the page).
fn num(v: f64) -> String {
    fmt_fixed(v, 1)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
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
        download("wcit12-final-vote.csv", "text/csv;charset=utf-8", &text);
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
        </div>
    }
}

/// Style properties copied from the page into a downloaded SVG, so it looks the same anywhere.
const SVG_STYLE: [&str; 10] = [
    "fill",
    "stroke",
    "stroke-width",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "display",
    "visibility",
];

/// Offers an on-page SVG as a self-contained file: computed styles inlined, a title above and a
/// source line below, system fonts only.
/// `viewbox` is the SVG's own (x, y, width, height), as the model laid it out.
pub fn download_svg(
    svg: &web_sys::Element,
    viewbox: (f64, f64, f64, f64),
    title: &str,
    source: &[&str],
    filename: &str,
) {
    let Ok(node) = svg.clone_node_with_deep(true) else {
        return;
    };
    let copy: web_sys::Element = node.unchecked_into();
    let (Ok(src), Ok(dst)) = (svg.query_selector_all("*"), copy.query_selector_all("*")) else {
        return;
    };
    for k in 0..src.length().min(dst.length()) {
        let (Some(a), Some(b)) = (src.item(k), dst.item(k)) else {
            continue;
        };
        let (a, b): (web_sys::Element, web_sys::Element) = (a.unchecked_into(), b.unchecked_into());
        if let Ok(Some(cs)) = window().get_computed_style(&a) {
            let style: String = SVG_STYLE
                .iter()
                .filter_map(|p| {
                    cs.get_property_value(p)
                        .ok()
                        .filter(|v| !v.is_empty())
                        .map(|v| format!("{p}:{v};"))
                })
                .collect();
            let _ = b.set_attribute("style", &style);
        }
        for attr in ["class", "data-tip", "data-i"] {
            let _ = b.remove_attribute(attr);
        }
    }
    let (x, y, w, h) = viewbox;
    let (top, bottom) = (34.0, 14.0 + 13.0 * source.len() as f64);
    let (ny, nh) = (y - top, h + top + bottom);
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute(
        "viewBox",
        &format!("{} {} {} {}", num(x), num(ny), num(w), num(nh)),
    );
    let _ = copy.set_attribute("width", &num(w));
    let _ = copy.set_attribute("height", &num(nh));
    for attr in ["class", "id", "role", "aria-label"] {
        let _ = copy.remove_attribute(attr);
    }
    let _ = copy.set_attribute("role", "img");
    let ns = Some("http://www.w3.org/2000/svg");
    let make =
        |tag: &str, attrs: &[(&str, String)], text: Option<&str>| -> Option<web_sys::Element> {
            let el = document().create_element_ns(ns, tag).ok()?;
            for (k, v) in attrs {
                let _ = el.set_attribute(k, v);
            }
            if let Some(t) = text {
                el.set_text_content(Some(t));
            }
            Some(el)
        };
    let font =
        "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#1d1d1f;";
    let bg = make(
        "rect",
        &[
            ("x", num(x)),
            ("y", num(ny)),
            ("width", num(w)),
            ("height", num(nh)),
            ("style", "fill:#ffffff;".into()),
        ],
        None,
    );
    let t = make("title", &[], Some(title));
    let head = make(
        "text",
        &[
            ("x", num(x + 6.0)),
            ("y", num(y - 12.0)),
            ("style", format!("{font}font-size:18px;font-weight:700;")),
        ],
        Some(title),
    );
    if let (Some(bg), Some(t), Some(head)) = (bg, t, head) {
        let _ = copy.prepend_with_node_1(&bg);
        let _ = copy.prepend_with_node_1(&t);
        let _ = copy.append_with_node_1(&head);
    }
    for (k, line) in source.iter().enumerate() {
        let y_line = y + h + 18.0 + 13.0 * k as f64;
        if let Some(foot) = make(
            "text",
            &[
                ("x", num(x + 6.0)),
                ("y", num(y_line)),
                ("style", format!("{font}font-size:10px;")),
            ],
            Some(line),
        ) {
            let _ = copy.append_with_node_1(&foot);
        }
    }
    let Ok(ser) = web_sys::XmlSerializer::new() else {
        return;
    };
    let Ok(text) = ser.serialize_to_string(&copy) else {
        return;
    };
    download(
        filename,
        "image/svg+xml;charset=utf-8",
        &format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}"),
    );
}
