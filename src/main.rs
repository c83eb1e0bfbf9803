//! Entry point: installs the panic hook and mounts the report. Everything else lives in the library.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The static header of index.html stood in while the app loaded.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(wcit12_report::views::App);
}

/// The report only runs in the browser; natively this binary just says so.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wcit12-report is a browser app: build it with `scripts/dev build` (Trunk).");
}
