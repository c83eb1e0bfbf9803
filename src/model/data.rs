//! The compiled-in dataset: types, and the constants `build.rs` generates from `src/data/`.

// Status, Grade, Region, Income and Indicator: defined once in `vocab` (also used by build.rs).
pub use super::vocab::*;

/// Missing-value marker of `Wgi`'s compact storage.
pub const NA: i32 = i32::MIN;

/// One indicator's WGI 2011 values for one country, stored exactly as integers: estimate and
/// standard error in millionths, percentile rank in ten-thousandths (the decimals of the source
/// file, checked at build time); `NA` = not published ("n/a"). The rank's published 90% bounds
/// are checked by the build but not carried: the page shows one interval level, the estimate's
/// 95%, and the bounds cannot be brought to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wgi(pub [i32; 3]);

impl Wgi {
    fn get(&self, k: usize) -> Option<f64> {
        let v = self.0[k];
        let scale = if k < 2 { 1e6 } else { 1e4 };
        (v != NA).then(|| v as f64 / scale)
    }
    /// Estimate in standard-normal units (about −2.5 weak … +2.5 strong).
    pub fn est(&self) -> Option<f64> {
        self.get(0)
    }
    /// Standard error of the estimate.
    pub fn se(&self) -> Option<f64> {
        self.get(1)
    }
    /// Percentile rank 0–100.
    pub fn pct(&self) -> Option<f64> {
        self.get(2)
    }
    /// 95% interval of the estimate (± 1.96 standard errors).
    pub fn interval95(&self) -> Option<(f64, f64)> {
        match (self.est(), self.se()) {
            (Some(e), Some(s)) => Some((e - 1.96 * s, e + 1.96 * s)),
            _ => None,
        }
    }
}

/// One of the 144 Member States eligible to sign the WCIT-12 Final Acts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Country {
    pub iso3: &'static str,
    pub iso2: &'static str,
    pub iso_num: &'static str,
    pub name_en: &'static str,
    /// Name as printed in the ITU's (French) signature chart.
    pub name_fr: &'static str,
    /// Position in `COUNTRIES` (keys the search index, see [`Country::search_key`]).
    pub index: u8,
    pub status: Status,
    pub grade: Grade,
    /// Source ids (see `SOURCES`).
    pub sources: &'static [&'static str],
    pub region: Region,
    pub income: Income,
    /// Where the map labels it: its representative point (world-countries), projected, in whole
    /// map units (`MAP_VIEWBOX`).
    pub at: [u16; 2],
    pub wgi: [Wgi; 6],
}

impl Country {
    /// The status as its badge reads: "Signed", "Did not sign", with an asterisk when inferred.
    pub fn status_text(&self) -> String {
        let mark = if self.grade.is_inferred() { "*" } else { "" };
        format!("{}{mark}", self.status.label())
    }
    /// The name without its parenthesis, for labels on the map: "Iran (Islamic Republic of)" →
    /// "Iran".
    pub fn short_name(&self) -> &'static str {
        super::text::without_parenthesis(self.name_en)
    }
    /// `text::fold` of English name, French name and ISO3 code: what search matches and the
    /// name sort compares. Folded once, on first use, rather than compiled in: the folded
    /// copies of 288 names cost 1.7 kB brotli of wasm (measured) and take well under a
    /// millisecond to make. The table is derived, immutable data, not state.
    pub fn search_key(&self) -> &'static str {
        static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let keys = KEYS.get_or_init(|| {
            COUNTRIES
                .iter()
                .map(|c| super::text::fold(&format!("{} | {} | {}", c.name_en, c.name_fr, c.iso3)))
                .collect()
        });
        keys.get(usize::from(self.index)).map_or("", String::as_str)
    }
}

/// A source of the status data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Source {
    pub id: &'static str,
    pub short: &'static str,
    pub text: &'static str,
    pub supports: &'static str,
}

/// One step of the story timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub id: &'static str,
    /// First and last conference day covered (Day 1 = Mon 3 Dec 2012).
    pub day: u8,
    pub day_end: u8,
    pub date: &'static str,
    pub title: &'static str,
    /// ISO3 codes of the countries this step names.
    pub countries: &'static [&'static str],
    /// Colour all 144 by status (the signing).
    pub all_by_status: bool,
}

/// Build-time content: a fragment of HTML from `src/data/content/` or `src/data/story/`, which
/// `build.rs` checked to be what an allow-list sanitizer would leave (`datagen::content`).
/// Only the generated constants make one; components set it as `inner_html`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prose(&'static str);

impl Prose {
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

include!(concat!(env!("OUT_DIR"), "/data.rs"));

/// Index of a country by ISO3 code.
pub fn country_index(iso3: &str) -> Option<usize> {
    COUNTRIES
        .iter()
        .position(|c| c.iso3.eq_ignore_ascii_case(iso3))
}

/// English name of an ITU Member State by ISO3 code: one of the 144 or one of the 49 not listed.
pub fn member_name(iso3: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|c| c.iso3 == iso3)
        .map(|c| c.name_en)
        .or_else(|| NOT_LISTED.iter().find(|n| n.1 == iso3).map(|n| n.0))
}

/// The text of step `k` (`STEPS[k]`): markup from `src/data/story/<id>.html`, checked at build time.
pub fn step_body(k: usize) -> Option<Prose> {
    STEP_BODIES.get(k).map(|b| Prose(b))
}

/// A country whose sources disagree about its status (`src/data/status_conflicts.csv`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conflict {
    /// Index into `COUNTRIES`.
    pub country: u8,
    /// One sentence: what the sources say and what the data keeps.
    pub text: &'static str,
    /// Source ids (see `SOURCES`).
    pub sources: &'static [&'static str],
}

/// The disagreement about the status of `COUNTRIES[i]`, if its sources disagree.
pub fn conflict(i: usize) -> Option<&'static Conflict> {
    CONFLICTS.iter().find(|c| usize::from(c.country) == i)
}
