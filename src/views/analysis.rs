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
                <span inner_html=crate::model::data::CONTENT_ANALYSIS_LEAD.as_str()></span>
                <span id="analysis-high">{high_line}</span>" "
                <span id="analysis-top">{top_line}</span>" "
                <a href="#governance">"See the charts and their statistics."</a>
            </p>
            <div inner_html=crate::model::data::CONTENT_ANALYSIS.as_str()></div>
        </section>
    }
}
