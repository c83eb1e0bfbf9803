//! Section "Governance": six strip charts (signatories vs non-signatories, or by income group) of
//! the WGI 2011 indicators, with the statistics the model computes for the current selection.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx;
use super::kit::{download_svg, event_target, handler, is_touch, markup, own, place_in, text, Tip};
use crate::model::chart::{axis_svg, dots_svg, interval_svg, layout, rows_svg, summaries, WIDTH};
use crate::model::contract::{Action, Mark};
use crate::model::data::Indicator;
use crate::model::html::Html;
use crate::model::state::{GroupBy, Measure, State};
use crate::model::stats::{
    all_stats, interval, ranking_html, sentence, stat_line, value_line, IndicatorStats,
};
use crate::model::text::fmt_fixed;

/// One indicator's strip chart.
#[component]
pub fn IndicatorChart(
    /// The indicator drawn.
    ind: Indicator,
    /// Statistics of the current selection (from the section's memo).
    stats: Memo<(Vec<IndicatorStats>, Vec<Indicator>)>,
) -> impl IntoView {
    let c = ctx();
    let settings = c.settings;
    // Dot positions depend only on what is plotted; filters only fade dots and move the marks.
    let lay = Memo::new(move |_| {
        let (m, g) = settings.get();
        layout(ind, m, g)
    });
    let my_stats = move || stats.with(|(s, _)| s[ind.index()]);
    let label = move || sentence(&my_stats(), settings.get().0);
    // One set of listeners on the dots' group (event delegation) instead of three per dot.
    let show = move |ev: &web_sys::MouseEvent| {
        let Some(id) = event_target(ev).and_then(|t| t.country) else {
            return false;
        };
        c.tip.set(Some(Tip {
            country: Some(id),
            other: None,
            value: Some(value_line(id.country(), ind, settings.get_untracked().0)),
            x: ev.client_x() as f64,
            y: ev.client_y() as f64,
            touch: is_touch(ev),
        }));
        true
    };
    // The dots' one owner re-renders them when the layout changes (a chart option) and marks
    // them right after (fading, selection) — one effect per chart instead of two reactive
    // closures per dot (864 per chart set), and never marks on nodes about to be replaced.
    let g_dots = NodeRef::<leptos::svg::G>::new();
    own(g_dots, move || lay.with(dots_svg), Some(Mark::Faded));
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let save = move |_| {
        if let Some(svg) = svg_ref.get() {
            let m = settings.get_untracked().0;
            let what = if m == Measure::Percentile {
                "percentile rank"
            } else {
                "estimate"
            };
            download_svg(
                &svg.unchecked_into(),
                (0.0, 0.0, WIDTH, lay.with_untracked(|l| l.height)),
                &format!("{} (WGI 2011 {what})", ind.label()),
                &[
                    "Signed vs did not sign the WCIT-12 Final Acts (14 Dec 2012); statuses graded C/D are inferred.",
                    "Source: World Bank Worldwide Governance Indicators, 2014 Update (Kaufmann, Kraay & Mastruzzi 2010), CC BY 4.0.",
                ],
                &format!("wcit12-wgi-{}", ind.code()),
            );
        }
    };
    // The selected country's 90% interval, drawn in every chart.
    let sel_interval = move || {
        let Some(id) = c.selected.get() else {
            return Html::EMPTY;
        };
        let (m, _) = settings.get();
        match interval(id.country(), ind, m) {
            Some((lo, hi)) => lay.with(|l| interval_svg(l, id, lo, hi)),
            None => Html::EMPTY,
        }
    };
    view! {
        <figure class="chart" data-ind=ind.code()>
            <figcaption>
                <h3>{ind.label()}</h3>
                <button type="button" class="svg-dl" on:click=handler(save)>
                    "Download SVG"<span class="sr-only">{format!(" of the {} chart", ind.label())}</span>
                </button>
            </figcaption>
            <svg
                node_ref=svg_ref
                viewBox=text(move || format!("0 0 {} {}", fmt_fixed(WIDTH, 0), lay.with(|l| fmt_fixed(l.height, 1))))
                role="img"
                aria-label=text(label)

            >
                <g aria-hidden="true" class="axis" inner_html=markup(move || lay.with(axis_svg))></g>
                <g aria-hidden="true" class="rows" inner_html=markup(move || {
                    let (m, g) = settings.get();
                    lay.with(|l| c.rows.with(|r| rows_svg(l, &summaries(ind, m, g, r))))
                })></g>
                <g
                    class="dots"
                    node_ref=g_dots
                    on:pointerover=handler(move |ev: web_sys::PointerEvent| {
                        if ev.pointer_type() == "mouse" {
                            show(&ev);
                        }
                    })
                    on:pointerout=handler(move |ev: web_sys::PointerEvent| {
                        if ev.pointer_type() == "mouse" && event_target(&ev).is_some() {
                            c.tip.set(None);
                        }
                    })
                    on:click=handler(move |ev: web_sys::MouseEvent| {
                        if show(&ev) {
                            if let Some(t) = event_target(&ev) {
                                if let (Action::Select, Some(id)) = (t.action, t.country) {
                                    c.toggle_select(id);
                                }
                            }
                        }
                    })
                ></g>
                <g inner_html=markup(sel_interval)></g>
            </svg>
            <p class="stat-sentence">{text(label)}</p>
            <p class="stat-line">
                {text(move || stat_line(&my_stats(), settings.get().0))}
            </p>
        </figure>
    }
}

