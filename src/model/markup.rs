//! HTML of small data-driven fragments (badges, grade notes, table rows, breakdown bars, the
//! tooltip and the selected-country card). Views set these strings as `innerHTML` and handle
//! their buttons with one delegated listener, which keeps the browser build small and makes
//! the markup testable natively. Every text from the data goes through `escape`; none of these
//! fragments ever contains what a reader typed.

use super::breakdown::{heat_bucket, GroupCount};
use super::data::COUNTRIES;
use super::text::{fmt_fixed, fmt_signed};

/// Text made safe for HTML element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Status badge of a country; an inferred status carries an asterisk.
pub fn status_badge(i: usize) -> String {
    let c = &COUNTRIES[i];
    format!(
        r#"<span class="badge {}"><span class="swatch" aria-hidden="true"></span>{}{}</span>"#,
        c.status.slug(),
        c.status.label(),
        if c.grade.is_inferred() { "*" } else { "" }
    )
}

/// Evidence grade of a country's status: a button that opens its explanation (see
/// `views::grade_toggle`). `scope` keeps the note's id unique when the chip appears twice.
pub fn grade_chip(i: usize, scope: &str) -> String {
    let c = &COUNTRIES[i];
    let g = c.grade.letter();
    let inferred = c.grade.is_inferred();
    let id = format!("grade-{scope}-{}", c.iso3);
    format!(
        concat!(
            r#"<span class="grade-wrap"><button type="button" class="grade g{g}" "#,
            r#"aria-expanded="false" aria-controls="{id}" aria-label="Evidence grade {g}{inf_label} — explain">"#,
            r#"{g}{inf_text}</button><span id="{id}" class="grade-pop" role="note" hidden>"#,
            r#"<strong>Grade {g}. </strong>{expl} Sources: {sources}.</span></span>"#
        ),
        g = g,
        id = id,
        inf_label = if inferred { ", inferred" } else { "" },
        inf_text = if inferred {
            r#"<span class="inferred"> inferred</span>"#
        } else {
            ""
        },
        expl = escape(c.grade.explanation()),
        sources = escape(&c.sources.join(", ")),
    )
}

/// One row of the signatory table (`data-i` is the country's index; the view hides, marks and
/// orders rows without rebuilding them).
pub fn table_row(i: usize) -> String {
    let c = &COUNTRIES[i];
    let mut s = format!(
        concat!(
            r#"<tr data-i="{i}" data-iso3="{iso3}" id="row-{iso3}">"#,
            r#"<th scope="row" class="sticky-col name"><button type="button" class="linkish" data-select="{i}" aria-pressed="false">{name}</button>"#,
            r#"<span class="fr" lang="fr">{fr}</span></th><td>{badge}</td><td>{chip}</td><td>{region}</td><td>{income}</td>"#
        ),
        i = i,
        iso3 = c.iso3,
        name = escape(c.name_en),
        fr = escape(c.name_fr),
        badge = status_badge(i),
        chip = grade_chip(i, "t"),
        region = escape(c.region.label()),
        income = escape(c.income.label()),
    );
    for w in &c.wgi {
        s += &match w.est() {
            Some(v) => format!(
                r#"<td class="num h{}">{}</td>"#,
                heat_bucket(v),
                fmt_signed(v)
            ),
            None => r#"<td class="num na">n/a</td>"#.to_string(),
        };
    }
    s + "</tr>"
}

/// Stacked bars of signed / did-not-sign counts, one list item per group, widths relative to the
/// largest group.
pub fn bars(groups: &[GroupCount]) -> String {
    let max = groups.iter().map(|g| g.total()).max().unwrap_or(1).max(1) as f64;
    let pct = |n: usize| fmt_fixed(n as f64 / max * 100.0, 1);
    groups
        .iter()
        .map(|g| {
            format!(
                concat!(
                    r#"<li data-slug="{slug}"><span class="bar-label">{label}</span><span class="bar" aria-hidden="true">"#,
                    r#"<span class="seg signed" style="width:{ws}%"></span><span class="seg declined" style="width:{wd}%"></span></span>"#,
                    r#"<span class="bar-num"><span class="n-signed">{s}</span> signed · "#,
                    r#"<span class="n-declined">{d}</span> did not</span></li>"#
                ),
                slug = g.slug,
                label = escape(g.label),
                ws = pct(g.signed),
                wd = pct(g.declined),
                s = g.signed,
                d = g.declined,
            )
        })
        .collect()
}

