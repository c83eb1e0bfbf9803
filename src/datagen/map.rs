//! Build-time map projection: Natural Earth 110m TopoJSON (world-atlas 2.0.2) → Equal Earth SVG
//! path strings, one per ITU member, plus one background path for every other territory.
//! Small member states that the 110m file lacks become dots at their representative point.
//! Only `build.rs` uses this module, so no projection code ships to the browser.

use std::collections::HashMap;
use std::path::Path;

use d3_geo_rs::path::builder::Builder as PathBuilder;
use d3_geo_rs::projection::equal_earth::EqualEarth;
use d3_geo_rs::projection::{Build, RawBase, ScaleSet, TranslateSet};
use d3_geo_rs::Transform;
use geo::{Coord, Geometry};

use crate::datagen::{err, DataError};

/// Width of the map's coordinate system (the SVG viewBox); the height follows from the data.
pub const WIDTH: f64 = 960.0;
/// Equal Earth at this scale is exactly `WIDTH` wide (x spans ±2.70663 at scale 1).
const SCALE: f64 = WIDTH / (2.0 * 2.706_629_5);

pub struct ProjectedMap {
    /// iso_numeric → SVG path `d`.
    pub areas: HashMap<String, String>,
    /// Every other territory in one path (Antarctica left out).
    pub background: String,
    /// Vertical extent of the drawn shapes: (min_y, max_y).
    pub y_range: (f64, f64),
}

/// Grid of the path coordinates: one unit of the 960-unit-wide map (at most 0.5 units ≈ 0.4 px
/// off on a 700 px map), fine enough for the 1:110m outlines and much smaller to ship.
pub const GRID: f64 = 1.0;

/// Douglas–Peucker tolerance for the shared borders, in map units (≈ 0.6 px on a 700 px map).
/// Arcs are simplified once in the topology, before they are stitched into shapes, so
/// neighbours keep exactly the same border and no slivers open between them.
pub const SIMPLIFY: f64 = 0.8;

/// Formats a coordinate given in grid steps compactly for SVG (with `GRID` = 1: 1 → "1", -3 → "-3").
pub fn grid(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let tenths = t.abs() * (10 / GRID as i64);
    let (int, frac) = (tenths / 10, tenths % 10);
    match (int, frac) {
        (0, 0) => "0".into(),
        (0, f) => format!("{sign}.{f}"),
        (i, 0) => format!("{sign}{i}"),
        (i, f) => format!("{sign}{i}.{f}"),
    }
}

/// Re-encodes a d3 path string (M/L/Z commands only) on the `GRID` with relative moves:
/// `M x,y l dx,dy dx,dy … z`. Points that rounding made repeat are dropped; the y range is tracked.
pub fn compact(d: &str, y_range: &mut (f64, f64)) -> String {
    let mut out = String::with_capacity(d.len() / 3);
    let (mut cx, mut cy) = (0i64, 0i64);
    let mut in_l = false;
    let bytes = d.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let cmd = bytes[i] as char;
        let start = i + 1;
        let mut end = start;
        while end < bytes.len() && !(bytes[end] as char).is_ascii_alphabetic() {
            end += 1;
        }
        let args = &d[start..end];
        i = end;
        match cmd {
            'M' | 'L' => {
                let mut it = args.split(',').filter_map(|a| a.trim().parse::<f64>().ok());
                let (Some(x), Some(y)) = (it.next(), it.next()) else {
                    continue;
                };
                let (tx, ty) = ((x * GRID).round() as i64, (y * GRID).round() as i64);
                y_range.0 = y_range.0.min(ty as f64 / GRID);
                y_range.1 = y_range.1.max(ty as f64 / GRID);
                if cmd == 'M' {
                    out.push_str(&format!("M{},{}", grid(tx), grid(ty)));
                    in_l = false;
                } else {
                    let (dx, dy) = (tx - cx, ty - cy);
                    if dx == 0 && dy == 0 {
                        continue;
                    }
                    let (sx, sy) = (grid(dx), grid(dy));
                    if !in_l {
                        out.push('l');
                        in_l = true;
                    } else if !sx.starts_with('-') {
                        out.push(' ');
                    }
                    out.push_str(&sx);
                    if !sy.starts_with('-') {
                        out.push(',');
                    }
                    out.push_str(&sy);
                }
                cx = tx;
                cy = ty;
            }
            'Z' => {
                out.push('z');
                in_l = false;
            }
            _ => {}
        }
    }
    out
}

