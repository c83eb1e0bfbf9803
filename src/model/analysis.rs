//! What the governance section says about signatories and non-signatories, honestly: the subset
//! the statistics describe (filters define it, search never does), census statistics per
//! indicator with a permutation p and a bootstrap interval, the ranking of the six indicators as
//! a dot plot with intervals, the within-group comparisons ("governance, wealth, or Europe?") and
//! the sensitivity lines. Every sentence is computed from the data; nothing here touches the DOM.
//!
//! The 144 eligible states are a census, not a sample: p and the intervals are read as "how
//! unusual would this separation be under a random relabelling of who signed" and "how much does
//! the figure depend on which countries are in each group", never as inference to other countries.

use super::data::{Country, Grade, Income, Indicator, Region, Status, COUNTRIES, SOURCES};
use super::inference::{
    bootstrap_auc, bootstrap_stratified, permutation_hits, propagate_se, share_words,
    stratified_auc, Interval,
};
use super::state::{Measure, State};
use super::stats::{fmt_diff, fmt_p, summary, value};
use super::text::fmt_fixed;

/// Relabellings for the permutation p and resamples for the bootstrap interval, per indicator.
/// Measured (release, native): 2,000 of each for all six indicators over the 144 take well under
/// a millisecond each (see `tests/analysis.rs`), so a filter change stays inside a frame.
pub const RESAMPLES: usize = 1_000;
/// Seeds of the permutation and bootstrap streams (plus the indicator's index): every view of the
/// same subset shows the same figures.
pub const PERM_SEED: u64 = 0x5EED_0000;
pub const BOOT_SEED: u64 = 0xB007_0000;
/// Seed of the paired (joint) bootstrap that compares the top indicator with the others.
pub const LEAD_SEED: u64 = 0x1EAD_0000;
/// Seed and draws of the measurement-error propagation (build time only).
pub const SE_SEED: u64 = 0x5E00_0000;
pub const SE_DRAWS: usize = 2_000;
/// A group smaller than this gets dots but no test: with 4 countries, one country moves
/// P(non-signatory higher) by up to a quarter (1/n of the pairs), and a bootstrap of 4 values
/// has only 35 distinct resamples, so neither the figure nor its interval would mean much.
pub const MIN_GROUP: usize = 5;

// ---------------------------------------------------------------------------------------------
// 1. Subset, not search
// ---------------------------------------------------------------------------------------------

/// The countries the statistics describe: those passing the status, region and income filters.
/// The search query is ignored (a search highlights countries; it never changes the statistics).
pub fn subset(state: &State) -> Vec<usize> {
    let filters = State {
        query: String::new(),
        ..state.clone()
    };
    (0..COUNTRIES.len())
        .filter(|&i| filters.matches(&COUNTRIES[i]))
        .collect()
}

fn counts(set: &[usize]) -> (usize, usize) {
    super::breakdown::status_counts(set)
}

