//! The story's step graphic, designed per step and rendered at build time (`page::story`): for
//! every step a header line, a caption, a legend, labels on the map, a zoom, and an extra graphic
//! or a tally where the step has one; and the style sheet that shows step `id`'s state when the
//! app sets `data-step="id"` on `#story-graphic`. The app only sets that attribute (and keeps the
//! small map's features classed, `views::map`); fills, zoom and labels change by CSS, with
//! transitions that reduced motion turns off. Nothing here runs in the browser.

use super::data::{
    member_name, Status, COUNTRIES, LABEL_POINTS, MAP_VIEWBOX, NOT_LISTED, STEPS, STEP_CAPTIONS,
    STORY_EXTRAS, STORY_MARKS, STORY_TALLY,
};
use super::html::Html;
use crate::html;

/// Countries a step marks on the map in one role (`src/data/story_marks.csv`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// Index into `STEPS`.
    pub step: usize,
    /// One of `datagen::story::ROLES`; its fill is `--r-<role>` in `style/main.css`.
    pub role: &'static str,
    pub countries: &'static [&'static str],
    /// What the role means (the step's legend).
    pub legend: &'static str,
    /// Map label instead of the country's name (single-country marks); "" = the name.
    pub label: &'static str,
}

/// A counted result a step shows as a bar (`src/data/story_tally.csv`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tally {
    pub step: usize,
    pub label: &'static str,
    /// Equal unless sources disagree.
    pub low: u16,
    pub high: u16,
    pub source: &'static str,
}

/// A rectangle of the map, in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// The narrowest zoom, in map units (about the Gulf).
const MIN_WIDTH: f64 = 120.0;
/// Space kept around the marked countries' points, in map units.
const PAD: f64 = 40.0;
/// Wider than this share of the map, a step shows the whole map.
const WORLD_SHARE: f64 = 0.7;

fn full() -> View {
    let (x, y, w, h) = MAP_VIEWBOX;
    View { x, y, w, h }
}

/// The marks of step `k`.
pub fn marks(k: usize) -> impl Iterator<Item = &'static Mark> {
    STORY_MARKS.iter().filter(move |m| m.step == k)
}

pub(crate) fn point(iso3: &str) -> Option<(f64, f64)> {
    LABEL_POINTS
        .iter()
        .find(|p| p.0 == iso3)
        .map(|p| (p.1, p.2))
}

/// What step `k`'s map shows: the box around its marked countries (padded, at least `MIN_WIDTH`
/// wide, with the map's aspect ratio, inside the map), or the whole map.
pub fn view(k: usize) -> View {
    let all = full();
    let pts: Vec<(f64, f64)> = marks(k)
        .flat_map(|m| m.countries.iter())
        .filter_map(|c| point(c))
        .collect();
    if pts.is_empty() {
        return all;
    }
    let x0 = pts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let x1 = pts.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let y0 = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let y1 = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let v = fit([x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD]);
    if v.w >= all.w * WORLD_SHARE {
        return all;
    }
    v
}

/// The smallest view around the box (x0, y0, x1, y1) with the map's proportions, at least
/// `MIN_WIDTH` wide, kept inside the map (also the vote map's zooms, `model::sections`).
pub fn fit([x0, y0, x1, y1]: [f64; 4]) -> View {
    let all = full();
    let aspect = all.h / all.w;
    let mut w = (x1 - x0).max(MIN_WIDTH);
    let h = (y1 - y0).max(w * aspect);
    w = h / aspect;
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    // max/min, not `clamp`: clamp's panic message formats floats, which would bring float
    // printing (about 8 kB brotli) into the wasm, where the vote map's download and embed use this.
    View {
        x: (cx - w / 2.0).min(all.x + all.w - w).max(all.x),
        y: (cy - h / 2.0).min(all.y + all.h - h).max(all.y),
        w,
        h,
    }
}

