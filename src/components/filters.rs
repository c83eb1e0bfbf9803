//! The search box and the three filters that drive the map, the table and the charts together,
//! "Clear filters" and the live summary of what they leave.

use leptos::prelude::*;

use super::ctx;
use crate::model::breakdown::summary_line;
use crate::model::state::{indices, Facet};

/// The filter bar's content (`.sticky-filters`).
#[component]
pub fn Filters() -> impl IntoView {
    let c = ctx();
    let st = c.state;
    // The box shows the state's query (a shared link, "Clear filters", back/forward) and is left
    // alone while the reader types what the state already holds.
    let search = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        c.query.with(|q| {
            if let Some(input) = search.get_untracked() {
                if input.value() != *q {
                    input.set_value(q);
                }
            }
        })
    });
    let unfiltered = Memo::new(move |_| st.with(|s| s.is_unfiltered()));
    view! {
        <div class="filters" role="search" aria-label="Filter the countries">
            <div class="field grow">
                <label for="search">"Search countries"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Name in English or French, or ISO code"
                    autocomplete="off"
                    maxlength="80"
                    node_ref=search
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        st.update(|s| s.query = v);
                    }
                />
            </div>
            <FacetSelect facet=Facet::Status label="Status" all="All"/>
            <FacetSelect facet=Facet::Region label="World Bank region" all="All regions"/>
            <FacetSelect facet=Facet::Income label="Income group (FY2013)" all="All income groups"/>
            <button
                type="button"
                class="clear"
                id="clear-filters"
                disabled=unfiltered
                on:click=move |_| st.update(|s| s.clear_filters())
            >
                "Clear filters"
            </button>
            <p class="summary" id="summary" aria-live="polite">
                {move || c.mask.with(|m| summary_line(&indices(m)))}
            </p>
        </div>
    }
}

/// One filter: "no filter" (`all`, labelled `all`), then every value of the facet.
#[component]
fn FacetSelect(facet: Facet, label: &'static str, all: &'static str) -> impl IntoView {
    let st = ctx().state;
    let id = facet_id(facet);
    let chosen = Memo::new(move |_| st.with(|s| facet.get(s)));
    let options = facet
        .options()
        .into_iter()
        .map(|(slug, label)| view! { <option value=slug>{label}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=chosen
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    st.update(|s| facet.set(s, &v));
                }
            >
                <option value="all">{all}</option>
                {options}
            </select>
        </div>
    }
}

/// The id of a facet's `<select>`.
pub fn facet_id(facet: Facet) -> &'static str {
    match facet {
        Facet::Status => "f-status",
        Facet::Region => "f-region",
        Facet::Income => "f-income",
    }
}