/// "Sub-Saharan Africa", "High income", "Europe & Central Asia, high income", or `None`.
fn group_name(state: &State) -> Option<String> {
    match (state.region, state.income) {
        (None, None) => None,
        (Some(r), None) => Some(r.label().into()),
        (None, Some(i)) => Some(i.label().into()),
        (Some(r), Some(i)) => Some(format!("{}, {}", r.label(), lower_first(i.label()))),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// The subset named with its counts: "All 144 states present and accredited: 89 signed, 55 did not",
/// "Within Sub-Saharan Africa: 30 signed, 5 did not", "Only non-signatories: 55 states".
pub fn subset_label(state: &State, set: &[usize]) -> String {
    let (s, d) = counts(set);
    let states = |n: usize| format!("{n} {}", if n == 1 { "state" } else { "states" });
    match (state.status, group_name(state)) {
        (None, None) => format!(
            "All {} states present and accredited: {s} signed, {d} did not",
            set.len()
        ),
        (None, Some(g)) => format!("Within {g}: {s} signed, {d} did not"),
        (Some(st), g) => {
            let who = match st {
                Status::Signed => "Only signatories",
                Status::Declined => "Only non-signatories",
            };
            match g {
                None => format!("{who}: {}", states(set.len())),
                Some(g) => format!("{who}, within {g}: {}", states(set.len())),
            }
        }
    }
}

/// Whether the two groups of a subset can be compared, and if not, why, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// Both groups have at least [`MIN_GROUP`] countries.
    Ok,
    /// A group is empty: nothing to compare with.
    Empty(String),
    /// A group has fewer than [`MIN_GROUP`]: dots are shown, without a test.
    Small(String),
}

/// Whether the subset `set` of `state` can be compared (see [`Comparison`]).
pub fn comparison(state: &State, set: &[usize]) -> Comparison {
    let (s, d) = counts(set);
    compare_counts(state, d, s)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// [`Comparison`] for `n_x` non-signatories and `n_y` signatories.
fn compare_counts(state: &State, n_x: usize, n_y: usize) -> Comparison {
    let place = group_name(state)
        .map(|g| format!(" in {g}"))
        .unwrap_or_default();
    if n_x == 0 && n_y == 0 {
        Comparison::Empty("No country in this selection.".into())
    } else if n_y == 0 {
        Comparison::Empty(match state.status {
            Some(Status::Declined) => {
                "Only non-signatories selected — nothing to compare them with.".into()
            }
            _ => format!(
                "No signatory{place} — nothing to compare the {} with.",
                plural(n_x, "non-signatory", "non-signatories")
            ),
        })
    } else if n_x == 0 {
        Comparison::Empty(match state.status {
            Some(Status::Signed) => {
                "Only signatories selected — nothing to compare them with.".into()
            }
            _ => format!(
                "No non-signatory{place} — nothing to compare the {} with.",
                plural(n_y, "signatory", "signatories")
            ),
        })
    } else if n_x.min(n_y) < MIN_GROUP {
        let small = n_x.min(n_y);
        Comparison::Small(format!(
            "Only {} against {}{place}: too few for a fair comparison (one country would move the result by up to {}), so the dots are shown without a test.",
            if n_x < n_y { plural(n_x, "non-signatory", "non-signatories") } else { plural(n_y, "signatory", "signatories") },
            if n_x < n_y { plural(n_y, "signatory", "signatories") } else { plural(n_x, "non-signatory", "non-signatories") },
            share_words(1.0 / small as f64),
        ))
    } else {
        Comparison::Ok
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Census statistics per indicator
// ---------------------------------------------------------------------------------------------

/// Everything said about one indicator for one subset: non-signatories (x) against
/// signatories (y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Census {
    pub indicator: Indicator,
    pub measure: Measure,
    pub n_x: usize,
    pub n_y: usize,
    /// Countries of the subset without a value for this indicator.
    pub missing: usize,
    pub median_x: f64,
    pub median_y: f64,
    /// Mann–Whitney U of the non-signatories: pairs in which the non-signatory is higher, ties ½.
    pub u: f64,
    /// P(non-signatory higher) = U / (n_x · n_y).
    pub auc: f64,
    /// Rank-biserial r = 2·P − 1.
    pub r: f64,
    /// Relabellings (of [`RESAMPLES`]) at least as separated as the real one.
    pub perm_hits: usize,
    /// Permutation p = (1 + hits) / (1 + relabellings).
    pub perm_p: f64,
    /// Bootstrap 95% interval of `auc`.
    pub ci: Interval,
    pub resamples: usize,
}

impl Census {
    /// Median of non-signatories minus median of signatories.
    pub fn median_diff(&self) -> f64 {
        self.median_x - self.median_y
    }
    /// Whether either group is below [`MIN_GROUP`] (show the dots, not the test).
    pub fn is_small(&self) -> bool {
        self.n_x.min(self.n_y) < MIN_GROUP
    }
}

/// Values of one indicator among `set`: (non-signatories, signatories, missing).
pub fn values(set: &[usize], ind: Indicator, measure: Measure) -> (Vec<f64>, Vec<f64>, usize) {
    let (mut x, mut y, mut missing) = (Vec::new(), Vec::new(), 0);
    for &i in set {
        let c = &COUNTRIES[i];
        match (value(c, ind, measure), c.status) {
            (Some(v), Status::Declined) => x.push(v),
            (Some(v), Status::Signed) => y.push(v),
            (None, _) => missing += 1,
        }
    }
    (x, y, missing)
}

/// Census statistics of `ind` over `set` with `resamples` relabellings and bootstrap resamples
/// (seeded by [`PERM_SEED`] and [`BOOT_SEED`] plus the indicator's index). `None` when a group
/// has no value.
pub fn census_with(
    set: &[usize],
    ind: Indicator,
    measure: Measure,
    resamples: usize,
) -> Option<Census> {
    let (x, y, missing) = values(set, ind, measure);
    let (sx, sy) = (summary(&x)?, summary(&y)?);
    let k = ind.index() as u64;
    let auc = super::inference::auc(&x, &y)?;
    let hits = permutation_hits(&x, &y, resamples, PERM_SEED + k)?;
    Some(Census {
        indicator: ind,
        measure,
        n_x: x.len(),
        n_y: y.len(),
        missing,
        median_x: sx.median,
        median_y: sy.median,
        u: auc * (x.len() * y.len()) as f64,
        auc,
        r: 2.0 * auc - 1.0,
        perm_hits: hits,
        perm_p: (1 + hits) as f64 / (1 + resamples) as f64,
        ci: bootstrap_auc(&x, &y, resamples, BOOT_SEED + k, 0.95)?,
        resamples,
    })
}

/// [`census_with`] at [`RESAMPLES`].
pub fn census(set: &[usize], ind: Indicator, measure: Measure) -> Option<Census> {
    census_with(set, ind, measure, RESAMPLES)
}

/// The six indicators over `set`, in `Indicator::ALL` order.
pub fn census_all(set: &[usize], measure: Measure) -> Vec<Option<Census>> {
    Indicator::ALL
        .iter()
        .map(|&i| census(set, i, measure))
        .collect()
}

/// 4895 → "4,895".
pub fn fmt_count(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, ch) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn fmt_median(v: f64, measure: Measure) -> String {
    match measure {
        Measure::Estimate => super::text::fmt_signed(v),
        Measure::Percentile => fmt_fixed(v, 0),
    }
}

/// "83% to 94%".
pub fn interval_words(iv: Interval) -> String {
    format!("{} to {}", share_words(iv.lo), share_words(iv.hi))
}

/// One plain sentence for a chart, for lay readers, e.g. "Non-signatories tend to score higher
/// on Voice and Accountability: in 89% of pairs of one signatory and one non-signatory, the
/// non-signatory scores higher (95% interval 83% to 94%)."
pub fn plain_sentence(c: &Census) -> String {
    let name = c.indicator.label();
    let lead = if c.ci.lo > 0.5 {
        format!("Non-signatories tend to score higher on {name}")
    } else if c.ci.hi < 0.5 {
        format!("Signatories tend to score higher on {name}")
    } else {
        format!("No clear difference between signatories and non-signatories on {name}")
    };
    let (who, p, iv) = if c.auc >= 0.5 {
        ("non-signatory", c.auc, c.ci)
    } else {
        (
            "signatory",
            1.0 - c.auc,
            Interval {
                lo: 1.0 - c.ci.hi,
                hi: 1.0 - c.ci.lo,
            },
        )
    };
    format!(
        "{lead}: in {} of pairs of one signatory and one non-signatory, the {who} scores higher (95% interval {}).",
        share_words(p),
        interval_words(iv)
    )
}

/// The "Statistical details" list: each number with what it means for this census, one line each.
pub fn details(c: &Census) -> Vec<String> {
    let pairs = c.n_x * c.n_y;
    let n = c.n_x + c.n_y;
    let mut out = vec![
        format!(
            "Difference of medians {}: the non-signatories' median ({}) minus the signatories' ({}){}.",
            fmt_diff(c.median_diff(), c.measure),
            fmt_median(c.median_x, c.measure),
            fmt_median(c.median_y, c.measure),
            if c.measure == Measure::Percentile { ", in percentile ranks" } else { ", in WGI estimate units" }
        ),
        format!(
            "P(non-signatory higher) = {}: of the {} pairs of one of the {} non-signatories and one of the {} signatories, the share in which the non-signatory scores higher (ties count half); 0.50 would mean no separation, 1 that every non-signatory scores above every signatory.",
            fmt_fixed(c.auc, 2),
            fmt_count(pairs),
            c.n_x,
            c.n_y
        ),
        format!(
            "95% interval {} to {}: P recomputed on {} resamples of these countries (drawn with replacement within each group); it shows how much P depends on which countries happen to be in each group.",
            fmt_fixed(c.ci.lo, 2),
            fmt_fixed(c.ci.hi, 2),
            fmt_count(c.resamples)
        ),
        format!(
            "Mann–Whitney U = {}: the number of those pairs the non-signatory wins (ties half); P = U ÷ ({} × {}).",
            fmt_fixed(c.u, 1).trim_end_matches(".0"),
            c.n_x,
            c.n_y
        ),
        format!(
            "Rank-biserial r = {} (= 2P − 1): −1 if every signatory scored higher, 0 for no separation, +1 if every non-signatory did.",
            super::text::fmt_signed_dp(c.r, 2)
        ),
        format!(
            "Permutation {}: {} of {} random relabellings of who signed (keeping {} and {}) separated the groups at least this much. These {n} states are the whole population, not a sample: p says how unusual the split would be if signing had nothing to do with the score, not how it generalises; and decisions were not independent (EU members took a common position).",
            fmt_p(c.perm_p),
            if c.perm_hits == 0 { "none".to_string() } else { fmt_count(c.perm_hits) },
            fmt_count(c.resamples),
            c.n_x,
            c.n_y
        ),
    ];
    if c.missing > 0 {
        out.push(format!(
            "{} without a value for this indicator, left out.",
            plural(c.missing, "country", "countries")
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 3. The ranking as a dot plot with intervals; indicator names and definitions
// ---------------------------------------------------------------------------------------------

/// The indicator's official full name (WGI 2014 update workbook, "Introduction" sheet).
pub const fn full_name(ind: Indicator) -> &'static str {
    match ind {
        Indicator::Va => "Voice and Accountability",
        Indicator::Pv => "Political Stability and Absence of Violence/Terrorism",
        Indicator::Ge => "Government Effectiveness",
        Indicator::Rq => "Regulatory Quality",
        Indicator::Rl => "Rule of Law",
        Indicator::Cc => "Control of Corruption",
    }
}

/// The World Bank's one-line definition of the indicator, verbatim.
pub const fn definition(ind: Indicator) -> &'static str {
    match ind {
        Indicator::Va => "Reflects perceptions of the extent to which a country's citizens are able to participate in selecting their government, as well as freedom of expression, freedom of association, and a free media.",
        Indicator::Pv => "Reflects perceptions of the likelihood that the government will be destabilized or overthrown by unconstitutional or violent means, including politically-motivated violence and terrorism.",
        Indicator::Ge => "Reflects perceptions of the quality of public services, the quality of the civil service and the degree of its independence from political pressures, the quality of policy formulation and implementation, and the credibility of the government's commitment to such policies.",
        Indicator::Rq => "Reflects perceptions of the ability of the government to formulate and implement sound policies and regulations that permit and promote private sector development.",
        Indicator::Rl => "Reflects perceptions of the extent to which agents have confidence in and abide by the rules of society, and in particular the quality of contract enforcement, property rights, the police, and the courts, as well as the likelihood of crime and violence.",
        Indicator::Cc => "Reflects perceptions of the extent to which public power is exercised for private gain, including both petty and grand forms of corruption, as well as \"capture\" of the state by elites and private interests.",
    }
}

/// Where the definitions come from.
pub const DEFINITIONS_SOURCE: &str =
    "Definitions: World Bank, The Worldwide Governance Indicators, 2014 Update (dataset workbook, Introduction sheet; www.govindicators.org).";

/// The strip charts' axis title: unit and direction.
pub fn axis_title(measure: Measure) -> &'static str {
    match measure {
        Measure::Estimate => "WGI 2011 estimate (about −2.5 to +2.5) · ← weaker | stronger →",
        Measure::Percentile => "WGI 2011 percentile rank (0–100) · ← weaker | stronger →",
    }
}

/// The ranking's axis title.
pub const RANKING_AXIS_TITLE: &str = "Share of signatory/non-signatory pairs in which the non-signatory scores higher · dot = value, line = 95% interval · 50% = no separation, 100% = every pair";

/// The lowest and highest Spearman correlation between two of the six indicators over the
/// countries of `set` with both values (WGI estimates).
pub fn spearman_range(set: &[usize]) -> Option<(f64, f64)> {
    let mut range: Option<(f64, f64)> = None;
    for (k, &a) in Indicator::ALL.iter().enumerate() {
        for &b in &Indicator::ALL[k + 1..] {
            let (va, vb): (Vec<f64>, Vec<f64>) = set
                .iter()
                .filter_map(|&i| {
                    let c = &COUNTRIES[i];
                    value(c, a, Measure::Estimate).zip(value(c, b, Measure::Estimate))
                })
                .unzip();
            let r = super::inference::spearman(&va, &vb)?;
            range = Some(range.map_or((r, r), |(lo, hi)| (lo.min(r), hi.max(r))));
        }
    }
    range
}

/// One line on why six results are not six pieces of evidence.
pub fn correlation_line(set: &[usize]) -> String {
    match spearman_range(set) {
        Some((lo, hi)) => format!(
            "The six indicators move together (Spearman rank correlations between {} and {} across all {} states present and accredited, whatever the filters), so six separations are not six independent results.",
            fmt_fixed(lo, 2),
            fmt_fixed(hi, 2),
            set.len()
        ),
        None => String::new(),
    }
}

/// Indices of `rows` by P(non-signatory higher), highest first (rows without a figure last).
fn ranked(rows: &[Option<Census>]) -> Vec<usize> {
    let key = |k: usize| rows[k].map_or(-1.0, |c| c.auc);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    super::order_by(&mut order, &|a, b| key(b).total_cmp(&key(a)));
    order
}

fn names(list: &[Indicator]) -> String {
    let v: Vec<&str> = list.iter().map(|i| full_name(*i)).collect();
    match v.len() {
        0 => String::new(),
        1 => v[0].into(),
        n => format!("{} and {}", v[..n - 1].join(", "), v[n - 1]),
    }
}

/// The indicator that comes first in the ranking (the largest share of pairs with the
/// non-signatory higher), and how the findings name it, no further than its interval allows:
/// "X separates the groups most" only when its interval lies clear of all the others'; "the gap
/// is largest on X, though not clearly larger than on all the others" when its own is clear of
/// an even split; else "the gap is largest on X". None when no indicator has a figure or when
/// the non-signatories are not the higher group on the first one (no gap in that direction).
pub fn lead(rows: &[Option<Census>]) -> Option<(Indicator, String)> {
    let order: Vec<Census> = ranked(rows).into_iter().filter_map(|k| rows[k]).collect();
    let top = order.first().filter(|t| t.auc > 0.5)?;
    let name = top.indicator.label();
    let phrase = if order.len() > 1 && order[1..].iter().all(|c| top.ci.lo > c.ci.hi) {
        format!("{name} separates the groups most")
    } else if top.ci.lo > 0.5 && order.len() > 1 {
        format!("the gap is largest on {name}, though not clearly larger than on all the others")
    } else {
        format!("the gap is largest on {name}")
    };
    Some((top.indicator, phrase))
}

/// Which differences in the ranking are robust (95% intervals that do not overlap) and which are
/// not, computed from the intervals.
pub fn robustness_sentence(rows: &[Option<Census>]) -> String {
    let order: Vec<Census> = ranked(rows).into_iter().filter_map(|k| rows[k]).collect();
    let Some(top) = order.first() else {
        return "No indicator can be compared in this selection.".into();
    };
    let rest = &order[1..];
    let apart = |a: &Census, b: &Census| a.ci.lo > b.ci.hi || b.ci.lo > a.ci.hi;
    let below: Vec<Indicator> = rest
        .iter()
        .filter(|c| apart(top, c))
        .map(|c| c.indicator)
        .collect();
    let close: Vec<Indicator> = rest
        .iter()
        .filter(|c| !apart(top, c))
        .map(|c| c.indicator)
        .collect();
    let any_apart = order
        .iter()
        .enumerate()
        .any(|(k, a)| order[k + 1..].iter().any(|b| apart(a, b)));
    if rest.is_empty() {
        return format!(
            "{} is the only indicator with a figure.",
            full_name(top.indicator)
        );
    }
    if !any_apart {
        return format!(
            "All {} intervals overlap one another: {} comes first, but no difference in this order is robust.",
            order.len(),
            full_name(top.indicator)
        );
    }
    let mut s = if close.is_empty() {
        format!(
            "{} separates the groups most clearly: its interval lies clear of all {} others.",
            full_name(top.indicator),
            rest.len()
        )
    } else if below.is_empty() {
        format!(
            "{} comes first, but its interval overlaps all the others, so its lead is not robust.",
            full_name(top.indicator)
        )
    } else {
        format!(
            "{} comes first; its interval lies clear of {}, but overlaps {}, so that part of the order is not robust.",
            full_name(top.indicator),
            names(&below),
            names(&close)
        )
    };
    // Among the others: pairs whose intervals do not overlap.
    let others: Vec<(Indicator, Indicator)> = rest
        .iter()
        .enumerate()
        .flat_map(|(k, a)| rest[k + 1..].iter().map(move |b| (a, b)))
        .filter(|(a, b)| apart(a, b))
        .map(|(a, b)| (a.indicator, b.indicator))
        .collect();
    if rest.len() >= 2 {
        if others.is_empty() {
            s.push_str(&format!(
                " The intervals of the other {} all overlap one another, so their order is not robust.",
                rest.len()
            ));
        } else {
            let pairs: Vec<String> = others
                .iter()
                .map(|(a, b)| format!("{} above {}", full_name(*a), full_name(*b)))
                .collect();
            s.push_str(&format!(
                " Among the other {}, only {} {} clear; the rest of their order is not robust.",
                rest.len(),
                pairs.join("; "),
                if pairs.len() == 1 { "is" } else { "are" }
            ));
        }
    }
    s
}

/// The top indicator's lead, paired: the countries of `set` with all six values are resampled
/// jointly ([`RESAMPLES`] times, within each group) and every indicator's P recomputed on the
/// same resample; for each other indicator, the 95% interval of P(top) − P(other). A lead is
/// robust when its interval lies above zero. This is sharper than comparing the indicators'
/// own intervals, which ignores that the six are measured on the same countries.
pub fn lead_intervals(
    set: &[usize],
    measure: Measure,
) -> Option<(Indicator, Vec<(Indicator, Interval)>)> {
    let full: Vec<usize> = set
        .iter()
        .copied()
        .filter(|&i| {
            Indicator::ALL
                .iter()
                .all(|&k| value(&COUNTRIES[i], k, measure).is_some())
        })
        .collect();
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for &k in &Indicator::ALL {
        let (a, b, _) = values(&full, k, measure);
        x.push(a);
        y.push(b);
    }
    let aucs: Vec<f64> = x
        .iter()
        .zip(&y)
        .map(|(a, b)| super::inference::auc(a, b))
        .collect::<Option<_>>()?;
    let mut order: Vec<usize> = (0..aucs.len()).collect();
    super::order_by(&mut order, &|a, b| aucs[b].total_cmp(&aucs[a]));
    let top = order[0];
    let draws = super::inference::bootstrap_joint(&x, &y, RESAMPLES, LEAD_SEED)?;
    let leads = order[1..]
        .iter()
        .map(|&k| {
            let diffs = draws[top]
                .iter()
                .zip(&draws[k])
                .map(|(a, b)| a - b)
                .collect();
            (
                Indicator::ALL[k],
                super::inference::percentile_interval(diffs, 0.95),
            )
        })
        .collect();
    Some((Indicator::ALL[top], leads))
}

/// One sentence on the top indicator's paired lead over each other indicator.
pub fn lead_sentence(set: &[usize], measure: Measure) -> String {
    let Some((top, leads)) = lead_intervals(set, measure) else {
        return String::new();
    };
    let robust: Vec<Indicator> = leads
        .iter()
        .filter(|(_, iv)| iv.lo > 0.0)
        .map(|l| l.0)
        .collect();
    let not: Vec<Indicator> = leads
        .iter()
        .filter(|(_, iv)| iv.lo <= 0.0)
        .map(|l| l.0)
        .collect();
    let how = "Compared on the same resampled countries";
    if leads.is_empty() {
        String::new()
    } else if not.is_empty() {
        format!(
            "{how}, {} stays ahead of each of the other {} in at least 97.5% of resamples: its lead is robust, even where the intervals above overlap.",
            full_name(top),
            leads.len()
        )
    } else if robust.is_empty() {
        format!(
            "{how}, {}'s lead over the others is not robust: each difference's 95% interval includes zero.",
            full_name(top)
        )
    } else {
        format!(
            "{how}, {} stays ahead of {} (95% intervals of the difference above zero), but not clearly ahead of {}.",
            full_name(top),
            names(&robust),
            names(&not)
        )
    }
}

/// x position (percent of the width) of a share on the ranking's axis.
fn pct_x(v: f64, lo: f64) -> String {
    let x = 3.0 + 94.0 * (v - lo) / (1.0 - lo);
    format!("{}%", fmt_fixed(x, 2))
}

/// One indicator's row of the ranking: its figure in words and where its dot and interval sit
/// (`None`: no comparison possible).
#[derive(Clone, Debug, PartialEq)]
pub struct RankRow {
    pub indicator: Indicator,
    pub figure: Option<RankFigure>,
}

/// A ranked figure: "89%", "83% to 94%", and the x positions of the interval's ends and the dot.
#[derive(Clone, Debug, PartialEq)]
pub struct RankFigure {
    pub share: String,
    pub interval: String,
    pub lo: String,
    pub hi: String,
    pub at: String,
}

/// A tick of the ranking's axis: its line at `x`, its label at `label_x` (the end labels sit at
/// the plot's edges so they are never clipped) anchored `anchor`.
#[derive(Clone, Debug, PartialEq)]
pub struct RankTick {
    pub x: String,
    pub label_x: String,
    pub anchor: &'static str,
    pub label: String,
}

/// The ranking as a dot plot with intervals: one row per indicator, highest first, a dot at
/// P(non-signatory higher) and a line for its 95% interval, a dashed line at 50% ("no
/// separation") and an axis with ticks every 10% from 50% (or lower if an interval reaches
/// below) to 100%. Positions are percentages of the width: the page draws each row in an SVG
/// without a `viewBox`, so its text keeps the page's size at any width.
#[derive(Clone, Debug, PartialEq)]
pub struct RankingPlot {
    pub rows: Vec<RankRow>,
    /// x of the 50% reference line.
    pub half: String,
    /// The axis line's ends.
    pub axis: (String, String),
    pub ticks: Vec<RankTick>,
}

/// [`RankingPlot`] of the six indicators' figures.
pub fn ranking_plot(rows: &[Option<Census>]) -> RankingPlot {
    let lowest = rows
        .iter()
        .flatten()
        .map(|c| c.ci.lo)
        .fold(0.5f64, f64::min);
    let lo = (lowest * 10.0).floor() / 10.0;
    let ranked_rows = ranked(rows)
        .into_iter()
        .map(|k| RankRow {
            indicator: Indicator::ALL[k],
            figure: rows[k].map(|c| RankFigure {
                share: share_words(c.auc),
                interval: interval_words(c.ci),
                lo: pct_x(c.ci.lo, lo),
                hi: pct_x(c.ci.hi, lo),
                at: pct_x(c.auc, lo),
            }),
        })
        .collect();
    let steps = ((1.0 - lo) * 10.0).round() as usize;
    let ticks = (0..=steps)
        .map(|t| {
            let v = lo + t as f64 / 10.0;
            let (anchor, label_x) = if t == 0 {
                ("start", "0%".to_string())
            } else if t == steps {
                ("end", "100%".to_string())
            } else {
                ("middle", pct_x(v, lo))
            };
            RankTick {
                x: pct_x(v, lo),
                label_x,
                anchor,
                label: share_words(v),
            }
        })
        .collect();
    RankingPlot {
        rows: ranked_rows,
        half: pct_x(0.5, lo),
        axis: (pct_x(lo, lo), pct_x(1.0, lo)),
        ticks,
    }
}

/// What the ranking shows for a subset: the plot and what is robust in it, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Ranking {
    Plot(RankingPlot, String),
    Why(String),
}

/// The statistics of one subset of the 144 (the filters define it; a search never does): every
/// indicator's [`Census`], for the charts' sentences and details and for the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    /// The filters and measure they were computed for (search and other settings cleared).
    pub state: State,
    pub set: Vec<usize>,
    pub rows: Vec<Option<Census>>,
}

impl Stats {
    /// The part of a state the statistics depend on: the filters and the measure.
    pub fn key(state: &State) -> State {
        State {
            status: state.status,
            region: state.region,
            income: state.income,
            measure: state.measure,
            ..State::default()
        }
    }

    /// The statistics of the subset `state`'s filters define (about 10 ms natively for the six).
    pub fn of(state: &State) -> Stats {
        let state = Stats::key(state);
        let set = subset(&state);
        let rows = census_all(&set, state.measure);
        Stats { state, set, rows }
    }

    /// [`Stats::of`] from the indicators' figures computed apart (`rows[k]` for
    /// `Indicator::ALL[k]`, by [`census`] over [`subset`]), so that a caller can spread the work.
    pub fn from_rows(state: &State, rows: Vec<Option<Census>>) -> Stats {
        let state = Stats::key(state);
        Stats {
            set: subset(&state),
            state,
            rows,
        }
    }

    /// What one chart says: the plain sentence (or why there is no test) and the "Statistical
    /// details" lines (none without a test).
    pub fn statement(&self, ind: Indicator) -> (String, Vec<String>) {
        match (comparison(&self.state, &self.set), &self.rows[ind.index()]) {
            (Comparison::Empty(why) | Comparison::Small(why), _) => (why, Vec::new()),
            (Comparison::Ok, Some(c)) if !c.is_small() => (plain_sentence(c), details(c)),
            (Comparison::Ok, Some(c)) => (
                format!(
                    "Too few countries with a value here ({} non-signatories, {} signatories): the dots are shown, without a test.",
                    c.n_x, c.n_y
                ),
                Vec::new(),
            ),
            (Comparison::Ok, None) => ("No country with a value here.".to_string(), Vec::new()),
        }
    }

    /// The section's finding for the countries the statistics describe, its scope named first:
    /// "Across all 144 states present and accredited, on every one of the 6 …" or "Within
    /// Sub-Saharan Africa (35 states), on 4 of the 6 …"; when the groups cannot be compared, why
    /// (a sentence that names the group itself).
    pub fn takeaway(&self) -> String {
        let n = self.set.len();
        let scope = match group_name(&self.state) {
            None => format!("Across all {n} states present and accredited"),
            Some(g) => format!(
                "Within {g} ({n} {})",
                if n == 1 { "state" } else { "states" }
            ),
        };
        match comparison(&self.state, &self.set) {
            Comparison::Empty(why) | Comparison::Small(why) => why,
            Comparison::Ok => {
                let rows: Vec<&Census> = self.rows.iter().flatten().collect();
                let higher = rows.iter().filter(|c| c.median_x > c.median_y).count();
                let how_many = if higher == rows.len() {
                    format!(
                        "on every one of the {} World Bank governance indicators",
                        rows.len()
                    )
                } else {
                    format!(
                        "on {higher} of the {} World Bank governance indicators",
                        rows.len()
                    )
                };
                // How sure: a difference is clear when its 95% interval lies off an even split
                // (either way); the first of the ranking is named no further than the intervals
                // allow.
                let clear = rows
                    .iter()
                    .filter(|c| c.ci.lo > 0.5 || c.ci.hi < 0.5)
                    .count();
                let top = lead(&self.rows)
                    .map(|(_, l)| format!("; {l}"))
                    .unwrap_or_default();
                let nx = rows.iter().map(|c| c.n_x).max().unwrap_or(0);
                let sure = match clear {
                    k if k == rows.len() => String::new(),
                    0 => format!(" With {nx} non-signatories, none of these differences is clear of an even split (each 95% interval includes 50%)."),
                    k => format!(" With {nx} non-signatories, {k} of the {} are clear of an even split (95% interval off 50%).", rows.len()),
                };
                format!("{scope}, {how_many}, the median non-signatory scores higher than the median signatory{top}.{sure}")
            }
        }
    }

    /// The ranking of the six indicators (or why there is none).
    pub fn ranking(&self) -> Ranking {
        match comparison(&self.state, &self.set) {
            Comparison::Ok => {
                Ranking::Plot(ranking_plot(&self.rows), robustness_sentence(&self.rows))
            }
            Comparison::Empty(why) | Comparison::Small(why) => Ranking::Why(why),
        }
    }
}

/// Which countries the statistics describe, named, with their counts — and that a search does not
/// change them.
pub fn scope_line(state: &State) -> String {
    let mut s = format!("Statistics: {}.", subset_label(state, &subset(state)));
    if !state.query.trim().is_empty() {
        s.push_str(" A search only highlights countries; it never changes the statistics.");
    }
    s
}

// ---------------------------------------------------------------------------------------------
// 4. Governance, wealth, or Europe?
// ---------------------------------------------------------------------------------------------

/// EU membership as the data records it: the countries whose status rests on the EU's own
/// statement that its Member States did not sign (source `EUPR`; the 26 EU members among the
/// 144 listed in /work/shared/data/NOTES-signatories.md — Romania was not eligible to sign).
pub fn eu_member(c: &Country) -> bool {
    c.sources.contains(&"EUPR")
}

/// One within-group comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    pub label: &'static str,
    pub signed: usize,
    pub declined: usize,
    /// `None` when a group is below [`MIN_GROUP`] (or empty).
    pub census: Option<Census>,
}

fn group_rows<K: Copy + PartialEq>(
    ind: Indicator,
    keys: &[K],
    key_of: fn(&Country) -> K,
    label: fn(K) -> &'static str,
) -> Vec<GroupRow> {
    keys.iter()
        .map(|&k| {
            let set: Vec<usize> = (0..COUNTRIES.len())
                .filter(|&i| key_of(&COUNTRIES[i]) == k)
                .collect();
            let (signed, declined) = counts(&set);
            let census = if signed.min(declined) >= MIN_GROUP {
                census(&set, ind, Measure::Estimate)
            } else {
                None
            };
            GroupRow {
                label: label(k),
                signed,
                declined,
                census,
            }
        })
        .collect()
}

/// Per income group (low to high): counts and P(non-signatory higher) with its interval.
pub fn by_income(ind: Indicator) -> Vec<GroupRow> {
    group_rows(ind, &Income::ALL, |c| c.income, Income::label)
}

/// Per World Bank region: counts and P(non-signatory higher) with its interval.
pub fn by_region(ind: Indicator) -> Vec<GroupRow> {
    group_rows(ind, &Region::ALL, |c| c.region, Region::label)
}

/// A stratified figure: within-stratum P weighted by n₁·n₂ (every stratum with both groups,
/// small ones included, as in the van Elteren test), and its bootstrap 95% interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stratified {
    pub auc: f64,
    pub ci: Interval,
}

