//! Section "The story": context, then the timeline — the steps' text beside the step graphic,
//! one component ([`Story`]) rendered at build time and hydrated: the reader's step marks the
//! active step and switches the graphic (`data-step` on `#story-graphic`); the step buttons and
//! the reader's scrolling (`components::scrolly`) move it.
//!
//! The graphic holds every step's state at once — header line, caption, labels on the map, an
//! extra graphic, a tally, a legend, each a `.layer` with `data-for` the step's id — and a style
//! sheet ([`style`]) that shows step `id`'s layers, zoom, fills, days and progress when
//! `#story-graphic[data-step=id]`. Without JavaScript the steps read as a document. Where labels
//! sit, what each step zooms to and the counts come from `model::story`.

use leptos::prelude::*;

use super::scrolly::{follow_reader, scroll_to_step};
use super::{built, built_text, ctx, prose};
use crate::browser::now;
use crate::model::data::{
    step_body, Status, CONTENT_STORY_INTRO, COUNTRIES, MAP_SVG, MAP_VIEWBOX, MAP_VIEWBOX_ATTR,
    NOT_LISTED, STEPS, STEP_CAPTIONS, STORY_EXTRAS, STORY_TALLY,
};
use crate::model::story::{days, fmt_range, labels, marks, tally_words, view, world, zoom_parts};
use crate::model::text::fmt_fixed;

/// The twelve conference days: weekday and date in December 2012 (Day 1 is Monday 3 December).
const DAYS: [(&str, u8); 12] = [
    ("Mon", 3),
    ("Tue", 4),
    ("Wed", 5),
    ("Thu", 6),
    ("Fri", 7),
    ("Sat", 8),
    ("Sun", 9),
    ("Mon", 10),
    ("Tue", 11),
    ("Wed", 12),
    ("Thu", 13),
    ("Fri", 14),
];

/// The section: heading, context, and the timeline (graphic and steps), hydrated as one
/// component ([`Story`]).
#[component]
pub fn StorySection() -> impl IntoView {
    view! {
        <section id="story" class="story" aria-labelledby="story-h">
            <Story/>
        </section>
    }
}

/// The story: heading, context, and the timeline — the steps beside the step graphic. The
/// reader's step (`Ctx::step`) marks the active step and names the graphic's state
/// (`data-step`); the step buttons move it and scroll to it; an observer follows the reader's
/// scrolling (`components::scrolly`). What the steps and the graphic say is build-time content:
/// each piece is rendered by its own component at build time into an element's `inner_html`
/// ([`built`]), which hydration keeps, so the wasm carries none of it.
#[component]
pub fn Story() -> impl IntoView {
    let c = ctx();
    let n = STEPS.len();
    // The step the graphic shows: the reader's, or outside the story the last one it showed (the
    // sticky graphic can still be on screen), though the link then says where they are instead.
    let shown =
        Memo::new(move |prev: Option<&Option<usize>>| c.step.get().or(prev.copied().flatten()));
    let pinned = StoredValue::new(0.0f64);
    // The step buttons' handler (one closure type for both).
    let go = move |delta: i64| {
        move |_| {
            let cur = shown.get_untracked().map_or(-1, |k| k as i64);
            let next = (cur + delta).clamp(0, n as i64 - 1) as usize;
            c.state.update(|s| s.step = Some(next));
            let smooth = !c.reduce_motion.get_untracked();
            if smooth {
                pinned.set_value(now() + 1200.0);
            }
            scroll_to_step(next, smooth);
        }
    };
    follow_reader(c, pinned);
    let steps = STEPS
        .iter()
        .enumerate()
        .map(|(k, st)| {
            let on = move || c.step.get() == Some(k);
            view! {
                <li
                    class="step"
                    class:active=on
                    id=st.id
                    tabindex="0"
                    aria-current=move || if on() { "step" } else { "false" }
                    aria-labelledby=built_text(|| format!("{}-h", st.id))
                    inner_html=built(|| step_text(k))
                ></li>
            }
        })
        .collect_view();
    view! {
        <h2 id="story-h">"The story"</h2>
        <div class="prose" inner_html=prose(&CONTENT_STORY_INTRO)></div>
        <div class="scrolly" id="timeline">
            <div class="sticky" id="story-graphic" data-step=move || shown.get().map(|k| STEPS[k].id)>
                <div class="graphic">
                    <div class="g-head">
                        <div id="story-nav">
                            <div class="step-nav needs-app" id="step-nav">
                                <button
                                    type="button"
                                    id="step-prev"
                                    aria-label="Previous step"
                                    disabled=move || shown.get().is_none_or(|k| k == 0)
                                    on:click=go(-1)
                                >
                                    "←"
                                    <span class="wide-text">" Previous"</span>
                                </button>
                                <span class="step-pos" id="step-pos" aria-live="polite">
                                    {move || match shown.get() {
                                        Some(k) => format!("Step {} of {n}", k + 1),
                                        None => format!("{n} steps"),
                                    }}
                                </span>
                                <button
                                    type="button"
                                    id="step-next"
                                    aria-label="Next step"
                                    disabled=move || shown.get().is_some_and(|k| k + 1 >= n)
                                    on:click=go(1)
                                >
                                    <span class="wide-text">"Next "</span>
                                    "→"
                                </button>
                            </div>
                        </div>
                        // After the buttons in the document, between them on screen (CSS `order`).
                        <div class="stack g-when" aria-hidden="true" inner_html=built(when)></div>
                    </div>
                    <div class="g-body" inner_html=built(graphic_body)></div>
                </div>
            </div>
            <ol class="steps" aria-label="Timeline of WCIT-12">{steps}</ol>
        </div>
    }
}

