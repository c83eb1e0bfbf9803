//! CSV of the rows a reader is looking at (filtered and sorted), generated from the compiled data.

use super::data::{Indicator, COUNTRIES};

/// A cell that starts with one of these may be read as a formula by a spreadsheet: the formula
/// signs, and a tab or carriage return (which a spreadsheet may skip, reading a sign after it as
/// a formula; OWASP's CSV injection guidance lists all six).
const FORMULA_PREFIXES: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One text cell: a leading apostrophe neutralises a formula prefix; quoted when needed.
fn cell(s: &str) -> String {
    let s = if s.starts_with(FORMULA_PREFIXES) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|x| super::text::fmt_fixed(x, 6)).unwrap_or_default()
}

/// File name of the CSV download: the vintages of what it holds are in the name, because a CSV has
/// no place for a comment that every reader (spreadsheets, `pandas.read_csv`) would skip.
pub const CSV_FILE_NAME: &str =
    "wcit12-final-vote_wgi2011-2014update_income-fy2013_regions-2016.csv";

/// What the CSV holds, shown beside its download button.
pub const CSV_NOTE: &str = "Header on line 1. Status and evidence grade of 14 Dec 2012; World Bank \
region (2016 list) and income group (FY2013); WGI 2011 estimates and standard errors (2014 Update); \
status_conflict: where sources disagree about the status. An empty cell was not published.";

/// CSV text (UTF-8; line 1 is the header; empty cell = not published).
pub fn to_csv(rows: &[usize]) -> String {
    let mut header: Vec<String> = [
        "country",
        "name_itu_fr",
        "iso3",
        "iso2",
        "iso_numeric",
        "status",
        "evidence_grade",
        "evidence_inferred",
        "source_ids",
        "wb_region_2016",
        "income_group_fy2013",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for ind in Indicator::ALL {
        header.push(format!("wgi2011_{}_estimate", ind.code()));
        header.push(format!("wgi2011_{}_stderr", ind.code()));
    }
    header.push("status_conflict".into());
    let mut out = header.join(",");
    out.push('\n');
    for &i in rows {
        let c = &COUNTRIES[i];
        let mut f = vec![
            cell(c.name_en),
            cell(c.name_fr),
            c.iso3.into(),
            c.iso2.into(),
            c.iso_num.into(),
            c.status.slug().into(),
            c.grade.letter().into(),
            if c.grade.is_inferred() { "yes" } else { "no" }.into(),
            cell(&c.sources.join(";")),
            cell(c.region.label()),
            cell(c.income.label()),
        ];
        for w in &c.wgi {
            f.push(num(w.est()));
            f.push(num(w.se()));
        }
        f.push(cell(super::data::conflict(i).map_or("", |k| k.text)));
        out.push_str(&f.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_prefixes_are_neutralised() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        // A leading tab or carriage return as well (the carriage return also needs quotes).
        assert_eq!(cell("\t=1+1"), "'\t=1+1");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\r=1+1"), "\"'\r=1+1\"");
        assert_eq!(cell("\r\n@x"), "\"'\r\n@x\"");
        // Only at the start, and quoting is unchanged.
        assert_eq!(cell("a\tb"), "a\tb");
        assert_eq!(cell("Côte d'Ivoire"), "Côte d'Ivoire");
        assert_eq!(cell("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(cell(""), "");
    }
}
