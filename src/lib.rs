//! WCIT-12: The Final Vote — an interactive data report.
//!
//! `model` is pure Rust (data, filter, sort, search, statistics, chart layout, URL codec) and is
//! tested natively with `cargo test`. `views` are Leptos components and exist only in the browser build.
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod views;
