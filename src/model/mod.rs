//! Pure Rust model of the report: data, filters, sorting, search, statistics, chart layout and the
//! URL codec. Nothing here touches the DOM; everything is tested natively with `cargo test`.
pub mod breakdown;
pub mod chart;
pub mod data;
pub mod export;
pub mod state;
pub mod stats;
pub mod text;
pub mod url;
