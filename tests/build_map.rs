//! Unit tests of the build-time map code (`src/datagen/map.rs`), included as `build.rs` includes
//! it: projection, Douglas–Peucker simplification, grid snapping and SVG path encoding, on tiny
//! hand-made inputs with known outputs. What ships (`MAP_SVG`) is checked in `tests/model.rs`.
#![allow(clippy::disallowed_methods)] // size rules are for the wasm, not for build-time code or tests

#[path = "../src/datagen/mod.rs"]
#[allow(dead_code)]
mod datagen;
#[path = "../src/datagen/map.rs"]
#[allow(dead_code)]
mod map;
#[path = "../src/model/vocab.rs"]
#[allow(dead_code)]
mod vocab;

use geo::{Geometry, LineString, Polygon};
use map::{compact, douglas_peucker, grid, path_of, point, simplify_arcs, GRID, SIMPLIFY};

/// Decodes `compact`'s output (`M x,y l dx,dy dx,dy … z`, repeated) into absolute rings.
fn decode(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut rings = Vec::new();
    let mut nums = String::new();
    let mut cmd = ' ';
    let mut cur = (0.0, 0.0);
    let flush =
        |cmd: char, nums: &mut String, cur: &mut (f64, f64), rings: &mut Vec<Vec<(f64, f64)>>| {
            // Numbers are separated by ',' or ' ', or start with their '-' sign.
            let mut vals = Vec::new();
            let mut tok = String::new();
            for c in nums.chars() {
                if c == ',' || c == ' ' || (c == '-' && !tok.is_empty()) {
                    if !tok.is_empty() {
                        vals.push(tok.parse::<f64>().unwrap());
                    }
                    tok.clear();
                }
                if c != ',' && c != ' ' {
                    tok.push(c);
                }
            }
            if !tok.is_empty() {
                vals.push(tok.parse::<f64>().unwrap());
            }
            nums.clear();
            for xy in vals.chunks(2) {
                match cmd {
                    'M' => {
                        *cur = (xy[0], xy[1]);
                        rings.push(vec![*cur]);
                    }
                    'l' => {
                        *cur = (cur.0 + xy[0], cur.1 + xy[1]);
                        rings.last_mut().unwrap().push(*cur);
                    }
                    _ => panic!("unexpected numbers after '{cmd}' in {nums}"),
                }
            }
        };
    for c in d.chars() {
        if c.is_ascii_alphabetic() {
            flush(cmd, &mut nums, &mut cur, &mut rings);
            cmd = c;
        } else {
            nums.push(c);
        }
    }
    flush(cmd, &mut nums, &mut cur, &mut rings);
    rings
}

#[test]
fn grid_coordinates_are_compact_integers() {
    assert_eq!(GRID, 1.0, "these expectations assume a one-unit grid");
    assert_eq!(grid(0), "0");
    assert_eq!(grid(1), "1");
    assert_eq!(grid(-3), "-3");
    assert_eq!(grid(12), "12");
}

#[test]
fn path_encoding_snaps_to_the_grid_with_relative_moves() {
    let mut y = (f64::MAX, f64::MIN);
    // 3.2 and 3.4 both snap to 3: the repeated point is dropped.
    let d = compact("M1.4,2.6L3.2,2.6L3.4,2.6L3.4,5.7L1.2,5.5Z", &mut y);
    assert_eq!(d, "M1,3l2,0 0,3-2,0z");
    assert_eq!(y, (3.0, 6.0));
    assert_eq!(
        decode(&d),
        vec![vec![(1.0, 3.0), (3.0, 3.0), (3.0, 6.0), (1.0, 6.0)]]
    );
    // Two rings, negative moves.
    let d = compact("M10,10L8,12L8.4,12.2ZM0,0L-1,-1Z", &mut y);
    assert_eq!(d, "M10,10l-2,2zM0,0l-1-1z");
    assert_eq!(y.0, -1.0);
}

#[test]
fn douglas_peucker_drops_collinear_points_and_keeps_far_ones() {
    let run = |pts: &[(f64, f64)]| {
        let mut keep = vec![false; pts.len()];
        let last = pts.len() - 1;
        keep[0] = true;
        keep[last] = true;
        douglas_peucker(pts, 0, last, &mut keep);
        keep
    };
    // Exactly on the line: dropped.
    assert_eq!(
        run(&[(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)]),
        [true, false, true]
    );
    // Within the tolerance: dropped; beyond it: kept.
    assert_eq!(
        run(&[(0.0, 0.0), (5.0, SIMPLIFY * 0.9), (10.0, 0.0)]),
        [true, false, true]
    );
    assert_eq!(
        run(&[(0.0, 0.0), (5.0, SIMPLIFY * 1.1), (10.0, 0.0)]),
        [true, true, true]
    );
    // The farthest point is kept first, then each half is simplified on its own.
    assert_eq!(
        run(&[(0.0, 0.0), (2.0, 1.4), (4.0, 3.0), (6.0, 0.2), (8.0, 0.0)]),
        [true, false, true, true, true]
    );
}

