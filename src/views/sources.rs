//! Section "Sources and method", and the page footer with licences.

use leptos::prelude::*;

use crate::model::data::SOURCES;
use crate::model::markup::{grade_rows, source_list};

/// Section: where every number comes from, how statuses were graded, data vintages and caveats.
#[component]
pub fn Sources() -> impl IntoView {
    view! {
        <section id="sources" class="sources" aria-labelledby="sources-h">
            <h2 id="sources-h">"Sources and method"</h2>
            <div inner_html=crate::model::data::CONTENT_SOURCES_INTRO.as_str()></div>
            <table class="grades">
                <thead><tr><th scope="col">"Grade"</th><th scope="col">"Meaning"</th><th scope="col" class="num">"Signed"</th><th scope="col" class="num">"Did not sign"</th></tr></thead>
                <tbody inner_html=grade_rows()>
                </tbody>
            </table>
            <p inner_html=crate::model::data::CONTENT_SOURCES_DOUBT.as_str()></p>
            <details>
                <summary>{format!("All {} sources of the status data", SOURCES.len())}</summary>
                <dl class="source-list" inner_html=source_list()></dl>
            </details>
            <div inner_html=crate::model::data::CONTENT_SOURCES_METHOD.as_str()></div>
        </section>
    }
}

/// Page footer: credits and licences.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer" inner_html=crate::model::data::CONTENT_FOOTER.as_str()></footer>
    }
}
