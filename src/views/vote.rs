//! Section "The final vote": filters, world map with legend, breakdowns, the selected country and
//! the table — all reading the same state.

use leptos::prelude::*;

use super::ctx;
use super::filters::Filters;
use super::kit::{download_svg, event_target, handler, markup, place_in};
use super::map::{Legend, MapMode, WorldMap};
use super::share::ShareBar;
use super::table::SignatoryTable;
use crate::model::breakdown::{by_income, by_region, status_counts, GroupCount};
use crate::model::contract::Action;
use crate::model::data::{COUNTRIES, MAP_VIEWBOX};
use crate::model::markup::{bars, selected_card};

/// Stacked bars of signed / did-not-sign counts per group, with the numbers written out.
#[component]
fn Bars(
    /// Heading of the breakdown.
    title: &'static str,
    /// Id of the list.
    id: &'static str,
    /// How to count the countries shown (by region or by income group).
    counts: fn(&[usize]) -> Vec<GroupCount>,
) -> impl IntoView {
    let rows = ctx().rows;
    view! {
        <figure class="bars">
            <figcaption>{title}</figcaption>
            <ul id=id inner_html=markup(move || rows.with(|r| bars(&counts(r))))></ul>
        </figure>
    }
}

/// Saves the vote map as a file: title, colour key and sources drawn in.
fn save_map() {
    let Ok(Some(svg)) = document().query_selector("svg.vote-map") else {
        return;
    };
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (signed, declined) = status_counts(&all);
    download_svg(
        &svg,
        MAP_VIEWBOX,
        &format!(
            "WCIT-12, 14 Dec 2012: {signed} of {} eligible states signed, {declined} did not",
            COUNTRIES.len()
        ),
        &[
            &format!("Vermillion: signed · bluish green: did not sign · grey: ITU member not among the {}. Statuses graded C/D are inferred.", COUNTRIES.len()),
            "Map: Natural Earth via world-atlas (ISC); small states at world-countries points (ODbL 1.0). WCIT-12: The Final Vote.",
        ],
        "wcit12-map",
    );
}

/// "Download map (SVG)".
#[component]
fn MapDownload() -> impl IntoView {
    view! {
        <button type="button" class="svg-dl" id="download-map-svg" on:click=handler(|_| save_map())>"Download map (SVG)"</button>
    }
}

/// The selected country, with a way to find it in the table and to clear the selection.
#[component]
fn SelectedCard() -> impl IntoView {
    let c = ctx();
    view! {
        <div
            class="selected-card"
            aria-live="polite"
            id="selected-card"
            inner_html=markup(move || selected_card(c.selected.get()))
            on:click=handler(move |ev: web_sys::MouseEvent| {
                if event_target(&ev).map(|t| t.action) == Some(Action::ClearSelection) {
                    c.state.update(|s| s.selected = None);
                }
            })
        ></div>
    }
}

/// Section: the final vote on the map, its breakdowns, and the table of all 144.
#[component]
pub fn Vote() -> impl IntoView {
    // Shown in the static section's slot, under its heading and lede (model::page::vote).
    let root = NodeRef::<leptos::html::Div>::new();
    place_in("vote-app", root);
    view! {
        <div class="vote-app" node_ref=root>
            <div class="sticky-filters">
                <Filters/>
            </div>
            <div class="vote-grid">
                <div class="map-col">
                    <Legend/>
                    <WorldMap mode=MapMode::Vote/>
                    <p class="note">
                        "Natural Earth 1:110m outlines; states too small for that scale are dots. Hover or tap a country for details; select it to follow it. "
                        <MapDownload/>
                    </p>
                    <SelectedCard/>
                </div>
                <div class="bars-col">
                    <Bars title="By World Bank region" id="by-region" counts=by_region/>
                    <Bars title="By income group (FY2013)" id="by-income" counts=by_income/>
                    <p class="note">
                        "Counts follow the search and filters. High-income states mostly stayed out; most low- and middle-income states signed."
                    </p>
                </div>
            </div>
            <ShareBar/>
            <SignatoryTable/>
        </div>
    }
}
