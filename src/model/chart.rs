//! Layout of the governance strip charts (beeswarm rows, ticks, quartile marks) in a fixed
//! coordinate system; the SVG scales it to any width. Views only draw what this returns.

use super::data::{Income, Indicator, Status, COUNTRIES};
use super::state::{GroupBy, Measure};
use super::stats::{summary, value, Summary};

pub const WIDTH: f64 = 640.0;
pub const MARGIN_LEFT: f64 = 118.0;
pub const MARGIN_RIGHT: f64 = 14.0;
pub const ROW_HEIGHT: f64 = 56.0;
pub const AXIS_HEIGHT: f64 = 26.0;
pub const TOP: f64 = 8.0;
pub const DOT_R: f64 = 3.6;

/// A row of the chart (a group of countries).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: &'static str,
    pub center_y: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub country: usize,
    pub value: f64,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub height: f64,
    pub domain: (f64, f64),
    pub ticks: Vec<(f64, String)>,
    pub rows: Vec<Row>,
    pub dots: Vec<Dot>,
    /// Countries without a value (named, not drawn).
    pub missing: Vec<usize>,
}

/// The shared x domain: −2.5…+2.5 for estimates, widened in steps of 0.5 to include every value
/// of every indicator (Somalia's Political Stability is −3.07); 0…100 for percentile ranks.
pub fn domain(measure: Measure) -> (f64, f64) {
    match measure {
        Measure::Percentile => (0.0, 100.0),
        Measure::Estimate => {
            let (mut lo, mut hi) = (-2.5f64, 2.5f64);
            for c in COUNTRIES.iter() {
                for w in &c.wgi {
                    if let Some(v) = w.est() {
                        lo = lo.min((v / 0.5).floor() * 0.5);
                        hi = hi.max((v / 0.5).ceil() * 0.5);
                    }
                }
            }
            (lo, hi)
        }
    }
}

/// Maps a value to an x coordinate.
pub fn x_of(v: f64, domain: (f64, f64)) -> f64 {
    let (lo, hi) = domain;
    MARGIN_LEFT + (v - lo) / (hi - lo) * (WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
}

fn row_of(i: usize, group_by: GroupBy) -> usize {
    let c = &COUNTRIES[i];
    match group_by {
        GroupBy::Status => (c.status == Status::Declined) as usize,
        GroupBy::Income => Income::ALL.iter().position(|&g| g == c.income).unwrap_or(0),
    }
}

fn row_labels(group_by: GroupBy) -> Vec<&'static str> {
    match group_by {
        GroupBy::Status => vec!["Signed", "Did not sign"],
        GroupBy::Income => vec!["Low income", "Lower middle", "Upper middle", "High income"],
    }
}

/// Quartiles per row of the countries in `selection` (indices), for the median and band marks;
/// `None` for a row with no country selected.
pub fn summaries(
    ind: Indicator,
    measure: Measure,
    group_by: GroupBy,
    selection: &[usize],
) -> Vec<Option<Summary>> {
    (0..row_labels(group_by).len())
        .map(|k| {
            let vals: Vec<f64> = selection
                .iter()
                .filter(|&&i| row_of(i, group_by) == k)
                .filter_map(|&i| value(&COUNTRIES[i], ind, measure))
                .collect();
            summary(&vals)
        })
        .collect()
}

/// Lays out all 144 countries for one indicator (independent of the filters, which only fade).
pub fn layout(ind: Indicator, measure: Measure, group_by: GroupBy) -> Layout {
    let domain = domain(measure);
    let labels = row_labels(group_by);
    let rows: Vec<Row> = labels
        .iter()
        .enumerate()
        .map(|(k, &label)| Row {
            label,
            center_y: TOP + ROW_HEIGHT * (k as f64 + 0.5),
        })
        .collect();
    let mut dots = Vec::new();
    let mut missing = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        let mut members: Vec<(usize, f64)> = (0..COUNTRIES.len())
            .filter(|&i| row_of(i, group_by) == k)
            .filter_map(|i| match value(&COUNTRIES[i], ind, measure) {
                Some(v) => Some((i, v)),
                None => {
                    missing.push(i);
                    None
                }
            })
            .collect();
        members.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        let center = row.center_y;
        let max_off = ROW_HEIGHT / 2.0 - DOT_R - 1.0;
        let mut placed: Vec<(f64, f64)> = Vec::new();
        for (i, v) in members {
            let x = x_of(v, domain);
            // Beeswarm: the offset nearest the centre line that collides with no placed dot.
            let step = DOT_R * 0.5;
            let mut k2 = 0;
            let y = loop {
                let off = ((k2 + 1) / 2) as f64 * step * if k2 % 2 == 0 { 1.0 } else { -1.0 };
                if off.abs() > max_off {
                    break center;
                }
                let cand = center + off;
                let d2 = (2.0 * DOT_R) * (2.0 * DOT_R) * 0.9;
                if placed
                    .iter()
                    .all(|&(px, py)| (px - x).powi(2) + (py - cand).powi(2) >= d2)
                {
                    break cand;
                }
                k2 += 1;
            };
            placed.push((x, y));
            dots.push(Dot {
                country: i,
                value: v,
                x,
                y,
            });
        }
    }
    let ticks = match measure {
        Measure::Percentile => (0..=4)
            .map(|k| (x_of(k as f64 * 25.0, domain), format!("{}", k * 25)))
            .collect(),
        Measure::Estimate => {
            let mut t = Vec::new();
            let mut v = domain.0.ceil();
            while v <= domain.1 + 1e-9 {
                let label = if v > 0.0 {
                    format!("+{v:.0}")
                } else if v < 0.0 {
                    format!("−{:.0}", -v)
                } else {
                    "0".into()
                };
                t.push((x_of(v, domain), label));
                v += 1.0;
            }
            t
        }
    };
    Layout {
        height: TOP + ROW_HEIGHT * rows.len() as f64 + AXIS_HEIGHT,
        domain,
        ticks,
        rows,
        dots,
        missing,
    }
}
