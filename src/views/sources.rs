//! Section "Sources and method", and the page footer with licences.

use leptos::prelude::*;

use super::kit::markup;
use crate::model::data::SOURCES;
use crate::model::markup::{grade_rows, source_list};

/// Section: where every number comes from, how statuses were graded, data vintages and caveats.
#[component]
pub fn Sources() -> impl IntoView {
    view! {
        <section id="sources" class="sources" aria-labelledby="sources-h">
            <h2 id="sources-h">"Sources and method"</h2>
            <h3>"The talk"</h3>
            <p>
                "This report retells and extends “WCIT Meeting Retrospective”, a 2013 talk by Jesse Sowell (MIT, Engineering Systems Division) in the series Explorations in Cyber International Relations (MIT and Harvard). "
                "The talk's chronology drew on Eli Dourado's 2012 account of the proceedings; its interpretations are the presenter's. "
                "The talk's map and governance charts did not survive; they are rebuilt here from the data below. The narrative is written for this report; quotations are attributed."
            </p>
            <h3>"Who signed: statuses and evidence grades"</h3>
            <p>
                "The ITU announced the totals (89 of 144 signed) but no complete official list could be read. Each country's status was assembled from partial lists — the EU and CEPT statements, ITU news, the press and national regulators — and checked against the official totals. "
                "Each status carries a grade:"
            </p>
            <table class="grades" id="grade-table">
                <thead><tr><th scope="col">"Grade"</th><th scope="col">"Meaning"</th><th scope="col" class="num">"Signed"</th><th scope="col" class="num">"Did not sign"</th></tr></thead>
                <tbody inner_html=markup(grade_rows)>
                </tbody>
            </table>
            <p>
                "Qatar and Egypt are the statuses most in doubt: both said on 13 December that they could not sign, yet the sources used here count both as signatories. "
                "Iran's status is inferred by elimination (grade D). Where a status is inferred the report marks it, and never presents it as confirmed."
            </p>
            <details>
                <summary>{format!("All {} sources of the status data", SOURCES.len())}</summary>
                <dl class="source-list" id="source-list" inner_html=markup(source_list)></dl>
            </details>
            <h3>"Governance indicators"</h3>
            <p>
                "Worldwide Governance Indicators (WGI), World Bank, estimates for 2011 with their standard errors and percentile ranks. "
                "The values are those of the 2014 Update: the September 2012 release the talk would have used could not be found. Revisions between releases are typically a few hundredths, larger for small states with few sources. "
                "Estimates are in standard-normal units (roughly −2.5 weak to +2.5 strong; a few lie beyond, such as Somalia's Political Stability at −3.07). The 90% intervals shown are the estimate ± 1.645 standard errors. "
                "Citation: Kaufmann, D., A. Kraay and M. Mastruzzi (2010), “The Worldwide Governance Indicators: Methodology and Analytical Issues”, World Bank Policy Research Working Paper 5430. "
                "The WGI do not reflect the official views of the World Bank. Licence: CC BY 4.0 (World Bank data catalogue)."
            </p>
            <h3>"Income groups and regions"</h3>
            <p>
                "Income groups are the World Bank's for fiscal year 2013, set in July 2012 from 2011 GNI per capita (historical classification file OGHIST). "
                "Regions come from the World Bank list of December 2016: in 2012 the Bank grouped only low- and middle-income economies by region, so this is the closest all-income grouping available."
            </p>
            <h3>"Map"</h3>
            <p>
                "Country outlines: Natural Earth 1:110m (public domain) via world-atlas 2.0.2 (ISC licence, © Michael Bostock), projected with Equal Earth when the report is built. "
                "29 small UN members are missing at that scale and are drawn as dots at the representative points of world-countries 5.1.0 by Mohammed Le Doze (ODbL 1.0). "
                "Northern Cyprus, Somaliland and Kosovo have no ISO code in the map file and are drawn as non-member territory."
            </p>
            <h3>"Statistics"</h3>
            <p>
                "For each indicator the report compares non-signatories with signatories using the Mann–Whitney U test (two-sided; normal approximation with tie and continuity correction, as SciPy), "
                "and reports the probability that a random non-signatory scores higher than a random signatory (ties count half). These describe an association between governance scores and the decision to sign, not a cause. "
                "Everything is computed in your browser from the data compiled into the page, and follows the filters."
            </p>
            <h3>"Chronology"</h3>
            <p>
                "The dated timeline follows a sourced chronology of the conference compiled for this report from the talk, ITU documents and transcripts, and contemporary reporting (Access Now, CDT, Ars Technica/Dourado, CommsDay, iTnews, CNET, heise, the Czech Yearbook of International Law, Egypt's NTRA and others). Where those sources disagree, the step says so."
            </p>
        </section>
    }
}

/// Page footer: credits and licences.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <p>
                "Based on “WCIT Meeting Retrospective” by Jesse Sowell (MIT, 2013). "
                "Data: World Bank Worldwide Governance Indicators 2014 Update (Kaufmann, Kraay & Mastruzzi 2010; CC BY 4.0); World Bank income classification FY2013 and region list 2016; "
                "Natural Earth via world-atlas (ISC); world-countries by Mohammed Le Doze (ODbL 1.0); signatory statuses assembled from the sources listed above."
            </p>
            <p>"This page loads nothing from other sites and sets no cookies. Report code: MIT licence."</p>
        </footer>
    }
}
