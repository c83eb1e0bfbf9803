//! Markup of small data-driven fragments (badges, grade notes, table rows, breakdown bars, the
//! tooltip, the selected-country card, calendar, chips, filter options, source lists). Views set
//! these as `innerHTML` and handle their controls with one delegated listener, which keeps the
//! browser build small and makes the markup testable natively.
//!
//! Every fragment is built with [`html!`](crate::html), so data text is escaped by construction;
//! countries, actions and marks are the typed values of `model::contract`.

use super::breakdown::{heat_bucket, GroupCount};
use super::contract::{Action, CountryId};
use super::data::{conflict, CONFLICTS, COUNTRIES};
use super::html::Html;
use super::text::{fmt_fixed, fmt_signed};
use crate::html;

/// Text made safe for HTML element content and attribute values (see [`Html::text`]).
pub fn escape(s: &str) -> String {
    Html::text(s).into_string()
}

/// Status badge of a country; an inferred status carries an asterisk. Its colour swatch is drawn
/// by CSS (`.badge::before`): 144 empty spans fewer in the page.
pub fn status_badge(id: CountryId) -> Html {
    badge("span", id)
}

/// The badge as element `tag` (a table row's cell is its own badge: 144 spans fewer).
fn badge(tag: &'static str, id: CountryId) -> Html {
    let c = id.country();
    html!(
        r#"<{} class="badge {}">{}{}</{}>"#,
        tag,
        c.status.slug(),
        c.status.label(),
        if c.grade.is_inferred() { "*" } else { "" },
        tag
    )
}

/// The id of a chip's note: `grade-<scope>-<ISO3>` or `conflict-<scope>-<ISO3>`. `scope` keeps it
/// unique when the chip appears twice (table "t", card "card", story chips).
pub fn note_id(action: Action, id: CountryId, scope: &str) -> String {
    let kind = if action == Action::ConflictNote {
        "conflict"
    } else {
        "grade"
    };
    format!("{kind}-{scope}-{}", id.country().iso3)
}

/// What a chip's note says: the grade, what it means and the sources; or the sources' conflict.
pub fn note_body(action: Action, id: CountryId) -> Html {
    let c = id.country();
    match (action, conflict(id.index())) {
        (Action::ConflictNote, Some(k)) => html!("{} Sources: {}.", k.text, k.sources.join(", ")),
        _ => html!(
            "<strong>Grade {}. </strong>{} Sources: {}.{}",
            c.grade.letter(),
            c.grade.explanation(),
            c.sources.join(", "),
            if conflict(id.index()).is_some() {
                " Sources disagree on this status."
            } else {
                ""
            }
        ),
    }
}

