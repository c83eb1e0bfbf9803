//! What every view uses: Leptos' reactive system (`reactive_graph`: signals, memos, effects,
//! owners, context) and the page's `window()` and `document()`.
pub use reactive_graph::computed::Memo;
pub use reactive_graph::effect::Effect;
pub use reactive_graph::owner::{expect_context, on_cleanup, provide_context};
pub use reactive_graph::signal::RwSignal;
pub use reactive_graph::traits::*;

/// The page's window.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The page's document.
pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}
