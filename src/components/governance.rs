//! Section "Governance": six strip charts (signatories vs non-signatories, or by income group) of
//! the WGI 2011 indicators, the ranking of the six and the chart options, with the statistics of
//! the countries the filters define, and the section's finding for them (`GovernanceHead`). The
//! section's static parts ("Governance, wealth, or Europe?", the caveats) are
//! `page::GovernanceSection`'s, rendered at build time only.
//!
//! What changes what: a sort touches nothing here; a search only fades dots; a filter moves the
//! medians at once and the statistics once computed; a chart option lays the charts out again.

use std::sync::Arc;

use leptos::prelude::*;

use super::{ctx, Ctx, Tip};
use crate::browser::{download_svg, is_touch, when_idle, Format, PNG_FAILED};
use crate::model::analysis::{
    axis_title, correlation_line, definition, full_name, scope_line, Ranking, Stats,
    RANKING_AXIS_TITLE,
};
use crate::model::chart::{
    axis, interval_marks, labels, layout, n1, px, row_marks, summaries, Layout, DOT_R, WIDTH,
};
use crate::model::contract::CountryId;
use crate::model::data::{Indicator, COUNTRIES};
use crate::model::state::{indices, GroupBy, Measure, State};
use crate::model::stats::{interval, value_line};
use crate::model::text::fmt_fixed;

/// The statistics the section shows, with the state they were computed for: one signal that
/// the ranking and every chart read.
#[derive(Clone, Copy)]
pub struct Shown(RwSignal<Arc<Stats>>);

impl Shown {
    pub fn new(stats: Stats) -> Shown {
        Shown(RwSignal::new(Arc::new(stats)))
    }
}

/// Where each chart's SVG is, for its download.
pub type ChartSvgs = [NodeRef<leptos::svg::Svg>; 6];

/// The section's interactive part: chart options, scope line and ranking (`GovernanceHead`), and
/// the six charts. `stats` are the statistics of the state the part is rendered in (the
/// build's default state). The app hydrates the head and each chart as roots of their own, one
/// per task (`views::app`), with the same `Shown` and SVG references.
#[component]
pub fn Governance(stats: Stats) -> impl IntoView {
    let c = ctx();
    let shown = Shown::new(stats);
    follow_filters(c, shown);
    let svgs: ChartSvgs = std::array::from_fn(|_| NodeRef::new());
    view! {
        <div class="gov-head">
            <GovernanceHead svgs shown/>
        </div>
        <div class="charts">
            {Indicator::ALL.map(|ind| figure(ind, svgs, shown))}
        </div>
        <div class="ranking">
            <h3>"How the six indicators compare"</h3>
            <div id="ranking">
                <RankingPlot shown/>
            </div>
            <p class="note">{correlation_line(&(0..COUNTRIES.len()).collect::<Vec<_>>())}</p>
        </div>
    }
}

/// Indicator `ind`'s figure: its caption (static: the app hydrates the chart only, from
/// `.chart-live`) and its chart.
pub fn figure(ind: Indicator, svgs: ChartSvgs, shown: Shown) -> impl IntoView {
    view! {
        <figure class="chart" data-ind=ind.code()>
            <figcaption>
                <h3>{full_name(ind)}</h3>
                <p class="def">{definition(ind)}</p>
            </figcaption>
            <div class="chart-live">
                <Chart ind svg=svgs[ind.index()] shown/>
            </div>
        </figure>
    }
}

/// The chart options and the scope line.
#[component]
pub fn GovernanceHead(svgs: ChartSvgs, shown: Shown) -> impl IntoView {
    let c = ctx();
    let scope = Memo::new(move |_| {
        c.state.with(|s| {
            let mut k = Stats::key(s);
            k.query = s.query.clone();
            scope_line(&k)
        })
    });
    // The finding, for the countries the statistics describe (it names them first).
    let takeaway = move || shown.0.with(|s| s.takeaway());
    view! {
        <p class="takeaway" id="gov-takeaway">{takeaway}</p>
        <ChartControls svgs/>
        <p class="scope" id="stats-scope" aria-live="polite">{scope}</p>
    }
}

/// Recomputes the statistics when the filters or the measure change (never for a search):
/// after the next frame has painted and the browser is idle, so that a filter answers at once
/// (table, fading, medians) and the words follow; a newer change supersedes a pending one.
pub fn follow_filters(c: Ctx, shown: Shown) {
    let key = Memo::new(move |_| c.state.with(Stats::key));
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let k = key.get();
        if shown.0.with_untracked(|s| s.state == k) {
            return;
        }
        let me = generation.get_value().wrapping_add(1);
        generation.set_value(me);
        when_idle(move || {
            if generation.get_value() == me {
                shown.0.set(Arc::new(Stats::of(&k)));
            }
        });
    });
}