/// Step `k`'s text: date line, heading, and its lede and notes (build-time content).
fn step_text(k: usize) -> impl IntoView {
    let st = &STEPS[k];
    view! {
        <p class="when">
            <a href=format!("#{}", st.id)>{days(k)}</a>
            {format!(" · {}", st.date)}
        </p>
        <h4 id=format!("{}-h", st.id)>{st.title}</h4>
        <div class="step-body" inner_html=step_body(k).map(|b| b.as_str()).unwrap_or_default()></div>
    }
}

/// One step's layer in a slot of the graphic: shown when `data-step` names the step.
fn layer(k: usize, class: &'static str, inner: impl IntoView) -> impl IntoView {
    view! { <div class=format!("layer {class}") data-for=STEPS[k].id>{inner}</div> }
}

/// Each step's date line in the graphic's header.
fn when() -> impl IntoView {
    (0..STEPS.len())
        .map(|k| {
            let date = STEPS[k].date.split(" 2012").next().unwrap_or(STEPS[k].date);
            layer(
                k,
                "when",
                view! {
                    <strong>{days(k)}</strong>
                    {format!(" · {date}")}
                },
            )
        })
        .collect_view()
}

/// Each step's caption.
fn captions() -> impl IntoView {
    (0..STEPS.len())
        .map(|k| {
            let caption = STEP_CAPTIONS.get(k).copied().unwrap_or("");
            layer(k, "caption", view! { <p>{caption}</p> })
        })
        .collect_view()
}

/// The graphic below its header: the steps' style sheet, the calendar, the progress bar, each
/// step's caption, the stage and what is below it.
fn graphic_body() -> impl IntoView {
    view! {
        <style inner_html=style()></style>
        <ol class="calendar" aria-hidden="true">{calendar()}</ol>
        <div class="progress" aria-hidden="true">
            <span></span>
        </div>
        <div class="stack g-caption">{captions()}</div>
        <div class="stage" style=stage_size()>{stage()}</div>
        <div class="stack g-below">{below()}</div>
    }
}

/// The twelve days of the conference; the style sheet marks a step's days.
fn calendar() -> impl IntoView {
    DAYS.iter()
        .map(|&(wd, date)| {
            // Built at build time only: two shapes cost the wasm nothing.
            if wd == "Sat" || wd == "Sun" {
                view! { <li class="weekend">{wd}<b>{date}</b></li> }.into_any()
            } else {
                view! { <li>{wd}<b>{date}</b></li> }.into_any()
            }
        })
        .collect_view()
}

