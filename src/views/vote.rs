//! Section "The final vote": filters, world map with legend, breakdowns, the selected country and
//! the table — all reading the same state.

use leptos::prelude::*;

use super::filters::Filters;
use super::map::{Legend, MapMode, WorldMap};
use super::share::{download_svg, ShareBar};
use super::table::SignatoryTable;
use super::{ctx, handler, target_attr, text};
use crate::model::breakdown::{by_income, by_region, GroupCount};
use crate::model::data::MAP_VIEWBOX;
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
            <ul id=id inner_html=text(move || rows.with(|r| bars(&counts(r))))></ul>
        </figure>
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
            inner_html=text(move || selected_card(c.selected.get()))
            on:click=handler(move |ev: web_sys::MouseEvent| {
                if target_attr(&ev, "data-action").as_deref() == Some("clear-selection") {
                    c.state.update(|s| s.selected = None);
                }
            })
        ></div>
    }
}

/// Section: the final vote on the map, its breakdowns, and the table of all 144.
#[component]
pub fn Vote() -> impl IntoView {
    view! {
        <section id="vote" class="vote" aria-labelledby="vote-h">
            <h2 id="vote-h">"The final vote"</h2>
            <p class="lede" inner_html=crate::model::data::CONTENT_VOTE_LEDE.as_str()></p>
            <div class="sticky-filters">
                <Filters/>
            </div>
            <div class="vote-grid">
                <div class="map-col">
                    <Legend/>
                    <WorldMap mode=MapMode::Vote/>
                    <p class="note">
                        "Natural Earth 1:110m outlines; states too small for that scale are dots. Hover or tap a country for details; select it to follow it. "
                        <button type="button" class="svg-dl" id="download-map-svg" on:click=handler(move |_| {
                            if let Ok(Some(svg)) = document().query_selector("svg.vote-map") {
                                download_svg(
                                    &svg,
                                    MAP_VIEWBOX,
                                    "WCIT-12, 14 Dec 2012: 89 of 144 eligible states signed, 55 did not",
                                    &[
                                        "Vermillion: signed · bluish green: did not sign · grey: ITU member not among the 144. Statuses graded C/D are inferred.",
                                        "Map: Natural Earth via world-atlas (ISC); small states at world-countries points (ODbL 1.0). WCIT-12: The Final Vote.",
                                    ],
                                    "wcit12-map.svg",
                                );
                            }
                        })>"Download map (SVG)"</button>
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
        </section>
    }
}