/// [`Stratified`] over the strata given by `key_of` (income group or region).
pub fn stratified<K: Copy + PartialEq>(
    ind: Indicator,
    keys: &[K],
    key_of: fn(&Country) -> K,
    seed: u64,
) -> Option<Stratified> {
    let strata: Vec<(Vec<f64>, Vec<f64>)> = keys
        .iter()
        .map(|&k| {
            let set: Vec<usize> = (0..COUNTRIES.len())
                .filter(|&i| key_of(&COUNTRIES[i]) == k)
                .collect();
            let (x, y, _) = values(&set, ind, Measure::Estimate);
            (x, y)
        })
        .collect();
    Some(Stratified {
        auc: stratified_auc(&strata)?,
        ci: bootstrap_stratified(&strata, RESAMPLES, seed, 0.95)?,
    })
}

/// Within income groups.
pub fn stratified_by_income(ind: Indicator) -> Option<Stratified> {
    stratified(ind, &Income::ALL, |c| c.income, BOOT_SEED + 0x100)
}

/// Within regions.
pub fn stratified_by_region(ind: Indicator) -> Option<Stratified> {
    stratified(ind, &Region::ALL, |c| c.region, BOOT_SEED + 0x200)
}

fn all() -> Vec<usize> {
    (0..COUNTRIES.len()).collect()
}

