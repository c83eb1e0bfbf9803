//! Build-time data loading and validation.
//!
//! Used by `build.rs` (which turns the validated data into Rust constants) and by the native tests
//! (which feed it corrupted copies of the files). Every problem is reported with the file, the line
//! and what is wrong; nothing here runs in the browser.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

pub mod content;

use crate::vocab::{Grade, Income, Indicator, Region, Status};

/// Number of ITU Member States eligible to sign on 14 Dec 2012 (ITU FAQ).
pub const ELIGIBLE: usize = 144;
/// Official totals announced at the closing plenary.
pub const SIGNED: usize = 89;
pub const DECLINED: usize = 55;
/// ITU Member States in December 2012 not among the 144.
pub const NOT_LISTED: usize = 49;

/// A data problem: which file, which line (1-based, 0 = the file as a whole) and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub file: PathBuf,
    pub line: u64,
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.problem)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.problem)
        }
    }
}

impl std::error::Error for DataError {}

/// WGI 2011 values of one indicator for one country. `None` = not published (shown as "n/a").
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WgiCell {
    pub estimate: Option<f64>,
    pub stderr: Option<f64>,
    pub pctrank: Option<f64>,
    pub pct_lo: Option<f64>,
    pub pct_hi: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct CountryRec {
    /// Line in `signatories.csv`.
    pub line: u64,
    pub name_fr: String,
    pub name_en: String,
    pub iso3: String,
    pub iso2: String,
    pub iso_num: String,
    pub status: Status,
    pub grade: Grade,
    pub sources: Vec<String>,
    pub region: Region,
    pub income: Income,
    pub wgi: [WgiCell; 6],
    pub lat: f64,
    pub lng: f64,
    pub un_region: String,
}

#[derive(Debug, Clone)]
pub struct NotListedRec {
    pub name_en: String,
    pub iso3: String,
    pub iso_num: String,
    pub lat: f64,
    pub lng: f64,
}

#[derive(Debug, Clone)]
pub struct SourceRec {
    pub id: String,
    /// The name readers see where the source is cited (notes, the sources list).
    pub short: String,
    pub text: String,
    pub supports: String,
}

/// One step of the story's timeline (`story_steps.csv`), countries resolved to ISO3 codes.
#[derive(Debug, Clone)]
pub struct StepRec {
    pub id: String,
    pub day: u8,
    pub day_end: u8,
    pub date: String,
    pub title: String,
    pub countries: Vec<String>,
    pub all_by_status: bool,
    /// The step's text: an HTML fragment from `story/<id>.html` next to the CSV.
    pub body: String,
    /// One line under the step graphic (`caption` column; empty if the column is absent).
    pub caption: String,
}

#[derive(Debug, Clone)]
pub struct Dataset {
    pub countries: Vec<CountryRec>,
    pub not_listed: Vec<NotListedRec>,
    pub sources: Vec<SourceRec>,
    pub steps: Vec<StepRec>,
    /// The prose of `content/<name>.html`, placeholders filled (`content::FILES` order).
    pub content: Vec<content::ContentRec>,
    /// How many ITU Member States the 1:110m map lacks (drawn as dots), per `atlas_coverage.csv`.
    pub map_dots: usize,
}

type Row = (u64, HashMap<String, String>);

pub fn err(file: &Path, line: u64, problem: impl Into<String>) -> DataError {
    DataError {
        file: file.to_path_buf(),
        line,
        problem: problem.into(),
    }
}

/// Reads a CSV file into (line, column → value) rows, checking that the named columns exist.
fn read_rows(file: &Path, required: &[&str]) -> Result<Vec<Row>, DataError> {
    let bytes = std::fs::read(file).map_err(|e| err(file, 0, format!("cannot open: {e}")))?;
    // Line of a record's start offset, counted from the file itself. With CRLF files the reader
    // reports a record as starting on the previous line's '\n', so that byte counts too.
    let newlines: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_at = |byte: u64| 1 + newlines.partition_point(|&nl| nl <= byte as usize) as u64;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(&bytes[..]);
    let mut headers = csv::StringRecord::new();
    match rdr.read_record(&mut headers) {
        Ok(true) => {}
        Ok(false) => return Err(err(file, 1, "empty file: no header line")),
        Err(e) => return Err(err(file, 1, format!("cannot read the header line: {e}"))),
    }
    for col in required {
        if !headers.iter().any(|h| h == *col) {
            return Err(err(
                file,
                1,
                format!("missing column '{col}' in the header line"),
            ));
        }
    }
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte())).unwrap_or(0);
                return Err(err(file, line, format!("malformed CSV record: {e}")));
            }
        }
        let line = rec.position().map(|p| line_at(p.byte())).unwrap_or(0);
        if rec.len() != headers.len() {
            return Err(err(
                file,
                line,
                format!(
                    "{} fields, expected {} as in the header line",
                    rec.len(),
                    headers.len()
                ),
            ));
        }
        let map = headers
            .iter()
            .zip(rec.iter())
            .map(|(h, v)| (h.to_string(), v.trim().to_string()))
            .collect();
        rows.push((line, map));
    }
    Ok(rows)
}

