//! Statistics of the governance indicators: medians, quartiles, Mann–Whitney U (via `statrs`)
//! and effect sizes, for signatories vs non-signatories. Pure functions of the data.

use statrs::distribution::{ContinuousCDF, Normal};

use super::data::{Country, Indicator, Status, COUNTRIES};
use super::state::Measure;

/// Quantile with linear interpolation between order statistics (NumPy's default, R type 7).
/// `sorted` must be sorted ascending and non-empty.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Five numbers of one group: n, first quartile, median, third quartile (None when empty).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

pub fn summary(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let v = super::sorted_values(values);
    Some(Summary {
        n: v.len(),
        q1: quantile(&v, 0.25),
        median: quantile(&v, 0.5),
        q3: quantile(&v, 0.75),
    })
}

/// Mann–Whitney comparison of two samples `x` and `y`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MannWhitney {
    /// U statistic of `x` (number of pairs where x > y, ties counting one half).
    pub u_x: f64,
    /// Two-sided p-value: normal approximation with tie and continuity correction (SciPy's
    /// `mannwhitneyu(..., method="asymptotic")`), using the normal survival function so that
    /// very small p-values keep their precision.
    pub p: f64,
    /// Probability that a random member of `x` scores higher than one of `y` (AUC, ties ½).
    pub auc: f64,
    /// Rank-biserial correlation 2·AUC − 1 (−1…+1).
    pub rank_biserial: f64,
}

pub fn mann_whitney(x: &[f64], y: &[f64]) -> Option<MannWhitney> {
    if x.is_empty() || y.is_empty() {
        return None;
    }
    // U of x counted directly: robust and independent of the library's choice of statistic.
    let mut u_x: f64 = 0.0;
    for a in x {
        for b in y {
            u_x += if a > b {
                1.0
            } else if a == b {
                0.5
            } else {
                0.0
            };
        }
    }
    let (n1, n2) = (x.len() as f64, y.len() as f64);
    let n = n1 + n2;
    let all: Vec<f64> = x.iter().chain(y).copied().collect();
    let all = super::sorted_values(&all);
    let mut ties = 0.0;
    let mut k = 0;
    while k < all.len() {
        let run = all[k..].iter().take_while(|v| **v == all[k]).count() as f64;
        ties += run * run * run - run;
        k += run as usize;
    }
    let mu = n1 * n2 / 2.0;
    let sigma = (n1 * n2 / 12.0 * ((n + 1.0) - ties / (n * (n - 1.0)))).sqrt();
    let u = u_x.max(n1 * n2 - u_x);
    let p = if sigma > 0.0 {
        let z = (u - mu - 0.5) / sigma;
        2.0 * Normal::standard().sf(z)
    } else {
        1.0
    };
    let auc = u_x / (x.len() * y.len()) as f64;
    Some(MannWhitney {
        u_x,
        p: p.min(1.0),
        auc,
        rank_biserial: 2.0 * auc - 1.0,
    })
}

/// Value of one indicator for a country in the chosen measure.
pub fn value(c: &Country, ind: Indicator, measure: Measure) -> Option<f64> {
    let w = &c.wgi[ind.index()];
    match measure {
        Measure::Estimate => w.est(),
        Measure::Percentile => w.pct(),
    }
}

/// Everything the chart and its sentence say about one indicator, for a set of countries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndicatorStats {
    pub indicator: Indicator,
    pub signed: Option<Summary>,
    pub declined: Option<Summary>,
    /// Countries in the set without a value for this indicator.
    pub missing: usize,
    /// Median of non-signatories minus median of signatories.
    pub median_diff: Option<f64>,
    /// Non-signatories (x) against signatories (y).
    pub test: Option<MannWhitney>,
}

/// Statistics of one indicator over the countries whose indices are in `set`.
pub fn indicator_stats(set: &[usize], ind: Indicator, measure: Measure) -> IndicatorStats {
    let mut signed = Vec::new();
    let mut declined = Vec::new();
    let mut missing = 0;
    for &i in set {
        let c = &COUNTRIES[i];
        match value(c, ind, measure) {
            Some(v) if c.status == Status::Signed => signed.push(v),
            Some(v) => declined.push(v),
            None => missing += 1,
        }
    }
    let (s, d) = (summary(&signed), summary(&declined));
    IndicatorStats {
        indicator: ind,
        signed: s,
        declined: d,
        missing,
        median_diff: s.zip(d).map(|(s, d)| d.median - s.median),
        test: mann_whitney(&declined, &signed),
    }
}

/// All six indicators, and their order by effect size (|rank-biserial|, largest first).
pub fn all_stats(set: &[usize], measure: Measure) -> (Vec<IndicatorStats>, Vec<Indicator>) {
    let stats: Vec<IndicatorStats> = Indicator::ALL
        .iter()
        .map(|&i| indicator_stats(set, i, measure))
        .collect();
    let effect = |k: usize| stats[k].test.map(|t| t.rank_biserial.abs()).unwrap_or(-1.0);
    let mut order: Vec<usize> = (0..stats.len()).collect();
    super::order_by(&mut order, &|a, b| effect(b).total_cmp(&effect(a)));
    let ranking = order.iter().map(|&k| stats[k].indicator).collect();
    (stats, ranking)
}

fn fmt_value(v: f64, measure: Measure) -> String {
    match measure {
        Measure::Estimate => super::text::fmt_signed(v),
        Measure::Percentile => super::text::fmt_fixed(v, 0),
    }
}

/// A difference of values, always signed: "+1.57" for estimates, "+38" for percentile ranks.
pub fn fmt_diff(d: f64, measure: Measure) -> String {
    match measure {
        Measure::Estimate => super::text::fmt_signed(d),
        Measure::Percentile => super::text::fmt_signed_dp(d, 0),
    }
}

