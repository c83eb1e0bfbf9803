//! The parts of the page that never change: masthead, the sections' frames (heading, lede,
//! caveats, the governance section's build-time panel), analyses, sources and method, footer.
//! Components like the others, rendered at build time; the app never hydrates them (they have
//! nothing to update), so they cost the wasm nothing: it hydrates the interactive components
//! inside them, each from its own element. Prose comes from `src/data/content/`
//! (checked by `build.rs`, set as `inner_html`; a fragment of several blocks sits in a
//! `div.part`, which `display: contents` keeps out of the layout); figures and sentences from the
//! model.

use leptos::prelude::*;

use super::{ctx, prose};
use crate::model::breakdown::grade_counts;
use crate::model::contract::CountryId;
use crate::model::data::{
    Indicator, CONFLICTS, CONTENT_ANALYSIS, CONTENT_ANALYSIS_LEAD, CONTENT_CHARTS_CAVEAT,
    CONTENT_CHARTS_LEDE, CONTENT_FOOTER, CONTENT_HEADER_CONTEXT, CONTENT_HEADER_DEK,
    CONTENT_HEADER_KEYFIGS, CONTENT_HEADER_TITLE, CONTENT_SOURCES_DOUBT, CONTENT_SOURCES_INTRO,
    CONTENT_SOURCES_METHOD, CONTENT_TABLE_NOTE, CONTENT_VOTE_LEDE, COUNTRIES, SOURCES,
};
use crate::model::notes::{source_names, with_source_names};
use crate::model::page::{
    counts, governance_line, high_income_line, income_split, region_line, top_indicator_line,
    waffle_squares, WAFFLE_COLS, WAFFLE_STEP,
};
use crate::model::stats::sensitivity_line;

/// First screen: kicker, headline, the outcome as a graphic with its numbers, three findings
/// linking to their sections, and the section navigation.
#[component]
pub fn Masthead() -> impl IntoView {
    let (eligible, _, _) = counts();
    view! {
        <header class="masthead">
            <p class="kicker">"WCIT-12: The Final Vote · Dubai, 3–14 December 2012"</p>
            <h1 inner_html=prose(&CONTENT_HEADER_TITLE)></h1>
            <div class="outcome">
                <figure class="waffle-fig">
                    <figcaption>"One square per state present and accredited, by income group"</figcaption>
                    {income_split()
                        .into_iter()
                        .map(|(group, s, d)| {
                            let rows = (s + d).div_ceil(WAFFLE_COLS);
                            view! {
                                <div class="split">
                                    <p class="split-h"><strong>{group}</strong>{format!(" · {} states", s + d)}</p>
                                    <svg
                                        class="waffle"
                                        viewBox=format!("0 0 {} {}", WAFFLE_COLS * WAFFLE_STEP - 2, rows * WAFFLE_STEP - 2)
                                        aria-hidden="true"
                                    >
                                        <path class="w-signed" d=waffle_squares(0..s)></path>
                                        <path class="w-declined" d=waffle_squares(s..s + d)></path>
                                    </svg>
                                    <p class="split-n">
                                        <span class="n-signed">{format!("{s} signed")}</span>
                                        " · "
                                        <span class="n-declined">{format!("{d} did not sign")}</span>
                                    </p>
                                </div>
                            }
                        })
                        .collect_view()}
                </figure>
                <div class="outcome-text">
                    <dl class="keyfigs" id="key-figures" inner_html=prose(&CONTENT_HEADER_KEYFIGS)></dl>
                    <div class="part" inner_html=prose(&CONTENT_HEADER_CONTEXT)></div>
                </div>
            </div>
            <p class="dek" inner_html=prose(&CONTENT_HEADER_DEK)></p>
            <ol class="findings" aria-label="Key findings">
                <li><a href="#vote"><span>"Where"</span>{region_line()}</a></li>
                <li><a href="#table"><span>"Who"</span>{high_income_line()}</a></li>
                <li><a href="#governance"><span>"Governance"</span>{governance_line()}</a></li>
            </ol>
            <nav aria-label="Sections">
                <ul>
                    <li><a href="#story">"The story"</a></li>
                    <li><a href="#vote">"Who signed"</a></li>
                    <li><a href="#table">{format!("All {eligible} countries")}</a></li>
                    <li><a href="#governance">"Governance"</a></li>
                    <li><a href="#analysis">"Analyses"</a></li>
                    <li><a href="#sources">"Sources and method"</a></li>
                </ul>
            </nav>
            <p class="motion-slot" id="motion-slot">
                <MotionToggle/>
            </p>
        </header>
    }
}