pub fn project(file: &Path) -> Result<ProjectedMap, DataError> {
    let text =
        std::fs::read_to_string(file).map_err(|e| err(file, 0, format!("cannot read: {e}")))?;
    let mut topo: topojson::Topology =
        serde_json_from(&text).map_err(|e| err(file, 0, format!("not TopoJSON: {e}")))?;
    simplify_arcs(&mut topo);
    let fc = topojson::to_geojson(&topo, "countries")
        .map_err(|e| err(file, 0, format!("no 'countries' object: {e:?}")))?;
    let mut areas = HashMap::new();
    let mut background = String::new();
    let mut y_range = (f64::MAX, f64::MIN);
    for feature in fc.features {
        let id = feature.id.as_ref().map(|id| match id {
            geojson::feature::Id::String(s) => s.clone(),
            geojson::feature::Id::Number(n) => format!("{n:03}"),
        });
        if id.as_deref() == Some("010") {
            continue; // Antarctica: no ITU member, and it would take a third of the height.
        }
        let Some(value) = feature.geometry.map(|g| g.value) else {
            continue;
        };
        let geometry: Geometry<f64> = Geometry::try_from(value)
            .map_err(|e| err(file, 0, format!("bad geometry for id {id:?}: {e}")))?;
        let d = path_of(&geometry);
        let d = compact(&d, &mut y_range);
        match id {
            Some(id) => {
                areas.insert(id, d);
            }
            None => background.push_str(&d),
        }
    }
    Ok(ProjectedMap {
        areas,
        background,
        y_range,
    })
}

/// Moves a territory's path into the background (used for ids that are not ITU members).
pub fn take_background(map: &mut ProjectedMap, member_ids: &[&str]) {
    // Sorted, so that the background path (and the build) is the same every time.
    let mut others: Vec<String> = map
        .areas
        .keys()
        .filter(|k| !member_ids.contains(&k.as_str()))
        .cloned()
        .collect();
    others.sort();
    for k in others {
        if let Some(d) = map.areas.remove(&k) {
            map.background.push_str(&d);
        }
    }
}

/// Douglas–Peucker: marks in `keep` the points of `pts[a..=b]` that stay within `SIMPLIFY`.
pub fn douglas_peucker(pts: &[(f64, f64)], a: usize, b: usize, keep: &mut [bool]) {
    if b <= a + 1 {
        return;
    }
    let ((ax, ay), (bx, by)) = (pts[a], pts[b]);
    let (dx, dy) = (bx - ax, by - ay);
    let len = dx.hypot(dy);
    let dist = |(px, py): (f64, f64)| {
        if len == 0.0 {
            (px - ax).hypot(py - ay)
        } else {
            (dy * px - dx * py + bx * ay - by * ax).abs() / len
        }
    };
    let (far, d) = (a + 1..b)
        .map(|k| (k, dist(pts[k])))
        .fold((a, -1.0), |m, x| if x.1 > m.1 { x } else { m });
    if d > SIMPLIFY {
        keep[far] = true;
        douglas_peucker(pts, a, far, keep);
        douglas_peucker(pts, far, b, keep);
    }
}

