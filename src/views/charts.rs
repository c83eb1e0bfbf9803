//! Section "Governance": six strip charts (signatories vs non-signatories, or by income group) of
//! the WGI 2011 indicators, with the statistics the model computes for the countries the filters
//! define. The build writes them in their default state (`model::sections::governance_app`); this
//! view adopts them (`kit::adopt`) and redraws a part only when its inputs changed: a sort touches
//! nothing here, a search only fades dots, a filter redraws medians and statistics, a chart option
//! redraws the charts.

use std::cell::RefCell;

use crate::views::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx;
use super::kit::{
    adopt, by_id, download_svg, effect, event_target, is_touch, listen, listen_id, set_attr,
    set_markup, set_text, when_idle, Format, Marks, Tip,
};
use crate::model::analysis::{axis_title, census_all, subset};
use crate::model::chart::{
    axis_svg, dots_svg, interval_svg, labels_svg, layout, rows_svg, summaries, Layout, WIDTH,
};
use crate::model::contract::{Action, CountryId};
use crate::model::data::{Indicator, COUNTRIES};
use crate::model::html::Html;
use crate::model::sections::{chart_statement, ranking, scope_line};
use crate::model::state::{indices, GroupBy, Measure, State};
use crate::model::stats::{interval, value_line};
use crate::model::text::fmt_fixed;

/// What one chart shows on the page now (the build's default state until something changes).
struct Shown {
    settings: (Measure, GroupBy),
    subset: Vec<bool>,
    sel: Option<CountryId>,
    layout: Option<Layout>,
    marks: Option<Marks>,
}

fn child(fig: &web_sys::Element, sel: &str) -> Option<web_sys::Element> {
    fig.query_selector(sel).ok().flatten()
}

/// One indicator's chart: its one owner redraws axis, medians, dots and the selected country's
/// interval when their inputs change, and marks the dots (faded outside the search and filters,
/// the selected one) in the same run.
fn adopt_chart(ind: Indicator, fig: web_sys::Element) {
    let c = ctx();
    let (Some(svg), Some(axis), Some(rows), Some(dots), Some(sel_g), Some(labels)) = (
        child(&fig, "svg"),
        child(&fig, "g.axis"),
        child(&fig, "g.rows"),
        child(&fig, "g.dots"),
        child(&fig, "g.sel"),
        child(&fig, "g.labels"),
    ) else {
        return;
    };
    let built = State::default();
    let all = vec![true; COUNTRIES.len()];
    let shown = RefCell::new(Shown {
        settings: (built.measure, built.group_by),
        subset: all.clone(),
        sel: None,
        layout: None,
        marks: None,
    });
    let dots_el = dots.clone();
    effect(move || {
        let settings = c.settings.get();
        let subset = c.subset.get();
        let mask = c.mask.get();
        let sel = c.selected.get();
        let mut s = shown.borrow_mut();
        let s = &mut *s;
        let (m, g) = settings;
        let redraw = s.settings != settings;
        let remark = s.marks.is_some() || sel.is_some() || mask != all;
        if !redraw && !remark && s.subset == subset {
            // As the build drew it: no layout needed (the beeswarm is not recomputed at boot).
            return;
        }
        if redraw {
            s.layout = None;
        }
        let lay = s.layout.get_or_insert_with(|| layout(ind, m, g));
        if redraw {
            let _ = svg.set_attribute("height", &fmt_fixed(lay.height, 0));
            set_markup(&axis, &axis_svg(lay));
            set_markup(&dots_el, &dots_svg(lay));
            set_markup(&labels, &labels_svg(lay));
            s.marks = Some(Marks::read(&dots_el));
        }
        if redraw || s.subset != subset {
            set_markup(
                &rows,
                &rows_svg(lay, &summaries(ind, m, g, &indices(&subset))),
            );
        }
        if remark {
            let marks = s.marks.get_or_insert_with(|| Marks::adopted(&dots_el));
            marks.apply(&mask, sel);
        }
        if redraw || s.sel != sel {
            let html = match sel.and_then(|id| interval(id.country(), ind, m).map(|r| (id, r))) {
                Some((id, (lo, hi))) => interval_svg(lay, id, lo, hi),
                None => Html::EMPTY,
            };
            set_markup(&sel_g, &html);
        }
        s.settings = settings;
        s.subset = subset;
        s.sel = sel;
    });
    // Tooltips and selection: one set of listeners on the dots' group.
    let show = move |ev: &web_sys::MouseEvent| {
        let Some(id) = event_target(ev).and_then(|t| t.country) else {
            return false;
        };
        c.tip.set(Some(Tip {
            country: Some(id),
            other: None,
            value: Some(value_line(id.country(), ind, c.settings.get_untracked().0)),
            x: ev.client_x() as f64,
            y: ev.client_y() as f64,
            touch: is_touch(ev),
        }));
        true
    };
    listen(&dots, "pointerover", move |ev| {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        if ev.pointer_type() == "mouse" {
            show(&ev);
        }
    });
    listen(&dots, "pointerout", move |ev| {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        if ev.pointer_type() == "mouse" && event_target(&ev).is_some() {
            c.tip.set(None);
        }
    });
    listen(&dots, "click", move |ev| {
        if show(ev.unchecked_ref()) {
            if let Some(t) = event_target(&ev) {
                if let (Action::Select, Some(id)) = (t.action, t.country) {
                    c.toggle_select(id);
                }
            }
        }
    });
}

