//! Entry point: installs the panic hook and mounts the report. Everything else lives in the library.
#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    // The page's static parts (masthead, analyses, sources, footer) are in index.html already;
    // the app mounts between them.
    let Some(app) = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    leptos::mount::mount_to(app, wcit12_report::views::App).forget();
}

/// The report only runs in the browser; natively this binary just says so.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wcit12-report is a browser app: build it with `scripts/dev build` (Trunk).");
}