fn field<'a>(file: &Path, row: &'a Row, col: &str) -> Result<&'a str, DataError> {
    match row.1.get(col).map(String::as_str) {
        Some(v) if !v.is_empty() => Ok(v),
        _ => Err(err(file, row.0, format!("empty '{col}'"))),
    }
}

fn opt_num(file: &Path, row: &Row, col: &str) -> Result<Option<f64>, DataError> {
    match row.1.get(col).map(String::as_str) {
        None | Some("") => Ok(None),
        Some(v) => v
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(Some)
            .ok_or_else(|| err(file, row.0, format!("'{col}' is not a number: '{v}'"))),
    }
}

/// A number with at most `decimals` decimal places (they are stored exactly as integers), or
/// empty for "not published".
fn opt_fixed(file: &Path, row: &Row, col: &str, decimals: usize) -> Result<Option<f64>, DataError> {
    let v = opt_num(file, row, col)?;
    let raw = row.1.get(col).map(String::as_str).unwrap_or("");
    let places = raw.split_once('.').map(|(_, f)| f.len()).unwrap_or(0);
    if v.is_some() && (places > decimals || raw.contains(['e', 'E'])) {
        return Err(err(
            file,
            row.0,
            format!("'{col}' has more than {decimals} decimals: '{raw}' (stored exactly, so it cannot be rounded)"),
        ));
    }
    Ok(v)
}