/// Saves one chart (chosen in the section's one download control) as SVG or PNG: title, colour
/// key and sources drawn in.
fn save_chart(c: super::Ctx, format: Format) {
    let code = by_id("dl-chart")
        .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default();
    let Some(ind) = Indicator::ALL.into_iter().find(|i| i.code() == code) else {
        return;
    };
    let Some(svg) = document()
        .query_selector(&format!("figure.chart[data-ind=\"{code}\"] svg"))
        .ok()
        .flatten()
    else {
        return;
    };
    let (m, g) = c.settings.get_untracked();
    let what = if m == Measure::Percentile {
        "percentile rank"
    } else {
        "estimate"
    };
    download_svg(
        &svg,
        (0.0, 0.0, WIDTH, layout(ind, m, g).height),
        1.0,
        &format!("{} (WGI 2011 {what})", ind.label()),
        &[
            "Signed vs did not sign the WCIT-12 Final Acts (14 Dec 2012); statuses graded C/D are inferred.",
            "Source: World Bank Worldwide Governance Indicators, 2014 Update (Kaufmann, Kraay & Mastruzzi 2010), CC BY 4.0.",
        ],
        &format!("wcit12-wgi-{}", ind.code()),
        format,
    );
}

/// The section's controls, statistics and charts.
pub fn adopt_governance() {
    let c = ctx();
    let st = c.state;
    let built = State::default();
    // A toggle button for one yes/no setting of the charts.
    let toggle = |id: &'static str, on: fn(&State) -> bool, set: fn(&mut State, bool)| {
        listen_id(id, "click", move |_| st.update(|s| set(s, !on(s))));
        if let Some(b) = by_id(id) {
            adopt(
                move || st.with(on),
                on(&built),
                move |v| set_attr(&b, "aria-pressed", Some(if *v { "true" } else { "false" })),
            );
        }
    };
    toggle(
        "toggle-pct",
        |s| s.measure == Measure::Percentile,
        |s, v| {
            s.measure = if v {
                Measure::Percentile
            } else {
                Measure::Estimate
            }
        },
    );
    toggle(
        "toggle-income",
        |s| s.group_by == GroupBy::Income,
        |s, v| s.group_by = if v { GroupBy::Income } else { GroupBy::Status },
    );
    // Statistics of the countries the filters define, in words, for every chart, the ranking and
    // the scope line. The resampled figures (permutations and bootstrap intervals: about 10 ms
    // natively for the six, 15 in the browser) are computed once the next frame has painted and
    // the browser is idle, so that a filter answers at once (table, fading, medians) and the
    // words follow; a newer change supersedes a pending one.
    let figs: Vec<(Indicator, web_sys::Element)> = Indicator::ALL
        .iter()
        .filter_map(|&ind| {
            let fig = document()
                .query_selector(&format!("figure.chart[data-ind=\"{}\"]", ind.code()))
                .ok()
                .flatten()?;
            Some((ind, fig))
        })
        .collect();
    let texts = std::rc::Rc::new(figs.clone());
    let generation = std::rc::Rc::new(std::cell::Cell::new(0u32));
    // What the statistics depend on: the filters and the measure, never the search.
    let filters = |s: &State, query: bool| State {
        query: if query && !s.query.trim().is_empty() {
            "…".into()
        } else {
            String::new()
        },
        status: s.status,
        region: s.region,
        income: s.income,
        measure: s.measure,
        ..State::default()
    };
    adopt(
        move || st.with(|s| filters(s, false)),
        built.clone(),
        move |state| {
            let me = generation.get().wrapping_add(1);
            generation.set(me);
            let (texts, generation, state) = (texts.clone(), generation.clone(), state.clone());
            when_idle(move || {
                if generation.get() != me {
                    return;
                }
                let set = subset(&state);
                let rows = census_all(&set, state.measure);
                for (ind, fig) in texts.iter() {
                    let (said, details) = chart_statement(&state, &set, rows[ind.index()].as_ref());
                    if let Some(svg) = child(fig, "svg") {
                        let _ = svg.set_attribute("aria-label", &said);
                    }
                    if let Some(p) = child(fig, ".stat-sentence") {
                        p.set_text_content(Some(&said));
                    }
                    if let Some(d) = child(fig, ".stat-details") {
                        set_attr(&d, "hidden", details.is_empty().then_some(""));
                        if let Some(ul) = child(&d, "ul") {
                            set_markup(&ul, &details);
                        }
                    }
                    if let Some(p) = child(fig, ".axis-title") {
                        p.set_text_content(Some(axis_title(state.measure)));
                    }
                }
                if let Some(r) = by_id("ranking") {
                    set_markup(&r, &ranking(&state, &set, &rows));
                }
            });
        },
    );
    // The scope line also says whether a search is on (it only highlights): at once, and apart
    // from the statistics, so that a search keystroke does not recompute them (about 15 ms).
    adopt(
        move || st.with(|s| filters(s, true)),
        built.clone(),
        move |state| set_text("stats-scope", &scope_line(state, &subset(state))),
    );
    for (ind, fig) in figs {
        adopt_chart(ind, fig);
    }
    listen_id("dl-chart-svg", "click", move |_| save_chart(c, Format::Svg));
    listen_id("dl-chart-png", "click", move |_| save_chart(c, Format::Png));
}