/// The EU's common position, from the data: how many EU members, their share of the
/// non-signatories and of those in Europe & Central Asia.
pub fn eu_sentence() -> String {
    let eu = COUNTRIES.iter().filter(|c| eu_member(c)).count();
    let eu_signed = COUNTRIES
        .iter()
        .filter(|c| eu_member(c) && c.status == Status::Signed)
        .count();
    let declined = COUNTRIES
        .iter()
        .filter(|c| c.status == Status::Declined)
        .count();
    let eca = COUNTRIES
        .iter()
        .filter(|c| c.status == Status::Declined && c.region == Region::EuropeCentralAsia)
        .count();
    let eu_eca = COUNTRIES
        .iter()
        .filter(|c| eu_member(c) && c.status == Status::Declined)
        .filter(|c| c.region == Region::EuropeCentralAsia)
        .count();
    let source = SOURCES
        .iter()
        .find(|s| s.id == "EUPR")
        .map_or("", |s| s.text);
    let signed_note = if eu_signed == 0 {
        "none of them signed".to_string()
    } else {
        format!("{eu_signed} of them signed")
    };
    format!(
        "The European Union's {eu} member states among the 144 took a common position ({source}): {signed_note}. They are {eu} of the {declined} non-signatories, and {eu_eca} of the {eca} non-signatories in Europe & Central Asia, so these were not {declined} independent decisions."
    )
}

