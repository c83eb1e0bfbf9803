//! The parts of the page that never change: masthead, analyses, sources and method, footer.
//!
//! They are rendered once, at build time, by the native `prerender` binary (`src/bin/prerender.rs`,
//! run by the post-build hook) straight into `dist/index.html`, so they are in the document
//! before any WebAssembly runs, read without JavaScript, and cost the wasm nothing. Figures come
//! from the data; nothing here is typed twice.

use super::breakdown::by_income;
use super::data::{
    step_body, Income, Indicator, Shape, Status, COUNTRIES, MAP_FEATURES, NOT_LISTED, SOURCES,
    STEPS,
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

/// Title, standfirst, key figures and section navigation.
pub fn masthead() -> Html {
    let (eligible, signed, declined) = counts();
    let members = eligible + NOT_LISTED.len();
    html!(
        r##"<header class="masthead"><p class="kicker">ITU World Conference on International Telecommunications · Dubai, 3–14 December 2012</p><h1>WCIT-12: The Final Vote</h1><p class="dek">Twelve days of negotiation over the treaty that governs international telecommunications ended with a split: of the {} ITU Member States entitled to sign the new International Telecommunication Regulations, {} signed and {} did not. Who signed, and what separated them?</p><dl class="keyfigs" id="key-figures"><div><dt>ITU Member States</dt><dd>{}</dd></div><div><dt>Eligible to sign</dt><dd>{}</dd></div><div class="k-signed"><dt>Signed</dt><dd>{}</dd></div><div class="k-declined"><dt>Did not sign</dt><dd>{}</dd></div></dl><nav aria-label="Sections"><ul><li><a href="#story">The story</a></li><li><a href="#vote">The final vote</a></li><li><a href="#table">All {} countries</a></li><li><a href="#governance">Governance</a></li><li><a href="#analysis">Analyses</a></li><li><a href="#sources">Sources and method</a></li></ul></nav></header>"##,
        eligible,
        signed,
        declined,
        members,
        eligible,
        signed,
        declined,
        eligible
    )
}

/// Section "The story": context, the ITU's framing, and the timeline's steps. The sticky graphic
/// beside the steps (`#story-graphic`) is the app's; it also marks the active step.
pub fn story() -> Html {
    let steps: Html = STEPS
        .iter()
        .enumerate()
        .map(|(k, st)| {
            let days = if st.day == st.day_end {
                format!("Day {}", st.day)
            } else {
                format!("Days {}–{}", st.day, st.day_end)
            };
            html!(
                r##"<li class="step" id="{}" tabindex="0" aria-current="false" aria-labelledby="{}-h"><p class="when"><a href="#{}">{}</a> · {}</p><h4 id="{}-h">{}</h4><div class="step-body">{}</div></li>"##,
                st.id,
                st.id,
                st.id,
                days,
                st.date,
                st.id,
                st.title,
                step_body(k).unwrap_or_default()
            )
        })
        .collect();
    html!(
        r#"<section id="story" class="story" aria-labelledby="story-h"><h2 id="story-h">The story</h2><div class="prose"><h3>Last episode: why the rules were reopened</h3><p>The International Telecommunication Regulations (ITRs) are the treaty under which national telephone operators hand each other international traffic and settle what they owe for it. They date from 1988. Their Article 9 let operators make special arrangements outside the settlement regime, and the Internet grew up under that exemption. By 2012 Internet traffic was cutting into the revenue of international telephony, and the ITU convened a conference to renegotiate the rules.</p><p>States arrived with proposals that would reach into the Internet: identifying the route and origin of traffic, and regulating the peering arrangements by which networks exchange it. The talk asks what the Internet community should do about such top-down intervention: how to show regulators the economic good the existing Internet industry does, and how to engage with governance bodies that work from the top down.</p><h3>Before the conference: the ITU's framing</h3><p>The ITU's leadership framed the conference around risk, and promised both consensus and restraint.</p><figure class="quote"><blockquote><p>[W]e need updated ITRs because without them we risk the collapse of the ICT networks which underpin all communications technologies, including the internet.</p></blockquote><figcaption>— Hamadoun Touré, ITU Secretary-General, before the conference, quoted in a Who's Who Legal feature article (cited in the talk); he said he wanted “a framework that will avoid any catastrophe”</figcaption></figure><figure class="quote"><blockquote><p>Voting means winners and losers, and this is not simply acceptable.</p></blockquote><figcaption>— Hamadoun Touré, June 2012, on how WCIT would decide (quoted in the talk; the original interview was not found)</figcaption></figure><p>At the opening he would add that WCIT was not about taking over the Internet, nor about Internet governance, but about connecting the people still offline. The timeline below follows what happened to those promises.</p></div><div class="scrolly" id="timeline"><div class="sticky" id="story-graphic"></div><ol class="steps" aria-label="Timeline of WCIT-12">{}</ol></div></section>"#,
        steps
    )
}

/// Section "The final vote": heading and lede; its map, breakdowns, share bar and table are the
/// app's (`#vote-app`).
pub fn vote() -> Html {
    let (eligible, signed, declined) = counts();
    html!(
        r#"<section id="vote" class="vote" aria-labelledby="vote-h"><h2 id="vote-h">The final vote</h2><p class="lede">On Friday 14 December 2012, {} of the {} Member States present and accredited signed the Final Acts; {} did not. In 1988, 112 had signed the previous regulations on the spot. The talk's map showed signatories in red and non-signatories in green; here they are vermillion and bluish green, a pair that stays distinct for colour-blind readers. The {} ITU members not among the {} are grey. Search, filter or select a country: the map, the breakdowns, the table and the governance charts all follow.</p><div id="vote-app"></div></section>"#,
        signed,
        eligible,
        declined,
        NOT_LISTED.len(),
        eligible
    )
}

/// Section "Governance": heading, lede and caveats; its charts and statistics are the app's
/// (`#governance-app`).
pub fn governance() -> Html {
    html!(
        r#"<section id="governance" class="governance" aria-labelledby="gov-h"><h2 id="gov-h">Governance: who signed?</h2><p class="lede">The talk merged the list of signatories with the World Bank's Worldwide Governance Indicators and found little support for the treaty among developed states. Each dot is a country; the band spans the middle half of its group and the bar marks the median. Hover or tap a dot for its value and 90% interval; select it to follow the country across all six charts.</p><div id="governance-app"></div><p class="caveat" id="conflict-sensitivity">{}</p><p class="caveat" id="caveat">These numbers describe an association between governance scores and the decision to sign, not a cause. WGI values are the 2014-Update revision of the 2011 estimates; statuses graded C or D are inferred. When grouping by income, dots keep their status colours and the statistics still compare non-signatories with signatories.</p></section>"#,
        super::stats::sensitivity_line()
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
    let (_, signed, _) = counts();
    html!(
        r##"<section id="analysis" class="analysis prose" aria-labelledby="analysis-h"><h2 id="analysis-h">Analyses</h2><h3>Who supported the ITU?</h3><p>The talk's first reading is about the map: little support in developed states. Anecdotes from the conference about developed against developing states seem to be borne out by the governance data (the slide says “developed versus developed”, evidently a slip for developing). <span id="analysis-high">{}</span> <span id="analysis-top">{}</span> <a href="#governance">See the charts and their statistics.</a></p><h3>A Trojan horse?</h3><p>The talk cites Wolfgang Kleinwächter's reading of Resolution 3 as a Trojan horse, pointing to the articles the resolution selects to justify itself.</p><h3>Signable after all?</h3><p>In the talk's summary of Milton Mueller's view, the treaty was signable: its vagueness was acceptable, even a clever compromise.</p><h3>The presenter's view</h3><p>For Jesse Sowell the fight was about agenda setting and forum building: widening the scope of regulation through the definition of who counts as an operator, stretching the treaty's scope into human rights, and above all legitimacy.</p><figure class="quote"><blockquote><p>Legitimacy, legitimacy, legitimacy...the name of the game is controlling the dialogue/forum</p></blockquote><figcaption>— Jesse Sowell, “WCIT Meeting Retrospective” (2013)</figcaption></figure><h2 id="outcomes">Outcomes: the first volley</h2><p>At the end of the day, the treaty that {} states signed contained:</p><ul><li>no mention of the Internet in its binding articles;</li><li>Resolution 3, inviting states to engage on Internet issues within the ITU;</li><li>a vague definition of the operators it binds;</li><li>provisions on the routes traffic takes (Articles 2.6 and 3.3);</li><li>the security and robustness of networks (Article 5A);</li><li>unsolicited bulk electronic messages — spam (Article 5B);</li><li>and what the talk calls a “right of users to access international network” (the Preamble's words are a right of access of Member States to international telecommunication services).</li></ul><div class="two-col"><div><h3>The bad</h3><p>Many developing states went along. The outcome points to a fragmented market built on the telecommunications model, the potential for a fragmented Internet, and talk of a “digital cold war”.</p></div><div><h3>The good</h3><p>The conference produced concrete evidence of what states want — in written proposals such as Russia's and the multi-regional draft — and of the ITU's own preferences: its “dedication” to consensus, its willingness to close the door, and so where to focus effort next time.</p></div></div><h2 id="closing">The open question</h2><p>The talk ends on a question of feedback. On one side stands a motivated regulator saying what should be done; on the other, communities with the operational capacity to say how. The competition over which forum is legitimate will continue.</p><figure class="feedback" role="img" aria-label="Diagram: the ITU, a motivated regulator offering the what-should, and ICANN and operator communities, with the operational capacity to provide the how, joined by a two-way arrow marked: how should feedback between these work?"><div class="box" aria-hidden="true"><strong>ITU</strong><span>Motivated regulator: the “what should”</span></div><div class="arrow" aria-hidden="true"><span>⇄</span><em>How should feedback work?</em></div><div class="box" aria-hidden="true"><strong>ICANN, operators</strong><span>Operational capacity: the “how”</span></div></figure></section>"##,
        high_income_line(),
        top_indicator_line(),
        signed
    )
}

/// Section "Sources and method".
pub fn sources() -> Html {
    let (eligible, signed, _) = counts();
    let dots = MAP_FEATURES
        .iter()
        .filter(|f| matches!(f.shape, Shape::Dot(..)))
        .count();
    html!(
        r##"<section id="sources" class="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources and method</h2><h3>The talk</h3><p>This report retells and extends “WCIT Meeting Retrospective”, a 2013 talk by Jesse Sowell (MIT, Engineering Systems Division) in the series Explorations in Cyber International Relations (MIT and Harvard). The talk's chronology drew on Eli Dourado's 2012 account of the proceedings; its interpretations are the presenter's. The talk's map and governance charts did not survive; they are rebuilt here from the data below. The narrative is written for this report; quotations are attributed.</p><h3>Who signed: statuses and evidence grades</h3><p>The ITU announced the totals ({} of {} signed) but no complete official list could be read. Each country's status was assembled from partial lists — the EU and CEPT statements, ITU news, the press and national regulators — and checked against the official totals. Each status carries a grade:</p><table class="grades" id="grade-table"><thead><tr><th scope="col">Grade</th><th scope="col">Meaning</th><th scope="col" class="num">Signed</th><th scope="col" class="num">Did not sign</th></tr></thead><tbody>{}</tbody></table><p>Qatar and Egypt are the statuses most in doubt: both said on 13 December that they could not sign, yet the data counts both as signatories — Egypt because a list of African signers names it, Qatar only by elimination against the official totals. Iran's status is also inferred by elimination (grade D). Where a status is inferred the report marks it, and never presents it as confirmed.</p><p>Where the sources contradict each other about a status, the report marks it “Sources disagree” wherever the status appears:</p><ul class="conflicts" id="conflict-list">{}</ul><details><summary>All {} sources of the status data</summary><dl class="source-list" id="source-list">{}</dl></details><h3>Governance indicators</h3><p>Worldwide Governance Indicators (WGI), World Bank, estimates for 2011 with their standard errors and percentile ranks. The values are those of the 2014 Update: the September 2012 release the talk would have used could not be found. Revisions between releases are typically a few hundredths, larger for small states with few sources. Estimates are in standard-normal units (roughly −2.5 weak to +2.5 strong; a few lie beyond, such as Somalia's Political Stability at −3.07). The 90% intervals shown are the estimate ± 1.645 standard errors. Citation: Kaufmann, D., A. Kraay and M. Mastruzzi (2010), “The Worldwide Governance Indicators: Methodology and Analytical Issues”, World Bank Policy Research Working Paper 5430. The WGI do not reflect the official views of the World Bank. Licence: CC BY 4.0 (World Bank data catalogue).</p><h3>Income groups and regions</h3><p>Income groups are the World Bank's for fiscal year 2013, set in July 2012 from 2011 GNI per capita (historical classification file OGHIST). Regions come from the World Bank list of December 2016: in 2012 the Bank grouped only low- and middle-income economies by region, so this is the closest all-income grouping available.</p><h3>Map</h3><p>Country outlines: Natural Earth 1:110m (public domain) via world-atlas 2.0.2 (ISC licence, © Michael Bostock), projected with Equal Earth when the report is built. {} ITU Member States are too small for that scale and are drawn as dots at the representative points of world-countries 5.1.0 by Mohammed Le Doze (ODbL 1.0). Northern Cyprus, Somaliland and Kosovo have no ISO code in the map file and are drawn as non-member territory.</p><h3>Statistics</h3><p>For each indicator the report compares non-signatories with signatories using the Mann–Whitney U test (two-sided; normal approximation with tie and continuity correction, as SciPy), and reports the probability that a random non-signatory scores higher than a random signatory (ties count half). These describe an association between governance scores and the decision to sign, not a cause. Everything is computed in your browser from the data compiled into the page, and follows the filters.</p><h3>Chronology</h3><p>The dated timeline follows a sourced chronology of the conference compiled for this report from the talk, ITU documents and transcripts, and contemporary reporting (Access Now, CDT, Ars Technica/Dourado, CommsDay, iTnews, CNET, heise, the Czech Yearbook of International Law, Egypt's NTRA and others). Where those sources disagree, the step says so.</p></section>"##,
        signed,
        eligible,
        grade_rows(),
        conflict_list(),
        SOURCES.len(),
        source_list(),
        dots
    )
}

/// Page footer: credits and licences.
pub fn footer() -> Html {
    html!(
        r#"<footer class="footer"><p>Based on “WCIT Meeting Retrospective” by Jesse Sowell (MIT, 2013). Data: World Bank Worldwide Governance Indicators 2014 Update (Kaufmann, Kraay &amp; Mastruzzi 2010; CC BY 4.0); World Bank income classification FY2013 and region list 2016; Natural Earth via world-atlas (ISC); world-countries by Mohammed Le Doze (ODbL 1.0); signatory statuses assembled from the sources listed above.</p><p>This page loads nothing from other sites and sets no cookies. Report code: MIT licence.</p></footer>"#
    )
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

    #[test]
    fn static_parts_carry_figures_from_the_data() {
        let head = masthead();
        assert!(
            head.contains("<dd>193</dd>")
                && head.contains("<dd>89</dd>")
                && head.contains("<dd>55</dd>")
        );
        let src = sources();
        let dots = MAP_FEATURES
            .iter()
            .filter(|f| matches!(f.shape, Shape::Dot(..)))
            .count();
        assert!(
            src.contains(&format!("{dots} ITU Member States are too small")),
            "{dots}"
        );
        assert!(analysis().contains(
            "Of the 45 high-income states eligible to sign, 34 did not sign and 11 signed."
        ));
        assert_eq!(parts().len(), 7);
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
