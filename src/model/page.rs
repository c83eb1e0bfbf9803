//! The parts of the page that never change: masthead, analyses, sources and method, footer.
//!
//! They are rendered once, at build time, by the native `prerender` binary (`src/bin/prerender.rs`,
//! run by the post-build hook) straight into `dist/index.html`, so they are in the document
//! before any WebAssembly runs, read without JavaScript, and cost the wasm nothing. Figures come
//! from the data; nothing here is typed twice.

use super::breakdown::{by_income, by_region};
use super::data::{
    step_body, Income, Indicator, Status, CONTENT_ANALYSIS, CONTENT_ANALYSIS_LEAD,
    CONTENT_CHARTS_CAVEAT, CONTENT_CHARTS_LEDE, CONTENT_FOOTER, CONTENT_HEADER_CONTEXT,
    CONTENT_HEADER_DEK, CONTENT_HEADER_KEYFIGS, CONTENT_HEADER_TITLE, CONTENT_SOURCES_DOUBT,
    CONTENT_SOURCES_INTRO, CONTENT_SOURCES_METHOD, CONTENT_STORY_INTRO, CONTENT_VOTE_LEDE,
    COUNTRIES, SOURCES, STEPS,
};
use super::html::Html;
use super::markup::{conflict_list, grade_rows, source_list};
use super::state::Measure;
use super::stats::{all_stats, fmt_p};
use super::text::fmt_fixed;
use crate::html;

fn counts() -> (usize, usize, usize) {
    let signed = COUNTRIES
        .iter()
        .filter(|c| c.status == Status::Signed)
        .count();
    (COUNTRIES.len(), signed, COUNTRIES.len() - signed)
}

