//! Markup of small data-driven fragments of the parts that are not Leptos components yet: the
//! story's chips and their notes, the tooltip, the link notice. Views set these as `innerHTML`
//! and handle their controls with one delegated listener.
//!
//! Every fragment is built with [`html!`](crate::html), so data text is escaped by construction;
//! countries, actions and marks are the typed values of `model::contract`.

use super::contract::{Action, CountryId};
use super::data::conflict;
use super::html::Html;
use super::notes::Note;
use crate::html;

/// Text made safe for HTML element content and attribute values (see [`Html::text`]).
pub fn escape(s: &str) -> String {
    Html::text(s).into_string()
}

/// The note a chip's action opens.
fn note_of(action: Action) -> Note {
    if action == Action::ConflictNote {
        Note::Conflict
    } else {
        Note::Grade
    }
}

/// The id of a chip's note (`model::notes::Note::id`).
pub fn note_id(action: Action, id: CountryId, scope: &str) -> String {
    note_of(action).id(id, scope)
}

/// What a chip's note says (`model::notes::Note::text`), its lead in bold.
pub fn note_body(action: Action, id: CountryId) -> Html {
    match note_of(action).text(id) {
        (Some(lead), rest) => html!("<strong>{}</strong>{}", lead, rest),
        (None, rest) => Html::text(&rest),
    }
}

fn chip_note(action: Action, id: CountryId, scope: &str) -> (Html, Html) {
    let note = note_id(action, id, scope);
    (
        html!(r#" aria-controls="{}""#, note.as_str()),
        html!(
            r#"<span id="{}" class="grade-pop" role="note" hidden>{}</span>"#,
            note.as_str(),
            note_body(action, id)
        ),
    )
}

/// A chip and its note in the box the note is placed under (`.grade-wrap`).
fn chip_box(chip: Html) -> Html {
    html!(r#"<span class="grade-wrap">{}</span>"#, chip)
}

/// "Sources disagree" mark of a country whose sources contradict each other (empty otherwise):
/// a chip like the grade chip (action [`Action::ConflictNote`]) whose note holds the conflict and
/// its source ids.
pub fn conflict_chip(id: CountryId, scope: &str) -> Html {
    if conflict(id.index()).is_none() {
        return Html::EMPTY;
    }
    let (controls, note) = chip_note(Action::ConflictNote, id, scope);
    let chip = html!(
        r#"<button type="button" class="grade conflict" data-action="{}" aria-expanded="false"{}>Sources disagree</button>{}"#,
        Action::ConflictNote,
        controls,
        note,
    );
    chip_box(chip)
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
                "ITU member, not among the 144 eligible to sign".into(),
            )],
        ),
        _ => ("", Vec::new()),
    }
}

/// The country chips under the story's graphic: at most `max` names, then "and N more"; at the
/// signing, one chip for all 144.
pub fn step_chips(step: Option<&super::data::Step>, max: usize) -> Html {
    let Some(st) = step else {
        return Html::EMPTY;
    };
    if st.all_by_status {
        return html!("<li>All 144: signed or not</li>");
    }
    let names = st.names();
    let mut s: Html = st
        .countries
        .iter()
        .filter_map(|&c| Some((super::data::member_name(c)?, CountryId::by_iso3(c))))
        .take(max)
        .map(|(n, id)| {
            let mark = id.map(|id| conflict_chip(id, "step"));
            html!("<li>{}{}</li>", n, mark.unwrap_or_default())
        })
        .collect();
    if names.len() > max {
        s.push(&html!("<li>and {} more</li>", names.len() - max));
    }
    s
}

/// The twelve conference days: (day, weekday, date in December 2012).
pub const DAYS: [(u8, &str, u8); 12] = [
    (1, "Mon", 3),
    (2, "Tue", 4),
    (3, "Wed", 5),
    (4, "Thu", 6),
    (5, "Fri", 7),
    (6, "Sat", 8),
    (7, "Sun", 9),
    (8, "Mon", 10),
    (9, "Tue", 11),
    (10, "Wed", 12),
    (11, "Thu", 13),
    (12, "Fri", 14),
];

/// The calendar strip of the story: one item per conference day, the days of `range`
/// (first, last) marked `on` and `aria-current="date"`.
pub fn calendar(range: Option<(u8, u8)>) -> Html {
    DAYS.iter()
        .map(|&(d, wd, date)| {
            let on = range.is_some_and(|(a, b)| (a..=b).contains(&d));
            let weekend = wd == "Sat" || wd == "Sun";
            let class = match (on, weekend) {
                (true, true) => "on weekend",
                (true, false) => "on",
                (false, true) => "weekend",
                (false, false) => "",
            };
            html!(
                r#"<li data-day="{}" class="{}" aria-current="{}"><span class="wd">{}</span><span class="dt">{}</span><span class="dn">Day {}</span></li>"#,
                d,
                class,
                if on { "date" } else { "false" },
                wd,
                date,
                d
            )
        })
        .collect()
}
