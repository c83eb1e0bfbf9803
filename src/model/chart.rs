//! Layout of the governance strip charts (beeswarm rows, ticks, quartile marks) in a fixed
//! coordinate system; the SVG scales it to any width. Views only draw what this returns.

use super::contract::CountryId;
use super::data::{Income, Indicator, Status, COUNTRIES};
use super::state::{GroupBy, Measure};
use super::stats::{summary, value, Summary};
use super::text::{fmt_fixed, fmt_signed};

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
    // In the order of `COUNTRIES` (drawn in that order, a chart's k-th dot is the k-th country
    // with a value): the page then needs no attribute on each of the 864 dots to tell whose it is.
    let mut order: Vec<usize> = (0..dots.len()).collect();
    super::order_by(&mut order, &|a, b| dots[a].country.cmp(&dots[b].country));
    let dots: Vec<Dot> = order.into_iter().map(|k| dots[k]).collect();
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
pub fn n1(v: f64) -> String {
    super::text::fmt_fixed(v, 1)
}

/// A horizontal position as a percentage of the width (one decimal: 0.1% is under a pixel).
pub fn px(x: f64) -> String {
    format!("{}%", super::text::fmt_fixed(x / WIDTH * 100.0, 1))
}

/// One tick of the axis: its grid line and label at `x`.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: String,
    pub label: String,
}

/// The axis: the ticks, where their grid lines end and where their labels sit.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub ticks: Vec<Tick>,
    pub bottom: String,
    pub label_y: String,
}

/// The axis of a layout: a grid line and a label per tick.
pub fn axis(l: &Layout) -> Axis {
    Axis {
        ticks: l
            .ticks
            .iter()
            .map(|(x, t)| Tick {
                x: px(*x),
                label: t.clone(),
            })
            .collect(),
        bottom: n1(l.height - 22.0),
        label_y: n1(l.height - 6.0),
    }
}

/// A row's band of the middle half (a rectangle) and its median (a vertical line).
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub x: String,
    pub y: String,
    pub width: String,
    pub height: String,
    pub median_x: String,
    pub median_y1: String,
    pub median_y2: String,
}

/// A row's label (the group's name and its median's value) and its band.
#[derive(Clone, Debug, PartialEq)]
pub struct RowMarks {
    pub label: &'static str,
    pub class: &'static str,
    pub label_y: String,
    /// " · median +0.41" (estimates with sign and two decimals, percentile ranks whole), so that
    /// the line drawn over the dots can be read; empty for a row without countries.
    pub median: String,
    pub band: Option<Band>,
}

/// The row labels and, per row, the band of the middle half and the median of the countries in
/// the current selection (`marks` from `summaries`).
pub fn row_marks(l: &Layout, marks: &[Option<Summary>]) -> Vec<RowMarks> {
    let pct = l.domain == (0.0, 100.0);
    l.rows
        .iter()
        .enumerate()
        .map(|(k, row)| {
            let m = marks.get(k).copied().flatten();
            let median = match m {
                Some(m) if pct => format!(" · median {}", fmt_fixed(m.median, 0)),
                Some(m) => format!(" · median {}", fmt_signed(m.median)),
                None => String::new(),
            };
            let band = m.map(|m| {
                let y = row.center_y;
                let (x1, x3) = (x_of(m.q1, l.domain), x_of(m.q3, l.domain));
                Band {
                    x: px(x1),
                    y: n1(y - ROW_HEIGHT * 0.42),
                    width: px((x3 - x1).max(1.0)),
                    height: n1(ROW_HEIGHT * 0.84),
                    median_x: px(x_of(m.median, l.domain)),
                    median_y1: n1(y - ROW_HEIGHT * 0.46),
                    median_y2: n1(y + ROW_HEIGHT * 0.46),
                }
            });
            RowMarks {
                label: row.label,
                class: row.class,
                label_y: n1(row.center_y - ROW_HEIGHT / 2.0 - 4.0),
                median,
                band,
            }
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

/// A direct label of [`LABELLED`] at its dot (a halo keeps it legible over other dots).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub country: CountryId,
    pub x: String,
    pub y: String,
    pub name: &'static str,
}

/// The narrowest a chart is drawn (a 375 px phone), in px, and the width of a label's character
/// there (12 px type): what two labels need to stay apart.
const NARROWEST: f64 = 343.0;
const CHAR_PX: f64 = 7.5;

/// The direct labels of [`LABELLED`] countries, and of the selected country (`selected`), that
/// have a dot in this layout: above the dot, or below it (or a line higher) where the label
/// would run into one already placed in the same row (Russia and China sit side by side on
/// most indicators), or a line lower; a label with no room is left out.
pub fn labels(l: &Layout, selected: Option<CountryId>) -> Vec<Label> {
    // (x in layout units, y, half width in layout units at the narrowest chart)
    let mut placed: Vec<(f64, f64, f64)> = Vec::new();
    l.dots
        .iter()
        .filter_map(|d| {
            let c = d.country.country();
            let name = match LABELLED.iter().find(|(i, _)| *i == c.iso3) {
                Some((_, name)) => *name,
                None if selected == Some(d.country) => c.short_name(),
                None => return None,
            };
            let half = name.len() as f64 * CHAR_PX / 2.0 * WIDTH / NARROWEST;
            let clash = |y: f64| {
                placed
                    .iter()
                    .any(|&(x, y2, h)| (y - y2).abs() < 12.0 && (d.x - x).abs() < half + h)
            };
            // Above the dot, else below it, else a line higher or lower; no room, no label.
            let y = [d.y - 7.0, d.y + 17.0, d.y - 19.0, d.y + 29.0]
                .into_iter()
                .find(|&y| !clash(y))?;
            placed.push((d.x, y, half));
            Some(Label {
                country: d.country,
                x: px(d.x),
                y: n1(y),
                name,
            })
        })
        .collect()
}

/// A line segment: x1, x2, y1, y2.
pub type Segment = [String; 4];

/// A country's interval (`lo`…`hi`, e.g. its 95% interval) as whiskers at its dot: the line and
/// its two ends; `None` when the country has no dot in this layout.
pub fn interval_marks(l: &Layout, country: CountryId, lo: f64, hi: f64) -> Option<[Segment; 3]> {
    let d = l.dots.iter().find(|d| d.country == country)?;
    let (a, b) = (px(x_of(lo, l.domain)), px(x_of(hi, l.domain)));
    let (y, y0, y1) = (n1(d.y), n1(d.y - 4.0), n1(d.y + 4.0));
    Some([
        [a.clone(), b.clone(), y.clone(), y],
        [a.clone(), a, y0.clone(), y1.clone()],
        [b.clone(), b, y0, y1],
    ])
}
