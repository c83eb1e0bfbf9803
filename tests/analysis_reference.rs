//! The census figures of `model::analysis` against `tests/reference/inference.json` ("census"),
//! made by `scripts/stats_reference.py` from src/data. The script reproduces the model's seeded
//! SplitMix64 stream and order of draws, so the Monte Carlo figures (permutation counts,
//! bootstrap and measurement-error intervals) must agree exactly (1e-12), like the exact ones
//! (medians, U, P, r). The script also checks its seeded figures against SciPy's own
//! permutation test and bootstrap within Monte Carlo error.
#![allow(clippy::disallowed_methods)] // size rules are for the wasm, not for tests

use wcit12_report::model::analysis::*;
use wcit12_report::model::data::{Grade, Income, Indicator, Region, COUNTRIES};
use wcit12_report::model::inference::Interval;
use wcit12_report::model::state::Measure;

fn reference() -> serde_json::Value {
    let text = std::fs::read_to_string("tests/reference/inference.json").expect("reference file");
    let v: serde_json::Value = serde_json::from_str(&text).expect("reference JSON");
    v["census"].clone()
}

fn f(v: &serde_json::Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn close(a: f64, b: f64, what: &str) {
    assert!((a - b).abs() < 1e-12, "{what}: {a} vs {b}");
}

fn check_interval(iv: Interval, r: &serde_json::Value, what: &str) {
    close(iv.lo, f(&r[0]), what);
    close(iv.hi, f(&r[1]), what);
}

fn check(c: &Census, r: &serde_json::Value, what: &str) {
    assert_eq!(c.n_x as u64, r["n_x"].as_u64().unwrap(), "{what}");
    assert_eq!(c.n_y as u64, r["n_y"].as_u64().unwrap(), "{what}");
    close(c.median_x, f(&r["median_x"]), what);
    close(c.median_y, f(&r["median_y"]), what);
    close(c.u, f(&r["u"]), what);
    close(c.auc, f(&r["auc"]), what);
    close(c.r, f(&r["r"]), what);
    assert_eq!(
        c.perm_hits as u64,
        r["perm_hits"].as_u64().unwrap(),
        "{what}"
    );
    check_interval(c.ci, &r["ci"], what);
}

#[test]
fn constants_match_the_script() {
    let r = reference();
    let k = &r["constants"];
    assert_eq!(k["resamples"].as_u64(), Some(RESAMPLES as u64));
    assert_eq!(k["perm_seed"].as_u64(), Some(PERM_SEED));
    assert_eq!(k["boot_seed"].as_u64(), Some(BOOT_SEED));
    assert_eq!(k["se_seed"].as_u64(), Some(SE_SEED));
    assert_eq!(k["se_draws"].as_u64(), Some(SE_DRAWS as u64));
    assert_eq!(k["min_group"].as_u64(), Some(MIN_GROUP as u64));
    assert_eq!(k["lead_seed"].as_u64(), Some(LEAD_SEED));
}

#[test]
fn six_indicators_over_the_census_match_exactly() {
    let r = reference();
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let rows = census_all(&all, Measure::Estimate);
    for (ind, c) in Indicator::ALL.iter().zip(&rows) {
        let c = c.expect("both groups");
        check(&c, &r["all"][ind.code()], ind.code());
    }
}

#[test]
fn within_group_figures_match_exactly() {
    let r = reference();
    let income: Vec<&str> = Income::ALL.iter().map(|g| g.csv()).collect();
    let region: Vec<&str> = Region::ALL.iter().map(|g| g.csv()).collect();
    for (key, rows, spellings) in [
        ("by_income", by_income(Indicator::Va), income),
        ("by_region", by_region(Indicator::Va), region),
    ] {
        for (g, csv) in rows.into_iter().zip(spellings) {
            let want = &r[key][csv];
            assert_eq!(
                g.declined as u64,
                want["n_x"].as_u64().unwrap(),
                "{}",
                g.label
            );
            assert_eq!(
                g.signed as u64,
                want["n_y"].as_u64().unwrap(),
                "{}",
                g.label
            );
            match g.census {
                Some(c) => check(&c, &want["census"], g.label),
                None => assert!(want["census"].is_null(), "{} should be compared", g.label),
            }
        }
    }
    let inc = stratified_by_income(Indicator::Va).unwrap();
    close(
        inc.auc,
        f(&r["stratified_income"]["auc"]),
        "stratified income",
    );
    check_interval(inc.ci, &r["stratified_income"]["ci"], "stratified income");
    let reg = stratified_by_region(Indicator::Va).unwrap();
    close(
        reg.auc,
        f(&r["stratified_region"]["auc"]),
        "stratified region",
    );
    check_interval(reg.ci, &r["stratified_region"]["ci"], "stratified region");
}

#[test]
fn sensitivity_figures_match_exactly() {
    let r = reference();
    let ab: Vec<usize> = (0..COUNTRIES.len())
        .filter(|&i| matches!(COUNTRIES[i].grade, Grade::A | Grade::B))
        .collect();
    assert_eq!(ab.len() as u64, r["grades_ab"]["n"].as_u64().unwrap());
    let c = census(&ab, Indicator::Va, Measure::Estimate).unwrap();
    check(&c, &r["grades_ab"], "grades A/B");
    check_interval(se_interval().unwrap(), &r["propagated95"], "propagated");
    let (n, a) = eu_once_auc().unwrap();
    assert_eq!(n as u64, r["eu_once"]["n_eu"].as_u64().unwrap());
    close(a, f(&r["eu_once"]["auc"]), "EU once");
    let eu: Vec<&str> = COUNTRIES
        .iter()
        .filter(|c| eu_member(c))
        .map(|c| c.iso3)
        .collect();
    let want: Vec<&str> = r["eu_once"]["eu"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(eu, want);
}

#[test]
fn spearman_range_matches_scipy() {
    let r = reference();
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (lo, hi) = spearman_range(&all).unwrap();
    assert!((lo - f(&r["spearman_range"][0])).abs() < 1e-12, "{lo}");
    assert!((hi - f(&r["spearman_range"][1])).abs() < 1e-12, "{hi}");
}

#[test]
fn paired_lead_matches_exactly() {
    let r = reference();
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (top, leads) = lead_intervals(&all, Measure::Estimate).unwrap();
    assert_eq!(r["lead"]["top"].as_str(), Some(top.code()));
    assert_eq!(leads.len(), 5);
    for (ind, iv) in leads {
        check_interval(iv, &r["lead"]["vs"][ind.code()], ind.code());
    }
}