/// The statistics of the countries shown, for every indicator (and their ranking).
pub fn stats_memo() -> Memo<(Vec<IndicatorStats>, Vec<Indicator>)> {
    let c = ctx();
    Memo::new(move |_| {
        let m = c.state.with(|s| s.measure);
        c.rows.with(|r| all_stats(r, m))
    })
}

/// Section: the governance indicators of signatories and non-signatories.
#[component]
pub fn Governance() -> impl IntoView {
    let c = ctx();
    let st = c.state;
    let stats = stats_memo();
    // Shown in the static section's slot, under its heading and lede (model::page::governance).
    let root = NodeRef::<leptos::html::Div>::new();
    place_in("governance-app", root);
    let scope = move || {
        let n = c.rows.with(|r| r.len());
        if st.with(|s| s.is_unfiltered()) {
            format!("Statistics below use all {n} eligible countries.")
        } else {
            format!("Statistics below use the {n} countries that match the current search and filters; the others are faded.")
        }
    };
    // A toggle button for one yes/no setting of the charts.
    let toggle = move |label: &'static str,
                       id: &'static str,
                       on: fn(&State) -> bool,
                       set: fn(&mut State, bool)| {
        view! {
            <button
                type="button"
                id=id
                aria-pressed=text(move || st.with(on).to_string())
                on:click=handler(move |_| st.update(|s| set(s, !on(s))))
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="governance-app" node_ref=root>
            <div class="chart-controls" role="group" aria-label="Chart options">
                {toggle(
                    "Show percentile ranks",
                    "toggle-pct",
                    |s| s.measure == Measure::Percentile,
                    |s, v| s.measure = if v { Measure::Percentile } else { Measure::Estimate },
                )}
                {toggle(
                    "Group by income",
                    "toggle-income",
                    |s| s.group_by == GroupBy::Income,
                    |s, v| s.group_by = if v { GroupBy::Income } else { GroupBy::Status },
                )}
            </div>
            <p class="scope" id="stats-scope" aria-live="polite">{text(scope)}</p>
            <div class="ranking">
                <h3>"Which indicator separates signatories best?"</h3>
                <ol
                    id="ranking"
                    inner_html=markup(move || stats.with(|(s, order)| ranking_html(s, order)))
                ></ol>
            </div>
            <div class="charts">
                {Indicator::ALL.map(|ind| view! { <IndicatorChart ind stats/> }).collect_view()}
            </div>
        </div>
    }
}
