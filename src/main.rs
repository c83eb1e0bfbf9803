//! Entry point: installs the panic hook and starts the app, which hydrates the prerendered
//! report.
//! Everything else lives in the library.
/// lol_alloc's free-list allocator instead of Rust's default dlmalloc: a single-threaded heap that
/// frees and reuses memory, in less code. Measured on the release build: wasm 99,614 → 98,850 B
/// brotli (−764 B; Talc was tried too: +280 B); a filter change → statistics redrawn, 4× throttled
/// CPU, six loads each: 297–530 ms with dlmalloc, 319–593 ms with this (the same within noise).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic aborts the app (the static report stays readable); say so in the console. The
    // message is fixed: formatting the panic's own message and location (console_error_panic_hook)
    // cost 0.9 kB brotli of wasm, measured, which the page's budget could not spare.
    std::panic::set_hook(Box::new(|_| {
        web_sys::console::error_1(
            &"WCIT-12: the app stopped (internal error); the page still reads.".into(),
        )
    }));
    // The report is in index.html already (written at build time); the app hydrates it. Its
    // reactive owner lives as long as the page, so it is never dropped.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::reactive::owner::Owner::new();
    owner.with(wcit12_report::views::start);
    std::mem::forget(owner);
}

/// The report only runs in the browser; natively this binary just says so.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wcit12-report is a browser app: build it with `scripts/dev build` (Trunk).");
}