/// A within-group row's figure in words: "89%" and its interval "83% to 94%", or why there is
/// none ("nothing to compare", "too few to compare").
pub fn group_figure(g: &GroupRow) -> Result<(String, String), &'static str> {
    match g.census {
        Some(c) => Ok((share_words(c.auc), interval_words(c.ci))),
        None if g.signed == 0 || g.declined == 0 => Err("nothing to compare"),
        None => Err("too few to compare"),
    }
}

/// One sentence comparing the pooled figure with the within-group (stratified) ones.
pub fn stratified_sentence(ind: Indicator) -> String {
    let pooled = census(&all(), ind, Measure::Estimate);
    let (Some(p), Some(inc), Some(reg)) =
        (pooled, stratified_by_income(ind), stratified_by_region(ind))
    else {
        return String::new();
    };
    let change = |s: f64| {
        if s < p.auc - 0.05 {
            "lower than over all"
        } else if s > p.auc + 0.05 {
            "higher than over all"
        } else {
            "about the same as over all"
        }
    };
    format!(
        "Over all {} countries, in {} of signatory/non-signatory pairs the non-signatory scores higher on {} (95% interval {}). Comparing only countries of the same income group, it is {} (95% interval {}), {}; comparing only countries of the same region, {} ({}), {}. Within-group figures are weighted by the number of pairs in each group; small groups count, with little weight.",
        p.n_x + p.n_y,
        share_words(p.auc),
        full_name(ind),
        interval_words(p.ci),
        share_words(inc.auc),
        interval_words(inc.ci),
        change(inc.auc),
        share_words(reg.auc),
        interval_words(reg.ci),
        change(reg.auc),
    )
}