/// Formats a p-value for readers.
pub fn fmt_p(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".into()
    } else {
        format!("p = {}", super::text::fmt_fixed(p, 3))
    }
}

/// The statistics under a chart: difference of medians, U, p, P(non-signatory higher) and
/// rank-biserial r, and how many countries had no value.
pub fn stat_line(s: &IndicatorStats, measure: Measure) -> String {
    use super::text::{fmt_fixed, fmt_signed_dp};
    match s.test {
        Some(t) => format!(
            "Difference of medians {}; Mann–Whitney U = {}, {}; P(non-signatory higher) = {}; rank-biserial r = {}{}",
            s.median_diff
                .map(|d| fmt_diff(d, measure))
                .unwrap_or_else(|| "n/a".into()),
            fmt_fixed(t.u_x, 1).trim_end_matches(".0"),
            fmt_p(t.p),
            fmt_fixed(t.auc, 2),
            fmt_signed_dp(t.rank_biserial, 2),
            if s.missing > 0 {
                format!("; {} without a value (n/a)", s.missing)
            } else {
                String::new()
            }
        ),
        None => "Not enough countries in both groups for a test.".into(),
    }
}

/// One line of the ranking of indicators by how well they separate the groups.
pub fn ranking_line(s: &IndicatorStats) -> String {
    match s.test {
        Some(t) => format!(
            "{}: in {}% of signatory/non-signatory pairs the non-signatory scores higher ({})",
            s.indicator.label(),
            super::text::fmt_fixed(t.auc * 100.0, 0),
            fmt_p(t.p)
        ),
        None => format!("{}: n/a", s.indicator.label()),
    }
}

/// A plain-language sentence generated from the numbers.
pub fn sentence(s: &IndicatorStats, measure: Measure) -> String {
    let name = s.indicator.label();
    let (Some(sg), Some(dc), Some(t)) = (s.signed, s.declined, s.test) else {
        return format!("{name}: too few countries in the current selection to compare signatories and non-signatories.");
    };
    let unit = if measure == Measure::Percentile {
        " (percentile rank)"
    } else {
        ""
    };
    let higher = if dc.median > sg.median {
        "Non-signatories"
    } else if dc.median < sg.median {
        "Signatories"
    } else {
        "Neither group"
    };
    let in10 = (t.auc * 10.0).round() as i64;
    let pairs = if dc.median >= sg.median {
        format!("in {in10} of 10 random pairs the non-signatory scores higher")
    } else {
        format!(
            "in {} of 10 random pairs the signatory scores higher",
            10 - in10
        )
    };
    let verb = if higher == "Neither group" {
        "scores higher"
    } else {
        "score higher"
    };
    format!(
        "{higher} {verb} on {name}{unit}: median {} vs {} ({} non-signatories, {} signatories); {pairs}; Mann–Whitney {}.",
        fmt_value(dc.median, measure),
        fmt_value(sg.median, measure),
        dc.n,
        sg.n,
        fmt_p(t.p)
    )
}

/// 95% interval of a country's value: the estimate ± 1.96 SE. Percentile ranks have none on the
/// page (their published bounds are 90%, and the page keeps to one level).
pub fn interval(c: &Country, ind: Indicator, measure: Measure) -> Option<(f64, f64)> {
    let w = &c.wgi[ind.index()];
    match measure {
        Measure::Estimate => w.interval95(),
        Measure::Percentile => None,
    }
}

/// The tooltip line for a chart dot, e.g. "Voice and Accountability 2011: −0.87 (95% interval −1.15 to −0.59)".
pub fn value_line(c: &Country, ind: Indicator, measure: Measure) -> String {
    let unit = if measure == Measure::Percentile {
        " percentile rank"
    } else {
        ""
    };
    match value(c, ind, measure) {
        None => format!("{} 2011{unit}: n/a", ind.label()),
        Some(v) => {
            let ci = interval(c, ind, measure)
                .map(|(lo, hi)| {
                    format!(
                        " (95% interval {} to {})",
                        fmt_value(lo, measure),
                        fmt_value(hi, measure)
                    )
                })
                .unwrap_or_default();
            format!("{} 2011{unit}: {}{ci}", ind.label(), fmt_value(v, measure))
        }
    }
}

/// The main result — Voice and Accountability estimates over all 144, non-signatories (x)
/// against signatories (y) — with the status of every country whose sources disagree
/// (`data::CONFLICTS`) the other way round.
pub fn conflict_sensitivity() -> Option<MannWhitney> {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for (i, c) in COUNTRIES.iter().enumerate() {
        if let Some(v) = value(c, Indicator::Va, Measure::Estimate) {
            let declined = (c.status == Status::Declined) != super::data::conflict(i).is_some();
            if declined { &mut x } else { &mut y }.push(v);
        }
    }
    mann_whitney(&x, &y)
}

/// The sensitivity of the main result to the disputed statuses, as one sentence.
pub fn sensitivity_line() -> String {
    use super::text::fmt_fixed;
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let base = indicator_stats(&all, Indicator::Va, Measure::Estimate).test;
    let names: Vec<&str> = super::data::CONFLICTS
        .iter()
        .map(|k| COUNTRIES[usize::from(k.country)].name_en)
        .collect();
    match (base, conflict_sensitivity()) {
        (Some(b), Some(f)) => format!(
            "Where sources disagree: with the statuses of {} the other way round, Voice and Accountability over all {} gives P(non-signatory higher) = {} ({}), against {} ({}) as the data stands.",
            names.join(", "),
            COUNTRIES.len(),
            fmt_fixed(f.auc, 2),
            fmt_p(f.p),
            fmt_fixed(b.auc, 2),
            fmt_p(b.p)
        ),
        _ => String::new(),
    }
}
