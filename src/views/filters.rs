//! The search box and filters that drive the map, table and charts together.

use leptos::prelude::*;

use super::ctx;
use crate::model::breakdown::summary_line;
use crate::model::data::{Income, Region, Status};

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
                    data-testid="search"
                    placeholder="Name in English or French, or ISO code"
                    autocomplete="off"
                    maxlength="80"
                    prop:value=move || st.with(|s| s.query.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        st.update(|s| s.query = v);
                    }
                />
            </div>
            <div class="field">
                <label for="f-status">"Status"</label>
                <select
                    id="f-status"
                    data-testid="filter-status"
                    prop:value=move || st.with(|s| s.status.map(|x| x.slug()).unwrap_or("all"))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        st.update(|s| s.status = Status::ALL.into_iter().find(|x| x.slug() == v));
                    }
                >
                    <option value="all">"All"</option>
                    {Status::ALL.map(|x| view! { <option value=x.slug()>{x.label()}</option> })}
                </select>
            </div>
            <div class="field">
                <label for="f-region">"World Bank region"</label>
                <select
                    id="f-region"
                    data-testid="filter-region"
                    prop:value=move || st.with(|s| s.region.map(|x| x.slug()).unwrap_or("all"))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        st.update(|s| s.region = Region::ALL.into_iter().find(|x| x.slug() == v));
                    }
                >
                    <option value="all">"All regions"</option>
                    {Region::ALL.map(|x| view! { <option value=x.slug()>{x.label()}</option> })}
                </select>
            </div>
            <div class="field">
                <label for="f-income">"Income group (FY2013)"</label>
                <select
                    id="f-income"
                    data-testid="filter-income"
                    prop:value=move || st.with(|s| s.income.map(|x| x.slug()).unwrap_or("all"))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        st.update(|s| s.income = Income::ALL.into_iter().find(|x| x.slug() == v));
                    }
                >
                    <option value="all">"All income groups"</option>
                    {Income::ALL.map(|x| view! { <option value=x.slug()>{x.label()}</option> })}
                </select>
            </div>
            <button
                type="button"
                class="clear"
                data-testid="clear-filters"
                disabled=move || st.with(|s| s.is_unfiltered())
                on:click=move |_| st.update(|s| s.clear_filters())
            >
                "Clear filters"
            </button>
            <p class="summary" data-testid="summary" aria-live="polite">
                {move || c.rows.with(|r| summary_line(r))}
            </p>
        </div>
    }
}