/// The note under the "Governance, wealth, or Europe?" tables.
pub fn too_few_note() -> String {
    format!(
        "A group with fewer than {MIN_GROUP} signatories or non-signatories is marked \"too few to compare\": one country there would move the figure by a fifth or more."
    )
}

// ---------------------------------------------------------------------------------------------
// 5. Sensitivity lines
// ---------------------------------------------------------------------------------------------

fn pooled_va() -> Option<Census> {
    census(&all(), Indicator::Va, Measure::Estimate)
}

/// Voice and Accountability with the statuses graded A or B only.
pub fn sensitivity_grades() -> String {
    let set: Vec<usize> = all()
        .into_iter()
        .filter(|&i| matches!(COUNTRIES[i].grade, Grade::A | Grade::B))
        .collect();
    let (s, d) = counts(&set);
    match (census(&set, Indicator::Va, Measure::Estimate), pooled_va()) {
        (Some(c), Some(p)) => format!(
            "Statuses graded A or B only ({} countries: {s} signed, {d} did not; the {} inferred C/D statuses left out): Voice and Accountability gives P(non-signatory higher) = {} (95% interval {} to {}), against {} with all {}.",
            set.len(),
            COUNTRIES.len() - set.len(),
            fmt_fixed(c.auc, 2),
            fmt_fixed(c.ci.lo, 2),
            fmt_fixed(c.ci.hi, 2),
            fmt_fixed(p.auc, 2),
            COUNTRIES.len()
        ),
        _ => String::new(),
    }
}

