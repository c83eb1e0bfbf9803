//! CSV of the rows a reader is looking at (filtered and sorted), generated from the compiled data.

use super::data::{Indicator, COUNTRIES};

fn cell(s: &str) -> String {
    // Quote always when needed; neutralise spreadsheet formula prefixes.
    let s = if s.starts_with(['=', '+', '-', '@']) {
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

/// CSV text (UTF-8, header line first; empty cell = not published).
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
    let mut out = String::from("# WCIT-12 Final Acts (14 Dec 2012): status of the 144 eligible ITU Member States. WGI = Worldwide Governance Indicators, 2011 estimates as revised in the 2014 Update (World Bank). Income group FY2013; region from the World Bank list of Dec 2016.\n");
    out.push_str(&header.join(","));
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
        out.push_str(&f.join(","));
        out.push('\n');
    }
    out
}