/// Simplifies every arc of a quantized topology in projected map units, keeping its end points
/// (where arcs meet) and at least one inner point, so rings stay rings.
pub fn simplify_arcs(topo: &mut topojson::Topology) {
    let Some(t) = topo.transform.clone() else {
        return;
    };
    let proj = projector();
    for arc in topo.arcs.iter_mut() {
        // Delta-encoded integers → absolute quantized positions.
        let mut abs = Vec::with_capacity(arc.len());
        let (mut x, mut y) = (0.0, 0.0);
        for p in arc.iter() {
            x += p[0];
            y += p[1];
            abs.push((x, y));
        }
        if abs.len() < 4 {
            continue;
        }
        let pts: Vec<(f64, f64)> = abs
            .iter()
            .map(|&(qx, qy)| {
                let c = proj.transform(&Coord {
                    x: qx * t.scale[0] + t.translate[0],
                    y: qy * t.scale[1] + t.translate[1],
                });
                (c.x, c.y)
            })
            .collect();
        let mut keep = vec![false; pts.len()];
        let last = pts.len() - 1;
        keep[0] = true;
        keep[last] = true;
        douglas_peucker(&pts, 0, last, &mut keep);
        if keep.iter().filter(|k| **k).count() < 4 {
            // A small closed ring: keep a triangle of it.
            keep[last / 3] = true;
            keep[2 * last / 3] = true;
        }
        let (mut px, mut py) = (0.0, 0.0);
        *arc = abs
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(&(qx, qy), _)| {
                let d = vec![qx - px, qy - py];
                (px, py) = (qx, qy);
                d
            })
            .collect();
    }
}

pub fn path_of(g: &Geometry<f64>) -> String {
    let proj = EqualEarth::<f64>::builder()
        .scale_set(SCALE)
        .translate_set(&Coord {
            x: WIDTH / 2.0,
            y: 250.0,
        })
        .build();
    PathBuilder::pathstring().build(proj).object(g)
}

/// The map's projection for single points (the same Equal Earth as `path_of`).
fn projector() -> impl Transform<T = f64> {
    EqualEarth::<f64>::builder::<d3_geo_rs::path::string::String<f64>>()
        .scale_set(SCALE)
        .translate_set(&Coord {
            x: WIDTH / 2.0,
            y: 250.0,
        })
        .build()
}

/// The vote map's Europe inset (longitude/latitude box): where most of the states that did not
/// sign are, drawn larger than the world map can.
pub const INSET: [f64; 4] = [-11.0, 35.5, 32.0, 61.0];

/// The vote map's zooms (id, button label, longitude/latitude box west, south, east, north): the
/// regions where small states crowd at world scale. `projected_box` turns each into map units;
/// `model::sections` fits it to the map's proportions.
pub const ZOOMS: [(&str, &str, [f64; 4]); 3] = [
    ("europe", "Europe", [-11.0, 35.0, 62.0, 68.0]),
    ("caribbean", "Caribbean", [-92.0, 3.0, -58.0, 27.0]),
    ("gulf", "Gulf", [30.0, 12.0, 62.0, 38.0]),
];

/// The projected bounding box (x0, y0, x1, y1) of a longitude/latitude box, its edges sampled
/// (Equal Earth bends meridians, so the corners alone are not enough).
pub fn projected_box([w, s, e, n]: [f64; 4]) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for k in 0..=16 {
        let t = f64::from(k) / 16.0;
        for (lng, lat) in [
            (w + (e - w) * t, s),
            (w + (e - w) * t, n),
            (w, s + (n - s) * t),
            (e, s + (n - s) * t),
        ] {
            let (x, y) = point(lng, lat);
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
    }
    b
}

/// Projects a (longitude, latitude) point to map coordinates, rounded to one decimal.
pub fn point(lng: f64, lat: f64) -> (f64, f64) {
    let proj = projector();
    let p = proj.transform(&Coord { x: lng, y: lat });
    ((p.x * 10.0).round() / 10.0, (p.y * 10.0).round() / 10.0)
}

pub fn serde_json_from(text: &str) -> Result<topojson::Topology, String> {
    text.parse::<topojson::TopoJson>()
        .map_err(|e| e.to_string())
        .and_then(|t| match t {
            topojson::TopoJson::Topology(t) => Ok(t),
            _ => Err("top level is not a Topology".into()),
        })
}
