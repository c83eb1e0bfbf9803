//! The vote section's interactive parts around the map: the legend (whose status entries filter),
//! the zoom and the country finder, the selected-country card and the breakdowns by region and
//! income group.

use leptos::either::Either;
use leptos::prelude::*;

use super::chips::{Chip, Note};
use super::ctx;
use crate::model::breakdown::{by_income, by_region, status_counts, GroupCount};
use crate::model::contract::CountryId;
use crate::model::data::{conflict, Status, COUNTRIES, MAP_ZOOMS, NOT_LISTED};
use crate::model::sections::zoom_for;
use crate::model::state::{indices, sorted_all, Sort};
use crate::model::text::fmt_fixed;

/// The map's legend (`.map-col .legend`); its two status entries are buttons that filter by
/// status (again: show all).
#[component]
pub fn Legend() -> impl IntoView {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (signed, declined) = status_counts(&all);
    view! {
        <LegendEntry status=Status::Signed n=signed/>
        <LegendEntry status=Status::Declined n=declined/>
        <span class="legend-item inf-key">
            <span class="swatch" aria-hidden="true"></span>
            {format!(
                "Muted: inferred, not confirmed ({})",
                COUNTRIES.iter().filter(|c| c.grade.is_inferred()).count(),
            )}
        </span>
        <span class="legend-item notlisted">
            <span class="swatch" aria-hidden="true"></span>
            {format!("ITU member not among the {} ({})", COUNTRIES.len(), NOT_LISTED.len())}
        </span>
        <span class="legend-item other">
            <span class="swatch" aria-hidden="true"></span>
            "Territory, not a member"
        </span>
    }
}

#[component]
fn LegendEntry(status: Status, n: usize) -> impl IntoView {
    let st = ctx().state;
    let on = Memo::new(move |_| st.with(|x| x.status == Some(status)));
    view! {
        <button
            type="button"
            class=format!("legend-item {}", status.slug())
            id=format!("legend-{}", status.slug())
            aria-pressed=move || if on.get() { "true" } else { "false" }
            title="Show only these countries (select again to show all)"
            on:click=move |_| st.update(|x| x.status = if x.status == Some(status) { None } else { Some(status) })
        >
            <span class="swatch" aria-hidden="true"></span>
            {format!("{} ({n})", status.label())}
        </button>
    }
}

/// The selected-country card (`#selected-card`): name, status, grade, region and income, and its
/// actions; a hint while nothing is selected.
#[component]
pub fn SelectedCard() -> impl IntoView {
    let c = ctx();
    move || match c.selected.get() {
        None => Either::Left(view! {
            <p class="hint">
                "Select a country on the map, in the table or in a chart to follow it across the report."
            </p>
        }),
        Some(id) => Either::Right(view! { <Card id/> }),
    }
}

#[component]
fn Card(id: CountryId) -> impl IntoView {
    let c = ctx();
    let k = id.country();
    view! {
        <p>
            <strong>{k.name_en}</strong>
            " "
            <span class=format!("badge {}", k.status.slug())>
                {k.status_text()}
            </span>
            " "
            <span class="grade-wrap">
                <Chip id note=Note::Grade scope="card" eager=true/>
            </span>
            {conflict(id.index()).is_some().then(|| view! {
                <span class="grade-wrap">
                    <Chip id note=Note::Conflict scope="card" eager=true/>
                </span>
            })}
            <span class="meta">{format!(" {} · {}", k.region.label(), k.income.label())}</span>
        </p>
        <p class="actions">
            <a href=format!("#{}", id.row_id())>"Show in table"</a>
            " · "
            <button type="button" class="linkish" on:click=move |_| c.state.update(|s| s.selected = None)>
                "Clear selection"
            </button>
        </p>
    }
}

