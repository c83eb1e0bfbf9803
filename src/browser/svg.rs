//! "Download SVG / PNG": an on-page SVG as a self-contained file, or drawn as a picture.

use leptos::prelude::{document, window, RwSignal, Set};
use wasm_bindgen::JsCast;

use super::{blob_url, download, download_url, js_once};
use crate::model::text::fmt_fixed;
use wasm_bindgen::closure::Closure;

/// What the page says where a PNG was asked for and could not be made.
pub const PNG_FAILED: &str = "This browser could not make the PNG; the SVG has the same graphic.";

/// The file format of a downloaded graphic.
#[derive(Clone, Copy, PartialEq)]
pub enum Format {
    Svg,
    /// Drawn from the SVG on a canvas at 2× (at least 1,200 px wide), in the browser.
    Png,
}

/// A size in file pixels (one decimal is finer than any mark on the page).
fn num(v: f64) -> String {
    fmt_fixed(v, 1)
}

/// An SVG coordinate: three decimals, as a zoomed map's unit is a fraction of a file pixel.
fn unit(v: f64) -> String {
    fmt_fixed(v, 3)
}

/// Style properties copied from the page into a downloaded SVG, so it looks the same anywhere,
/// each with the value it is left out at (its default; "" keeps every value). Without
/// `paint-order` a label's halo was drawn over its letters.
const SVG_STYLE: [(&str, &str); 15] = [
    ("fill", ""),
    ("stroke", ""),
    ("stroke-width", ""),
    ("stroke-linejoin", "miter"),
    ("paint-order", "normal"),
    ("opacity", ""),
    ("font-family", ""),
    ("font-size", ""),
    ("font-weight", ""),
    ("text-anchor", ""),
    ("dominant-baseline", "auto"),
    ("transform", "none"),
    ("display", ""),
    ("visibility", ""),
    ("r", "0px"),
];

/// Offers an on-page SVG as a self-contained file (`stem` + `.svg` or `.png`): computed styles
/// inlined, a title above and source lines below, system fonts only.
/// `viewbox` is the part of the SVG to draw (x, y, width, height, in its own units: all of it as
/// the model laid it out, or a zoomed map's part) and `px` the pixels per unit of the file (1, or
/// a zoom's scale, so that a zoomed map is drawn as large as the whole one and its title and
/// labels keep their size).
/// `failed` is set when a PNG could not be made (the browser would not draw the SVG on a canvas,
/// or not encode it), and cleared when one is asked for again.
#[allow(clippy::too_many_arguments)]
pub fn download_svg(
    svg: &web_sys::Element,
    viewbox: (f64, f64, f64, f64),
    px: f64,
    title: &str,
    source: &[&str],
    stem: &str,
    format: Format,
    failed: RwSignal<bool>,
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
                .filter_map(|(p, default)| {
                    cs.get_property_value(p)
                        .ok()
                        .filter(|v| !v.is_empty() && v != default)
                        .map(|v| format!("{p}:{v};"))
                })
                .collect();
            let _ = b.set_attribute("style", &style);
        }
        let _ = b.remove_attribute("class");
    }
    let (x, y, w, h) = viewbox;
    // Title and sources in file pixels, whatever the units.
    let u = |v: f64| v / px;
    let (top, bottom) = (u(34.0), u(14.0 + 13.0 * source.len() as f64));
    let (ny, nh) = (y - top, h + top + bottom);
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute(
        "viewBox",
        &format!("{} {} {} {}", unit(x), unit(ny), unit(w), unit(nh)),
    );
    let (fw, fh) = (w * px, nh * px);
    let _ = copy.set_attribute("width", &num(fw));
    let _ = copy.set_attribute("height", &num(fh));
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
            ("x", unit(x)),
            ("y", unit(ny)),
            ("width", unit(w)),
            ("height", unit(nh)),
            ("style", "fill:#ffffff;".into()),
        ],
        None,
    );
    let t = make("title", &[], Some(title));
    let head = make(
        "text",
        &[
            ("x", unit(x + u(6.0))),
            ("y", unit(y - u(12.0))),
            (
                "style",
                format!("{font}font-size:{}px;font-weight:700;", unit(u(18.0))),
            ),
        ],
        Some(title),
    );
    if let (Some(bg), Some(t), Some(head)) = (bg, t, head) {
        let _ = copy.prepend_with_node_1(&bg);
        let _ = copy.prepend_with_node_1(&t);
        // A zoomed map has shapes outside its part: white bands under title and sources.
        for (band_y, band_h) in [(ny, top), (y + h, bottom)] {
            let band = [
                ("x", unit(x)),
                ("y", unit(band_y)),
                ("width", unit(w)),
                ("height", unit(band_h)),
                ("style", "fill:#ffffff;".into()),
            ];
            if let Some(r) = make("rect", &band, None) {
                let _ = copy.append_with_node_1(&r);
            }
        }
        let _ = copy.append_with_node_1(&head);
    }
    for (k, line) in source.iter().enumerate() {
        let y_line = y + h + u(18.0 + 13.0 * k as f64);
        if let Some(foot) = make(
            "text",
            &[
                ("x", unit(x + u(6.0))),
                ("y", unit(y_line)),
                ("style", format!("{font}font-size:{}px;", unit(u(10.0)))),
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
    let text = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}");
    match format {
        Format::Svg => download(&format!("{stem}.svg"), "image/svg+xml;charset=utf-8", &text),
        Format::Png => {
            failed.set(false);
            to_png(&text, fw, fh, format!("{stem}.png"), failed)
        }
    }
}

/// Draws an SVG document on a white canvas at 2× (at least 1,200 px wide) and offers it as a
/// PNG. The SVG goes in as a `blob:` image (same origin, so the canvas stays readable; the SVG
/// uses system fonts, like the page): no request leaves the page.
fn to_png(svg: &str, w: f64, h: f64, name: String, failed: RwSignal<bool>) {
    let fail = move || failed.set(true);
    let (Some(url), Ok(img)) = (
        blob_url(svg, "image/svg+xml;charset=utf-8"),
        web_sys::HtmlImageElement::new(),
    ) else {
        return fail();
    };
    let scale = (1200.0 / w).max(2.0);
    let image = img.clone();
    let src = url.clone();
    let draw = js_once(Box::new(move || {
        let _ = web_sys::Url::revoke_object_url(&src);
        let Some(canvas) = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return fail();
        };
        canvas.set_width((w * scale).ceil() as u32);
        canvas.set_height((h * scale).ceil() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return fail();
        };
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, w * scale, h * scale);
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h);
        let save = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            match blob.and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok()) {
                Some(url) => download_url(&name, &url),
                None => fail(),
            }
        });
        if canvas.to_blob(save.unchecked_ref()).is_err() {
            fail();
        }
    }));
    // The SVG would not load as an image.
    let not_drawn = js_once(Box::new(fail));
    img.set_onerror(Some(not_drawn.unchecked_ref()));
    img.set_onload(Some(draw.unchecked_ref()));
    img.set_src(&url);
}
