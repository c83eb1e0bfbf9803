//! Writes the page into a built `index.html`, in place of its `<div data-prerender="…">`
//! placeholders: the Leptos components rendered in their default state
//! (`components::prerendered`), which the app hydrates in the browser where they change. Run
//! natively by the post-build hook (`scripts/postbuild.mjs`): `cargo run --bin prerender --
//! dist/index.html`.
//!
//! With `--embeds`, once the post-build hook has finished `index.html`, writes each embedded
//! view's page next to it (`components::embed`): the same head, the embed's body.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use wcit12_report::components::{fill, prerendered};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (embeds, path) = match args.as_slice() {
        [flag, path] if flag == "--embeds" => (true, path.clone()),
        [path] => (false, path.clone()),
        _ => {
            eprintln!("usage: prerender [--embeds] <index.html>");
            std::process::exit(2);
        }
    };
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("prerender: {path}: {e}");
        std::process::exit(1);
    });
    if embeds {
        if let Err(e) = write_embeds(&path, &doc) {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
        return;
    }
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

/// Writes each embedded view's page next to the finished `index.html` at `path`.
#[cfg(not(target_arch = "wasm32"))]
fn write_embeds(path: &str, doc: &str) -> Result<(), String> {
    use wcit12_report::components::embed::{body, file_name};
    use wcit12_report::model::state::Embed;
    let open = doc.find("<body").ok_or(format!("{path}: no <body>"))?;
    let close = doc.rfind("</body>").ok_or(format!("{path}: no </body>"))?;
    // The line shown when the app cannot start: the report's own.
    let failed = doc[open..close]
        .find("<p class=\"notice app-failed\"")
        .or_else(|| doc[open..close].find("<p class=\"notice app-failed"))
        .or_else(|| doc[open..close].find("<p class=notice app-failed"))
        .map(|k| open + k);
    let failed = failed.ok_or(format!("{path}: no app-failed line in <body>"))?;
    let end = doc[failed..]
        .find("</p>")
        .ok_or(format!("{path}: app-failed line not closed"))?;
    let app_failed = &doc[failed..failed + end + 4];
    let dir = std::path::Path::new(path)
        .parent()
        .ok_or(format!("{path}: no folder"))?;
    for e in Embed::all() {
        let page = format!(
            "{}{}{}",
            &doc[..open],
            body(e, app_failed),
            &doc[close + 7..]
        );
        let out = dir.join(file_name(e));
        std::fs::write(&out, page).map_err(|err| format!("{}: {err}", out.display()))?;
    }
    Ok(())
}

/// Build-time only; the browser build never runs it.
#[cfg(target_arch = "wasm32")]
fn main() {}
