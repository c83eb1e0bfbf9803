//! Page header: what this is, the key numbers, and the section navigation.

use leptos::prelude::*;

/// Title, standfirst and key figures of the report.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="masthead">
            <p class="kicker">"ITU World Conference on International Telecommunications · Dubai, 3–14 December 2012"</p>
            <h1>"WCIT-12: The Final Vote"</h1>
            <p class="dek">
                "Twelve days of negotiation over the treaty that governs international telecommunications ended with a split: "
                "of the 144 ITU Member States entitled to sign the new International Telecommunication Regulations, "
                "89 signed and 55 did not. Who signed, and what separated them?"
            </p>
            <dl class="keyfigs" id="key-figures">
                <div><dt>"ITU Member States"</dt><dd>"193"</dd></div>
                <div><dt>"Eligible to sign"</dt><dd>"144"</dd></div>
                <div class="k-signed"><dt>"Signed"</dt><dd>"89"</dd></div>
                <div class="k-declined"><dt>"Did not sign"</dt><dd>"55"</dd></div>
            </dl>
            <nav aria-label="Sections">
                <ul>
                    <li><a href="#story">"The story"</a></li>
                    <li><a href="#vote">"The final vote"</a></li>
                    <li><a href="#table">"All 144 countries"</a></li>
                    <li><a href="#governance">"Governance"</a></li>
                    <li><a href="#analysis">"Analyses"</a></li>
                    <li><a href="#sources">"Sources and method"</a></li>
                </ul>
            </nav>
        </header>
    }
}