/// The propagated interval: each country's VA estimate redrawn from Normal(estimate, se).
pub fn se_interval() -> Option<Interval> {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for c in COUNTRIES.iter() {
        let w = &c.wgi[Indicator::Va.index()];
        if let (Some(e), Some(s)) = (w.est(), w.se()) {
            match c.status {
                Status::Declined => x.push((e, s)),
                Status::Signed => y.push((e, s)),
            }
        }
    }
    propagate_se(&x, &y, SE_DRAWS, SE_SEED, 0.95)
}

/// Voice and Accountability with the WGI standard errors propagated.
pub fn sensitivity_se() -> String {
    match (se_interval(), pooled_va()) {
        (Some(iv), Some(p)) => format!(
            "WGI standard errors propagated (each country's estimate redrawn {} times from its estimate ± standard error): P(non-signatory higher) for Voice and Accountability stays between {} and {} in 95% of draws, against {} as published.",
            fmt_count(SE_DRAWS),
            fmt_fixed(iv.lo, 2),
            fmt_fixed(iv.hi, 2),
            fmt_fixed(p.auc, 2)
        ),
        _ => String::new(),
    }
}

/// Voice and Accountability with the EU members counted once (as one country at their median).
pub fn eu_once_auc() -> Option<(usize, f64)> {
    let ind = Indicator::Va;
    let (mut x, mut y, mut eu) = (Vec::new(), Vec::new(), Vec::new());
    for c in COUNTRIES.iter() {
        if let Some(v) = value(c, ind, Measure::Estimate) {
            match (eu_member(c), c.status) {
                (true, _) => eu.push(v),
                (false, Status::Declined) => x.push(v),
                (false, Status::Signed) => y.push(v),
            }
        }
    }
    let n_eu = eu.len();
    x.push(summary(&eu)?.median);
    Some((n_eu, super::inference::auc(&x, &y)?))
}

/// The EU-counted-once line.
pub fn sensitivity_eu() -> String {
    match (eu_once_auc(), pooled_va()) {
        (Some((n, a)), Some(p)) => format!(
            "EU counted once (its {n} members replaced by one country at their median): P(non-signatory higher) for Voice and Accountability = {}, against {} with each member counted.",
            fmt_fixed(a, 2),
            fmt_fixed(p.auc, 2)
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_format_with_thousands() {
        assert_eq!(fmt_count(0), "0");
        assert_eq!(fmt_count(999), "999");
        assert_eq!(fmt_count(4895), "4,895");
        assert_eq!(fmt_count(1_234_567), "1,234,567");
    }

    #[test]
    fn percent_positions_span_the_plot() {
        assert_eq!(pct_x(0.5, 0.5), "3.00%");
        assert_eq!(pct_x(1.0, 0.5), "97.00%");
    }
}
