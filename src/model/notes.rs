//! The notes behind a status's chips: what its evidence grade means, or how its sources disagree.
//! One source for the table's and card's chips (`components::chips`) and the story's
//! (`model::markup`).

use super::contract::CountryId;
use super::data::conflict;

/// Which note a chip opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// The evidence grade: what it means and the sources.
    Grade,
    /// "Sources disagree": the conflict and its sources.
    Conflict,
}

impl Note {
    /// The note's element id: `grade-<scope>-<ISO3>` or `conflict-<scope>-<ISO3>`. `scope` keeps
    /// it unique where a country's chips appear twice (table "t", card "card", story "step").
    pub fn id(self, country: CountryId, scope: &str) -> String {
        let kind = match self {
            Note::Grade => "grade",
            Note::Conflict => "conflict",
        };
        format!("{kind}-{scope}-{}", country.country().iso3)
    }

    /// What the note says: a lead in bold (the grade), then the rest. A conflict note of a
    /// country whose sources agree says what its grade note says.
    pub fn text(self, country: CountryId) -> (Option<String>, String) {
        let c = country.country();
        let disagree = conflict(country.index());
        match (self, disagree) {
            (Note::Conflict, Some(k)) => (
                None,
                format!("{} Sources: {}.", k.text, k.sources.join(", ")),
            ),
            _ => (
                Some(format!("Grade {}. ", c.grade.letter())),
                format!(
                    "{} Sources: {}.{}",
                    c.grade.explanation(),
                    c.sources.join(", "),
                    if disagree.is_some() {
                        " Sources disagree on this status."
                    } else {
                        ""
                    }
                ),
            ),
        }
    }
}
