//! Layout of the governance strip charts (beeswarm rows, ticks, quartile marks) in a fixed
//! coordinate system; the SVG scales it to any width. Views only draw what this returns.

use super::contract::CountryId;
use super::data::{Income, Indicator, Status, COUNTRIES};
use super::html::Html;
use super::state::{GroupBy, Measure};
use super::stats::{summary, value, Summary};
use super::text::{fmt_fixed, fmt_signed};
use crate::html;

/// The layout's width. Horizontal positions are written as percentages of it and vertical ones
/// in pixels, and the SVG has no `viewBox`: the chart stretches to any width while its text stays
/// at its CSS size (12 px or more as rendered, on a phone too) instead of shrinking with it.
pub const WIDTH: f64 = 640.0;
pub const MARGIN_LEFT: f64 = 10.0;
pub const MARGIN_RIGHT: f64 = 14.0;
pub const ROW_HEIGHT: f64 = 56.0;
/// Room above each row for its label (the group's name, in the group's colour).
pub const LABEL_HEIGHT: f64 = 18.0;
pub const AXIS_HEIGHT: f64 = 26.0;
pub const TOP: f64 = 4.0;
pub const DOT_R: f64 = 3.6;

/// A row of the chart (a group of countries).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: &'static str,
    /// Class of the label (`signed`/`declined` when grouped by status: the group's colour).
    pub class: &'static str,
    pub center_y: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub country: CountryId,
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
    pub missing: Vec<CountryId>,
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
        GroupBy::Status => c.status.index(),
        GroupBy::Income => c.income.index(),
    }
}

fn row_labels(group_by: GroupBy) -> Vec<&'static str> {
    match group_by {
        GroupBy::Status => Status::ALL.map(Status::short_label).to_vec(),
        GroupBy::Income => Income::ALL.map(Income::short_label).to_vec(),
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
            class: match group_by {
                GroupBy::Status => Status::ALL[k].slug(),
                GroupBy::Income => "",
            },
            center_y: TOP
                + (ROW_HEIGHT + LABEL_HEIGHT) * k as f64
                + LABEL_HEIGHT
                + ROW_HEIGHT / 2.0,
        })
        .collect();
    let mut dots = Vec::new();
    let mut missing = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        let members: Vec<(CountryId, f64)> = CountryId::all()
            .filter(|id| row_of(id.index(), group_by) == k)
            .filter_map(|id| match value(id.country(), ind, measure) {
                Some(v) => Some((id, v)),
                None => {
                    missing.push(id);
                    None
                }
            })
            .collect();
        let mut by_value: Vec<usize> = (0..members.len()).collect();
        super::order_by(&mut by_value, &|a, b| {
            members[a]
                .1
                .total_cmp(&members[b].1)
                .then(members[a].0.cmp(&members[b].0))
        });
        let members: Vec<(CountryId, f64)> = by_value.into_iter().map(|k| members[k]).collect();
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
                let label = super::text::fmt_signed_dp(v, 0);
                t.push((x_of(v, domain), label));
                v += 1.0;
            }
            t
        }
    };
    Layout {
        height: TOP + (ROW_HEIGHT + LABEL_HEIGHT) * rows.len() as f64 + AXIS_HEIGHT,
        domain,
        ticks,
        rows,
        dots,
        missing,
    }
}

/// SVG coordinates with one decimal (integer arithmetic, see `text::fmt_fixed`).
fn n1(v: f64) -> String {
    super::text::fmt_fixed(v, 1)
}

/// A horizontal position as a percentage of the width (one decimal: 0.1% is under a pixel).
fn px(x: f64) -> String {
    format!("{}%", super::text::fmt_fixed(x / WIDTH * 100.0, 1))
}

/// SVG markup of the axis: a grid line and a label per tick.
pub fn axis_svg(l: &Layout) -> Html {
    let bottom = n1(l.height - 22.0);
    let label_y = n1(l.height - 6.0);
    l.ticks
        .iter()
        .map(|(x, t)| {
            let x = px(*x);
            html!(
                r#"<line class="grid" x1="{}" x2="{}" y1="4" y2="{}"></line><text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                x, x, bottom, x, label_y, t
            )
        })
        .collect()
}

