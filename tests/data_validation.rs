//! Build-time validation: the real data passes; corrupted copies fail with file, line and problem.
#![allow(clippy::disallowed_methods)] // size rules are for the wasm, not for tests

#[path = "../src/datagen/mod.rs"]
#[allow(dead_code)]
mod datagen;
#[path = "../src/model/vocab.rs"]
#[allow(dead_code)]
mod vocab;

use std::fs;
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data")
}

/// A fresh copy of src/data in a temporary folder, with `edit` applied to one file.
fn corrupted(name: &str, file: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wcit12-fixture-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("map")).unwrap();
    for sub in ["story", "content"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in fs::read_dir(data_dir().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    for f in [
        "signatories.csv",
        "sources.csv",
        "not_listed.csv",
        "wgi_2011_2012_detail.csv",
        "income_fy2013.csv",
        "story_steps.csv",
        "map/atlas_coverage.csv",
    ] {
        fs::copy(data_dir().join(f), dir.join(f)).unwrap();
    }
    let text = fs::read_to_string(dir.join(file)).unwrap();
    fs::write(dir.join(file), edit(text)).unwrap();
    dir
}

fn replace_line(text: String, starts: &str, f: impl Fn(&str) -> String) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with(starts) {
                f(l)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn expect_err(dir: &Path, file: &str, line: u64, needle: &str) {
    let e = datagen::load(dir).expect_err("corrupted data must fail");
    assert!(e.file.ends_with(file), "wrong file in {e}");
    assert_eq!(e.line, line, "wrong line in {e}");
    assert!(
        e.problem.contains(needle),
        "problem '{}' should mention '{needle}'",
        e.problem
    );
    let shown = e.to_string();
    assert!(
        shown.contains(file) && shown.contains(needle),
        "message names file and problem: {shown}"
    );
}

#[test]
fn real_data_is_valid() {
    let ds = datagen::load(&data_dir()).unwrap();
    assert_eq!(ds.countries.len(), 144);
    assert_eq!(
        ds.countries
            .iter()
            .filter(|c| c.status == vocab::Status::Signed)
            .count(),
        89
    );
    assert_eq!(ds.not_listed.len(), 49);
    assert!(ds.countries.iter().all(|c| c
        .wgi
        .iter()
        .all(|w| w.estimate.is_some() && w.stderr.is_some())));
    assert_eq!(ds.steps.first().map(|s| s.id.as_str()), Some("day-1"));
}

/// One-line edits of signatories.csv and the error each must produce:
/// (fixture name, line prefix, text to replace, replacement, expected line, expected problem).
const LINE_EDITS: [(&str, &str, &str, &str, u64, &str); 4] = [
    // Line 3 is Albania (ALB); make Algeria (line 4) claim ALB too.
    (
        "dup",
        "ALGÉRIE",
        ",DZA,",
        ",ALB,",
        4,
        "duplicate iso3 'ALB' (first on line 3)",
    ),
    (
        "status",
        "ALBANIE",
        "declined",
        "maybe",
        3,
        "status must be 'signed' or 'declined'",
    ),
    (
        "grade",
        "ALBANIE",
        ",B,",
        ",E,",
        3,
        "evidence grade must be 'A', 'B', 'C' or 'D', got 'E'",
    ),
    (
        "src",
        "AFGHANISTAN",
        ",ARS",
        ",NOPE",
        2,
        "unknown source id 'NOPE'",
    ),
];

#[test]
fn bad_rows_name_file_line_and_problem() {
    for (name, prefix, from, to, line, problem) in LINE_EDITS {
        let dir = corrupted(name, "signatories.csv", |t| {
            replace_line(t, prefix, |l| l.replace(from, to))
        });
        expect_err(&dir, "signatories.csv", line, problem);
    }
}

/// Lines removed from a file and the error each removal must produce:
/// (fixture, file, which lines to drop, expected line in signatories.csv, expected problem).
type Drop = (
    &'static str,
    &'static str,
    fn(&str) -> bool,
    u64,
    &'static str,
);
const DROPS: [Drop; 3] = [
    (
        "count",
        "signatories.csv",
        |l| l.starts_with("ZIMBABWE"),
        0,
        "expected 144 rows (89 signed + 55 declined), found 143",
    ),
    (
        "wgi",
        "wgi_2011_2012_detail.csv",
        |l| l.starts_with("AFG,") && l.contains(",2011,va,"),
        2,
        "'AFG' has no WGI 2011 'va' row",
    ),
    (
        "inc",
        "income_fy2013.csv",
        |l| l.starts_with("AFG,"),
        2,
        "'AFG' has no row in income_fy2013.csv",
    ),
];

#[test]
fn missing_rows_and_joins_are_reported() {
    for (name, file, drop, line, problem) in DROPS {
        let dir = corrupted(name, file, |t| {
            t.lines()
                .filter(|l| !drop(l))
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        });
        expect_err(&dir, "signatories.csv", line, problem);
    }
}

#[test]
fn non_numeric_wgi_value_is_reported() {
    let dir = corrupted("wginum", "wgi_2011_2012_detail.csv", |t| {
        replace_line(t, "AFG,AFG,Afghanistan,AFGHANISTAN,2011,pv", |l| {
            l.replacen("-2.48", "x2.48", 1)
        })
    });
    let e = datagen::load(&dir).unwrap_err();
    assert!(e.file.ends_with("wgi_2011_2012_detail.csv"));
    assert!(
        e.line > 1 && e.problem.contains("'estimate' is not a number"),
        "{e}"
    );
}

#[test]
fn story_step_naming_unknown_country_fails() {
    let dir = corrupted("step", "story_steps.csv", |t| {
        t.replace("RUS;ARE;CHN", "RUS;XXX;CHN")
    });
    let e = datagen::load(&dir).unwrap_err();
    assert!(e.file.ends_with("story_steps.csv"), "{e}");
    assert_eq!(e.line, 4);
    assert!(e.problem.contains("unknown country 'XXX'"), "{e}");
}

#[test]
fn malformed_csv_record_is_reported() {
    let dir = corrupted("csv", "sources.csv", |t| t + "BROKEN,\"unterminated\n");
    let e = datagen::load(&dir).unwrap_err();
    assert!(e.file.ends_with("sources.csv"), "{e}");
}

#[test]
fn percentile_with_more_decimals_than_stored_fails() {
    // A fifth decimal could not be stored exactly: the build refuses instead of rounding.
    let dir = corrupted("pctdec", "wgi_2011_2012_detail.csv", |t| {
        let mut lines: Vec<String> = t.lines().map(String::from).collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        let col = header.iter().position(|h| *h == "pctrank").unwrap();
        let row = lines
            .iter()
            .position(|l| l.split(',').nth(col).is_some_and(|v| v.contains('.')))
            .unwrap();
        let mut cells: Vec<String> = lines[row].split(',').map(String::from).collect();
        cells[col] = format!(
            "{}12345",
            cells[col].split('.').next().unwrap().to_string() + "."
        );
        lines[row] = cells.join(",");
        lines.join("\n") + "\n"
    });
    let e = datagen::load(&dir).unwrap_err();
    assert!(e.file.ends_with("wgi_2011_2012_detail.csv"), "{e}");
    assert!(e.line > 1);
    assert!(e.problem.contains("more than 4 decimals"), "{e}");
}

#[test]
fn step_text_missing_or_with_a_script_fails() {
    let dir = corrupted("stepbody", "story_steps.csv", |t| t);
    fs::remove_file(dir.join("story/day-7.html")).unwrap();
    let e = datagen::load(&dir).unwrap_err();
    assert!(e.file.ends_with("story_steps.csv"), "{e}");
    assert!(e.problem.contains("step 'day-7' has no text"), "{e}");

    let dir = corrupted("stepopen", "story_steps.csv", |t| t);
    fs::write(dir.join("story/day-7.html"), "<p>Unclosed <strong>text</p>").unwrap();
    let e = datagen::load(&dir).unwrap_err();
    assert!(e.file.ends_with("day-7.html"), "{e}");
    assert!(e.problem.contains("not well-formed"), "{e}");
}

/// Step texts that the old block-list let through (or wrongly refused), and what the allow-list
/// must say about each: (fixture, text of day-7.html, expected problem or None for "passes").
const STEP_TEXTS: [(&str, &str, Option<&str>); 8] = [
    (
        "svg",
        "<p>Fine.</p><svg/onload=alert(1)>",
        Some("removes <svg onload=\"alert(1)\">"),
    ),
    (
        "img",
        "<p>Fine.</p><img/src=x/onerror=alert(1)>",
        Some("removes <img src=\"x/onerror=alert(1)\">"),
    ),
    (
        "jshref",
        "<p>See <a href=\"javascript:alert(1)\">x</a>.</p>",
        Some("removes attribute href=\"javascript:alert(1)\" from <a>"),
    ),
    (
        "iframe",
        "<p>Fine.</p><iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        Some("removes <iframe srcdoc="),
    ),
    (
        "style",
        "<style>body{display:none}</style><p>Fine.</p>",
        Some("removes <style>"),
    ),
    (
        "class",
        "<p class=\"src evil\">Fine.</p>",
        Some("removes attribute class=\"src evil\" (kept: \"src\") from <p>"),
    ),
    (
        "prose",
        "<p>Plain prose says one=two, and onward=fine; 3 &lt; 4 &amp; <a href='https://example.org/'>a link</a>, <a href=#vote>a fragment</a>.</p>",
        None,
    ),
    ("empty", "  \n", Some("is empty")),
];

#[test]
fn step_texts_pass_the_allow_list_or_fail_with_file_and_problem() {
    for (name, html, expected) in STEP_TEXTS {
        let dir = corrupted(&format!("step-{name}"), "story_steps.csv", |t| t);
        fs::write(dir.join("story/day-7.html"), html).unwrap();
        match (datagen::load(&dir), expected) {
            (Ok(ds), None) => {
                let step = ds.steps.iter().find(|s| s.id == "day-7").unwrap();
                assert_eq!(step.body, html.trim(), "{name}");
            }
            (Ok(_), Some(p)) => panic!("{name}: should fail with '{p}'"),
            (Err(e), None) => panic!("{name}: should pass, failed with {e}"),
            (Err(e), Some(p)) => {
                assert!(e.file.ends_with("story/day-7.html"), "{name}: {e}");
                assert!(
                    e.problem.contains(p),
                    "{name}: '{}' should contain '{p}'",
                    e.problem
                );
                let shown = e.to_string();
                assert!(
                    shown.contains("day-7.html: ") && shown.contains(p),
                    "{shown}"
                );
            }
        }
    }
}

#[test]
fn real_step_texts_pass_the_allow_list_unchanged() {
    for entry in fs::read_dir(data_dir().join("story")).unwrap() {
        let path = entry.unwrap().path();
        let html = fs::read_to_string(&path).unwrap();
        assert_eq!(
            datagen::content::removed_by_sanitizer(&html),
            None,
            "{}",
            path.display()
        );
    }
}

/// Each input file has its own loader, testable on its own with a tiny file.
#[test]
fn each_file_loads_on_its_own() {
    let dir = std::env::temp_dir().join(format!("wcit12-single-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let inc = dir.join("income.csv");
    fs::write(
        &inc,
        "iso3,income_group,wb_region\nAAA,Upper middle,South Asia\nBBB,,North America\n",
    )
    .unwrap();
    let t = datagen::load_income(&inc).unwrap();
    assert_eq!(
        t["AAA"],
        (
            2,
            Some(vocab::Income::UpperMiddle),
            vocab::Region::SouthAsia
        )
    );
    assert_eq!(t["BBB"], (3, None, vocab::Region::NorthAmerica));

    let wgi = dir.join("wgi.csv");
    fs::write(&wgi, "iso3,year,indicator,estimate,stderr,pctrank,pctrank_lower90,pctrank_upper90\nAAA,2011,rl,-0.5,0.2,40.5,30,50\nAAA,2012,xx,,,,,\n").unwrap();
    let w = datagen::load_wgi(&wgi).unwrap();
    let rl = w["AAA"][vocab::Indicator::Rl.index()].unwrap();
    assert_eq!((rl.estimate, rl.pctrank), (Some(-0.5), Some(40.5)));
    assert!(w["AAA"][vocab::Indicator::Va.index()].is_none());

    let cov = dir.join("cov.csv");
    fs::write(&cov, "cca3,lat,lng,region\nAAA,1.5,-2,Asia\n").unwrap();
    assert_eq!(
        datagen::load_coverage(&cov).unwrap()["AAA"],
        (1.5, -2.0, "Asia".to_string())
    );

    let src = dir.join("sources.csv");
    fs::write(&src, "id,short,source,supports\nX,A,\"A, B\",c\nX,D,d,e\n").unwrap();
    let e = datagen::load_sources(&src).unwrap_err();
    assert_eq!((e.line, e.problem.as_str()), (3, "duplicate source id 'X'"));
    fs::write(&src, "id,short,source,supports\nX,,\"A, B\",c\n").unwrap();
    let e = datagen::load_sources(&src).unwrap_err();
    assert_eq!((e.line, e.problem.as_str()), (2, "empty 'short'"));
}

#[test]
fn content_files_are_filled_from_the_data() {
    let ds = datagen::load(&data_dir()).unwrap();
    assert_eq!(ds.content.len(), datagen::content::FILES.len());
    let get = |n: &str| &ds.content.iter().find(|c| c.name == n).unwrap().html;
    assert!(get("header_keyfigs").contains("<dd>193</dd>"));
    assert!(get("vote_lede").starts_with("On Friday 14 December 2012, 89 of the 144 Member States"));
    assert!(get("vote_lede").contains("The 49 ITU members not among the 144 are grey."));
    assert!(ds
        .content
        .iter()
        .all(|c| !c.html.contains("{{") && !c.html.ends_with('\n')));
}

#[test]
fn content_with_an_unknown_placeholder_a_missing_file_or_unsafe_markup_fails() {
    let dir = corrupted("content-ph", "content/vote_lede.html", |t| {
        format!(
            "First line.\n{}",
            t.replacen("{{declined}}", "{{non_signers}}", 1)
        )
    });
    expect_err(
        &dir,
        "content/vote_lede.html",
        2,
        "unknown placeholder '{{non_signers}}'",
    );

    let dir = corrupted("content-open", "content/footer.html", |t| {
        t + "<p>{{signed</p>\n"
    });
    expect_err(&dir, "content/footer.html", 3, "unclosed placeholder");

    let dir = corrupted("content-missing", "content/footer.html", |t| t);
    fs::remove_file(dir.join("content/table_note.html")).unwrap();
    expect_err(
        &dir,
        "content/table_note.html",
        0,
        "missing content file for CONTENT_TABLE_NOTE",
    );

    let dir = corrupted("content-xss", "content/charts_caveat.html", |t| {
        t + "<a href=\"javascript:alert(1)\">x</a>"
    });
    expect_err(
        &dir,
        "content/charts_caveat.html",
        0,
        "removes attribute href=\"javascript:alert(1)\" from <a>",
    );
}

// ---------- status_conflicts.csv (issue 17) ----------

/// Loads the real data from a fixture folder whose `status_conflicts.csv` is the real one with
/// `edit` applied, and checks that the conflicts fail on `line` with `needle`.
fn expect_conflict_err(name: &str, edit: impl Fn(String) -> String, line: u64, needle: &str) {
    let dir = corrupted(name, "sources.csv", |t| t);
    let text = fs::read_to_string(data_dir().join("status_conflicts.csv")).unwrap();
    fs::write(dir.join("status_conflicts.csv"), edit(text)).unwrap();
    let ds = datagen::load(&dir).unwrap();
    let e = datagen::conflicts::load(&dir, &ds).expect_err("corrupted conflicts must fail");
    assert!(
        e.file.ends_with("status_conflicts.csv"),
        "wrong file in {e}"
    );
    assert_eq!(e.line, line, "wrong line in {e}");
    assert!(
        e.problem.contains(needle),
        "'{}' should mention '{needle}'",
        e.problem
    );
    assert!(e
        .to_string()
        .contains(&format!("status_conflicts.csv:{line}: ")));
}

#[test]
fn real_conflicts_are_valid() {
    let ds = datagen::load(&data_dir()).unwrap();
    let recs = datagen::conflicts::load(&data_dir(), &ds).unwrap();
    let iso3: Vec<&str> = recs
        .iter()
        .map(|r| ds.countries[r.country].iso3.as_str())
        .collect();
    assert_eq!(iso3, ["EGY", "QAT", "COM", "MUS", "COG"]);
    assert!(recs
        .iter()
        .all(|r| !r.text.is_empty() && !r.sources.is_empty()));
}

#[test]
fn conflict_rows_name_file_line_and_problem() {
    // Lines of the real file: 2 EGY, 3 QAT, 4 COM, 5 MUS, 6 COG.
    expect_conflict_err(
        "conf-iso",
        |t| t.replace("\nQAT,", "\nQQQ,"),
        3,
        "'QQQ' is not one of the 144",
    );
    expect_conflict_err(
        "conf-status",
        |t| t.replace("\nEGY,signed,", "\nEGY,declined,"),
        2,
        "status_in_data 'declined' for 'EGY' differs from signatories.csv ('signed')",
    );
    expect_conflict_err(
        "conf-src",
        |t| t.replace(",NATION;MACJ_OMIT\nMUS", ",NATION;NOPE\nMUS"),
        4,
        "unknown source id 'NOPE'",
    );
    expect_conflict_err(
        "conf-dup",
        |t| t.replace("\nCOG,", "\nMUS,"),
        6,
        "duplicate row for 'MUS' (first on line 5)",
    );
    expect_conflict_err(
        "conf-text",
        |t| {
            replace_line(t, "COG,", |l| {
                let (head, _) = l.split_once(",\"").unwrap();
                format!("{head},\"  \",MACJ")
            })
        },
        6,
        "empty 'conflict'",
    );
    expect_conflict_err(
        "conf-cols",
        |t| t.replacen("iso3,", "code,", 1),
        1,
        "missing column 'iso3'",
    );
}
