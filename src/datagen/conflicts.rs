//! `status_conflicts.csv`: the countries whose sources disagree about their status (issue 17).
//! Checked against the loaded dataset: a known country among the 144, the status the data holds,
//! known source ids, one row per country, a non-empty sentence. A problem names file and line.

use std::path::Path;

use super::{err, field, read_rows, DataError, Dataset};

/// One country whose sources disagree; `country` is its index in `Dataset::countries`.
#[derive(Debug, Clone)]
pub struct ConflictRec {
    pub country: usize,
    pub line: u64,
    pub text: String,
    pub sources: Vec<String>,
}

/// Loads and checks `dir/status_conflicts.csv` against the validated dataset `ds`.
pub fn load(dir: &Path, ds: &Dataset) -> Result<Vec<ConflictRec>, DataError> {
    let f = &dir.join("status_conflicts.csv");
    let mut out: Vec<ConflictRec> = Vec::new();
    for row in read_rows(f, &["iso3", "status_in_data", "conflict", "sources"])? {
        let iso3 = field(f, &row, "iso3")?;
        let country = ds
            .countries
            .iter()
            .position(|c| c.iso3 == iso3)
            .ok_or_else(|| {
                err(
                    f,
                    row.0,
                    format!("'{iso3}' is not one of the 144 in signatories.csv"),
                )
            })?;
        if let Some(first) = out.iter().find(|c| c.country == country) {
            return Err(err(
                f,
                row.0,
                format!("duplicate row for '{iso3}' (first on line {})", first.line),
            ));
        }
        let status = field(f, &row, "status_in_data")?;
        let actual = ds.countries[country].status.slug();
        if status != actual {
            return Err(err(
                f,
                row.0,
                format!("status_in_data '{status}' for '{iso3}' differs from signatories.csv ('{actual}')"),
            ));
        }
        let text = field(f, &row, "conflict")?.to_string();
        let sources: Vec<String> = field(f, &row, "sources")?
            .split(';')
            .map(|s| s.trim().to_string())
            .collect();
        if let Some(s) = sources
            .iter()
            .find(|s| !ds.sources.iter().any(|k| k.id == **s))
        {
            return Err(err(
                f,
                row.0,
                format!("unknown source id '{s}' (not in sources.csv)"),
            ));
        }
        out.push(ConflictRec {
            country,
            line: row.0,
            text,
            sources,
        });
    }
    Ok(out)
}
