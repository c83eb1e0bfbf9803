//! Pure Rust model of the report: data, filters, sorting, search, statistics, chart layout and the
//! URL codec. Nothing here touches the DOM; everything is tested natively with `cargo test`.
pub mod analysis;
pub mod breakdown;
pub mod chart;
pub mod contract;
pub mod data;
pub mod export;
pub mod inference;
pub mod notes;
pub mod page;
pub mod sections;
pub mod state;
pub mod stats;
pub mod story;
pub mod text;
pub mod url;
pub mod vocab;

use std::cmp::Ordering;

/// Stable sort of indices by a comparison. Every sort in the model goes through this one
/// function, so the browser build carries a single copy of the standard library's sort.
#[allow(clippy::disallowed_methods)] // the one sort (clippy.toml)
pub fn order_by(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|a, b| cmp(*a, *b));
}

/// The values in ascending order (`f64::total_cmp`).
pub fn sorted_values(values: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..values.len()).collect();
    order_by(&mut idx, &|a, b| values[a].total_cmp(&values[b]));
    idx.into_iter().map(|k| values[k]).collect()
}
