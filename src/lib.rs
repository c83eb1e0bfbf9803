//! WCIT-12: The Final Vote — an interactive data report.
//!
//! `model` is pure Rust (data, filter, sort, search, statistics, chart layout, URL codec) and is
//! tested natively with `cargo test`. `components` are Leptos components, rendered at build time (the report and each embedded
//! view's page) and hydrated in the browser by `views`, the app, which exists only in the
//! browser build.
pub mod browser;
pub mod components;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod views;
