//! The DOM contract between the model's markup and the views.
//!
//! Markup from `model::markup` and `model::chart` is set as `innerHTML` by the views, which then
//! find, mark and listen to its elements. Everything both sides must agree on lives here, once:
//!
//! - **Who**: an element that stands for one of the 144 carries [`COUNTRY_ATTR`] (`data-i`) with a
//!   [`CountryId`]; a map feature of any ITU member also carries [`MEMBER_ATTR`] (its ISO3 code).
//! - **What**: a control inside delegated markup carries [`ACTION_ATTR`] with an [`Action`]. A click
//!   on an element with a country and no action selects that country.
//! - **Marks**: views show the filter and the selection on existing elements with [`Mark`]s
//!   (classes or the `hidden` attribute) — markup is never rebuilt to show them.
//! - **Parsing**: [`Target::parse`] turns the attribute values found at an event's target into a
//!   typed target, bounds-checked here and nowhere else (`views::kit::event_target` reads the DOM).
//!
//! The owner rule (`views::kit`, `Marks`): whoever sets a container's markup applies its marks right
//! after, with fresh state, so marks can never be applied to nodes that are about to be replaced.

use std::fmt;

use super::data::{Country, COUNTRIES};
use super::html::{Html, Render};

/// Attribute holding a [`CountryId`].
pub const COUNTRY_ATTR: &str = "data-i";
/// Attribute holding the ISO3 code of a map feature (any ITU Member State).
pub const MEMBER_ATTR: &str = "data-iso3";
/// Attribute holding an [`Action`].
pub const ACTION_ATTR: &str = "data-action";
/// CSS selector of the elements that show a tooltip (chart dots, map features).
pub const TIP_SELECTOR: &str = ".dot,[data-iso3]";
/// CSS selector of the elements that can be the target of a delegated event.
pub const TARGET_SELECTOR: &str = "[data-i],[data-action],[data-iso3]";

/// One of the 144 eligible Member States: an index into `COUNTRIES` that is known to be in range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId(u8);

impl CountryId {
    /// The id of `COUNTRIES[i]`, if there is one.
    pub fn new(i: usize) -> Option<CountryId> {
        (i < COUNTRIES.len()).then_some(CountryId(i as u8))
    }
    /// Reads a [`COUNTRY_ATTR`] value (decimal digits only, in range).
    pub fn parse(s: &str) -> Option<CountryId> {
        if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        CountryId::new(s.bytes().fold(0, |n, b| n * 10 + usize::from(b - b'0')))
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

impl Render for CountryId {
    fn render(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, out)
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

impl Render for RowId {
    fn render(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, out)
    }
}

/// What a control in delegated markup does when activated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select the country (or clear the selection if it is the selected one).
    Select,
    /// Open or close an evidence-grade note (the chip's `aria-controls` names the note).
    GradeNote,
    /// Open or close a "sources disagree" note (same mechanism as [`Action::GradeNote`]).
    ConflictNote,
}

impl Action {
    pub const ALL: [Action; 3] = [Action::Select, Action::GradeNote, Action::ConflictNote];
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Select => "select",
            Action::GradeNote => "grade-note",
            Action::ConflictNote => "conflict-note",
        }
    }
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

impl Render for Action {
    fn render(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.as_str())
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

/// What a delegated event happened on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// The action: [`ACTION_ATTR`] of the nearest element that has one, else [`Action::Select`]
    /// when there is a country.
    pub action: Action,
    /// The nearest [`COUNTRY_ATTR`], if valid.
    pub country: Option<CountryId>,
    /// The nearest [`MEMBER_ATTR`] that names an ITU member (map features of the 49 not listed).
    pub member: Option<&'static str>,
}

impl Target {
    /// Turns the attribute values found at (or above) an event's target into a typed target.
    /// `action` must come from an element at or below the one carrying `country`. `None` when
    /// there is nothing to act on (no known action, no valid country, no known member).
    pub fn parse(
        country: Option<&str>,
        action: Option<&str>,
        member: Option<&str>,
    ) -> Option<Target> {
        let country = country.and_then(CountryId::parse);
        let member = member.and_then(super::data::member_iso3);
        let action = match action {
            Some(a) => Action::parse(a)?,
            None if country.is_some() || member.is_some() => Action::Select,
            None => return None,
        };
        if action == Action::Select && country.is_none() && member.is_none() {
            return None;
        }
        Some(Target {
            action,
            country,
            member,
        })
    }
}

/// Markup of an attribute pair `data-i="…"` for a country (for templates).
pub fn country_attr(id: CountryId) -> Html {
    crate::html!("data-i=\"{}\"", id)
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
        assert_eq!(CountryId::parse("0").map(|c| c.index()), Some(0));
        let last = COUNTRIES.len() - 1;
        assert_eq!(
            CountryId::parse(&last.to_string()).map(|c| c.index()),
            Some(last)
        );
        for bad in ["", "144", "-1", "+1", " 1", "1.0", "0x1", "9999", "abc"] {
            assert_eq!(CountryId::parse(bad), None, "{bad:?}");
        }
        assert_eq!(
            CountryId::by_iso3("bra").map(|c| c.country().iso3),
            Some("BRA")
        );
        assert_eq!(CountryId::all().count(), COUNTRIES.len());
    }

    #[test]
    fn targets_parse_to_typed_actions() {
        let t = Target::parse(Some("3"), None, None).unwrap();
        assert_eq!(
            (t.action, t.country.map(|c| c.index())),
            (Action::Select, Some(3))
        );
        let t = Target::parse(Some("3"), Some("grade-note"), None).unwrap();
        assert_eq!(t.action, Action::GradeNote);
        let t = Target::parse(None, Some("conflict-note"), None).unwrap();
        assert_eq!((t.action, t.country), (Action::ConflictNote, None));
        assert_eq!(Target::parse(None, Some("clear-selection"), None), None);
        assert_eq!(Target::parse(Some("999"), None, None), None);
        assert_eq!(Target::parse(None, Some("explode"), None), None);
        assert_eq!(Target::parse(None, None, None), None);
        assert_eq!(Target::parse(None, Some("select"), None), None);
    }

    #[test]
    fn row_ids_name_the_country() {
        let id = CountryId::by_iso3("FRA").unwrap();
        assert_eq!(id.row_id().to_string(), "row-FRA");
        assert_eq!(
            crate::html!("<tr {}>", country_attr(id)).as_str(),
            format!("<tr data-i=\"{}\">", id.index())
        );
    }
}
