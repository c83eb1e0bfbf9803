//! An embedded view (`embed=` in the URL): one graphic alone, for an `<iframe>` on another site,
//! with the current filters and selection, a one-line credit and a link to the full report at
//! the same view. The graphic is the page's own adopted node, moved into a frame at the top of
//! `<main>`; everything else is hidden (`body.embed`, see main.css). A story step's graphic is
//! the story's own, shown alone.

use crate::views::prelude::*;

use super::ctx;
use super::kit::{adopt, by_id, set_attr};
use crate::model::data::{MAP_VIEWBOX, MAP_ZOOMS};
use crate::model::state::Embed;
use crate::model::story::fit;
use crate::model::text::fmt_fixed;
use crate::model::url::full_report_query;

/// Moves the embedded graphic into its frame and keeps the credit's link on the current view.
pub fn adopt_embed(e: Embed) {
    let c = ctx();
    let parts: Vec<String> = match e {
        Embed::Map => vec![".map-col .legend".into(), "#vote-map".into()],
        Embed::Table => vec![".sticky-filters".into(), "#table".into()],
        Embed::Chart(ind) => vec![format!("figure.chart[data-ind=\"{}\"]", ind.code())],
        Embed::Step(_) => Vec::new(),
    };
    let doc = document();
    if let (Ok(frame), Some(main)) = (doc.create_element("div"), by_id("main")) {
        frame.set_class_name("embed-frame");
        for sel in &parts {
            if let Ok(Some(el)) = doc.query_selector(sel) {
                let _ = frame.append_child(&el);
            }
        }
        if let Some(credit) = by_id("embed-credit") {
            set_attr(&credit, "hidden", None);
            if !parts.is_empty() {
                let _ = frame.append_child(&credit);
            }
        }
        if !parts.is_empty() {
            let _ = main.prepend_with_node_1(&frame);
        }
    }
    // A zoomed map, out of its zoom box: the zoom becomes the map's own viewBox, with the zoom's
    // scale (strokes, dots and labels divide by it) and the zoom's labels instead of the world's.
    let zoom = c
        .state
        .with_untracked(|s| s.zoom)
        .and_then(|k| MAP_ZOOMS.get(k));
    if let (Embed::Map, Some(z), Some(svg)) = (e, zoom, by_id("vote-map")) {
        let v = fit(z.2);
        // fmt_fixed, not `{}`: float Display alone costs the wasm about 8 kB brotli (measured).
        let vb = [v.x, v.y, v.w, v.h].map(|n| fmt_fixed(n, 3)).join(" ");
        set_attr(&svg, "viewBox", Some(&vb));
        let scale = fmt_fixed(MAP_VIEWBOX.2 / v.w, 3);
        set_attr(&svg, "style", Some(&format!("--z:{scale}")));
        // Its labels: `components::page::zoom_style`.
        set_attr(&svg, "data-zoom", Some(z.0));
    }
    if let Some(a) = by_id("embed-full") {
        adopt(
            move || c.state.with(full_report_query),
            "\u{0}".to_string(),
            move |q| {
                let path = window().location().pathname().unwrap_or_default();
                let href = if q.is_empty() {
                    path
                } else {
                    format!("{path}?{q}")
                };
                set_attr(&a, "href", Some(&href));
            },
        );
    }
}