/// SVG markup of the row labels and, per row, the band of the middle half and the median of the
/// countries in the current selection (`marks` from `summaries`).
pub fn rows_svg(l: &Layout, marks: &[Option<Summary>]) -> Html {
    // Each row's label carries its median's value (estimates with sign and two decimals,
    // percentile ranks whole), so the line drawn over the dots can be read.
    let pct = l.domain == (0.0, 100.0);
    let mut s: Html = l
        .rows
        .iter()
        .enumerate()
        .map(|(k, row)| {
            let median = match marks.get(k).copied().flatten() {
                Some(m) if pct => format!(" · median {}", fmt_fixed(m.median, 0)),
                Some(m) => format!(" · median {}", fmt_signed(m.median)),
                None => String::new(),
            };
            html!(
                r#"<text class="row-label {}" x="0" y="{}">{}<tspan class="med">{}</tspan></text>"#,
                row.class,
                n1(row.center_y - ROW_HEIGHT / 2.0 - 4.0),
                row.label,
                median
            )
        })
        .collect();
    for (row, m) in l.rows.iter().zip(marks) {
        let Some(m) = m else { continue };
        let y = row.center_y;
        let (x1, xm, x3) = (
            x_of(m.q1, l.domain),
            px(x_of(m.median, l.domain)),
            x_of(m.q3, l.domain),
        );
        s.push(&html!(
            r#"<rect class="iqr" x="{}" y="{}" width="{}" height="{}"></rect><line class="median" x1="{}" x2="{}" y1="{}" y2="{}"></line>"#,
            px(x1),
            n1(y - ROW_HEIGHT * 0.42),
            px((x3 - x1).max(1.0)),
            n1(ROW_HEIGHT * 0.84),
            xm,
            xm,
            n1(y - ROW_HEIGHT * 0.46),
            n1(y + ROW_HEIGHT * 0.46),
        ));
    }
    s
}

/// SVG markup of the dots: one circle per country with a value, coloured by status, carrying its
/// country (`model::contract`). Fading and selection are marks the view applies afterwards.
/// `cx` is a percentage with one decimal (under a pixel as drawn at any width on the page).
pub fn dots_svg(l: &Layout) -> Html {
    l.dots
        .iter()
        .map(|d| {
            let k = d.country.country();
            html!(
                r#"<circle class="dot {}" cx="{}" cy="{}" r="{}" data-i="{}"/>"#,
                k.status.slug(),
                px(d.x),
                n1(d.y),
                n1(DOT_R),
                d.country
            )
        })
        .collect()
}

/// Countries labelled directly on every chart, with the short name used: a few that readers know,
/// in both groups and apart on the scale (the UK sat on top of the United States).
pub const LABELLED: [(&str, &str); 4] = [
    ("USA", "United States"),
    ("CHN", "China"),
    ("RUS", "Russia"),
    ("IND", "India"),
];

/// SVG markup of the direct labels of [`LABELLED`] at their dots (a halo keeps them legible over
/// other dots).
pub fn labels_svg(l: &Layout) -> Html {
    l.dots
        .iter()
        .filter_map(|d| {
            let iso3 = d.country.country().iso3;
            let (_, name) = LABELLED.iter().find(|(i, _)| *i == iso3)?;
            Some(html!(
                r#"<text class="dot-label" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                px(d.x),
                n1(d.y - 7.0),
                *name
            ))
        })
        .collect()
}

/// SVG markup of a country's interval (`lo`…`hi`, e.g. its 90% interval) as whiskers at its dot;
/// empty when the country has no dot in this layout.
pub fn interval_svg(l: &Layout, country: CountryId, lo: f64, hi: f64) -> Html {
    let Some(d) = l.dots.iter().find(|d| d.country == country) else {
        return Html::EMPTY;
    };
    let (a, b) = (px(x_of(lo, l.domain)), px(x_of(hi, l.domain)));
    let (y, y0, y1) = (n1(d.y), n1(d.y - 4.0), n1(d.y + 4.0));
    html!(
        r#"<g class="interval" aria-hidden="true"><line x1="{}" x2="{}" y1="{}" y2="{}"></line><line x1="{}" x2="{}" y1="{}" y2="{}"></line><line x1="{}" x2="{}" y1="{}" y2="{}"></line></g>"#,
        a,
        b,
        y,
        y,
        a,
        a,
        y0,
        y1,
        b,
        b,
        y0,
        y1
    )
}
