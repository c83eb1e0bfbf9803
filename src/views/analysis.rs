//! Sections "Analyses", "Outcomes: first volley" and the closing question.

use leptos::prelude::*;

use crate::model::breakdown::by_income;
use crate::model::data::COUNTRIES;
use crate::model::state::Measure;
use crate::model::stats::{all_stats, fmt_p};

/// Section: readings of the outcome, the treaty's content, and the feedback question.
#[component]
pub fn Analysis() -> impl IntoView {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let income = by_income(&all);
    let high = income.iter().find(|g| g.slug == "high").cloned();
    let (stats, order) = all_stats(&all, Measure::Estimate);
    let top = order.first().map(|i| stats[i.index()]);
    let high_line = high
        .map(|h| {
            format!(
                "Of the {} high-income states eligible to sign, {} did not sign and {} signed.",
                h.total(),
                h.declined,
                h.signed
            )
        })
        .unwrap_or_default();
    let top_line = top
        .and_then(|s| s.test.map(|t| (s.indicator, t)))
        .map(|(ind, t)| {
            format!(
                "Of the six indicators, {} separates the groups most: a random non-signatory scores higher than a random signatory with probability {} ({}).",
                ind.label(),
                crate::model::text::fmt_fixed(t.auc, 2),
                fmt_p(t.p)
            )
        })
        .unwrap_or_default();
    view! {
        <section id="analysis" class="analysis prose" aria-labelledby="analysis-h">
            <h2 id="analysis-h">"Analyses"</h2>
            <h3>"Who supported the ITU?"</h3>
            <p>
                "The talk's first reading is about the map: little support in developed states. Anecdotes from the conference about developed against developing states seem to be borne out by the governance data. "
                <span id="analysis-high">{high_line}</span>" "
                <span id="analysis-top">{top_line}</span>" "
                <a href="#governance">"See the charts and their statistics."</a>
            </p>
            <h3>"A Trojan horse?"</h3>
            <p>
                "Wolfgang Kleinwächter read Resolution 3 as a Trojan horse: the articles it selects to justify itself could let the ITU into Internet governance through a door the binding text kept shut."
            </p>
            <h3>"“It was signable”"</h3>
            <p>
                "Milton Mueller argued the opposite: the final text's vagueness was acceptable, even a clever compromise, and the treaty could have been signed."
            </p>
            <h3>"The presenter's view"</h3>
            <p>
                "For Jesse Sowell the fight was about agenda setting and forum building: widening the scope of regulation through the definition of who counts as an operator, stretching the treaty's scope into human rights, and above all legitimacy."
            </p>
            <figure class="quote">
                <blockquote><p>"Legitimacy, legitimacy, legitimacy … the name of the game is controlling the dialogue/forum."</p></blockquote>
                <figcaption>"— Jesse Sowell, “WCIT Meeting Retrospective” (2013)"</figcaption>
            </figure>

            <h2 id="outcomes">"Outcomes: the first volley"</h2>
            <p>"At the end of the day, the treaty that 89 states signed contained:"</p>
            <ul>
                <li>"no mention of the Internet in its binding articles;"</li>
                <li>"Resolution 3, inviting states to engage on Internet issues within the ITU;"</li>
                <li>"a vague definition of the operators it binds;"</li>
                <li>"provisions on the routes traffic takes (Articles 2.6 and 3.3);"</li>
                <li>"the security and robustness of networks (Article 5A);"</li>
                <li>"unsolicited bulk electronic messages — spam (Article 5B);"</li>
                <li>"and, in the Preamble, a right of access to international telecommunication services."</li>
            </ul>
            <div class="two-col">
                <div>
                    <h3>"The bad"</h3>
                    <p>"Many developing states went along. The outcome points to a fragmented market built on the telecommunications model, the potential for a fragmented Internet, and talk of a “digital cold war”."</p>
                </div>
                <div>
                    <h3>"The good"</h3>
                    <p>"The conference produced concrete evidence of what states want — in written proposals such as Russia's and the multi-regional draft — and of the ITU's own preferences: its “dedication” to consensus, its willingness to close the door, and so where to focus effort next time."</p>
                </div>
            </div>

            <h2 id="closing">"The open question"</h2>
            <p>"The talk ends on a question of feedback. On one side stands a motivated regulator saying what should be done; on the other, communities with the operational capacity to say how. The competition over which forum is legitimate will continue."</p>
            <figure class="feedback" role="img" aria-label="Diagram: the ITU, a motivated regulator offering the what-should, and ICANN and operator communities, with the operational capacity to provide the how, joined by a two-way arrow marked: how should feedback between these work?">
                <div class="box" aria-hidden="true"><strong>"ITU"</strong><span>"Motivated regulator: the “what should”"</span></div>
                <div class="arrow" aria-hidden="true"><span>"⇄"</span><em>"How should feedback work?"</em></div>
                <div class="box" aria-hidden="true"><strong>"ICANN, operators"</strong><span>"Operational capacity: the “how”"</span></div>
            </figure>
        </section>
    }
}