/// The outcome as 144 squares, one per eligible state, signed first: static SVG, no wasm.
pub fn waffle() -> Html {
    const COLS: usize = 12;
    const CELL: usize = 12;
    const STEP: usize = CELL + 2;
    let (eligible, signed, declined) = counts();
    let rows = eligible.div_ceil(COLS);
    let squares = |range: std::ops::Range<usize>| -> String {
        range
            .map(|i| {
                format!(
                    "M{} {}h{CELL}v{CELL}h-{CELL}z",
                    (i % COLS) * STEP,
                    (i / COLS) * STEP
                )
            })
            .collect()
    };
    html!(
        r#"<svg class="waffle" viewBox="0 0 {} {}" role="img" aria-label="{} squares, one per Member State eligible to sign: {} signed, {} did not sign."><path class="w-signed" d="{}"></path><path class="w-declined" d="{}"></path></svg>"#,
        COLS * STEP - 2,
        rows * STEP - 2,
        eligible,
        signed,
        declined,
        squares(0..signed),
        squares(signed..eligible)
    )
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

/// First screen: kicker, headline, the outcome as a graphic with its numbers, three findings
/// linking to their sections, and the section navigation.
pub fn masthead() -> Html {
    let (eligible, _, _) = counts();
    html!(
        r##"<header class="masthead"><p class="kicker">WCIT-12: The Final Vote · Dubai, 3–14 December 2012</p><h1>{}</h1><div class="outcome"><figure class="waffle-fig">{}<figcaption>One square per state eligible to sign</figcaption></figure><div class="outcome-text"><dl class="keyfigs" id="key-figures">{}</dl>{}</div></div><p class="dek">{}</p><ol class="findings" aria-label="Key findings"><li><a href="#vote"><span>Where</span>{}</a></li><li><a href="#table"><span>Who</span>{}</a></li><li><a href="#governance"><span>Governance</span>{}</a></li></ol><nav aria-label="Sections"><ul><li><a href="#story">The story</a></li><li><a href="#vote">The final vote</a></li><li><a href="#table">All {} countries</a></li><li><a href="#governance">Governance</a></li><li><a href="#analysis">Analyses</a></li><li><a href="#sources">Sources and method</a></li></ul></nav><p class="motion-slot" id="motion-slot"><button type="button" id="motion-toggle" class="linkish motion-toggle needs-app" aria-pressed="false">Reduce motion</button></p></header>"##,
        CONTENT_HEADER_TITLE,
        waffle(),
        CONTENT_HEADER_KEYFIGS,
        CONTENT_HEADER_CONTEXT,
        CONTENT_HEADER_DEK,
        region_line(),
        high_income_line(),
        governance_line(),
        eligible
    )
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

/// Section "Governance": heading, lede and caveats; its charts and statistics are the app's
/// (`#governance-app`).
pub fn governance() -> Html {
    html!(
        r#"<section id="governance" class="governance" aria-labelledby="gov-h"><h2 id="gov-h">Governance: who signed?</h2><p class="lede">{}</p>{}<p class="caveat" id="conflict-sensitivity">{}</p><p class="caveat" id="caveat">{}</p></section>"#,
        CONTENT_CHARTS_LEDE,
        super::sections::governance_app(),
        super::stats::sensitivity_line(),
        CONTENT_CHARTS_CAVEAT
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

/// Section "Analyses", the treaty's outcomes and the closing question.
pub fn analysis() -> Html {
    html!(
        r##"<section id="analysis" class="analysis prose" aria-labelledby="analysis-h"><h2 id="analysis-h">Analyses</h2><h3>Who supported the ITU?</h3><p>{} <span id="analysis-high">{}</span> <span id="analysis-top">{}</span> <a href="#governance">See the charts and their statistics.</a></p>{}</section>"##,
        CONTENT_ANALYSIS_LEAD,
        high_income_line(),
        top_indicator_line(),
        CONTENT_ANALYSIS
    )
}

/// Section "Sources and method".
pub fn sources() -> Html {
    html!(
        r##"<section id="sources" class="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources and method</h2>{}<table class="grades" id="grade-table"><thead><tr><th scope="col">Grade</th><th scope="col">Meaning</th><th scope="col" class="num">Signed</th><th scope="col" class="num">Did not sign</th></tr></thead><tbody>{}</tbody></table><p>{}</p><p>Where the sources contradict each other about a status, the report marks it “Sources disagree” wherever the status appears:</p><ul class="conflicts" id="conflict-list">{}</ul><details><summary>All {} sources of the status data</summary><dl class="source-list" id="source-list">{}</dl></details>{}</section>"##,
        CONTENT_SOURCES_INTRO,
        grade_rows(),
        CONTENT_SOURCES_DOUBT,
        conflict_list(),
        SOURCES.len(),
        source_list(),
        CONTENT_SOURCES_METHOD
    )
}

/// Page footer: credits and licences.
pub fn footer() -> Html {
    html!(r#"<footer class="footer">{}</footer>"#, CONTENT_FOOTER)
}

/// Every static part by the name of its placeholder in `index.html`
/// (`<div data-prerender="NAME"></div>`).
pub fn parts() -> Vec<(&'static str, Html)> {
    vec![
        ("masthead", masthead()),
        ("story", story()),
        ("vote", vote()),
        ("governance", governance()),
        ("analysis", analysis()),
        ("sources", sources()),
        ("footer", footer()),
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
    /// agree, and the first screen's numbers and findings come from it.
    #[test]
    fn the_first_screen_says_what_the_data_says() {
        let (eligible, signed, declined) = counts();
        assert!(signed * 2 > eligible);
        let all: Vec<usize> = (0..COUNTRIES.len()).collect();
        let high = by_income(&all)
            .into_iter()
            .find(|g| g.slug == Income::High.slug())
            .unwrap();
        assert!(high.declined * 2 > high.total());
        let head = masthead();
        assert!(head.contains("Most high-income states did not"));
        let w = waffle();
        assert_eq!(w.matches("h12v12h-12z").count(), eligible);
        assert!(w.contains(&format!("{signed} signed, {declined} did not sign")));
        assert!(region_line().starts_with("36 of the 55 states that did not sign are in Europe"));
        assert!(
            head.contains(Html::text(&region_line()).as_str())
                && head.contains(Html::text(&governance_line()).as_str())
        );
        assert!(head.contains(r##"href="#vote""##) && head.contains(r##"href="#table""##));
        assert!(head.contains("in 1988, 112 states signed"));
    }

    #[test]
    fn static_parts_carry_figures_from_the_data() {
        let head = masthead();
        assert!(
            head.contains("<dd>193</dd>")
                && head.contains("<dd>89</dd>")
                && head.contains("<dd>55</dd>")
        );
        let src = sources();
        // As many as the shipped map draws as dots.
        let dots = super::super::data::MAP_SVG.matches("data-dot=").count();
        assert!(dots > 0);
        assert!(
            src.contains(&format!("{dots} ITU Member States are too small")),
            "{dots}"
        );
        assert!(analysis().contains(
            "Of the 45 high-income states eligible to sign, 34 did not sign and 11 signed."
        ));
        assert_eq!(parts().len(), 8);
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