/// The CSS of a zoom to `v`: `--z` (the scale, which strokes, dots and labels divide by to keep
/// their size) and the transform of the `.zoom` box (origin at its top left).
pub fn zoom_css(v: View) -> String {
    let (z, transform) = zoom_parts(v);
    format!("--z:{z};transform:{transform}")
}

/// A zoom to `v` as its scale and the `.zoom` box's transform (story steps and vote map).
fn zoom_parts(v: View) -> (String, String) {
    let all = full();
    let z = super::text::fmt_fixed(all.w / v.w, 3);
    let transform = format!(
        "scale({z}) translate(-{}%,-{}%)",
        super::text::fmt_fixed((v.x - all.x) / all.w * 100.0, 2),
        super::text::fmt_fixed((v.y - all.y) / all.h * 100.0, 2)
    );
    (z, transform)
}

/// The step's label text for a country: the mark's own, or its name without a parenthesis
/// ("Iran (Islamic Republic of)" → "Iran").
fn label_text(m: &Mark, iso3: &str) -> &'static str {
    if !m.label.is_empty() {
        return m.label;
    }
    super::text::without_parenthesis(member_name(iso3).unwrap_or(""))
}

/// Where a label sits beside its point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
}

impl Side {
    fn class(self) -> &'static str {
        match self {
            Side::Right => "r",
            Side::Left => "l",
            Side::Above => "a",
            Side::Below => "b",
        }
    }
}

/// A placed label: text, position in % of the graphic's map frame, side, and whether it fits
/// only on a wide screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: &'static str,
    pub role: &'static str,
    pub left: f64,
    pub top: f64,
    pub side: Side,
    pub wide_only: bool,
}

/// Frame widths (CSS px) the labels are laid out for: the desktop graphic and a phone.
const WIDE: f64 = 640.0;
const NARROW: f64 = 343.0;
/// Label box estimate at 13 px: width per character, height, gap to the point.
const CHAR_W: f64 = 7.2;
const LABEL_H: f64 = 18.0;
const GAP: f64 = 6.0;

type Box4 = (f64, f64, f64, f64);

fn label_box(fx: f64, fy: f64, chars: usize, side: Side, width: f64, height: f64) -> Box4 {
    let (px, py) = (fx * width, fy * height);
    let w = chars as f64 * CHAR_W + 8.0;
    match side {
        Side::Right => (px + GAP, py - LABEL_H / 2.0, w, LABEL_H),
        Side::Left => (px - GAP - w, py - LABEL_H / 2.0, w, LABEL_H),
        Side::Above => (px - w / 2.0, py - GAP - LABEL_H, w, LABEL_H),
        Side::Below => (px - w / 2.0, py + GAP, w, LABEL_H),
    }
}

fn fits(b: Box4, taken: &[Box4], width: f64, height: f64) -> bool {
    let inside = b.0 >= 0.0 && b.1 >= 0.0 && b.0 + b.2 <= width && b.1 + b.3 <= height;
    inside
        && taken
            .iter()
            .all(|t| b.0 + b.2 <= t.0 || t.0 + t.2 <= b.0 || b.1 + b.3 <= t.1 || t.1 + t.3 <= b.1)
}

