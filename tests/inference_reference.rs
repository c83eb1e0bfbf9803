//! The census statistics of `model::inference` against SciPy reference values
//! (`tests/reference/inference.json`, made by `scripts/stats_reference.py` from src/data).
//! Exact quantities must agree to 1e-12; Monte Carlo ones (permutation p, bootstrap and
//! measurement-error intervals) within a few Monte Carlo standard errors, since the two sides
//! use different random streams.
#![allow(clippy::disallowed_methods)] // size rules are for the wasm, not for tests

use wcit12_report::model::data::{Income, Indicator, Region, Status, COUNTRIES};
use wcit12_report::model::inference::{
    auc, bootstrap_auc, permutation_p, propagate_se, stratified_auc,
};

fn reference() -> serde_json::Value {
    let text = std::fs::read_to_string("tests/reference/inference.json").expect("reference file");
    serde_json::from_str(&text).expect("reference JSON")
}

fn f(v: &serde_json::Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// (estimate, standard error) of each country in a group.
type Values = Vec<(f64, f64)>;

/// Voice and Accountability of non-signatories and signatories among `keep`.
fn groups(keep: impl Fn(usize) -> bool) -> (Values, Values) {
    let mut x = Vec::new();
    let mut y = Vec::new();
    for (i, c) in COUNTRIES.iter().enumerate() {
        let w = &c.wgi[Indicator::Va.index()];
        if let (true, Some(e), Some(s)) = (keep(i), w.est(), w.se()) {
            match c.status {
                Status::Declined => x.push((e, s)),
                Status::Signed => y.push((e, s)),
            }
        }
    }
    (x, y)
}

fn est(v: &[(f64, f64)]) -> Vec<f64> {
    v.iter().map(|p| p.0).collect()
}

#[test]
fn pooled_and_within_group_aucs_match_scipy_exactly() {
    let r = reference();
    let (x, y) = groups(|_| true);
    assert_eq!((x.len(), y.len()), (55, 89));
    let a = auc(&est(&x), &est(&y)).unwrap();
    assert!((a - f(&r["all"]["auc"])).abs() < 1e-12, "{a}");
    for (key, g) in [("ssa", Some(Region::SubSaharanAfrica)), ("high", None)] {
        let (gx, gy) = match g {
            Some(reg) => groups(|i| COUNTRIES[i].region == reg),
            None => groups(|i| COUNTRIES[i].income == Income::High),
        };
        assert_eq!(gx.len() as u64, r[key]["n_x"].as_u64().unwrap(), "{key}");
        assert_eq!(gy.len() as u64, r[key]["n_y"].as_u64().unwrap(), "{key}");
        let a = auc(&est(&gx), &est(&gy)).unwrap();
        assert!((a - f(&r[key]["auc"])).abs() < 1e-12, "{key} {a}");
    }
}

#[test]
fn stratified_aucs_match_scipy_exactly() {
    let r = reference();
    let by_income: Vec<(Vec<f64>, Vec<f64>)> = Income::ALL
        .iter()
        .map(|&g| {
            let (x, y) = groups(|i| COUNTRIES[i].income == g);
            (est(&x), est(&y))
        })
        .collect();
    let s = stratified_auc(&by_income).unwrap();
    assert!((s - f(&r["stratified_income"])).abs() < 1e-12, "{s}");
    let by_region: Vec<(Vec<f64>, Vec<f64>)> = Region::ALL
        .iter()
        .map(|&g| {
            let (x, y) = groups(|i| COUNTRIES[i].region == g);
            (est(&x), est(&y))
        })
        .collect();
    let s = stratified_auc(&by_region).unwrap();
    assert!((s - f(&r["stratified_region"])).abs() < 1e-12, "{s}");
}

#[test]
fn permutation_p_matches_scipy_within_monte_carlo_error() {
    let r = reference();
    let (x, y) = groups(|i| COUNTRIES[i].region == Region::SubSaharanAfrica);
    let n = 20_000;
    let p = permutation_p(&est(&x), &est(&y), n, 11).unwrap();
    let want = f(&r["ssa"]["permutation_p"]);
    let se = (want * (1.0 - want) / n as f64).sqrt();
    assert!((p - want).abs() < 4.0 * se + 0.002, "{p} vs {want}");
    // Fully separated in every relabelling tried: the smallest p this many relabellings can show.
    let (x, y) = groups(|i| COUNTRIES[i].income == Income::High);
    assert_eq!(
        permutation_p(&est(&x), &est(&y), n, 11).unwrap(),
        1.0 / (n + 1) as f64
    );
    // Seeded: the same seed gives the same p.
    assert_eq!(
        permutation_p(&est(&x), &est(&y), 500, 5),
        permutation_p(&est(&x), &est(&y), 500, 5)
    );
}

#[test]
fn bootstrap_intervals_match_scipy_within_monte_carlo_error() {
    let r = reference();
    let cases = [
        ("all", groups(|_| true), 0.012),
        (
            "ssa",
            groups(|i| COUNTRIES[i].region == Region::SubSaharanAfrica),
            0.03,
        ),
        (
            "high",
            groups(|i| COUNTRIES[i].income == Income::High),
            0.012,
        ),
    ];
    for (key, (x, y), tol) in cases {
        let iv = bootstrap_auc(&est(&x), &est(&y), 10_000, 7, 0.95).unwrap();
        let (lo, hi) = (f(&r[key]["bootstrap95"][0]), f(&r[key]["bootstrap95"][1]));
        assert!(
            (iv.lo - lo).abs() < tol && (iv.hi - hi).abs() < tol,
            "{key}: {iv:?} vs [{lo}, {hi}]"
        );
    }
}

#[test]
fn measurement_error_interval_matches_numpy_within_monte_carlo_error() {
    let r = reference();
    let (x, y) = groups(|_| true);
    let iv = propagate_se(&x, &y, 5_000, 9, 0.95).unwrap();
    let (lo, hi) = (
        f(&r["all"]["propagated95"][0]),
        f(&r["all"]["propagated95"][1]),
    );
    assert!(
        (iv.lo - lo).abs() < 0.004 && (iv.hi - hi).abs() < 0.004,
        "{iv:?} vs [{lo}, {hi}]"
    );
}