/// The stage keeps the map's proportions.
fn stage_size() -> String {
    let (_, _, w, h) = MAP_VIEWBOX;
    format!("aspect-ratio:{} / {}", fmt_fixed(w, 0), fmt_fixed(h, 0))
}

/// The stage: the small map (the vote map's features, with their status classes; each step's
/// fills and zoom are the style sheet's), each step's labels on it and its extra graphics.
fn stage() -> impl IntoView {
    let n = STEPS.len();
    let labels = (0..n)
        .filter(|&k| !labels(k).is_empty())
        .map(|k| layer(k, "labels", step_labels(k)))
        .collect_view();
    let extras = (0..n)
        .filter(|&k| !STORY_EXTRAS[k].is_empty())
        .map(|k| view! { <div class="layer extra" data-for=STEPS[k].id inner_html=STORY_EXTRAS[k]></div> })
        .collect_view();
    view! {
        <div class="zoom">
            <div id="story-map-slot">
                <div class="story-map-wrap">
                    <svg
                        class="worldmap story-map"
                        id="story-map"
                        viewBox=MAP_VIEWBOX_ATTR
                        role="img"
                        aria-label="Small world map highlighting the countries named in the current step of the timeline."
                        preserveAspectRatio="xMidYMid meet"
                    >
                        <g id="story-map-features" inner_html=MAP_SVG></g>
                    </svg>
                </div>
            </div>
        </div>
        {labels}
        {extras}
    }
}

/// Below the stage: each step's tally and legend.
fn below() -> impl IntoView {
    (0..STEPS.len())
        .filter(|&k| has_tally(k) || has_legend(k))
        .map(|k| {
            layer(
                k,
                "below",
                view! {
                    {has_tally(k).then(|| view! { <Tally k/> })}
                    {has_legend(k).then(|| view! { <StepLegend k/> })}
                },
            )
        })
        .collect_view()
}

/// Step `k`'s labels on the map, placed by `model::story::labels`.
fn step_labels(k: usize) -> impl IntoView {
    labels(k)
        .into_iter()
        .map(|l| {
            let class = format!(
                "lab {}{}",
                l.side.class(),
                if l.wide_only { " wide-only" } else { "" }
            );
            let style = format!(
                "left:{}%;top:{}%",
                fmt_fixed(l.left, 1),
                fmt_fixed(l.top, 1)
            );
            view! {
                <span class=class style=style>
                    <span>{l.text}</span>
                </span>
            }
        })
        .collect_view()
}

fn has_tally(k: usize) -> bool {
    STORY_TALLY.iter().any(|t| t.step == k)
}

fn has_legend(k: usize) -> bool {
    STEPS[k].all_by_status || marks(k).next().is_some()
}

/// Step `k`'s counted result as one bar (segments as shares of the highest total), labelled
/// directly; a range where sources disagree is hatched.
#[component]
fn Tally(k: usize) -> impl IntoView {
    let rows: Vec<_> = STORY_TALLY.iter().filter(|t| t.step == k).collect();
    let total: f64 = rows.iter().map(|t| f64::from(t.high)).sum();
    let (described, sources) = tally_words(&rows);
    let segs = rows
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let class = format!("seg t{i}{}", if t.low == t.high { "" } else { " range" });
            let width = format!("width:{}%", fmt_fixed(f64::from(t.high) / total * 100.0, 2));
            view! {
                <span class=class style=width>
                    <span class="tl">
                        <b>{fmt_range(t)}</b>
                        {format!(" {}", t.label)}
                    </span>
                </span>
            }
        })
        .collect_view();
    view! {
        <figure class="tally">
            <div class="tally-bar" role="img" aria-label=format!("Show of hands: {described}")>
                {segs}
            </div>
            <figcaption>{sources}</figcaption>
        </figure>
    }
}

