//! The names both sides of the DOM agree on, once: what the components write and what the
//! browser code (event handlers, the tooltip, the embed) reads back.
//!
//! - **Who**: the map feature of any ITU member carries [`MEMBER_ATTR`] (its ISO3 code; one of the
//!   144 is found with [`CountryId::by_iso3`]); a table row has its id ([`CountryId::row_id`]); a
//!   chart dot is named by its position in the chart's layout (`model::chart::layout` draws the
//!   dots in the order of `COUNTRIES`).
//! - **Marks**: the filter and the selection show on map features and chart dots as [`Mark`]
//!   classes.
//! - **Reading back**: [`CountryId::by_iso3`] is the one way from the DOM to a country.

use std::fmt;

use super::data::{Country, COUNTRIES};

/// Attribute holding the ISO3 code of a map feature (any ITU Member State).
pub const MEMBER_ATTR: &str = "data-iso3";
/// CSS selector of the elements that show a tooltip (chart dots, map features).
pub const TIP_SELECTOR: &str = ".dot,[data-iso3]";

/// One of the 144 eligible Member States: an index into `COUNTRIES` that is known to be in range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId(u8);

impl CountryId {
    /// The id of `COUNTRIES[i]`, if there is one.
    pub fn new(i: usize) -> Option<CountryId> {
        (i < COUNTRIES.len()).then_some(CountryId(i as u8))
    }
    /// By ISO3 code (any case).
    pub fn by_iso3(iso3: &str) -> Option<CountryId> {
        COUNTRIES
            .iter()
            .position(|c| c.iso3.eq_ignore_ascii_case(iso3))
            .and_then(CountryId::new)
    }
    /// What the map's country finder typed or picked: an English or French name or an ISO3
    /// code (case and accents ignored), else the one country whose name contains it; `None`
    /// when nothing or more than one country matches.
    pub fn find(query: &str) -> Option<CountryId> {
        let q = super::text::fold(query.trim());
        if q.is_empty() {
            return None;
        }
        let exact = |c: &super::data::Country| {
            [c.name_en, c.name_fr, c.iso3]
                .iter()
                .any(|n| super::text::fold(n) == q)
        };
        if let Some(i) = COUNTRIES.iter().position(exact) {
            return CountryId::new(i);
        }
        let mut hits = COUNTRIES.iter().filter(|c| c.search_key().contains(&q));
        match (hits.next(), hits.next()) {
            (Some(c), None) => CountryId::new(usize::from(c.index)),
            _ => None,
        }
    }
    /// All 144, in the order of `COUNTRIES`.
    pub fn all() -> impl Iterator<Item = CountryId> {
        (0..COUNTRIES.len()).map(|i| CountryId(i as u8))
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
    pub fn country(self) -> &'static Country {
        &COUNTRIES[self.index()]
    }
    /// The `id` of the country's table row (the card's "Show in table" link points here).
    pub fn row_id(self) -> RowId {
        RowId(self)
    }
}

/// The `id` of a table row: `row-` and the ISO3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowId(CountryId);

impl fmt::Display for RowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row-{}", self.0.country().iso3)
    }
}

/// How a view shows the filter and the selection on an element it did not create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not in the current filter, drawn faded (map features, chart dots): class `faded`.
    Faded,
    /// The selected country: class `selected`.
    Selected,
}

impl Mark {
    /// The class name.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Faded => "faded",
            Mark::Selected => "selected",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_finder_takes_names_in_either_language_codes_and_unique_parts() {
        let iso = |q: &str| CountryId::find(q).map(|c| c.country().iso3);
        assert_eq!(iso("Kenya"), Some("KEN"));
        assert_eq!(iso("  côte d'ivoire "), iso("Cote d'Ivoire"));
        assert_eq!(iso("ALLEMAGNE"), Some("DEU"));
        assert_eq!(
            iso("bra"),
            Some("BRA"),
            "ISO3 before the names containing it"
        );
        assert_eq!(iso("zimbab"), Some("ZWE"));
        assert_eq!(iso("united"), None, "several match");
        assert_eq!(iso(""), None);
        assert_eq!(iso("Atlantis"), None);
    }

    #[test]
    fn country_ids_are_checked_once() {
        assert_eq!(CountryId::new(0).map(|c| c.index()), Some(0));
        assert_eq!(CountryId::new(COUNTRIES.len()), None);
        // An ITU member outside the 144, and what no member is called.
        for bad in ["", "BRAZ", "BR", "XXX", "ATG"] {
            assert_eq!(CountryId::by_iso3(bad), None, "{bad:?}");
        }
        assert_eq!(
            CountryId::by_iso3("bra").map(|c| c.country().iso3),
            Some("BRA")
        );
        assert_eq!(CountryId::all().count(), COUNTRIES.len());
    }

    #[test]
    fn row_ids_name_the_country() {
        let id = CountryId::by_iso3("FRA").unwrap();
        assert_eq!(id.row_id().to_string(), "row-FRA");
    }
}