/// Step `k`'s labels, placed greedily in the order of `story_marks.csv` (right, left, above or
/// below the point, without overlap in a frame `WIDE` px wide; those that also fit at `NARROW`
/// show on phones too). A label that fits nowhere is left out: the legend and the step's text
/// name every country.
pub fn labels(k: usize) -> Vec<Label> {
    let v = view(k);
    let aspect = v.h / v.w;
    let (ww, wh, nw, nh) = (WIDE, WIDE * aspect, NARROW, NARROW * aspect);
    let mut taken_w: Vec<Box4> = Vec::new();
    let mut taken_n: Vec<Box4> = Vec::new();
    let mut out = Vec::new();
    for m in marks(k) {
        for iso3 in m.countries {
            let Some((x, y)) = point(iso3) else { continue };
            let (fx, fy) = ((x - v.x) / v.w, (y - v.y) / v.h);
            if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
                continue;
            }
            let text = label_text(m, iso3);
            let n = text.chars().count();
            let sides = [Side::Right, Side::Left, Side::Above, Side::Below];
            let Some(side) = sides
                .into_iter()
                .find(|s| fits(label_box(fx, fy, n, *s, ww, wh), &taken_w, ww, wh))
            else {
                continue;
            };
            taken_w.push(label_box(fx, fy, n, side, ww, wh));
            let nb = label_box(fx, fy, n, side, nw, nh);
            let wide_only = !fits(nb, &taken_n, nw, nh);
            if !wide_only {
                taken_n.push(nb);
            }
            out.push(Label {
                text,
                role: m.role,
                left: fx * 100.0,
                top: fy * 100.0,
                side,
                wide_only,
            });
        }
    }
    out
}

/// "Day 11" or "Days 1–5".
pub fn days(k: usize) -> String {
    STEPS
        .get(k)
        .map(|st| {
            if st.day == st.day_end {
                format!("Day {}", st.day)
            } else {
                format!("Days {}–{}", st.day, st.day_end)
            }
        })
        .unwrap_or_default()
}

