//! The sections that are not Leptos components yet (story, vote, governance, embed credit), as
//! markup, and the sentences and figures of the first screen and the analyses (which
//! `components::page` draws).
//!
//! They are rendered once, at build time, by the native `prerender` binary (`src/bin/prerender.rs`,
//! run by the post-build hook) straight into `dist/index.html`, so they are in the document
//! before any WebAssembly runs and read without JavaScript. Figures come from the data; nothing
//! here is typed twice.

use super::breakdown::{by_income, by_region};
use super::data::{
    step_body, Income, Indicator, Status, CONTENT_STORY_INTRO, CONTENT_VOTE_LEDE, COUNTRIES, STEPS,
};
use super::html::Html;
use super::state::Measure;
use super::stats::{all_stats, fmt_p};
use super::text::fmt_fixed;
use crate::html;

/// (eligible, signed, did not sign).
pub fn counts() -> (usize, usize, usize) {
    let signed = COUNTRIES
        .iter()
        .filter(|c| c.status == Status::Signed)
        .count();
    (COUNTRIES.len(), signed, COUNTRIES.len() - signed)
}

/// Squares a row of the first screen's waffle (one square per eligible state, signed first).
pub const WAFFLE_COLS: usize = 12;
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
/// and which separates the groups most.
pub fn governance_line() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (stats, order) = all_stats(&all, Measure::Estimate);
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
    let top = order
        .first()
        .map(|i| {
            format!(
                "; {} separates the groups most",
                stats[i.index()].indicator.label()
            )
        })
        .unwrap_or_default();
    format!("{how_many}, the median non-signatory scores higher than the median signatory{top}.")
}

/// Section "The story": context, then the timeline: the steps' text and the step graphic, both
/// static (`model::story`); the app marks the active step and sets the graphic's state.
pub fn story() -> Html {
    let steps: Html = STEPS
        .iter()
        .enumerate()
        .map(|(k, st)| {
            html!(
                r##"<li class="step" id="{}" tabindex="0" aria-current="false" aria-labelledby="{}-h"><p class="when"><a href="#{}">{}</a> · {}</p><h4 id="{}-h">{}</h4><div class="step-body">{}</div></li>"##,
                st.id,
                st.id,
                st.id,
                super::story::days(k),
                st.date,
                st.id,
                st.title,
                step_body(k).unwrap_or_default()
            )
        })
        .collect();
    html!(
        r#"<section id="story" class="story" aria-labelledby="story-h"><h2 id="story-h">The story</h2><div class="prose">{}</div><div class="scrolly" id="timeline"><div class="sticky" id="story-graphic">{}</div><ol class="steps" aria-label="Timeline of WCIT-12">{}</ol></div></section>"#,
        CONTENT_STORY_INTRO,
        super::story::graphic(),
        steps
    )
}

/// Section "The final vote": heading and lede; its map, breakdowns, share bar and table are the
/// app's (`#vote-app`).
pub fn vote() -> Html {
    html!(
        r#"<section id="vote" class="vote" aria-labelledby="vote-h"><h2 id="vote-h">The final vote</h2><p class="lede">{}</p>{}</section>"#,
        CONTENT_VOTE_LEDE,
        super::sections::vote_app()
    )
}

/// "Of the 45 high-income states eligible to sign, 34 did not sign and 11 signed."
pub fn high_income_line() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    by_income(&all)
        .into_iter()
        .find(|g| g.slug == Income::High.slug())
        .map(|h| {
            format!(
                "Of the {} high-income states eligible to sign, {} did not sign and {} signed.",
                h.total(),
                h.declined,
                h.signed
            )
        })
        .unwrap_or_default()
}

/// Which indicator separates the groups most, in words.
pub fn top_indicator_line() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (stats, order) = all_stats(&all, Measure::Estimate);
    order
        .first()
        .map(|i| stats[i.index()])
        .and_then(|s| s.test.map(|t| (s.indicator, t)))
        .map(|(ind, t): (Indicator, _)| {
            format!(
                "Of the six indicators, {} separates the groups most: a random non-signatory scores higher than a random signatory with probability {} ({}).",
                ind.label(),
                fmt_fixed(t.auc, 2),
                fmt_p(t.p)
            )
        })
        .unwrap_or_default()
}

/// Every static part by the name of its placeholder in `index.html`
/// (`<div data-prerender="NAME"></div>`).
pub fn parts() -> Vec<(&'static str, Html)> {
    vec![
        ("story", story()),
        ("vote", vote()),
        ("embed-credit", super::sections::embed_credit()),
    ]
}

/// Replaces each placeholder `<div data-prerender="NAME"></div>` of a built `index.html` (quoted
/// or, after minification, unquoted) with its part. Every part must have exactly one placeholder
/// and every placeholder a part.
pub fn fill(doc: &str, parts: &[(&str, Html)]) -> Result<String, String> {
    let mut out = doc.to_string();
    for (name, part) in parts {
        let forms = [
            format!(r#"<div data-prerender="{name}"></div>"#),
            format!("<div data-prerender={name}></div>"),
        ];
        let found: Vec<&String> = forms.iter().filter(|f| out.contains(f.as_str())).collect();
        match found.as_slice() {
            [f] if out.matches(f.as_str()).count() == 1 => out = out.replace(f.as_str(), part),
            [] => return Err(format!("no placeholder for the part \"{name}\"")),
            _ => return Err(format!("more than one placeholder for the part \"{name}\"")),
        }
    }
    if let Some(k) = out.find("data-prerender") {
        let rest: String = out[k..].chars().take(40).collect();
        return Err(format!("a placeholder names no part: {rest}"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_each() {
        let parts = [("a", html!("<p>A</p>")), ("b", html!("<p>B &amp; C</p>"))];
        let doc = r#"<body><div data-prerender="a"></div><main></main><div data-prerender=b></div></body>"#;
        assert_eq!(
            fill(doc, &parts).unwrap(),
            "<body><p>A</p><main></main><p>B &amp; C</p></body>"
        );
        assert!(fill("<body></body>", &parts).unwrap_err().contains("\"a\""));
        let twice = r#"<div data-prerender="a"></div><div data-prerender="a"></div><div data-prerender=b></div>"#;
        assert!(fill(twice, &parts).unwrap_err().contains("more than one"));
        let unknown = r#"<div data-prerender="a"></div><div data-prerender=b></div><div data-prerender=zz></div>"#;
        assert!(fill(unknown, &parts).unwrap_err().contains("zz"));
    }

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

    #[test]
    fn static_parts_carry_figures_from_the_data() {
        assert_eq!(parts().len(), 3);
        let story = story();
        for st in STEPS.iter() {
            assert!(
                story.contains(&format!(r#"<li class="step" id="{}""#, st.id)),
                "{}",
                st.id
            );
        }
    }
}
