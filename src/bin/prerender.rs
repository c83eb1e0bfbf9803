//! Writes the page into a built `index.html`, in place of its `<div data-prerender="…">`
//! placeholders: the Leptos components rendered in their default state
//! (`components::prerendered`), which the app hydrates in the browser where they change. Run
//! natively by the post-build hook (`scripts/postbuild.mjs`): `cargo run --bin prerender --
//! dist/index.html`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use wcit12_report::components::{fill, prerendered};
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        std::process::exit(2);
    };
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("prerender: {path}: {e}");
        std::process::exit(1);
    });
    match fill(&doc, &prerendered()) {
        Ok(out) => {
            if let Err(e) = std::fs::write(&path, out) {
                eprintln!("prerender: {path}: {e}");
                std::process::exit(1);
            }
        }
        Err(e) => {
            eprintln!("prerender: {path}: {e}");
            std::process::exit(1);
        }
    }
}

/// Build-time only; the browser build never runs it.
#[cfg(target_arch = "wasm32")]
fn main() {}