/// A vocabulary's CSV spellings for a message: 'a', 'b' or 'c'.
fn spellings(all: &[&str]) -> String {
    let quoted: Vec<String> = all.iter().map(|s| format!("'{s}'")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn check_code(
    file: &Path,
    line: u64,
    col: &str,
    v: &str,
    len: usize,
    digits: bool,
) -> Result<(), DataError> {
    let ok = v.len() == len
        && v.chars().all(|c| {
            if digits {
                c.is_ascii_digit()
            } else {
                c.is_ascii_uppercase()
            }
        });
    if ok {
        Ok(())
    } else {
        Err(err(
            file,
            line,
            format!(
                "'{col}' must be {len} {} characters, got '{v}'",
                if digits { "digit" } else { "upper-case letter" }
            ),
        ))
    }
}

/// Loads and validates every file the report needs from `dir` (the project's `src/data`).
/// Coverage table (`map/atlas_coverage.csv`): iso3 → (lat, lng, UN region), for the map's dots
/// and the story's groups.
pub type Coverage = HashMap<String, (f64, f64, String)>;
/// Income table (`income_fy2013.csv`): iso3 → (line, FY2013 income group if classified, region).
pub type IncomeTable = HashMap<String, (u64, Option<Income>, Region)>;
/// WGI 2011 (`wgi_2011_2012_detail.csv`): iso3 → one cell per indicator, in `Indicator::ALL` order.
pub type WgiTable = HashMap<String, [Option<WgiCell>; 6]>;

/// Loads and validates every file the report needs from `dir` (the project's `src/data`).
pub fn load(dir: &Path) -> Result<Dataset, DataError> {
    let sources = load_sources(&dir.join("sources.csv"))?;
    let coverage = load_coverage(&dir.join("map/atlas_coverage.csv"))?;
    let income = load_income(&dir.join("income_fy2013.csv"))?;
    let wgi = load_wgi(&dir.join("wgi_2011_2012_detail.csv"))?;
    let countries = load_signatories(
        &dir.join("signatories.csv"),
        &sources,
        &income,
        &wgi,
        &coverage,
    )?;
    let not_listed = load_not_listed(&dir.join("not_listed.csv"), &countries, &coverage)?;
    let steps = load_steps(&dir.join("story_steps.csv"), &countries, &not_listed)?;
    let map_dots = count_map_dots(&dir.join("map/atlas_coverage.csv"), &countries, &not_listed)?;
    let mut values = placeholders(&countries, &not_listed);
    values.push(("map_dots", map_dots.to_string()));
    let content = content::load_content(&dir.join("content"), &values)?;
    Ok(Dataset {
        countries,
        not_listed,
        sources,
        steps,
        content,
        map_dots,
    })
}

/// Members that `atlas_coverage.csv` says the 1:110m atlas does not draw (no `atlas_110m_name`).
pub fn count_map_dots(
    cov_file: &Path,
    countries: &[CountryRec],
    not_listed: &[NotListedRec],
) -> Result<usize, DataError> {
    let mut missing = std::collections::HashSet::new();
    for row in read_rows(cov_file, &["cca3", "atlas_110m_name"])? {
        if row
            .1
            .get("atlas_110m_name")
            .is_none_or(|v| v.trim().is_empty())
        {
            missing.insert(field(cov_file, &row, "cca3")?.to_string());
        }
    }
    Ok(countries
        .iter()
        .map(|c| &c.iso3)
        .chain(not_listed.iter().map(|n| &n.iso3))
        .filter(|iso3| missing.contains(*iso3))
        .count())
}

/// The figures content files may use as `{{name}}`, from the loaded data.
pub fn placeholders(
    countries: &[CountryRec],
    not_listed: &[NotListedRec],
) -> Vec<(&'static str, String)> {
    let signed = countries
        .iter()
        .filter(|c| c.status == Status::Signed)
        .count();
    vec![
        ("members", (countries.len() + not_listed.len()).to_string()),
        ("eligible", countries.len().to_string()),
        ("signed", signed.to_string()),
        ("declined", (countries.len() - signed).to_string()),
        ("not_listed", not_listed.len().to_string()),
    ]
}

/// `map/atlas_coverage.csv`: representative points and UN regions.
pub fn load_coverage(cov_file: &Path) -> Result<Coverage, DataError> {
    let mut coverage = Coverage::new();
    for row in read_rows(cov_file, &["cca3", "lat", "lng", "region"])? {
        let iso3 = field(cov_file, &row, "cca3")?.to_string();
        let lat = opt_num(cov_file, &row, "lat")?.unwrap_or(0.0);
        let lng = opt_num(cov_file, &row, "lng")?.unwrap_or(0.0);
        let region = row.1.get("region").cloned().unwrap_or_default();
        coverage.insert(iso3, (lat, lng, region));
    }
    Ok(coverage)
}

/// `income_fy2013.csv`: FY2013 income group and World Bank region of each economy.
pub fn load_income(income_file: &Path) -> Result<IncomeTable, DataError> {
    // iso3 → (line, income group if classified, region).
    let mut income = IncomeTable::new();
    for row in read_rows(income_file, &["iso3", "income_group", "wb_region"])? {
        let iso3 = field(income_file, &row, "iso3")?.to_string();
        let group = match row.1.get("income_group").map(String::as_str) {
            None | Some("") => None,
            Some(g) => Some(Income::from_csv(g).ok_or_else(|| {
                err(
                    income_file,
                    row.0,
                    format!(
                        "unknown income group '{g}' (expected one of {})",
                        spellings(&Income::ALL.map(Income::csv))
                    ),
                )
            })?),
        };
        let wb = field(income_file, &row, "wb_region")?;
        let region = Region::from_csv(wb).ok_or_else(|| {
            err(
                income_file,
                row.0,
                format!(
                    "unknown World Bank region '{wb}' (expected one of {})",
                    spellings(&Region::ALL.map(Region::csv))
                ),
            )
        })?;
        if income
            .insert(iso3.clone(), (row.0, group, region))
            .is_some()
        {
            return Err(err(income_file, row.0, format!("duplicate iso3 '{iso3}'")));
        }
    }
    Ok(income)
}

/// `wgi_2011_2012_detail.csv`: the 2011 rows (2012 rows are skipped).
pub fn load_wgi(wgi_file: &Path) -> Result<WgiTable, DataError> {
    let mut wgi = WgiTable::new();
    let wgi_cols = [
        "iso3",
        "year",
        "indicator",
        "estimate",
        "stderr",
        "pctrank",
        "pctrank_lower90",
        "pctrank_upper90",
    ];
    for row in read_rows(wgi_file, &wgi_cols)? {
        if field(wgi_file, &row, "year")? != "2011" {
            continue;
        }
        let iso3 = field(wgi_file, &row, "iso3")?.to_string();
        let ind = field(wgi_file, &row, "indicator")?;
        let k = Indicator::from_csv(ind)
            .ok_or_else(|| {
                err(
                    wgi_file,
                    row.0,
                    format!(
                        "unknown indicator '{ind}' (expected one of {})",
                        spellings(&Indicator::ALL.map(Indicator::csv))
                    ),
                )
            })?
            .index();
        let cell = WgiCell {
            estimate: opt_fixed(wgi_file, &row, "estimate", 6)?,
            stderr: opt_fixed(wgi_file, &row, "stderr", 6)?,
            pctrank: opt_fixed(wgi_file, &row, "pctrank", 4)?,
            pct_lo: opt_fixed(wgi_file, &row, "pctrank_lower90", 4)?,
            pct_hi: opt_fixed(wgi_file, &row, "pctrank_upper90", 4)?,
        };
        if let Some(e) = cell.estimate {
            if !(-5.0..=5.0).contains(&e) {
                return Err(err(
                    wgi_file,
                    row.0,
                    format!("estimate {e} is outside −5…+5"),
                ));
            }
            if cell.stderr.is_none_or(|s| s <= 0.0) {
                return Err(err(
                    wgi_file,
                    row.0,
                    format!("estimate for {iso3} {ind} has no positive standard error"),
                ));
            }
        }
        if let Some(p) = cell.pctrank {
            if !(0.0..=100.0).contains(&p) {
                return Err(err(
                    wgi_file,
                    row.0,
                    format!("percentile rank {p} is outside 0…100"),
                ));
            }
        }
        let slot = &mut wgi.entry(iso3.clone()).or_default()[k];
        if slot.is_some() {
            return Err(err(
                wgi_file,
                row.0,
                format!("duplicate 2011 '{ind}' row for '{iso3}'"),
            ));
        }
        *slot = Some(cell);
    }
    Ok(wgi)
}

/// `signatories.csv`: the 144, joined to their sources, income group, WGI values and map point;
/// checks the official totals.
pub fn load_signatories(
    sig_file: &Path,
    sources: &[SourceRec],
    income: &IncomeTable,
    wgi: &WgiTable,
    coverage: &Coverage,
) -> Result<Vec<CountryRec>, DataError> {
    let known_sources: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let cols = [
        "name_fr",
        "name_en",
        "iso3",
        "iso2",
        "iso_numeric",
        "status",
        "evidence",
        "sources",
    ];
    let rows = read_rows(sig_file, &cols)?;
    let mut countries = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for row in &rows {
        let f = &sig_file;
        let iso3 = field(f, row, "iso3")?.to_string();
        let iso2 = field(f, row, "iso2")?.to_string();
        let iso_num = field(f, row, "iso_numeric")?.to_string();
        check_code(f, row.0, "iso3", &iso3, 3, false)?;
        check_code(f, row.0, "iso2", &iso2, 2, false)?;
        check_code(f, row.0, "iso_numeric", &iso_num, 3, true)?;
        for (key, v) in [("iso3", &iso3), ("iso2", &iso2), ("iso_numeric", &iso_num)] {
            if let Some(first) = seen.insert(format!("{key}:{v}"), row.0) {
                return Err(err(
                    f,
                    row.0,
                    format!("duplicate {key} '{v}' (first on line {first})"),
                ));
            }
        }
        let st = field(f, row, "status")?;
        let status = Status::from_csv(st).ok_or_else(|| {
            err(
                f,
                row.0,
                format!(
                    "status must be {}, got '{st}'",
                    spellings(&Status::ALL.map(Status::csv))
                ),
            )
        })?;
        let ev = field(f, row, "evidence")?;
        let grade = Grade::from_csv(ev).ok_or_else(|| {
            err(
                f,
                row.0,
                format!(
                    "evidence grade must be {}, got '{ev}'",
                    spellings(&Grade::ALL.map(Grade::csv))
                ),
            )
        })?;
        let sources: Vec<String> = field(f, row, "sources")?
            .split(';')
            .map(|s| s.trim().to_string())
            .collect();
        for s in &sources {
            if !known_sources.contains(s.as_str()) {
                return Err(err(
                    f,
                    row.0,
                    format!("unknown source id '{s}' (not in sources.csv)"),
                ));
            }
        }
        let (_, inc, region) = *income.get(&iso3).ok_or_else(|| {
            err(
                f,
                row.0,
                format!("'{iso3}' has no row in income_fy2013.csv"),
            )
        })?;
        let inc = inc.ok_or_else(|| {
            err(
                f,
                row.0,
                format!("'{iso3}' has no FY2013 income group in income_fy2013.csv"),
            )
        })?;
        let cells = wgi.get(&iso3).ok_or_else(|| {
            err(
                f,
                row.0,
                format!("'{iso3}' has no WGI 2011 rows in wgi_2011_2012_detail.csv"),
            )
        })?;
        let mut w = [WgiCell::default(); 6];
        for (k, c) in cells.iter().enumerate() {
            w[k] = c.ok_or_else(|| {
                err(
                    f,
                    row.0,
                    format!(
                        "'{iso3}' has no WGI 2011 '{}' row in wgi_2011_2012_detail.csv",
                        Indicator::ALL[k].csv()
                    ),
                )
            })?;
        }
        let (lat, lng, un_region) = coverage.get(&iso3).cloned().ok_or_else(|| {
            err(
                f,
                row.0,
                format!("'{iso3}' is not in map/atlas_coverage.csv"),
            )
        })?;
        countries.push(CountryRec {
            line: row.0,
            name_fr: field(f, row, "name_fr")?.to_string(),
            name_en: field(f, row, "name_en")?.to_string(),
            iso3,
            iso2,
            iso_num,
            status,
            grade,
            sources,
            region,
            income: inc,
            wgi: w,
            lat,
            lng,
            un_region,
        });
    }
    let n_signed = countries
        .iter()
        .filter(|c| c.status == Status::Signed)
        .count();
    if countries.len() != ELIGIBLE || n_signed != SIGNED {
        return Err(err(
            sig_file,
            0,
            format!(
                "expected {ELIGIBLE} rows ({SIGNED} signed + {DECLINED} declined), found {} rows ({} signed + {} declined)",
                countries.len(),
                n_signed,
                countries.len() - n_signed
            ),
        ));
    }
    Ok(countries)
}

/// `not_listed.csv`: the 49 ITU members not among the 144 (none of them may be among the 144).
pub fn load_not_listed(
    nl_file: &Path,
    countries: &[CountryRec],
    coverage: &Coverage,
) -> Result<Vec<NotListedRec>, DataError> {
    let mut not_listed = Vec::new();
    for row in read_rows(nl_file, &["name_en", "iso3", "iso_numeric"])? {
        let iso3 = field(nl_file, &row, "iso3")?.to_string();
        check_code(nl_file, row.0, "iso3", &iso3, 3, false)?;
        if let Some(first) = countries.iter().find(|c| c.iso3 == iso3).map(|c| c.line) {
            return Err(err(
                nl_file,
                row.0,
                format!("'{iso3}' is also listed in signatories.csv (line {first})"),
            ));
        }
        let (lat, lng, _) = coverage.get(&iso3).cloned().ok_or_else(|| {
            err(
                nl_file,
                row.0,
                format!("'{iso3}' is not in map/atlas_coverage.csv"),
            )
        })?;
        not_listed.push(NotListedRec {
            name_en: field(nl_file, &row, "name_en")?.to_string(),
            iso_num: field(nl_file, &row, "iso_numeric")?.to_string(),
            iso3,
            lat,
            lng,
        });
    }
    if not_listed.len() != NOT_LISTED {
        return Err(err(
            nl_file,
            0,
            format!("expected {NOT_LISTED} rows, found {}", not_listed.len()),
        ));
    }
    Ok(not_listed)
}

pub fn load_sources(file: &Path) -> Result<Vec<SourceRec>, DataError> {
    let mut out: Vec<SourceRec> = Vec::new();
    for row in read_rows(file, &["id", "short", "source", "supports"])? {
        let id = field(file, &row, "id")?.to_string();
        if out.iter().any(|s| s.id == id) {
            return Err(err(file, row.0, format!("duplicate source id '{id}'")));
        }
        let short = field(file, &row, "short")?.to_string();
        out.push(SourceRec {
            id,
            short,
            text: field(file, &row, "source")?.to_string(),
            supports: row.1.get("supports").cloned().unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Story steps: `id,day,day_end,date,title,countries`. `countries` is a `;`-list of ISO3 codes of
/// ITU members (the 144 or the 49), or `group:africa` (the eligible African states), or `all`.
/// Reads the HTML text of a step (`story/<id>.html` next to `story_steps.csv`) and checks it
/// with the content allow-list (`content::check`).
fn load_step_body(file: &Path, line: u64, id: &str) -> Result<String, DataError> {
    let path = file.with_file_name("story").join(format!("{id}.html"));
    let text = std::fs::read_to_string(&path).map_err(|e| {
        err(
            file,
            line,
            format!("step '{id}' has no text: cannot read story/{id}.html ({e})"),
        )
    })?;
    content::check(&path, &text)?;
    Ok(text.trim().to_string())
}

fn load_steps(
    file: &Path,
    countries: &[CountryRec],
    not_listed: &[NotListedRec],
) -> Result<Vec<StepRec>, DataError> {
    let members: HashSet<&str> = countries
        .iter()
        .map(|c| c.iso3.as_str())
        .chain(not_listed.iter().map(|n| n.iso3.as_str()))
        .collect();
    let mut out: Vec<StepRec> = Vec::new();
    let mut ids = BTreeMap::new();
    for row in read_rows(file, &["id", "day", "date", "title", "countries"])? {
        let id = field(file, &row, "id")?.to_string();
        if let Some(first) = ids.insert(id.clone(), row.0) {
            return Err(err(
                file,
                row.0,
                format!("duplicate step id '{id}' (first on line {first})"),
            ));
        }
        let day_s = field(file, &row, "day")?;
        let day: u8 = day_s
            .parse()
            .ok()
            .filter(|d| (0..=12).contains(d))
            .ok_or_else(|| {
                err(
                    file,
                    row.0,
                    format!("day must be 0 (before) to 12, got '{day_s}'"),
                )
            })?;
        if let Some(prev) = out.last() {
            if day < prev.day {
                return Err(err(
                    file,
                    row.0,
                    format!(
                        "day {day} comes after day {}: steps must be in order",
                        prev.day
                    ),
                ));
            }
        }
        let day_end: u8 = match row.1.get("day_end").map(String::as_str) {
            None | Some("") => day,
            Some(v) => v
                .parse()
                .ok()
                .filter(|d| (day..=12).contains(d))
                .ok_or_else(|| {
                    err(
                        file,
                        row.0,
                        format!("day_end must be {day} to 12, got '{v}'"),
                    )
                })?,
        };
        let mut list = Vec::new();
        let mut all_by_status = false;
        for tok in row
            .1
            .get("countries")
            .map(String::as_str)
            .unwrap_or("")
            .split(';')
        {
            let tok = tok.trim();
            match tok {
                "" => {}
                "all" => all_by_status = true,
                "group:africa" => list.extend(
                    countries.iter().filter(|c| c.un_region == "Africa").map(|c| c.iso3.clone()),
                ),
                code if members.contains(code) => list.push(code.to_string()),
                code => {
                    return Err(err(file, row.0, format!("step '{id}' names unknown country '{code}' (not an ITU member in signatories.csv or not_listed.csv)")))
                }
            }
        }
        list.sort();
        list.dedup();
        let body = load_step_body(file, row.0, &id)?;
        out.push(StepRec {
            body,
            id,
            day,
            day_end,
            date: field(file, &row, "date")?.to_string(),
            title: field(file, &row, "title")?.to_string(),
            countries: list,
            all_by_status,
            caption: row.1.get("caption").cloned().unwrap_or_default(),
        });
    }
    if out.is_empty() {
        return Err(err(file, 0, "no steps"));
    }
    Ok(out)
}

/// Status conflicts between sources (`status_conflicts.csv`, issue 17).
pub mod conflicts;
/// The story graphic's data: marks, tally and extra graphics of the steps.
pub mod story;
