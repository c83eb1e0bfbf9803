//! The story's step graphic as numbers and words: what each step's map zooms to, which countries
//! it marks in which role, where their labels sit without colliding, and the words of its tally.
//! `components::story` draws it (at build time); the vote map's zooms use the same fitting.

use super::data::{member_name, LABEL_POINTS, MAP_VIEWBOX, STEPS, STORY_MARKS};

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

/// The whole map.
pub fn world() -> View {
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
    let all = world();
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
    let all = world();
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
pub fn zoom_parts(v: View) -> (String, String) {
    let all = world();
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
    /// The label's class for this side.
    pub fn class(self) -> &'static str {
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
/// Label box estimate at 13 px bold: width per character, height, gap to the point.
const CHAR_W: f64 = 7.8;
const LABEL_H: f64 = 18.0;
const GAP: f64 = 7.0;

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

/// Where step `k`'s marked countries have their points, as fractions of the frame (those in it).
fn step_points(k: usize) -> Vec<(f64, f64)> {
    let v = view(k);
    marks(k)
        .flat_map(|m| m.countries.iter())
        .filter_map(|iso3| point(iso3))
        .map(|(x, y)| ((x - v.x) / v.w, (y - v.y) / v.h))
        .filter(|(fx, fy)| (0.0..=1.0).contains(fx) && (0.0..=1.0).contains(fy))
        .collect()
}

/// A point's marker as a box a label must not cover (CSS px in a frame `width` × `height`).
fn point_box((fx, fy): (f64, f64), width: f64, height: f64) -> Box4 {
    (fx * width - 4.0, fy * height - 4.0, 8.0, 8.0)
}

/// Step `k`'s labels, placed greedily in the order of `story_marks.csv` (the step's subject
/// first): right, left, above or below the point, on neither another label nor another marked
/// point, in a frame `WIDE` px wide and, where a side fits there too, in one `NARROW` px wide
/// (those show on phones too). A label that fits nowhere is left out: the legend and the
/// step's text name every country.
pub fn labels(k: usize) -> Vec<Label> {
    let v = view(k);
    let aspect = v.h / v.w;
    let (ww, wh, nw, nh) = (WIDE, WIDE * aspect, NARROW, NARROW * aspect);
    let points = step_points(k);
    let mut taken_w: Vec<Box4> = points.iter().map(|&p| point_box(p, ww, wh)).collect();
    let mut taken_n: Vec<Box4> = points.iter().map(|&p| point_box(p, nw, nh)).collect();
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
            // The label's own point is not in its way.
            let own = |taken: &[Box4], w: f64, h: f64| -> Vec<Box4> {
                let mine = point_box((fx, fy), w, h);
                taken.iter().copied().filter(|b| *b != mine).collect()
            };
            let (free_w, free_n) = (own(&taken_w, ww, wh), own(&taken_n, nw, nh));
            let wide = |s: &Side| fits(label_box(fx, fy, n, *s, ww, wh), &free_w, ww, wh);
            let narrow = |s: &Side| fits(label_box(fx, fy, n, *s, nw, nh), &free_n, nw, nh);
            let sides = [Side::Right, Side::Left, Side::Above, Side::Below];
            let Some(side) = sides
                .into_iter()
                .find(|s| wide(s) && narrow(s))
                .or_else(|| sides.into_iter().find(wide))
            else {
                continue;
            };
            taken_w.push(label_box(fx, fy, n, side, ww, wh));
            let nb = label_box(fx, fy, n, side, nw, nh);
            let wide_only = !narrow(&side);
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

/// A tally's count: "77", or "77 or 80" where sources disagree.
pub fn fmt_range(t: &Tally) -> String {
    if t.low == t.high {
        t.low.to_string()
    } else {
        format!("{} or {}", t.low, t.high)
    }
}

/// A tally's words: what the bar shows ("Yes 77, No 33"), and its caption — the sources of the
/// agreed counts once, and for each disputed count what its sources say.
pub fn tally_words(rows: &[&Tally]) -> (String, String) {
    let described: Vec<String> = rows
        .iter()
        .map(|t| format!("{} {}", t.label, fmt_range(t)))
        .collect();
    let mut agreed: Vec<&str> = Vec::new();
    let mut disputed = String::new();
    for t in rows {
        if t.low == t.high {
            if !agreed.contains(&t.source) {
                agreed.push(t.source);
            }
        } else {
            disputed += &format!(" Hatched, {}: sources disagree ({}).", t.label, t.source);
        }
    }
    (
        described.join(", "),
        format!("Sources: {}.{}", agreed.join("; "), disputed),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::{STEP_CAPTIONS, STORY_EXTRAS, STORY_TALLY};

    /// A label never covers another marked country's point, on a wide screen or (those it
    /// shows) on a phone: Day 5 had "Saudi Arabia" over Egypt's on a phone, and "Egypt" over
    /// Saudi Arabia's and "United Kingdom" over Poland's on a wide screen.
    #[test]
    fn labels_leave_the_other_points_clear() {
        for (k, st) in STEPS.iter().enumerate() {
            let v = view(k);
            for (width, phone) in [(WIDE, false), (NARROW, true)] {
                let (w, h) = (width, width * v.h / v.w);
                let pts: Vec<Box4> = step_points(k).iter().map(|&p| point_box(p, w, h)).collect();
                for l in labels(k).iter().filter(|l| !(phone && l.wide_only)) {
                    let n = l.text.chars().count();
                    let (fx, fy) = (l.left / 100.0, l.top / 100.0);
                    let b = label_box(fx, fy, n, l.side, w, h);
                    let mine = point_box((fx, fy), w, h);
                    for p in pts.iter().filter(|p| **p != mine) {
                        let clear = b.0 + b.2 <= p.0
                            || p.0 + p.2 <= b.0
                            || b.1 + b.3 <= p.1
                            || p.1 + p.3 <= b.1;
                        assert!(clear, "{} at {width}: \"{}\" covers a point", st.id, l.text);
                    }
                }
            }
        }
    }

    /// On a phone each step keeps the label of its subject (Egypt's denial on Day 7, Iran's
    /// call on Day 11 were wide-only).
    #[test]
    fn a_phone_keeps_each_steps_subject_labelled() {
        for (id, text) in [
            ("day-7", "Egypt: denied it"),
            ("day-11", "Iran: asked for a vote"),
            ("day-1", "Dubai (UAE)"),
        ] {
            let k = STEPS.iter().position(|s| s.id == id).unwrap();
            let l = labels(k);
            assert!(
                l.iter().any(|l| l.text == text && !l.wide_only),
                "{id}: {l:?}"
            );
        }
    }

    #[test]
    fn every_step_has_its_own_state() {
        for (k, st) in STEPS.iter().enumerate() {
            assert!(!STEP_CAPTIONS[k].is_empty(), "{} has a caption", st.id);
        }
        // Neighbouring steps differ in what the graphic shows: marks, zoom, extra, tally.
        let state = |k: usize| {
            (
                marks(k).map(|m| (m.role, m.countries)).collect::<Vec<_>>(),
                view(k),
                STORY_EXTRAS[k],
                STORY_TALLY
                    .iter()
                    .filter(|t| t.step == k)
                    .collect::<Vec<_>>(),
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
        assert!(v.w < world().w / 4.0 && v.x < x && x < v.x + v.w && v.y < y && y < v.y + v.h);
        assert!(labels(k).iter().any(|l| l.text.contains("Dubai")));
        let k11 = STEPS.iter().position(|s| s.id == "day-11").unwrap();
        let rows: Vec<&Tally> = STORY_TALLY.iter().filter(|t| t.step == k11).collect();
        assert!(rows.len() >= 2, "Day 11 counts hands for and against");
        let (described, caption) = tally_words(&rows);
        for row in &rows {
            assert!(described.contains(&format!("{} {}", row.label, fmt_range(row))));
        }
        assert!(caption.starts_with("Sources: "), "{caption}");
        assert!(view(k11) == world(), "Day 11 shows the world");
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