/// The tooltip's content for one of the 144 (with an optional value line), or for another ITU
/// member given by name.
pub fn tooltip(country: Option<usize>, other: Option<&str>, value: Option<&str>) -> String {
    match (country, other) {
        (Some(i), _) => {
            let k = &COUNTRIES[i];
            format!(
                concat!(
                    r#"<strong>{name}</strong><span class="tt-status {slug}">{status} · evidence {g}{inf}</span>"#,
                    r#"{value}<span>{region}</span><span>{income} (FY2013)</span>"#
                ),
                name = escape(k.name_en),
                slug = k.status.slug(),
                status = k.status.label(),
                g = k.grade.letter(),
                inf = if k.grade.is_inferred() {
                    " (inferred, not confirmed)"
                } else {
                    ""
                },
                value = value
                    .map(|v| format!(
                        r#"<span class="tt-value">{}</span>"#,
                        escape(v)
                    ))
                    .unwrap_or_default(),
                region = escape(k.region.label()),
                income = escape(k.income.label()),
            )
        }
        (None, Some(name)) => format!(
            "<strong>{}</strong><span>ITU member, not among the 144 eligible to sign</span>",
            escape(name)
        ),
        _ => String::new(),
    }
}

/// The selected-country card: name, status, grade, region and income, and its actions (the
/// "Clear selection" button carries `data-action="clear-selection"`).
pub fn selected_card(selected: Option<usize>) -> String {
    let Some(i) = selected else {
        return r#"<p class="hint">Select a country on the map, in the table or in a chart to follow it across the report.</p>"#.into();
    };
    let k = &COUNTRIES[i];
    format!(
        concat!(
            r#"<p><strong>{name}</strong> {badge} {chip}<span class="meta"> {region} · {income}</span></p>"#,
            r##"<p class="actions"><a href="#row-{iso3}">Show in table</a> · "##,
            r#"<button type="button" class="linkish" data-action="clear-selection">Clear selection</button></p>"#
        ),
        name = escape(k.name_en),
        badge = status_badge(i),
        chip = grade_chip(i, "card"),
        region = escape(k.region.label()),
        income = escape(k.income.label()),
        iso3 = k.iso3,
    )
}

/// Rows of the evidence-grade table: grade, meaning, and how many signed / did not sign.
pub fn grade_rows() -> String {
    super::breakdown::grade_counts()
        .into_iter()
        .map(|(g, s, d)| {
            format!(
                r#"<tr><th scope="row">{}</th><td>{}</td><td class="num">{s}</td><td class="num">{d}</td></tr>"#,
                g.letter(),
                escape(g.explanation())
            )
        })
        .collect()
}

/// The list of status sources, each with how many countries it is used for.
pub fn source_list() -> String {
    super::data::SOURCES
        .iter()
        .map(|s| {
            let used = COUNTRIES
                .iter()
                .filter(|c| c.sources.contains(&s.id))
                .count();
            format!(
                r#"<div><dt><code>{}</code> — used for {used} countries</dt><dd>{}<br><span class="supports">{}</span></dd></div>"#,
                escape(s.id),
                escape(s.text),
                escape(s.supports)
            )
        })
        .collect()
}

/// The country chips under the story's graphic: at most `max` names, then "and N more"; at the
/// signing, one chip for all 144.
pub fn step_chips(step: Option<&super::data::Step>, max: usize) -> String {
    let Some(st) = step else {
        return String::new();
    };
    if st.all_by_status {
        return "<li>All 144: signed or not</li>".into();
    }
    let names = st.names();
    let mut s: String = names
        .iter()
        .take(max)
        .map(|n| format!("<li>{}</li>", escape(n)))
        .collect();
    if names.len() > max {
        s += &format!("<li>and {} more</li>", names.len() - max);
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
pub fn calendar(range: Option<(u8, u8)>) -> String {
    DAYS.iter()
        .map(|&(d, wd, date)| {
            let on = range.is_some_and(|(a, b)| (a..=b).contains(&d));
            let weekend = wd == "Sat" || wd == "Sun";
            let class = match (on, weekend) {
                (true, true) => r#" class="on weekend""#,
                (true, false) => r#" class="on""#,
                (false, true) => r#" class="weekend""#,
                (false, false) => "",
            };
            format!(
                r#"<li data-day="{d}"{class} aria-current="{}"><span class="wd">{wd}</span><span class="dt">{date}</span><span class="dn">Day {d}</span></li>"#,
                if on { "date" } else { "false" }
            )
        })
        .collect()
}

/// The `<option>`s of a filter: "no filter" (`all`, labelled `all_label`), then every value.
pub fn options(facet: super::state::Facet, all_label: &str) -> String {
    let mut s = format!(r#"<option value="all">{}</option>"#, escape(all_label));
    for (slug, label) in facet.options() {
        s += &format!(r#"<option value="{slug}">{}</option>"#, escape(label));
    }
    s
}
