//! Benchmark (ignored by default; run by `scripts/dev bench`): the model's sort + filter on
//! 100,000 synthetic rows, natively in release mode.
#![allow(clippy::disallowed_methods)] // size rules are for the wasm, not for tests

use std::time::Instant;

use wcit12_report::model::data::{Indicator, Status, COUNTRIES};
use wcit12_report::model::state::{filter_sort, Column, Sort, State};

#[test]
#[ignore = "benchmark: run with --ignored --nocapture"]
fn sort_filter_100k_rows() {
    let rows: Vec<_> = (0..100_000)
        .map(|k| COUNTRIES[k % COUNTRIES.len()])
        .collect();
    let cases = [
        ("name asc, no filter", State::default()),
        (
            "VA desc, status=signed",
            State {
                status: Some(Status::Signed),
                sort: Sort {
                    col: Column::Wgi(Indicator::Va),
                    desc: true,
                },
                ..State::default()
            },
        ),
        (
            "search 'ia', region sort",
            State {
                query: "ia".into(),
                sort: Sort {
                    col: Column::Region,
                    desc: false,
                },
                ..State::default()
            },
        ),
    ];
    for (label, st) in cases {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..7 {
            let t = Instant::now();
            n = filter_sort(&rows, &st).len();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "model sort+filter, 100,000 rows, {label}: median {:.1} ms ({n} rows out)",
            times[3]
        );
    }
}