fn chip_note(action: Action, id: CountryId, scope: &str, with_note: bool) -> (Html, Html) {
    if !with_note {
        return (Html::EMPTY, Html::EMPTY);
    }
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

/// A chip and its note in the box the note is placed under (`.grade-wrap`); in the table
/// (`with_note` false) the cell is that box (`td.chips`): two spans fewer in each of 144 rows.
fn chip_box(with_note: bool, chip: Html) -> Html {
    if with_note {
        html!(r#"<span class="grade-wrap">{}</span>"#, chip)
    } else {
        chip
    }
}

/// Evidence grade of a country's status: a button that opens its explanation (action
/// [`Action::GradeNote`], see `views::toggle_note`). With `with_note` false (the table's 144
/// rows) the note is left out and made by the app when the chip is first opened: without the app
/// the button does nothing, and the grades are explained once, in Sources and method.
pub fn grade_chip(id: CountryId, scope: &str, with_note: bool) -> Html {
    let c = id.country();
    let g = c.grade.letter();
    let inferred = c.grade.is_inferred();
    let (controls, note) = chip_note(Action::GradeNote, id, scope, with_note);
    let chip = html!(
        r#"<button type="button" class="grade g{}" data-action="{}" aria-expanded="false"{} aria-label="Evidence grade {}{} — explain">{}{}</button>{}"#,
        g,
        Action::GradeNote,
        controls,
        g,
        if inferred { ", inferred" } else { "" },
        g,
        if inferred {
            html!(r#"<span class="inferred"> inferred</span>"#)
        } else {
            Html::EMPTY
        },
        note,
    );
    html!(
        "{}{}",
        chip_box(with_note, chip),
        conflict_chip(id, scope, with_note)
    )
}

/// "Sources disagree" mark of a country whose sources contradict each other (empty otherwise):
/// a chip like the grade chip (action [`Action::ConflictNote`]) whose note holds the conflict and
/// its source ids.
pub fn conflict_chip(id: CountryId, scope: &str, with_note: bool) -> Html {
    if conflict(id.index()).is_none() {
        return Html::EMPTY;
    }
    let (controls, note) = chip_note(Action::ConflictNote, id, scope, with_note);
    let chip = html!(
        r#"<button type="button" class="grade conflict" data-action="{}" aria-expanded="false"{}>Sources disagree</button>{}"#,
        Action::ConflictNote,
        controls,
        note,
    );
    chip_box(with_note, chip)
}

/// The countries whose sources disagree, each with its status in the data and the conflict.
pub fn conflict_list() -> Html {
    CONFLICTS
        .iter()
        .map(|k| {
            let c = &COUNTRIES[usize::from(k.country)];
            html!(
                "<li><strong>{}</strong> ({} in the data): {} Sources: {}.</li>",
                c.name_en,
                c.status.label(),
                k.text,
                k.sources.join(", ")
            )
        })
        .collect()
}

/// One row of the signatory table (`data-i` is the country; the view hides, marks and orders
/// rows without rebuilding them; roles written out as rows are grids: see `style/main.css`).
pub fn table_row(id: CountryId) -> Html {
    let c = id.country();
    let mut s = html!(
        r#"<tr data-i="{}" data-iso3="{}" id="{}" role="row"><th scope="row" role="rowheader" class="sticky-col"><button class="linkish" data-action="{}" aria-pressed="false">{}</button><span class="fr" lang="fr">{}</span></th>{}<td class="chips">{}</td><td>{}</td><td>{}</td>"#,
        id,
        c.iso3,
        id.row_id(),
        Action::Select,
        c.name_en,
        c.name_fr,
        badge("td", id),
        grade_chip(id, "t", false),
        c.region.label(),
        c.income.label(),
    );
    for w in &c.wgi {
        s.push(&match w.est() {
            Some(v) => html!(
                r#"<td class="num h{}">{}</td>"#,
                heat_bucket(v),
                fmt_signed(v)
            ),
            None => html!(r#"<td class="num na">n/a</td>"#),
        });
    }
    s.push(&html!("</tr>"));
    s
}

/// Bars of the signed / did-not-sign split, one list item per group: each bar is its group's 100%
/// (the shares keep one scale whatever the filters leave; the counts say how many), and a group
/// the filters leave empty says so.
pub fn bars(groups: &[GroupCount]) -> Html {
    groups
        .iter()
        .map(|g| {
            let n = g.total().max(1) as f64;
            let pct = |k: usize| fmt_fixed(k as f64 / n * 100.0, 1);
            html!(
                r#"<li data-slug="{}"><span class="bar-label">{}</span><span class="bar" aria-hidden="true"><span class="seg signed" style="width:{}%"></span><span class="seg declined" style="width:{}%"></span></span><span class="bar-num"><span class="n-signed">{}</span> signed · <span class="n-declined">{}</span> did not</span></li>"#,
                g.slug,
                g.label,
                pct(g.signed),
                pct(g.declined),
                g.signed,
                g.declined,
            )
        })
        .collect()
}

/// The tooltip's content for one of the 144 (with an optional value line), or for another ITU
/// member given by name.
pub fn tooltip(country: Option<CountryId>, other: Option<&str>, value: Option<&str>) -> Html {
    match (country, other) {
        (Some(id), _) => {
            let k = id.country();
            html!(
                r#"<strong>{}</strong><span class="tt-status {}">{} · evidence {}{}</span>{}{}<span>{}</span><span>{} (FY2013)</span>"#,
                k.name_en,
                k.status.slug(),
                k.status.label(),
                k.grade.letter(),
                if k.grade.is_inferred() {
                    " (inferred, not confirmed)"
                } else {
                    ""
                },
                match conflict(id.index()) {
                    Some(x) => html!(
                        r#"<span class="tt-conflict">Sources disagree: {}</span>"#,
                        x.text
                    ),
                    None => Html::EMPTY,
                },
                match value {
                    Some(v) => html!(r#"<span class="tt-value">{}</span>"#, v),
                    None => Html::EMPTY,
                },
                k.region.label(),
                k.income.label(),
            )
        }
        (None, Some(name)) => html!(
            "<strong>{}</strong><span>ITU member, not among the 144 eligible to sign</span>",
            name
        ),
        _ => Html::EMPTY,
    }
}

/// The selected-country card: name, status, grade, region and income, and its actions.
pub fn selected_card(selected: Option<CountryId>) -> Html {
    let Some(id) = selected else {
        return html!(
            r#"<p class="hint">Select a country on the map, in the table or in a chart to follow it across the report.</p>"#
        );
    };
    let k = id.country();
    html!(
        r##"<p><strong>{}</strong> {} {}<span class="meta"> {} · {}</span></p><p class="actions"><a href="#{}">Show in table</a> · <button type="button" class="linkish" data-action="{}">Clear selection</button></p>"##,
        k.name_en,
        status_badge(id),
        grade_chip(id, "card", true),
        k.region.label(),
        k.income.label(),
        id.row_id(),
        Action::ClearSelection,
    )
}

/// The map finder's suggestions (`#map-find-list`): the 144 English names, alphabetical. Made by
/// the app when the finder is first focused, so the page does not carry them twice.
pub fn finder_options() -> Html {
    super::state::sorted_all(&COUNTRIES, super::state::Sort::default())
        .into_iter()
        .map(|i| html!(r#"<option value="{}"></option>"#, COUNTRIES[i].name_en))
        .collect()
}

/// Rows of the evidence-grade table: grade, meaning, and how many signed / did not sign.
pub fn grade_rows() -> Html {
    super::breakdown::grade_counts()
        .into_iter()
        .map(|(g, s, d)| {
            html!(
                r#"<tr><th scope="row">{}</th><td>{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
                g.letter(),
                g.explanation(),
                s,
                d
            )
        })
        .collect()
}

/// The list of status sources, each with how many countries it is used for.
pub fn source_list() -> Html {
    super::data::SOURCES
        .iter()
        .map(|s| {
            let used = CountryId::all()
                .filter(|id| id.country().sources.contains(&s.id))
                .count();
            html!(
                r#"<div><dt><code>{}</code> — used for {} countries</dt><dd>{}<br><span class="supports">{}</span></dd></div>"#,
                s.id,
                used,
                s.text,
                s.supports
            )
        })
        .collect()
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
            let mark = id.map(|id| conflict_chip(id, "step", true));
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

/// The `<option>`s of a filter: "no filter" (`all`, labelled `all_label`), then every value.
pub fn options(facet: super::state::Facet, all_label: &str) -> Html {
    let mut s = html!(r#"<option value="all">{}</option>"#, all_label);
    for (slug, label) in facet.options() {
        s.push(&html!(r#"<option value="{}">{}</option>"#, slug, label));
    }
    s
}

/// The notices about a shared link's unusable parameters, as list items (they quote the link:
/// escaped, they show as text).
pub fn notice_items(notices: &[String]) -> Html {
    notices.iter().map(|n| html!("<li>{}</li>", n)).collect()
}

/// The `<option>`s of the embed menu: every graphic that can be embedded, by its `embed=` value.
pub fn embed_options() -> Html {
    super::state::Embed::all()
        .into_iter()
        .map(|e| html!(r#"<option value="{}">{}</option>"#, e.slug(), e.title()))
        .collect()
}
