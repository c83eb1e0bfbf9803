//! What a country's status comes with, in words: the notes behind its chips (what its evidence
//! grade means, or how its sources disagree; `components::chips`) and the tooltip's lines
//! (`components::overlay`).

use super::contract::CountryId;
use super::data::{conflict, SOURCE_NAMES};

/// Sources by the names readers see ("Daily Nation (Kenya); .nxt report via LIRNEasia"), not
/// their ids.
pub fn source_names(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| {
            SOURCE_NAMES
                .iter()
                .find(|(i, _)| i == id)
                .map_or(*id, |(_, name)| *name)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A source's text for readers: the source ids it mentions ("derived from MACJ") by their
/// names, and the markdown emphasis of the notes it was copied from (`**`) dropped.
pub fn with_source_names(text: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let name = SOURCE_NAMES
            .iter()
            .find(|(id, _)| id == word)
            .map(|(_, n)| *n);
        out.push_str(name.unwrap_or(word));
        word.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_' {
            word.push(ch);
        } else {
            flush(&mut word, &mut out);
            out.push(ch);
        }
    }
    flush(&mut word, &mut out);
    out.replace("**", "")
}

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
                format!("{} Sources: {}.", k.text, source_names(k.sources)),
            ),
            _ => (
                Some(format!("Grade {}. ", c.grade.letter())),
                format!(
                    "{} Sources: {}.{}",
                    c.grade.explanation(),
                    source_names(c.sources),
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

/// What the tooltip says of a map feature or a chart dot: its title (the name) and its lines,
/// each with its class — for one of the 144, status and evidence (saying when it is inferred),
/// "sources disagree" where they do, the dot's value if any, region and income group; for
/// another ITU member, that it was not among the 144. Empty for nothing.
pub fn tip_lines(
    country: Option<CountryId>,
    other: Option<&'static str>,
    value: Option<&str>,
) -> (&'static str, Vec<(String, String)>) {
    let line = |class: &str, text: String| (class.to_string(), text);
    match (country, other) {
        (Some(id), _) => {
            let k = id.country();
            let inferred = if k.grade.is_inferred() {
                " (inferred, not confirmed)"
            } else {
                ""
            };
            let mut lines = vec![line(
                &format!("tt-status {}", k.status.slug()),
                format!(
                    "{} · evidence {}{inferred}",
                    k.status.label(),
                    k.grade.letter()
                ),
            )];
            if let Some(x) = conflict(id.index()) {
                lines.push(line("tt-conflict", format!("Sources disagree: {}", x.text)));
            }
            if let Some(v) = value {
                lines.push(line("tt-value", v.to_string()));
            }
            lines.push(line("", k.region.label().to_string()));
            lines.push(line("", format!("{} (FY2013)", k.income.label())));
            (k.name_en, lines)
        }
        (None, Some(name)) => (
            name,
            vec![line(
                "",
                "ITU member, not among the 144 present and accredited".into(),
            )],
        ),
        _ => ("", Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn source_ids_read_as_names() {
        use super::with_source_names;
        assert_eq!(
            with_source_names("derived from MACJ"),
            "derived from macjordangh.com, list of African signers"
        );
        assert_eq!(
            with_source_names("**wrong** per HINDU/ARS"),
            "wrong per The Hindu/Ars Technica / The Atlantic, via Benton"
        );
        // Words that are not ids stay; a longer id is not cut into a shorter one.
        assert_eq!(
            with_source_names("EU and MACJ_COUNT, ITU"),
            "EU and macjordangh.com, count of African signers, ITU"
        );
    }
}
