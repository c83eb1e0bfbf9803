//! Reads `src/data/`, validates it and generates `OUT_DIR/data.rs` (Rust constants: countries,
//! sources, map paths, story steps). A data problem stops the build with file, line and problem.

// The size rules of clippy.toml are for code that ships in the wasm; this runs at build time.
#![allow(clippy::disallowed_methods)]

#[path = "src/datagen/codegen.rs"]
mod codegen;
#[path = "src/datagen/mod.rs"]
mod datagen;
#[path = "src/datagen/map.rs"]
mod map;
#[allow(dead_code)]
#[path = "src/model/text.rs"]
mod text;
#[allow(dead_code)]
#[path = "src/model/vocab.rs"]
mod vocab;

use std::path::Path;

fn fail(e: impl std::fmt::Display) -> ! {
    eprintln!("\nerror: invalid report data: {e}\n");
    std::process::exit(1);
}

fn main() {
    let dir = Path::new("src/data");
    println!("cargo:rerun-if-changed=src/data");
    println!("cargo:rerun-if-changed=src/datagen");
    println!("cargo:rerun-if-changed=src/model/text.rs");
    println!("cargo:rerun-if-changed=src/model/vocab.rs");

    let ds = datagen::load(dir).unwrap_or_else(|e| fail(e));

    let map_file = dir.join("map/countries-110m.json");
    let mut projected = map::project(&map_file).unwrap_or_else(|e| fail(e));
    let member_ids: Vec<&str> = ds
        .countries
        .iter()
        .map(|c| c.iso_num.as_str())
        .chain(ds.not_listed.iter().map(|n| n.iso_num.as_str()))
        .collect();
    map::take_background(&mut projected, &member_ids);

    // Members the 110m shapes lack become dots; every member must end up drawn.
    let mut dots = Vec::new();
    let members = ds
        .countries
        .iter()
        .map(|c| (&c.iso3, &c.iso_num, c.lat, c.lng))
        .chain(
            ds.not_listed
                .iter()
                .map(|n| (&n.iso3, &n.iso_num, n.lat, n.lng)),
        );
    for (iso3, num, lat, lng) in members {
        if !projected.areas.contains_key(num.as_str()) {
            if lat == 0.0 && lng == 0.0 {
                fail(format!(
                    "{}: '{iso3}' has no shape and no lat/lng for a dot",
                    map_file.display()
                ));
            }
            dots.push((iso3.clone(), map::point(lng, lat)));
        }
    }

    // The page says how many members are dots (content `{{map_dots}}`, from atlas_coverage.csv):
    // it must be what the map draws.
    if dots.len() != ds.map_dots {
        fail(format!(
            "{}: the map draws {} members as dots, but map/atlas_coverage.csv lists {} without a 1:110m shape",
            map_file.display(),
            dots.len(),
            ds.map_dots
        ));
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|e| fail(e))).join("data.rs");
    let conflicts = datagen::conflicts::load(dir, &ds).unwrap_or_else(|e| fail(e));
    // The story graphic: marks, tally, extra graphics, and a map point per marked country.
    let story = datagen::story::load(dir, &ds).unwrap_or_else(|e| fail(e));
    let mut points: Vec<(String, (f64, f64))> = Vec::new();
    for iso3 in story.marks.iter().flat_map(|m| m.countries.iter()) {
        let at = ds
            .countries
            .iter()
            .find(|c| &c.iso3 == iso3)
            .map(|c| (c.lat, c.lng))
            .or_else(|| {
                ds.not_listed
                    .iter()
                    .find(|n| &n.iso3 == iso3)
                    .map(|n| (n.lat, n.lng))
            });
        if let Some((lat, lng)) = at {
            if !points.iter().any(|(i, _)| i == iso3) {
                points.push((iso3.clone(), map::point(lng, lat)));
            }
        }
    }
    let code = codegen::generate(&ds, &projected, &dots)
        + &codegen::generate_conflicts(&conflicts)
        + &codegen::generate_story(&ds, &story, &points);
    std::fs::write(&out, code).unwrap_or_else(|e| fail(e));
}