/// Two squares side by side sharing their middle border (arc 0, with points along it that are
/// within the tolerance and one that is not), in quantized TopoJSON.
const TWO_SQUARES: &str = r#"{
  "type": "Topology",
  "transform": {"scale": [0.01, 0.01], "translate": [0, 0]},
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "id": "001", "arcs": [[0, 1]]},
    {"type": "Polygon", "id": "002", "arcs": [[2, -1]]}
  ]}},
  "arcs": [
    [[1000, 0], [1, 250], [-1, 250], [300, 250], [-300, 250]],
    [[1000, 1000], [-1000, 0], [0, -1000], [1000, 0]],
    [[1000, 0], [1000, 0], [0, 1000], [-1000, 0]]
  ]
}"#;

fn polygons(topo: &topojson::Topology) -> Vec<Vec<(f64, f64)>> {
    let fc = topojson::to_geojson(topo, "countries").unwrap();
    fc.features
        .into_iter()
        .map(|f| {
            let g: Geometry<f64> = Geometry::try_from(f.geometry.unwrap().value).unwrap();
            match g {
                Geometry::Polygon(p) => p.exterior().points().map(|p| (p.x(), p.y())).collect(),
                other => panic!("not a polygon: {other:?}"),
            }
        })
        .collect()
}

#[test]
fn shared_arcs_are_simplified_once_and_stay_identical_for_both_neighbours() {
    let mut topo = map::serde_json_from(TWO_SQUARES).unwrap();
    simplify_arcs(&mut topo);
    let polys = polygons(&topo);
    // The border x = 10°: (10,0) (10.01,2.5) (10,5) (13,7.5) (10,10). The points 0.01° off the
    // line (≈ 0.03 map units) go; the one 3° off stays.
    let border = |ring: &Vec<(f64, f64)>| -> Vec<(f64, f64)> {
        ring.iter()
            .copied()
            .filter(|p| p.0 >= 9.99 && p.0 <= 13.01)
            .collect()
    };
    let a = border(&polys[0]);
    let mut b = border(&polys[1]);
    assert!(a.contains(&(13.0, 7.5)), "the far point is kept: {a:?}");
    assert!(
        !a.iter().any(|p| (p.0 - 10.01).abs() < 1e-9),
        "the near point is dropped: {a:?}"
    );
    // The second square walks the border the other way round: the same points, reversed.
    b.reverse();
    let dedup = |v: Vec<(f64, f64)>| {
        let mut v = v;
        v.dedup();
        v
    };
    let (a, b) = (dedup(a), dedup(b));
    let pos = b
        .iter()
        .position(|p| *p == a[0])
        .expect("same border points");
    let rotated: Vec<_> = b[pos..].iter().chain(&b[..pos]).copied().collect();
    assert_eq!(
        &rotated[..a.len()],
        &a[..],
        "identical borders for both neighbours"
    );
}

#[test]
fn a_known_polygon_projects_and_encodes_within_its_corners() {
    // A 10° square at the equator and the prime meridian, clockwise as d3 expects.
    let square = Polygon::new(
        LineString::from(vec![
            (0.0, 0.0),
            (0.0, 10.0),
            (10.0, 10.0),
            (10.0, 0.0),
            (0.0, 0.0),
        ]),
        vec![],
    );
    let mut y = (f64::MAX, f64::MIN);
    let d = compact(&path_of(&Geometry::Polygon(square)), &mut y);
    let rings = decode(&d);
    assert_eq!(rings.len(), 1, "one ring: {d}");
    assert!(d.starts_with('M') && d.ends_with('z'), "{d}");
    // Corners: the projection of each vertex (`point`, the same Equal Earth), on the grid.
    let snap = |(x, y): (f64, f64)| ((x * GRID).round() / GRID, (y * GRID).round() / GRID);
    let corners: Vec<(f64, f64)> = [(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0)]
        .iter()
        .map(|&(lng, lat)| snap(point(lng, lat)))
        .collect();
    for c in &corners {
        assert!(
            rings[0]
                .iter()
                .any(|p| (p.0 - c.0).abs() <= 1.0 && (p.1 - c.1).abs() <= 1.0),
            "corner {c:?} in {rings:?}"
        );
    }
    // The map's centre is (480, 250); north is up.
    assert_eq!(corners[0], (480.0, 250.0));
    assert!(corners[1].1 < corners[0].1 && corners[3].0 > corners[0].0);
    let (x0, x1) = (corners[0].0, corners[2].0.max(corners[3].0));
    let (y0, y1) = (corners[1].1.min(corners[2].1), corners[0].1);
    for p in &rings[0] {
        assert!(
            p.0 >= x0 - 1.0 && p.0 <= x1 + 1.0 && p.1 >= y0 - 1.0 && p.1 <= y1 + 1.0,
            "{p:?} outside the square's corners: {d}"
        );
    }
    assert_eq!((y.0, y.1), (y0, y1));
}

#[test]
fn points_project_with_equal_earth_to_one_decimal() {
    assert_eq!(point(0.0, 0.0), (480.0, 250.0));
    let (x, _) = point(180.0, 0.0);
    assert!((x - 960.0).abs() < 0.2, "the map is {} wide", map::WIDTH);
    let (x, y) = point(-74.0, 40.7);
    assert!(x < 480.0 && y < 250.0, "New York is west and north");
    assert!((x * 10.0 - (x * 10.0).round()).abs() < 1e-9, "{x}");
}
