//! Section "Governance": six strip charts (signatories vs non-signatories, or by income group) of
//! the WGI 2011 indicators, with the statistics the model computes for the current selection.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::share::download_svg;
use super::table::sync_marks;
use super::{ctx, Tip};
use crate::model::chart::{layout, summaries, x_of, DOT_R, MARGIN_LEFT, ROW_HEIGHT, WIDTH};
use crate::model::data::{Indicator, Status, COUNTRIES};
use crate::model::state::{GroupBy, Measure};
use crate::model::stats::{
    all_stats, fmt_diff, fmt_p, interval, sentence, value_line, IndicatorStats,
};

/// One indicator's strip chart.
#[component]
fn IndicatorChart(
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
    let marks = Memo::new(move |_| {
        let (m, g) = settings.get();
        c.rows.with(|r| summaries(ind, m, g, r))
    });
    let my_stats = move || stats.with(|(s, _)| s[ind.index()]);
    let label = move || sentence(&my_stats(), settings.get().0);
    let dots = move || {
        lay.with(|l| l.dots.clone())
            .into_iter()
            .map(|d| {
                let k = &COUNTRIES[d.country];
                let show = move |ev: web_sys::MouseEvent| {
                    c.tip.set(Some(Tip {
                        country: Some(d.country),
                        other: None,
                        value: Some(value_line(k, ind, settings.get_untracked().0)),
                        x: ev.client_x() as f64,
                        y: ev.client_y() as f64,
                    }));
                };
                // Initial classes; later changes come from the effect below.
                let faded = !c.mask.with_untracked(|m| m[d.country]);
                let sel = c.selected.get_untracked() == Some(d.country);
                let class = format!(
                    "dot {}{}{}",
                    if k.status == Status::Signed { "signed" } else { "declined" },
                    if faded { " faded" } else { "" },
                    if sel { " selected" } else { "" }
                );
                view! {
                    <circle
                        class=class
                        cx=format!("{:.1}", d.x)
                        cy=format!("{:.1}", d.y)
                        r=DOT_R
                        data-iso3=k.iso3
                        data-i=d.country
                        data-tip="1"
                        data-testid="dot"
                        on:pointerenter=move |ev: web_sys::PointerEvent| if ev.pointer_type() == "mouse" { show(ev.unchecked_into()) }
                        on:pointerleave=move |ev: web_sys::PointerEvent| if ev.pointer_type() == "mouse" { c.tip.set(None) }
                        on:click=move |ev| {
                            show(ev);
                            c.toggle_select(d.country);
                        }
                    ></circle>
                }
            })
            .collect_view()
    };
    // Fading and selection: one effect per chart toggles the dots' classes, instead of two
    // reactive closures per dot (864 per chart set) — filtering stays within a frame.
    let g_dots = NodeRef::<leptos::svg::G>::new();
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
                &format!("wcit12-wgi-{}.svg", ind.code()),
            );
        }
    };
    sync_marks(g_dots, false, move || lay.track());
    // The selected country's 90% interval, drawn in every chart.
    let sel_interval = move || {
        let i = c.selected.get()?;
        let (m, _) = settings.get();
        let (lo, hi) = interval(&COUNTRIES[i], ind, m)?;
        lay.with(|l| {
            let d = l.dots.iter().find(|d| d.country == i)?;
            Some(view! {
                <g class="interval" aria-hidden="true">
                    <line x1=format!("{:.1}", x_of(lo, l.domain)) x2=format!("{:.1}", x_of(hi, l.domain)) y1=d.y y2=d.y></line>
                    <line x1=format!("{:.1}", x_of(lo, l.domain)) x2=format!("{:.1}", x_of(lo, l.domain)) y1=d.y - 4.0 y2=d.y + 4.0></line>
                    <line x1=format!("{:.1}", x_of(hi, l.domain)) x2=format!("{:.1}", x_of(hi, l.domain)) y1=d.y - 4.0 y2=d.y + 4.0></line>
                </g>
            })
        })
    };
    view! {
        <figure class="chart" data-testid="chart" data-ind=ind.code()>
            <figcaption>
                <h3>{ind.label()}</h3>
                <button type="button" class="svg-dl" data-testid="download-svg" on:click=save>
                    "Download SVG"<span class="sr-only">{format!(" of the {} chart", ind.label())}</span>
                </button>
            </figcaption>
            <svg
                node_ref=svg_ref
                viewBox=move || format!("0 0 {WIDTH} {}", lay.with(|l| l.height))
                role="img"
                aria-label=label
                data-testid="chart-svg"
            >
                <g aria-hidden="true" class="axis">
                    {move || lay.with(|l| {
                        let bottom = l.height - 22.0;
                        l.ticks
                            .iter()
                            .map(|(x, t)| view! {
                                <line class="grid" x1=format!("{x:.1}") x2=format!("{x:.1}") y1="4" y2=bottom></line>
                                <text x=format!("{x:.1}") y=bottom + 16.0 text-anchor="middle">{t.clone()}</text>
                            })
                            .collect_view()
                    })}
                </g>
                <g aria-hidden="true" class="rows">
                    {move || lay.with(|l| {
                        l.rows
                            .iter()
                            .map(|row| view! { <text class="row-label" x=MARGIN_LEFT - 8.0 y=row.center_y + 4.0 text-anchor="end">{row.label}</text> })
                            .collect_view()
                    })}
                    {move || lay.with(|l| marks.with(|ms| {
                        l.rows
                            .iter()
                            .zip(ms)
                            .filter_map(|(row, s)| s.map(|s| (row.center_y, s)))
                            .map(|(y, s)| {
                                let (x1, xm, x3) = (x_of(s.q1, l.domain), x_of(s.median, l.domain), x_of(s.q3, l.domain));
                                view! {
                                    <rect class="iqr" x=format!("{x1:.1}") y=y - ROW_HEIGHT * 0.42 width=format!("{:.1}", (x3 - x1).max(1.0)) height=ROW_HEIGHT * 0.84></rect>
                                    <line class="median" x1=format!("{xm:.1}") x2=format!("{xm:.1}") y1=y - ROW_HEIGHT * 0.46 y2=y + ROW_HEIGHT * 0.46></line>
                                }
                            })
                            .collect_view()
                    }))}
                </g>
                <g class="dots" node_ref=g_dots>{dots}</g>
                {sel_interval}
            </svg>
            <p class="stat-sentence" data-testid="stat-sentence">{label}</p>
            <p class="stat-line" data-testid="stat-line">
                {move || {
                    let s = my_stats();
                    match s.test {
                        Some(t) => format!(
                            "Difference of medians {}; Mann–Whitney U = {:.0}, {}; P(non-signatory higher) = {:.2}; rank-biserial r = {:+.2}{}",
                            s.median_diff.map(|d| fmt_diff(d, settings.get().0)).unwrap_or_else(|| "n/a".into()),
                            t.u_x,
                            fmt_p(t.p),
                            t.auc,
                            t.rank_biserial,
                            if s.missing > 0 { format!("; {} without a value (n/a)", s.missing) } else { String::new() }
                        ),
                        None => "Not enough countries in both groups for a test.".into(),
                    }
                }}
            </p>
        </figure>
    }
}