/// The reader's motion setting (out of the reading flow, below the section links), hydrated:
/// it starts from the operating system's `prefers-reduced-motion`.
#[component]
pub fn MotionToggle() -> impl IntoView {
    let c = ctx();
    view! {
        // The label for each state; the style sheet shows the one for `aria-pressed`.
        <button
            type="button"
            id="motion-toggle"
            class="linkish motion-toggle needs-app"
            aria-pressed=move || if c.reduce_motion.get() { "true" } else { "false" }
            on:click=move |_| c.reduce_motion.update(|r| *r = !*r)
        >
            <span class="m-off">"Reduce motion"</span>
            <span class="m-on">"Motion reduced (select to allow animation)"</span>
        </button>
    }
}

/// Section "Analyses": who supported the ITU, the treaty's outcomes and the closing question.
#[component]
pub fn Analysis() -> impl IntoView {
    view! {
        <section id="analysis" class="analysis prose" aria-labelledby="analysis-h">
            <h2 id="analysis-h">"Analyses"</h2>
            <h3>"Who supported the ITU?"</h3>
            <p>
                <span inner_html=prose(&CONTENT_ANALYSIS_LEAD)></span>
                " "
                <span id="analysis-high">{high_income_line()}</span>
                " "
                <span id="analysis-top">{top_indicator_line()}</span>
                " "
                <a href="#governance">"See the charts and their statistics."</a>
            </p>
            <div class="part" inner_html=prose(&CONTENT_ANALYSIS)></div>
        </section>
    }
}

