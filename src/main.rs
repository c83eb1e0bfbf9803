//! Entry point: installs the panic hook and mounts the report. Everything else lives in the library.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The report is in index.html already (written at build time); the app adopts it. Its
    // reactive owner lives as long as the page, so it is never dropped.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = reactive_graph::owner::Owner::new();
    owner.with(wcit12_report::views::app);
    std::mem::forget(owner);
}

/// The report only runs in the browser; natively this binary just says so.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wcit12-report is a browser app: build it with `scripts/dev build` (Trunk).");
}