/// Step `k`'s legend: one line per role, or at the signing the three statuses with their counts.
fn legend(k: usize) -> Html {
    let items: Html = if STEPS[k].all_by_status {
        let signed = COUNTRIES
            .iter()
            .filter(|c| c.status == Status::Signed)
            .count();
        html!(
            r#"<li><span class="sw sw-signed"></span>{} ({})</li><li><span class="sw sw-declined"></span>{} ({})</li><li><span class="sw sw-quiet"></span>ITU member, not among the {} ({})</li>"#,
            Status::Signed.label(),
            signed,
            Status::Declined.label(),
            COUNTRIES.len() - signed,
            COUNTRIES.len(),
            NOT_LISTED.len()
        )
    } else {
        marks(k)
            .map(|m| {
                html!(
                    r#"<li><span class="sw sw-{}"></span>{}</li>"#,
                    m.role,
                    m.legend
                )
            })
            .collect()
    };
    if items.is_empty() {
        return Html::EMPTY;
    }
    html!(r#"<ul class="g-legend">{}</ul>"#, items)
}

fn fmt_range(t: &Tally) -> String {
    if t.low == t.high {
        t.low.to_string()
    } else {
        format!("{} or {}", t.low, t.high)
    }
}

/// Step `k`'s counted result as one bar (segments as shares of the highest total), labelled
/// directly; a range where sources disagree is hatched.
pub fn tally(k: usize) -> Html {
    let rows: Vec<&Tally> = STORY_TALLY.iter().filter(|t| t.step == k).collect();
    if rows.is_empty() {
        return Html::EMPTY;
    }
    let total: f64 = rows.iter().map(|t| f64::from(t.high)).sum();
    let described: Vec<String> = rows
        .iter()
        .map(|t| format!("{} {}", t.label, fmt_range(t)))
        .collect();
    let segs: Html = rows
        .iter()
        .enumerate()
        .map(|(i, t)| {
            html!(
                r#"<span class="seg t{}{}" style="width:{}%"><span class="tl"><b>{}</b> {}</span></span>"#,
                i,
                if t.low == t.high { "" } else { " range" },
                super::text::fmt_fixed(f64::from(t.high) / total * 100.0, 2),
                fmt_range(t),
                t.label
            )
        })
        .collect();
    // Sources of the agreed counts once; each disputed count says what each source has.
    let mut agreed: Vec<&str> = Vec::new();
    let mut disputed = String::new();
    for t in &rows {
        if t.low == t.high {
            if !agreed.contains(&t.source) {
                agreed.push(t.source);
            }
        } else {
            disputed += &format!(" Hatched, {}: sources disagree ({}).", t.label, t.source);
        }
    }
    html!(
        r#"<figure class="tally"><div class="tally-bar" role="img" aria-label="Show of hands: {}">{}</div><figcaption>Sources: {}.{}</figcaption></figure>"#,
        described.join(", "),
        segs,
        agreed.join("; "),
        disputed
    )
}

/// The twelve conference days (weekday, date), weekends marked; the step's days are marked by
/// `style` (`li:nth-child(day)`).
fn calendar() -> Html {
    super::markup::DAYS
        .iter()
        .map(|&(_, wd, date)| {
            html!(
                r#"<li{}>{}<b>{}</b></li>"#,
                if wd == "Sat" || wd == "Sun" {
                    Html::trusted(r#" class="weekend""#)
                } else {
                    Html::EMPTY
                },
                wd,
                date
            )
        })
        .collect()
}

/// The layers of step `k` in one slot of the graphic: shown when `data-step` names the step.
fn layer(k: usize, class: &str, inner: Html) -> Html {
    html!(
        r#"<div class="layer {}" data-for="{}">{}</div>"#,
        class,
        STEPS[k].id,
        inner
    )
}

fn labels_html(k: usize) -> Html {
    labels(k)
        .into_iter()
        .map(|l| {
            html!(
                r#"<span class="lab {}{}" style="left:{}%;top:{}%"><span>{}</span></span>"#,
                l.side.class(),
                if l.wide_only { " wide-only" } else { "" },
                super::text::fmt_fixed(l.left, 1),
                super::text::fmt_fixed(l.top, 1),
                l.text
            )
        })
        .collect()
}

/// The static step graphic: header (step line, calendar, progress), caption, map frame with its
/// zoom, labels and extra graphics, tally and legend, the step buttons (`#step-nav`) and the
/// small map's frame (`#story-map`), whose features the app copies from the vote map and
/// re-classes per step (`views::map::adopt_story_map`): everything here is adopted, not re-created.
pub fn graphic() -> Html {
    let n = STEPS.len();
    // A step with nothing in a slot gets no layer there.
    let all = |class: &str, f: &dyn Fn(usize) -> Html| -> Html {
        (0..n)
            .map(|k| (k, f(k)))
            .filter(|(_, h)| !h.is_empty())
            .map(|(k, h)| layer(k, class, h))
            .collect()
    };
    let when = all("when", &|k| {
        html!(
            "<strong>{}</strong> · {}",
            days(k),
            STEPS[k].date.split(" 2012").next().unwrap_or(STEPS[k].date)
        )
    });
    let captions = all("caption", &|k| {
        html!("<p>{}</p>", STEP_CAPTIONS.get(k).copied().unwrap_or(""))
    });
    let labels = all("labels", &labels_html);
    let extras: Html = (0..n)
        .filter(|&k| !STORY_EXTRAS[k].is_empty())
        .map(|k| layer(k, "extra", Html::trusted(STORY_EXTRAS[k])))
        .collect();
    let below = all("below", &|k| {
        let mut h = tally(k);
        h.push(&legend(k));
        h
    });
    let (_, _, w, h) = MAP_VIEWBOX;
    html!(
        r#"<div class="graphic"><style>{}</style><div class="g-head"><div class="stack g-when" aria-hidden="true">{}</div><div id="story-nav"><div class="step-nav needs-app" id="step-nav"><button type="button" id="step-prev" aria-label="Previous step" disabled>←<span class="wide-text"> Previous</span></button><span class="step-pos" id="step-pos" aria-live="polite">{} steps</span><button type="button" id="step-next" aria-label="Next step"><span class="wide-text">Next </span>→</button></div></div></div><ol class="calendar" aria-hidden="true">{}</ol><div class="progress" aria-hidden="true"><span></span></div><div class="stack g-caption">{}</div><div class="stage" style="aspect-ratio:{} / {}"><div class="zoom"><div id="story-map-slot"><div class="story-map-wrap"><svg class="worldmap story-map" id="story-map" viewBox="{}" role="img" aria-label="Small world map highlighting the countries named in the current step of the timeline." preserveAspectRatio="xMidYMid meet"><g id="story-map-features"></g></svg></div></div></div>{}{}</div><div class="stack g-below">{}</div></div>"#,
        style(),
        when,
        n,
        calendar(),
        captions,
        super::text::fmt_fixed(w, 0),
        super::text::fmt_fixed(h, 0),
        super::data::MAP_VIEWBOX_ATTR,
        labels,
        extras,
        below
    )
}

/// The style sheet of the steps' states: for each step, its layers shown, its zoom, its fills,
/// its days on the calendar and its progress. Selectors start at `#story-graphic[data-step=…]`.
/// It holds no character that escaping would change (no quotes, no `<>&`), so it goes into the
/// page's `<style>` through `html!` unchanged (checked in the tests).
pub fn style() -> String {
    let all = full();
    let mut css = String::new();
    let n = STEPS.len();
    for (k, st) in STEPS.iter().enumerate() {
        let sel = format!("#story-graphic[data-step={}]", st.id);
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
            css += &format!("{sel} .zoom{{opacity:.3}}");
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
                "{sel} .feat.signed{{--f:var(--signed)}}{sel} .feat.declined{{--f:var(--declined)}}{sel} .feat.declined,{sel} .feat.declined .dot{{transition-delay:var(--ts)}}"
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
            super::text::fmt_fixed((k + 1) as f64 / n as f64 * 100.0, 2)
        );
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_its_own_state() {
        let css = style();
        assert_eq!(
            Html::text(&css).as_str(),
            css,
            "nothing to escape in the style sheet"
        );
        let g = graphic();
        for (k, st) in STEPS.iter().enumerate() {
            assert!(
                css.contains(&format!("[data-step={}] [data-for={}]", st.id, st.id)),
                "{}",
                st.id
            );
            assert!(!STEP_CAPTIONS[k].is_empty(), "{} has a caption", st.id);
            assert!(g.contains(Html::text(STEP_CAPTIONS[k]).as_str()));
        }
        // Neighbouring steps differ in what the graphic shows: marks, zoom, extra, tally.
        let state = |k: usize| {
            (
                marks(k).map(|m| (m.role, m.countries)).collect::<Vec<_>>(),
                view(k),
                STORY_EXTRAS[k],
                tally(k).into_string(),
                STEPS[k].all_by_status,
            )
        };
        for k in 1..STEPS.len() {
            assert_ne!(state(k - 1), state(k), "steps {} and {}", k - 1, k);
        }
    }

    #[test]
    fn day_one_zooms_to_the_gulf_and_the_tally_reads_from_the_data() {
        let k = STEPS.iter().position(|s| s.id == "day-1").unwrap();
        let v = view(k);
        let (x, y) = point("ARE").unwrap();
        assert!(v.w < full().w / 4.0 && v.x < x && x < v.x + v.w && v.y < y && y < v.y + v.h);
        assert!(labels(k).iter().any(|l| l.text.contains("Dubai")));
        let k11 = STEPS.iter().position(|s| s.id == "day-11").unwrap();
        let t = tally(k11);
        for row in STORY_TALLY.iter().filter(|t| t.step == k11) {
            assert!(t.contains(&format!("<b>{}</b>", fmt_range(row))), "{t}");
        }
        assert!(view(k11) == full(), "Day 11 shows the world");
    }

    #[test]
    fn labels_stay_inside_and_apart() {
        for k in 0..STEPS.len() {
            let ls = labels(k);
            for l in &ls {
                assert!((0.0..=100.0).contains(&l.left) && (0.0..=100.0).contains(&l.top));
            }
        }
        let k = STEPS.iter().position(|s| s.id == "day-5").unwrap();
        assert!(labels(k).len() >= 5, "{:?}", labels(k));
    }
}