/// The chart options (percentile ranks, group by income) and the download of one chart.
#[component]
fn ChartControls(svgs: ChartSvgs) -> impl IntoView {
    let c = ctx();
    let pct = move || c.settings.get().0 == Measure::Percentile;
    let income = move || c.settings.get().1 == GroupBy::Income;
    let select = NodeRef::<leptos::html::Select>::new();
    let png_failed = RwSignal::new(false);
    let save = move |format: Format| {
        let code = select
            .get_untracked()
            .map(|s| s.value())
            .unwrap_or_default();
        let Some(ind) = Indicator::ALL.into_iter().find(|i| i.code() == code) else {
            return;
        };
        if let Some(svg) = svgs[ind.index()].get_untracked() {
            save_chart(c, ind, &svg, format, png_failed);
        }
    };
    view! {
        <div class="chart-controls needs-app" role="group" aria-label="Chart options">
            <button
                type="button"
                id="toggle-pct"
                aria-pressed=move || pct().to_string()
                on:click=move |_| {
                    c.state
                        .update(|s| {
                            s.measure = match s.measure {
                                Measure::Percentile => Measure::Estimate,
                                Measure::Estimate => Measure::Percentile,
                            };
                        })
                }
            >
                "Show percentile ranks"
            </button>
            <button
                type="button"
                id="toggle-income"
                aria-pressed=move || income().to_string()
                on:click=move |_| {
                    c.state
                        .update(|s| {
                            s.group_by = match s.group_by {
                                GroupBy::Income => GroupBy::Status,
                                GroupBy::Status => GroupBy::Income,
                            };
                        })
                }
            >
                "Group by income"
            </button>
            <span class="dl" id="chart-download">
                <label for="dl-chart">"Download a chart:"</label>
                " "
                <select id="dl-chart" node_ref=select>
                    {Indicator::ALL
                        .map(|i| view! { <option value=i.code()>{i.label()}</option> })}
                </select>
                " "
                <button type="button" class="svg-dl" id="dl-chart-svg" on:click=move |_| save(Format::Svg)>
                    "SVG"
                </button>
                " "
                <button type="button" class="svg-dl" id="dl-chart-png" on:click=move |_| save(Format::Png)>
                    "PNG"
                </button>
                <span class="dl-failed" role="status">{move || png_failed.get().then_some(PNG_FAILED)}</span>
            </span>
        </div>
    }
}

/// Saves one chart as SVG or PNG: title, colour key and sources drawn in.
fn save_chart(
    c: Ctx,
    ind: Indicator,
    svg: &web_sys::Element,
    format: Format,
    failed: RwSignal<bool>,
) {
    let (m, g) = c.settings.get_untracked();
    let what = if m == Measure::Percentile {
        "percentile rank"
    } else {
        "estimate"
    };
    download_svg(
        svg,
        (0.0, 0.0, WIDTH, layout(ind, m, g).height),
        1.0,
        &format!("{} (WGI 2011 {what})", ind.label()),
        &[
            "Signed vs did not sign the WCIT-12 Final Acts (14 Dec 2012); statuses graded C/D are inferred.",
            "Source: World Bank Worldwide Governance Indicators, 2014 Update (Kaufmann, Kraay & Mastruzzi 2010), CC BY 4.0.",
        ],
        &format!("wcit12-wgi-{}", ind.code()),
        format,
        failed,
    );
}

/// The ranking of the six indicators: a dot plot with intervals and what is robust in it, or why
/// there is none. (Two optional parts rather than one type-erased view: smaller wasm.)
#[component]
pub fn RankingPlot(shown: Shown) -> impl IntoView {
    let ranking = Memo::new(move |_| shown.0.with(|s| s.ranking()));
    let why = move || match ranking.get() {
        Ranking::Why(why) => Some(view! { <p class="rank-robust">{why}</p> }),
        Ranking::Plot(..) => None,
    };
    let plot = move || {
        let Ranking::Plot(plot, robust) = ranking.get() else {
            return None;
        };
        let half = plot.half.clone();
        let rows = plot
            .rows
            .into_iter()
            .map(|row| {
                let ind = row.indicator;
                let text = match &row.figure {
                    Some(f) => format!("{} (95% interval {})", f.share, f.interval),
                    None => "no comparison possible".to_string(),
                };
                let bar = row.figure.map(|f| {
                    view! {
                        <svg class="rank-svg" width="100%" height="20" aria-hidden="true" focusable="false">
                            <line x1=half.clone() x2=half.clone() y1="0" y2="20" stroke="currentColor" stroke-opacity="0.45" stroke-dasharray="3 3"></line>
                            <line x1=f.lo x2=f.hi y1="10" y2="10" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"></line>
                            <circle cx=f.at cy="10" r="6" fill="currentColor"></circle>
                        </svg>
                    }
                });
                view! {
                    <div class="rank-row" role="listitem" data-ind=ind.code()>
                        <span class="rank-name">{full_name(ind)}</span>
                        " "
                        <span class="rank-fig">{text}</span>
                        {bar}
                    </div>
                }
            })
            .collect_view();
        let ticks = plot
            .ticks
            .into_iter()
            .map(|t| {
                view! {
                    <line x1=t.x.clone() x2=t.x y1="0" y2="6" stroke="currentColor"></line>
                    <text x=t.label_x y="22" font-size="12" text-anchor=t.anchor fill="currentColor">{t.label}</text>
                }
            })
            .collect_view();
        Some(view! {
            <div class="rank-plot" role="list">{rows}</div>
            <svg class="rank-axis" width="100%" height="28" aria-hidden="true" focusable="false">
                <line x1=plot.axis.0 x2=plot.axis.1 y1="0" y2="0" stroke="currentColor"></line>
                {ticks}
            </svg>
            <p class="rank-axis-title">{RANKING_AXIS_TITLE}</p>
            <p class="rank-robust">{robust}</p>
        })
    };
    view! { {why}{plot} }
}

