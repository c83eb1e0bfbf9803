//! Page header: what this is, the key numbers, and the section navigation.

use leptos::prelude::*;

/// Title, standfirst and key figures of the report.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="masthead">
            <p class="kicker">"ITU World Conference on International Telecommunications · Dubai, 3–14 December 2012"</p>
            <h1>"WCIT-12: The Final Vote"</h1>
            <p class="dek" inner_html=crate::model::data::CONTENT_HEADER_DEK.as_str()></p>
            <dl class="keyfigs" id="key-figures" inner_html=crate::model::data::CONTENT_HEADER_KEYFIGS.as_str()></dl>
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