/// Section "Sources and method": the evidence grades with their counts, the five statuses whose
/// sources disagree, every source of the status data, and the method.
#[component]
pub fn Sources() -> impl IntoView {
    let grades = grade_counts()
        .into_iter()
        .map(|(g, s, d)| {
            view! {
                <tr>
                    <th scope="row">{g.letter()}</th>
                    <td>{g.explanation()}</td>
                    <td class="num">{s}</td>
                    <td class="num">{d}</td>
                </tr>
            }
        })
        .collect_view();
    let conflicts = CONFLICTS
        .iter()
        .map(|k| {
            let c = &COUNTRIES[usize::from(k.country)];
            view! {
                <li>
                    <strong>{c.name_en}</strong>
                    {format!(" ({} in the data): {} Sources: {}.", c.status.label(), k.text, source_names(k.sources))}
                </li>
            }
        })
        .collect_view();
    let sources = SOURCES
        .iter()
        .map(|s| {
            let used = CountryId::all()
                .filter(|id| id.country().sources.contains(&s.id))
                .count();
            view! {
                <div>
                    <dt>{s.short}{format!(" — used for {used} countries")}</dt>
                    <dd>
                        {with_source_names(s.text)}<br/>
                        <span class="supports">{with_source_names(s.supports)}</span>
                        " (in the CSV download: " <code>{s.id}</code> ")"
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section id="sources" class="sources" aria-labelledby="sources-h">
            <h2 id="sources-h">"Sources and method"</h2>
            <div class="part" inner_html=prose(&CONTENT_SOURCES_INTRO)></div>
            <table class="grades" id="grade-table">
                <thead>
                    <tr>
                        <th scope="col">"Grade"</th>
                        <th scope="col">"What the grade means"</th>
                        <th scope="col" class="num">"Countries that signed"</th>
                        <th scope="col" class="num">"Countries that did not sign"</th>
                    </tr>
                </thead>
                <tbody>{grades}</tbody>
            </table>
            <p inner_html=prose(&CONTENT_SOURCES_DOUBT)></p>
            <p>
                "Where the sources contradict each other about a status, the report marks it “Sources disagree” wherever the status appears:"
            </p>
            <ul class="conflicts" id="conflict-list">{conflicts}</ul>
            <details>
                <summary>{format!("All {} sources of the status data", SOURCES.len())}</summary>
                <dl class="source-list" id="source-list">{sources}</dl>
            </details>
            <div class="part" inner_html=prose(&CONTENT_SOURCES_METHOD)></div>
        </section>
    }
}

/// Page footer: credits and licences.
#[component]
pub fn Footer() -> impl IntoView {
    view! { <footer class="footer" inner_html=prose(&CONTENT_FOOTER)></footer> }
}

/// Section "Governance: who signed?": heading, lede, the finding, the interactive part (the
/// `Governance` component, whose head and charts the app hydrates as roots of their own), the "Governance,
/// wealth, or Europe?" panel and the caveats.
#[component]
pub fn GovernanceSection(stats: crate::model::analysis::Stats) -> impl IntoView {
    use super::governance::Governance;
    view! {
        <section id="governance" class="governance" aria-labelledby="gov-h">
            <h2 id="gov-h">"Governance: who signed?"</h2>
            <p class="lede" inner_html=prose(&CONTENT_CHARTS_LEDE)></p>
            <div class="governance-app" id="governance-app">
                <Governance stats/>
                <ConfoundPanel/>
            </div>
            <p class="caveat" id="conflict-sensitivity">{sensitivity_line()}</p>
            <p class="caveat" id="caveat" inner_html=prose(&CONTENT_CHARTS_CAVEAT)></p>
        </section>
    }
}

/// "Governance, wealth, or Europe?": Voice and Accountability compared within income groups and
/// within regions over the whole census, the within-group (stratified) sentence, the EU's common
/// position and how robust the main result is. Computed at build time.
#[component]
fn ConfoundPanel() -> impl IntoView {
    use crate::model::analysis::{
        by_income, by_region, eu_sentence, full_name, group_figure, sensitivity_eu,
        sensitivity_grades, sensitivity_se, stratified_sentence, too_few_note, GroupRow,
    };
    let ind = Indicator::Va;
    let table = |caption: String, rows: Vec<GroupRow>| {
        let body = rows
            .iter()
            .map(|g| {
                let fig = match group_figure(g) {
                    Ok((share, iv)) => view! {
                        {share}
                        " "
                        <span class="ci">{format!("(95% interval {iv})")}</span>
                    }
                    .into_any(),
                    Err(why) => why.into_any(),
                };
                view! {
                    <tr>
                        <th scope="row">{g.label}</th>
                        <td>{g.signed}</td>
                        <td>{g.declined}</td>
                        <td>{fig}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="confound">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Group"</th>
                        <th scope="col">"Signed"</th>
                        <th scope="col">"Did not sign"</th>
                        <th scope="col">"Pairs with the non-signatory higher"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
    };
    view! {
        <section class="confound" aria-labelledby="confound-h">
            <h3 id="confound-h">"Governance, wealth, or Europe?"</h3>
            <p>{stratified_sentence(ind)}</p>
            {table(format!("{}, within income groups (FY2013)", full_name(ind)), by_income(ind))}
            {table(format!("{}, within World Bank regions", full_name(ind)), by_region(ind))}
            <p>{eu_sentence()}</p>
            <p class="note">{too_few_note()}</p>
            <h4>"How robust is the main result?"</h4>
            <ul class="sensitivity">
                <li>{sensitivity_grades()}</li>
                <li>{sensitivity_se()}</li>
                <li>{sensitivity_eu()}</li>
            </ul>
        </section>
    }
}

/// Section "Who signed": heading, lede and the interactive part (`#vote-app`), whose pieces
/// are components of their own that the app hydrates each from its element: the filter bar,
/// the map's legend, tools and map, the selected country's card, the breakdowns, the share bar
/// and the table. Each `data-prerender` placeholder here is filled with that component's
/// build-time render (`components::prerendered`, `src/bin/prerender.rs`).
#[component]
pub fn VoteSection() -> impl IntoView {
    let place = |name: &'static str| view! { <div data-prerender=name></div> };
    view! {
        <section id="vote" class="vote" aria-labelledby="vote-h">
            <h2 id="vote-h">"Who signed"</h2>
            <p class="lede" inner_html=prose(&CONTENT_VOTE_LEDE)></p>
            <div class="vote-app" id="vote-app">
                <div class="sticky-filters needs-app">{place("filters")}</div>
                <div class="vote-grid" id="vote-grid">
                    <div class="map-col">
                        <div class="legend" role="group" aria-label="Map legend and status filter">
                            {place("legend")}
                        </div>
                        <div class="map-tools">{place("map-tools")}</div>
                        <style inner_html=zoom_style()></style>
                        <div class="map-live">{place("vote-map")}</div>
                        <div class="selected-card needs-app" aria-live="polite" id="selected-card">
                            {place("selected-card")}
                        </div>
                    </div>
                    <div class="bars-col">{place("breakdowns")}</div>
                </div>
                <div class="sharebar needs-app" role="group" aria-label="Share and download">
                    {place("sharebar")}
                </div>
                // Shown with the embed panel (CSS): static words, kept out of the hydrated bar.
                <p class="embed-note">
                    "If the host page sandboxes the frame, its "<code>"sandbox"</code>
                    " attribute needs "<code>"allow-scripts allow-same-origin"</code>
                    " (to run the view) and "<code>"allow-top-navigation-by-user-activation"</code>
                    " (for the link to the full report)."
                </p>
                // The table block: heading (its count follows the filters), note, the phone's
                // indicator picker (a phone shows country, status and the indicator picked:
                // radio buttons and CSS, so it works without JavaScript too), the table.
                <div class="table-block" id="table">
                    <h3 id="table-h">{place("table-heading")}</h3>
                    <p class="note" inner_html=prose(&CONTENT_TABLE_NOTE)></p>
                    <PhonePick/>
                    <div class="table-live">{place("table")}</div>
                </div>
            </div>
        </section>
    }
}

/// The phone's picker of the indicator the table shows (a phone shows country, status and the
/// indicator picked): radio buttons and CSS, so it works without JavaScript too.
#[component]
pub fn PhonePick() -> impl IntoView {
    view! {
        <fieldset class="zoomer phone-pick">
            <legend>"Indicator shown in the table"</legend>
            {Indicator::ALL
                .map(|i| {
                    view! {
                        <label title=i.label()>
                            <input
                                type="radio"
                                name="ind"
                                id=format!("ind-{}", i.code())
                                aria-label=i.label()
                                checked=i == Indicator::Va
                            />
                            <span aria-hidden="true">{i.short()}</span>
                        </label>
                    }
                })}
        </fieldset>
    }
}

/// The zooms as CSS: for each, the `.zoom` box's transform and which label group shows (an
/// embedded map's page has the zoom's radio buttons too, hidden); and the map's
/// own label of the selected country hidden, for the selection's label (`data-sel` on the map).
/// Built from ids, ISO3 codes and numbers: nothing in it needs escaping (tests/components.rs).
pub fn zoom_style() -> String {
    use crate::model::data::{MAP_VIEWBOX, MAP_ZOOMS};
    use crate::model::sections::{MAP_LABELLED, ZOOM_LABELLED};
    use crate::model::story::{fit, zoom_css};
    use crate::model::text::fmt_fixed;
    // The map's box has the map's proportions before it is laid out.
    let mut css = format!(
        ".map-box{{aspect-ratio:{} / {}}}",
        fmt_fixed(MAP_VIEWBOX.2, 0),
        fmt_fixed(MAP_VIEWBOX.3, 0)
    );
    let mut named: Vec<&str> = Vec::new();
    for (iso3, _) in MAP_LABELLED
        .iter()
        .chain(ZOOM_LABELLED.iter().flat_map(|z| z.1.iter()))
    {
        if !named.contains(iso3) {
            named.push(iso3);
            css += &format!("[data-sel={iso3}] .map-labels [data-l={iso3}],");
        }
    }
    // And the world labels the selection's own label would run into, at the wide screen's
    // label size (below: a phone's).
    let clash = |lf: f64, extra: &[(&str, &str)]| -> String {
        crate::model::sections::label_clashes(lf)
            .into_iter()
            .filter(|p| !extra.contains(p))
            .map(|(sel, label)| {
                format!("[data-sel={sel}] .map-labels[data-z=world] [data-l={label}]")
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let wide = crate::model::sections::label_clashes(15.0);
    css = css + &clash(15.0, &[]);
    css = css.trim_end_matches(',').to_string() + "{visibility:hidden}";
    // On a phone the world view is drawn 1.7 times the screen's width, in a box that scrolls
    // sideways, with its labels at 12.5 px: 343 × 257 px at 375 instead of 343 × 151 (not in an
    // embedded map, which fills its frame).
    let (w, h) = (MAP_VIEWBOX.2, MAP_VIEWBOX.3);
    let lf = 12.5 * w / (1.7 * 343.0);
    let world = "body:not([data-embed]) .map-col:not(:has(.zoomer :checked:not(#zoom-world)))";
    let phone_clash = clash(lf, &wide);
    css += &format!(
        "@media (max-width:480px){{{world} .map-box{{aspect-ratio:{} / {};overflow-x:auto}}{world} .zoom{{right:auto;width:170%}}{world} .vote-map{{--lf:{}px}}{world} .map-labels[data-z=world]{{display:inline}}{}}}",
        fmt_fixed(w, 0),
        fmt_fixed(h * 1.7, 0),
        fmt_fixed(lf, 1),
        if phone_clash.is_empty() { String::new() } else { format!("{phone_clash}{{visibility:hidden}}") }
    );
    for (id, _, b) in MAP_ZOOMS.iter() {
        let sel = format!(".map-col:has(#zoom-{id}:checked)");
        css += &format!(
            "{sel} .zoom{{{}}}{sel} [data-z=world]{{display:none}}{sel} [data-z={id}]{{display:inline}}",
            zoom_css(fit(*b))
        );
    }
    css
}