/// One indicator's strip chart (inside its figure, after the caption, which the build writes and
/// the app does not hydrate): axis, each group's band and median (of the countries the filters
/// define), a dot per country (faded outside the search and filters, the selected one marked,
/// with its 95% interval), direct labels, the plain sentence and the statistical details.
#[component]
pub fn Chart(ind: Indicator, svg: NodeRef<leptos::svg::Svg>, shown: Shown) -> impl IntoView {
    let c = ctx();
    let lay = Memo::new(move |_| {
        let (m, g) = c.settings.get();
        Arc::new(layout(ind, m, g))
    });
    let statement = Memo::new(move |_| shown.0.with(|s| s.statement(ind)));
    let dots_g = NodeRef::<leptos::svg::G>::new();
    mark_dots(c, lay, dots_g);
    let said = move || statement.with(|s| s.0.clone());
    let details = move || statement.with(|s| s.1.clone());
    let dots = move || {
        let l = lay.get();
        l.dots
            .iter()
            .map(|d| {
                let (id, i) = (d.country, d.country.index());
                let status = id.country().status.slug();
                // "dot signed", faded and selected as they are when the dots are drawn (a change
                // of the chart's settings); `mark_dots` follows the search, filters and selection.
                let faded = if c.mask.with_untracked(|m| m[i]) {
                    ""
                } else {
                    " faded"
                };
                let selected = if c.selected.get_untracked() == Some(id) {
                    " selected"
                } else {
                    ""
                };
                let class = format!("dot {status}{faded}{selected}");
                view! {
                    <circle
                        class=class
                        cx=px(d.x)
                        cy=n1(d.y)
                        r=n1(DOT_R)
                    ></circle>
                }
            })
            .collect_view()
    };
    let rows = move || {
        let l = lay.get();
        let (m, g) = c.settings.get_untracked();
        let marks = c
            .subset
            .with(|s| row_marks(&l, &summaries(ind, m, g, &indices(s))));
        let texts = marks
            .iter()
            .map(|r| {
                view! {
                    <text class=format!("row-label {}", r.class) x="0" y=r.label_y.clone()>
                        {r.label}
                        <tspan class="med">{r.median.clone()}</tspan>
                    </text>
                }
            })
            .collect_view();
        let bands = marks
            .into_iter()
            .filter_map(|r| r.band)
            .map(|b| {
                view! {
                    <rect class="iqr" x=b.x y=b.y width=b.width height=b.height></rect>
                    <line class="median" x1=b.median_x.clone() x2=b.median_x y1=b.median_y1 y2=b.median_y2></line>
                }
            })
            .collect_view();
        (texts, bands)
    };
    let axis = move || {
        let a = axis(&lay.get());
        a.ticks
            .into_iter()
            .map(|t| {
                view! {
                    <line class="grid" x1=t.x.clone() x2=t.x.clone() y1="4" y2=a.bottom.clone()></line>
                    <text x=t.x y=a.label_y.clone() text-anchor="middle">{t.label}</text>
                }
            })
            .collect_view()
    };
    // The direct labels and the selected country's (named on every chart, also on a phone, where
    // the others are left out); a label goes with its dot when a filter fades the dot.
    let direct = move || {
        let sel = c.selected.get();
        labels(&lay.get(), sel)
            .into_iter()
            .map(|l| {
                let i = l.country.index();
                let base = if sel == Some(l.country) {
                    "dot-label sel"
                } else {
                    "dot-label"
                };
                let class = move || {
                    if c.mask.with(|m| m[i]) {
                        base.to_string()
                    } else {
                        format!("{base} faded")
                    }
                };
                view! { <text class=class x=l.x y=l.y text-anchor="middle">{l.name}</text> }
            })
            .collect_view()
    };
    let whiskers = move || {
        let l = lay.get();
        let m = c.settings.get_untracked().0;
        let segs = c
            .selected
            .get()
            .and_then(|id| interval(id.country(), ind, m).map(|r| (id, r)))
            .and_then(|(id, (lo, hi))| interval_marks(&l, id, lo, hi))?;
        Some(view! {
            <g class="interval" aria-hidden="true">
                {segs.map(|[x1, x2, y1, y2]| view! { <line x1=x1 x2=x2 y1=y1 y2=y2></line> })}
            </g>
        })
    };
    view! {
        <p class="stat-sentence">{said}</p>
            <svg width="100%" height=move || fmt_fixed(lay.get().height, 0) role="img" aria-label=said node_ref=svg>
                <g aria-hidden="true" class="axis">{axis}</g>
                <g
                    class="dots"
                    node_ref=dots_g
                    on:pointerover=move |ev| {
                        if ev.pointer_type() == "mouse" {
                            show_tip(c, ind, lay, &ev, false);
                        }
                    }
                    on:pointerout=move |ev| {
                        if ev.pointer_type() == "mouse" && dot_of(lay, &ev).is_some() {
                            c.tip.set(None);
                        }
                    }
                    on:click=move |ev| {
                        if let Some(id) = show_tip(c, ind, lay, &ev, is_touch(&ev)) {
                            c.toggle_select(id);
                        }
                    }
                >
                    {dots}
                </g>
                <g aria-hidden="true" class="rows">{rows}</g>
                <g aria-hidden="true" class="labels">{direct}</g>
                <g class="sel">{whiskers}</g>
            </svg>
            <p class="axis-title">{move || axis_title(c.settings.get().0)}</p>
            <details class="stat-details" hidden=move || statement.with(|s| s.1.is_empty())>
                <summary>"Statistical details"</summary>
                <ul>{move || details().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </details>
    }
}

/// Fades the dots outside the search and filters and marks the selected one, through their
/// group, touching only the dots that change: a class binding on each of the 864 dots re-ran all
/// of them at each keystroke in the search box (about half the script time before the next
/// frame). The list of dots is read again when the chart's settings redraw them.
fn mark_dots(c: Ctx, lay: Memo<Arc<Layout>>, dots: NodeRef<leptos::svg::G>) {
    let marked = std::cell::RefCell::new(None::<(usize, Vec<super::Marked>)>);
    super::effect(move || {
        let (mask, sel) = (c.mask.get(), c.selected.get());
        let l = lay.get();
        let Some(g) = dots.get() else { return };
        let key = Arc::as_ptr(&l) as usize;
        let mut m = marked.borrow_mut();
        if m.as_ref().is_none_or(|(k, _)| *k != key) {
            let kids = g.children();
            let list = l
                .dots
                .iter()
                .enumerate()
                .filter_map(|(k, d)| Some(super::Marked::read(kids.item(k as u32)?, d.country)))
                .collect();
            *m = Some((key, list));
        }
        if let Some((_, list)) = m.as_mut() {
            super::mark(list, &mask, sel);
        }
    });
}

/// The country of the dot an event happened on, if it happened on one: the dots are drawn in
/// the layout's order, so the dot's position in its group names it. The dots' events are
/// handled once per chart, on their group: a handler on each of the 864 dots made 2,600
/// property writes when the charts hydrate.
fn dot_of(lay: Memo<Arc<Layout>>, ev: &web_sys::Event) -> Option<CountryId> {
    use wasm_bindgen::JsCast;
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    if el.tag_name() != "circle" {
        return None;
    }
    let mut k = 0;
    let mut prev = el.previous_element_sibling();
    while let Some(p) = prev {
        k += 1;
        prev = p.previous_element_sibling();
    }
    lay.with_untracked(|l| l.dots.get(k).map(|d| d.country))
}

/// Shows the tooltip of the chart's dot an event happened on: the country, its value and
/// interval. Returns the dot's country.
fn show_tip(
    c: Ctx,
    ind: Indicator,
    lay: Memo<Arc<Layout>>,
    ev: &web_sys::MouseEvent,
    touch: bool,
) -> Option<CountryId> {
    let id = dot_of(lay, ev)?;
    c.tip.set(Some(Tip {
        country: Some(id),
        other: None,
        value: Some(value_line(id.country(), ind, c.settings.get_untracked().0)),
        x: ev.client_x() as f64,
        y: ev.client_y() as f64,
        touch,
    }));
    Some(id)
}

/// The default state's statistics, for the build-time render.
pub fn default_stats() -> Stats {
    Stats::of(&State::default())
}
