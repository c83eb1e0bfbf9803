//! The sentences and figures of the first screen and the analyses, from the data (nothing here
//! is typed twice); `components::page` draws them at build time.

use super::breakdown::{by_income, by_region};
use super::data::{Income, Status, COUNTRIES};
use super::state::Measure;
use super::stats::{all_stats, fmt_p};
use super::text::fmt_fixed;

/// (eligible, signed, did not sign).
pub fn counts() -> (usize, usize, usize) {
    let signed = COUNTRIES
        .iter()
        .filter(|c| c.status == Status::Signed)
        .count();
    (COUNTRIES.len(), signed, COUNTRIES.len() - signed)
}

/// Squares a row of the first screen's waffles (one square per state present and accredited,
/// signed first).
pub const WAFFLE_COLS: usize = 15;
const WAFFLE_CELL: usize = 12;
/// A square and the gap after it.
pub const WAFFLE_STEP: usize = WAFFLE_CELL + 2;

/// The waffle's squares `range` (in reading order) as SVG path data.
pub fn waffle_squares(range: std::ops::Range<usize>) -> String {
    range
        .map(|i| {
            format!(
                "M{} {}h{WAFFLE_CELL}v{WAFFLE_CELL}h-{WAFFLE_CELL}z",
                (i % WAFFLE_COLS) * WAFFLE_STEP,
                (i / WAFFLE_COLS) * WAFFLE_STEP
            )
        })
        .collect()
}

/// "Europe & Central Asia": 36 of the 55 non-signatories. The region with most non-signatories.
pub fn region_line() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (_, _, declined) = counts();
    by_region(&all)
        .into_iter()
        .max_by_key(|g| g.declined)
        .map(|g| {
            format!(
                "{} of the {} states that did not sign are in {}.",
                g.declined, declined, g.label
            )
        })
        .unwrap_or_default()
}

/// How many of the six indicators put the median non-signatory above the median signatory,
/// and which comes first, named no further than the intervals allow.
pub fn governance_line() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (stats, _) = all_stats(&all, Measure::Estimate);
    let higher = stats
        .iter()
        .filter(|s| matches!((s.signed, s.declined), (Some(a), Some(b)) if b.median > a.median))
        .count();
    let how_many = if higher == stats.len() {
        format!(
            "On every one of the {} World Bank governance indicators",
            stats.len()
        )
    } else {
        format!(
            "On {} of the {} World Bank governance indicators",
            higher,
            stats.len()
        )
    };
    let top = super::analysis::lead(&all_144().rows)
        .map(|(_, l)| format!("; {l}"))
        .unwrap_or_default();
    format!("{how_many}, the median non-signatory scores higher than the median signatory{top}.")
}

/// The headline's two halves as counts: (group, signed, did not sign) for the high-income
/// states and for all the others.
pub fn income_split() -> [(&'static str, usize, usize); 2] {
    let mut split = [("High income", 0, 0), ("Low and middle income", 0, 0)];
    for c in &COUNTRIES {
        let g = &mut split[usize::from(c.income != Income::High)];
        if c.status == Status::Signed {
            g.1 += 1;
        } else {
            g.2 += 1;
        }
    }
    split
}

/// "Of the 45 high-income states present and accredited, 34 did not sign and 11 signed."
pub fn high_income_line() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    by_income(&all)
        .into_iter()
        .find(|g| g.slug == Income::High.slug())
        .map(|h| {
            format!(
                "Of the {} high-income states present and accredited, {} did not sign and {} signed.",
                h.total(),
                h.declined,
                h.signed
            )
        })
        .unwrap_or_default()
}

/// The statistics of all 144, with their intervals (the first screen and the analyses state
/// them; computed at build time, where these static parts are rendered).
fn all_144() -> super::analysis::Stats {
    super::analysis::Stats::of(&super::state::State::default())
}

/// Which indicator comes first, in words, no further than the intervals allow, with its test.
pub fn top_indicator_line() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (stats, _) = all_stats(&all, Measure::Estimate);
    let Some((ind, lead)) = super::analysis::lead(&all_144().rows) else {
        return String::new();
    };
    stats
        .iter()
        .find(|s| s.indicator == ind)
        .and_then(|s| s.test)
        .map(|t| {
            format!(
                "Of the six indicators, {lead}; on it, a random non-signatory scores higher than a random signatory with probability {} ({}).",
                fmt_fixed(t.auc, 2),
                fmt_p(t.p)
            )
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The headline says "Most states signed … Most high-income states did not": the data must
    /// agree. (The first screen itself is `components::page::Masthead`: tests/components.rs.)
    #[test]
    fn the_first_screen_says_what_the_data_says() {
        let (eligible, signed, _) = counts();
        assert!(signed * 2 > eligible);
        let all: Vec<usize> = (0..COUNTRIES.len()).collect();
        let high = by_income(&all)
            .into_iter()
            .find(|g| g.slug == Income::High.slug())
            .unwrap();
        assert!(high.declined * 2 > high.total());
        assert_eq!(
            waffle_squares(0..eligible).matches("h12v12h-12z").count(),
            eligible
        );
        assert!(region_line().starts_with("36 of the 55 states that did not sign are in Europe"));
    }
}
