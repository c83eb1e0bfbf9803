//! The search box and filters that drive the map, table and charts together.

use leptos::prelude::*;

use super::ctx;
use super::kit::{flag, handler, markup, text};
use crate::model::breakdown::summary_line;
use crate::model::markup::options;
use crate::model::state::Facet;

/// Search and filter controls bound to the shared state.
#[component]
pub fn Filters() -> impl IntoView {
    let c = ctx();
    let st = c.state;
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
                    prop:value=text(move || st.with(|s| s.query.clone()))
                    on:input=handler(move |ev| {
                        let v = event_target_value(&ev);
                        st.update(|s| s.query = v);
                    })
                />
            </div>
            <FilterSelect facet=Facet::Status id="f-status" label="Status" all="All"/>
            <FilterSelect facet=Facet::Region id="f-region" label="World Bank region" all="All regions"/>
            <FilterSelect facet=Facet::Income id="f-income" label="Income group (FY2013)" all="All income groups"/>
            <button
                type="button"
                class="clear"
                id="clear-filters"
                disabled=flag(move || st.with(|s| s.is_unfiltered()))
                on:click=handler(move |_| st.update(|s| s.clear_filters()))
            >
                "Clear filters"
            </button>
            <p class="summary" id="summary" aria-live="polite">
                {text(move || c.rows.with(|r| summary_line(r)))}
            </p>
        </div>
    }
}

/// One filter as a labelled select bound to the shared state.
#[component]
fn FilterSelect(
    /// Which part of the state it sets.
    facet: Facet,
    /// Element id (the label points to it).
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// Text of the "no filter" choice.
    all: &'static str,
) -> impl IntoView {
    let st = ctx().state;
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                inner_html=markup(move || options(facet, all))
                prop:value=text(move || st.with(|s| facet.get(s).to_string()))
                on:change=handler(move |ev| {
                    let v = event_target_value(&ev);
                    st.update(|s| facet.set(s, &v));
                })
            >
            </select>
        </div>
    }
}