/// Section: the governance indicators of signatories and non-signatories.
#[component]
pub fn Governance() -> impl IntoView {
    let c = ctx();
    let st = c.state;
    let stats = Memo::new(move |_| {
        let m = st.with(|s| s.measure);
        c.rows.with(|r| all_stats(r, m))
    });
    let scope = move || {
        let n = c.rows.with(|r| r.len());
        if st.with(|s| s.is_unfiltered()) {
            format!("Statistics below use all {n} eligible countries.")
        } else {
            format!("Statistics below use the {n} countries that match the current search and filters; the others are faded.")
        }
    };
    let toggle = move |label: &'static str,
                       testid: &'static str,
                       on: Signal<bool>,
                       set: Callback<bool>| {
        view! {
            <button type="button" data-testid=testid aria-pressed=move || if on.get() { "true" } else { "false" } on:click=move |_| set.run(!on.get_untracked())>
                {label}
            </button>
        }
    };
    let pct = Signal::derive(move || st.with(|s| s.measure == Measure::Percentile));
    let by_income = Signal::derive(move || st.with(|s| s.group_by == GroupBy::Income));
    view! {
        <section id="governance" class="governance" aria-labelledby="gov-h">
            <h2 id="gov-h">"Governance: who signed?"</h2>
            <p class="lede">
                "The talk merged the list of signatories with the World Bank's Worldwide Governance Indicators and found little support for the treaty among developed states. "
                "Each dot is a country; the band spans the middle half of its group and the bar marks the median. Hover or tap a dot for its value and 90% interval; select it to follow the country across all six charts."
            </p>
            <div class="chart-controls" role="group" aria-label="Chart options">
                {toggle("Show percentile ranks", "toggle-pct", pct, Callback::new(move |v: bool| st.update(|s| s.measure = if v { Measure::Percentile } else { Measure::Estimate })))}
                {toggle("Group by income", "toggle-income", by_income, Callback::new(move |v: bool| st.update(|s| s.group_by = if v { GroupBy::Income } else { GroupBy::Status })))}
            </div>
            <p class="scope" data-testid="stats-scope" aria-live="polite">{scope}</p>
            <div class="ranking">
                <h3>"Which indicator separates signatories best?"</h3>
                <ol data-testid="ranking">
                    {move || stats.with(|(s, order)| {
                        order
                            .iter()
                            .map(|ind| {
                                let t = s[ind.index()].test;
                                let txt = match t {
                                    Some(t) => format!(
                                        "{}: in {:.0}% of signatory/non-signatory pairs the non-signatory scores higher ({})",
                                        ind.label(),
                                        t.auc * 100.0,
                                        fmt_p(t.p)
                                    ),
                                    None => format!("{}: n/a", ind.label()),
                                };
                                view! { <li>{txt}</li> }
                            })
                            .collect_view()
                    })}
                </ol>
            </div>
            <div class="charts">
                {Indicator::ALL.map(|ind| view! { <IndicatorChart ind stats/> }).collect_view()}
            </div>
            <p class="caveat" data-testid="caveat">
                "These numbers describe an association between governance scores and the decision to sign, not a cause. "
                "WGI values are the 2014-Update revision of the 2011 estimates; statuses graded C or D are inferred. "
                "When grouping by income, dots keep their status colours and the statistics still compare non-signatories with signatories."
            </p>
        </section>
    }
}