/// The breakdowns (`.bars-col`): signed and did-not-sign by World Bank region and by income
/// group, for the countries the filters define (a search does not change them).
#[component]
pub fn Breakdowns() -> impl IntoView {
    view! {
        <figure class="bars">
            <figcaption>"By World Bank region"</figcaption>
            <ul id="by-region"><Bars count=by_region/></ul>
        </figure>
        <figure class="bars">
            <figcaption>"By income group (FY2013)"</figcaption>
            <ul id="by-income"><Bars count=by_income/></ul>
        </figure>
        <p class="note">
            "Counts follow the filters. Of all 144: most high-income states did not sign; most low- and middle-income states signed."
        </p>
    }
}

/// One bar per group: each bar is its group's 100% (the shares keep one scale whatever the
/// filters leave; the counts say how many); a group the filters leave empty is left out.
#[component]
fn Bars(count: fn(&[usize]) -> Vec<GroupCount>) -> impl IntoView {
    let c = ctx();
    let groups = Memo::new(move |_| c.subset.with(|m| count(&indices(m))));
    let of = move |k: usize| groups.with(|g| (g[k].signed, g[k].declined));
    let width = move |n: usize, total: usize| {
        format!(
            "width:{}%",
            fmt_fixed(n as f64 / total.max(1) as f64 * 100.0, 1)
        )
    };
    count(&[])
        .into_iter()
        .enumerate()
        .map(|(k, g)| {
            view! {
                <li data-slug=g.slug hidden=move || { let (s, d) = of(k); s + d == 0 }>
                    <span class="bar-label">{g.label}</span>
                    <span class="bar" aria-hidden="true">
                        <span class="seg signed" style=move || { let (s, d) = of(k); width(s, s + d) }></span>
                        <span class="seg declined" style=move || { let (s, d) = of(k); width(d, s + d) }></span>
                    </span>
                    <span class="bar-num">
                        <span class="n-signed">{move || of(k).0}</span>
                        " signed · "
                        <span class="n-declined">{move || of(k).1}</span>
                        " did not"
                    </span>
                </li>
            }
        })
        .collect_view()
}

/// The map's tools (`.map-tools`): the zoom, radio buttons that work without JavaScript too (the
/// zooms are CSS, `components::page::zoom_style`), kept in the state so that a shared link opens
/// at it (`zoom=`); and the country finder, which selects a country by name or code and zooms to
/// its region when it lies in one of the zooms (a small state is then large enough to see).
#[component]
pub fn MapTools() -> impl IntoView {
    let c = ctx();
    let zoomed = Memo::new(move |_| c.state.with(|s| s.zoom));
    let zooms = std::iter::once(("world", "World", None))
        .chain(
            MAP_ZOOMS
                .iter()
                .enumerate()
                .map(|(k, z)| (z.0, z.1, Some(k))),
        )
        .map(|(id, label, zoom)| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="zoom"
                        id=format!("zoom-{id}")
                        value=id
                        aria-label=label
                        checked=zoom.is_none()
                        prop:checked=move || zoomed.get() == zoom
                        on:change=move |_| c.state.update(|s| s.zoom = zoom)
                    />
                    {label}
                </label>
            }
        })
        .collect_view();
    // The finder's suggestions are made when it is first focused: the page does not carry the
    // 144 names twice.
    let suggest = RwSignal::new(false);
    let names = move || {
        suggest.get().then(|| {
            sorted_all(&COUNTRIES, Sort::default())
                .into_iter()
                .map(|i| view! { <option value=COUNTRIES[i].name_en></option> })
                .collect_view()
        })
    };
    let find = move |ev: leptos::ev::Event| {
        if let Some(id) = CountryId::find(&event_target_value(&ev)) {
            c.state.update(|s| {
                s.selected = Some(id.index());
                s.zoom = zoom_for(id);
            });
        }
    };
    view! {
        <fieldset class="zoomer">
            <legend>"Zoom"</legend>
            {zooms}
        </fieldset>
        <div class="finder needs-app">
            <label for="map-find">"Find a country"</label>
            <input
                id="map-find"
                type="search"
                list="map-find-list"
                autocomplete="off"
                placeholder="Name or ISO code"
                on:focus=move |_| suggest.set(true)
                on:change=find
            />
            <datalist id="map-find-list">{names}</datalist>
        </div>
    }
}
