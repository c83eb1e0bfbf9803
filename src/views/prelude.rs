//! What every view uses: Leptos' reactive system (signals, memos, effects, owners, context) and
//! the page's `window()` and `document()`.
pub use leptos::reactive::computed::Memo;
pub use leptos::reactive::effect::Effect;
pub use leptos::reactive::owner::{expect_context, on_cleanup, provide_context};
pub use leptos::reactive::signal::RwSignal;
pub use leptos::reactive::traits::*;

/// The page's window.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The page's document.
pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}