/// Step `k`'s legend: one line per role, or at the signing the three statuses with their counts.
#[component]
fn StepLegend(k: usize) -> impl IntoView {
    let line = |role: &'static str, text: String| {
        view! {
            <li>
                <span class=format!("sw sw-{role}")></span>
                {text}
            </li>
        }
    };
    let items: Vec<_> = if STEPS[k].all_by_status {
        let signed = COUNTRIES
            .iter()
            .filter(|c| c.status == Status::Signed)
            .count();
        vec![
            line("signed", format!("{} ({signed})", Status::Signed.label())),
            line(
                "declined",
                format!(
                    "{} ({})",
                    Status::Declined.label(),
                    COUNTRIES.len() - signed
                ),
            ),
            line(
                "inf",
                format!(
                    "Muted: inferred, not confirmed ({})",
                    COUNTRIES.iter().filter(|c| c.grade.is_inferred()).count()
                ),
            ),
            line(
                "quiet",
                format!(
                    "ITU member, not among the {} ({})",
                    COUNTRIES.len(),
                    NOT_LISTED.len()
                ),
            ),
        ]
    } else {
        marks(k)
            .map(|m| line(m.role, m.legend.to_string()))
            .collect()
    };
    view! { <ul class="g-legend">{items}</ul> }
}

/// The style sheet of the steps' states: for each step, its layers shown, its zoom, its fills,
/// its days on the calendar and its progress. Selectors start at `#story-graphic[data-step=…]`
/// (and, without JavaScript, at `#story-graphic:not([data-step])` for the last step).
/// Built from step ids, ISO3 codes, roles and numbers only: nothing in it needs escaping
/// (checked in `tests/components.rs`), and it is set as the `<style>`'s content unchanged.
pub fn style() -> String {
    let mut css: String = STEPS
        .iter()
        .enumerate()
        .map(|(k, st)| step_style(k, &format!("#story-graphic[data-step={}]", st.id)))
        .collect();
    // Without JavaScript no step is chosen: the graphic shows the last step, the signing, as a
    // figure above the steps (which read as a document).
    let last = STEPS.len() - 1;
    css += &format!(
        "@media (scripting:none){{{}}}",
        step_style(last, "#story-graphic:not([data-step])")
    );
    css
}

/// Step `k`'s state under the selector `sel`.
fn step_style(k: usize, sel: &str) -> String {
    let all = world();
    let mut css = String::new();
    let n = STEPS.len();
    let st = &STEPS[k];
    {
        css += &format!(
            "{sel} [data-for={}]{{opacity:1;visibility:visible;--on:1}}",
            st.id
        );
        css += &format!("{sel} .g-below [data-for={}]{{position:static}}", st.id);
        let v = view(k);
        if v != all {
            // `--z` on the whole graphic: its label layer, outside `.zoom`, divides by it too.
            let (z, transform) = zoom_parts(v);
            css += &format!("{sel}{{--z:{z}}}{sel} .zoom{{transform:{transform}}}");
        }
        if marks(k).next().is_none() && !st.all_by_status {
            // No country to show: the step's diagram has the stage to itself.
            css += &format!("{sel} .zoom{{opacity:0}}");
        }
        for m in marks(k) {
            let list: Vec<String> = m
                .countries
                .iter()
                .map(|c| format!("[data-iso3={c}]"))
                .collect();
            css += &format!("{sel} :is({}){{--f:var(--r-{})}}", list.join(","), m.role);
            if m.role == "disowned" {
                css += &format!("{sel} :is({}){{--s:var(--fg);--sw:1.5}}", list.join(","));
            }
        }
        if st.all_by_status {
            css += &format!(
                "{sel} .feat.signed{{--f:var(--signed)}}{sel} .feat.declined{{--f:var(--declined)}}{sel} .feat.signed.inf{{--f:var(--signed-inf)}}{sel} .feat.declined.inf{{--f:var(--declined-inf)}}{sel} .feat.declined,{sel} .feat.declined .dot{{transition-delay:var(--ts)}}"
            );
        }
        let days: Vec<String> = (st.day..=st.day_end)
            .map(|d| format!("li:nth-child({d})"))
            .collect();
        css += &format!(
            "{sel} .calendar :is({}){{background:var(--fg);color:var(--bg)}}",
            days.join(",")
        );
        css += &format!(
            "{sel} .progress span{{width:{}%}}",
            fmt_fixed((k + 1) as f64 / n as f64 * 100.0, 2)
        );
    }
    css
}
