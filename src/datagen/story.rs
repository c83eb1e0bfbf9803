//! The story graphic's data, checked against the loaded steps: `story_marks.csv` (which countries
//! each step's map marks, in which role, with the legend line and an optional map label),
//! `story_tally.csv` (counted results a step shows as a bar, with their sources) and the optional
//! extra graphic of a step (`story/graphic-<id>.html`, checked with the content allow-list).
//! A problem names file and line.

use std::path::Path;

use super::{content, err, field, read_rows, DataError, Dataset};

/// The roles a marked country can have on the story map (each has its fill in `style/main.css`,
/// `.sw-<role>` and `--r-<role>`).
pub const ROLES: [&str; 7] = [
    "host",
    "named",
    "withdrawn",
    "disowned",
    "asked",
    "caller",
    "nosign",
];

/// Countries a step marks in one role.
#[derive(Debug, Clone)]
pub struct MarkRec {
    /// Index of the step in `Dataset::steps`.
    pub step: usize,
    pub role: String,
    pub countries: Vec<String>,
    /// What the role means, for the step's legend.
    pub legend: String,
    /// Map label instead of the country's name (one country only); empty = its name.
    pub label: String,
}

/// One counted result (for example the show of hands), with a range where sources disagree.
#[derive(Debug, Clone)]
pub struct TallyRec {
    pub step: usize,
    pub label: String,
    pub low: u16,
    pub high: u16,
    pub source: String,
}

/// Everything the story graphic needs beyond the steps themselves.
#[derive(Debug, Clone, Default)]
pub struct StoryGraphics {
    pub marks: Vec<MarkRec>,
    pub tally: Vec<TallyRec>,
    /// Per step (in order): the extra graphic's HTML, or empty.
    pub extras: Vec<String>,
}

fn step_index(f: &Path, line: u64, ds: &Dataset, id: &str) -> Result<usize, DataError> {
    ds.steps.iter().position(|s| s.id == id).ok_or_else(|| {
        err(
            f,
            line,
            format!("unknown step '{id}' (not in story_steps.csv)"),
        )
    })
}

/// Loads `dir/story_marks.csv`: `step,role,countries,legend,label`. Every country must be one the
/// step names in `story_steps.csv` (so the map's description and its marks agree), once per step.
pub fn load_marks(dir: &Path, ds: &Dataset) -> Result<Vec<MarkRec>, DataError> {
    let f = &dir.join("story_marks.csv");
    let mut out: Vec<MarkRec> = Vec::new();
    for row in read_rows(f, &["step", "role", "countries", "legend", "label"])? {
        let step = step_index(f, row.0, ds, field(f, &row, "step")?)?;
        let role = field(f, &row, "role")?;
        if !ROLES.contains(&role) {
            return Err(err(
                f,
                row.0,
                format!("unknown role '{role}' (one of {})", ROLES.join(", ")),
            ));
        }
        let countries: Vec<String> = field(f, &row, "countries")?
            .split(';')
            .map(|c| c.trim().to_string())
            .collect();
        for c in &countries {
            if !ds.steps[step].countries.contains(c) {
                return Err(err(
                    f,
                    row.0,
                    format!(
                        "'{c}' is not among the countries of step '{}' in story_steps.csv",
                        ds.steps[step].id
                    ),
                ));
            }
            if out
                .iter()
                .any(|m| m.step == step && m.countries.contains(c))
            {
                return Err(err(f, row.0, format!("'{c}' is marked twice in this step")));
            }
        }
        let label = row.1.get("label").cloned().unwrap_or_default();
        if !label.is_empty() && countries.len() != 1 {
            return Err(err(f, row.0, "a label names one country only"));
        }
        out.push(MarkRec {
            step,
            role: role.to_string(),
            countries,
            legend: field(f, &row, "legend")?.to_string(),
            label,
        });
    }
    Ok(out)
}

/// Loads `dir/story_tally.csv`: `step,label,low,high,source` (low = high unless sources disagree).
pub fn load_tally(dir: &Path, ds: &Dataset) -> Result<Vec<TallyRec>, DataError> {
    let f = &dir.join("story_tally.csv");
    let mut out = Vec::new();
    for row in read_rows(f, &["step", "label", "low", "high", "source"])? {
        let step = step_index(f, row.0, ds, field(f, &row, "step")?)?;
        let num = |col: &str| -> Result<u16, DataError> {
            let v = field(f, &row, col)?;
            v.parse()
                .map_err(|_| err(f, row.0, format!("{col} must be a whole number, got '{v}'")))
        };
        let (low, high) = (num("low")?, num("high")?);
        if low > high {
            return Err(err(f, row.0, format!("low {low} is above high {high}")));
        }
        out.push(TallyRec {
            step,
            label: field(f, &row, "label")?.to_string(),
            low,
            high,
            source: field(f, &row, "source")?.to_string(),
        });
    }
    Ok(out)
}

/// Reads each step's optional extra graphic, `story/graphic-<id>.html`, checked like the step texts.
pub fn load_extras(dir: &Path, ds: &Dataset) -> Result<Vec<String>, DataError> {
    ds.steps
        .iter()
        .map(|st| {
            let path = dir.join("story").join(format!("graphic-{}.html", st.id));
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    content::check(&path, &text)?;
                    Ok(text.trim().to_string())
                }
                Err(_) => Ok(String::new()),
            }
        })
        .collect()
}

/// All of the above.
pub fn load(dir: &Path, ds: &Dataset) -> Result<StoryGraphics, DataError> {
    Ok(StoryGraphics {
        marks: load_marks(dir, ds)?,
        tally: load_tally(dir, ds)?,
        extras: load_extras(dir, ds)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str, marks: &str, tally: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("wcit12-story-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("story_marks.csv"), marks).unwrap();
        std::fs::write(dir.join("story_tally.csv"), tally).unwrap();
        dir
    }

    fn data() -> Dataset {
        crate::datagen::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data")).unwrap()
    }

    #[test]
    fn the_real_story_data_loads() {
        let ds = data();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data");
        let g = load(&dir, &ds).unwrap();
        assert!(g
            .marks
            .iter()
            .any(|m| m.role == "nosign" && m.countries.contains(&"USA".to_string())));
        let t: Vec<(u16, u16)> = g.tally.iter().map(|t| (t.low, t.high)).collect();
        assert_eq!(t, [(77, 77), (33, 33), (6, 8)]);
        assert_eq!(g.extras.len(), ds.steps.len());
    }

    #[test]
    fn marks_and_tally_fail_with_file_and_line() {
        let ds = data();
        let head = "step,role,countries,legend,label\n";
        let tally = "step,label,low,high,source\n";
        let e = load_marks(
            &fixture("role", &format!("{head}day-5,villain,RUS,x,\n"), tally),
            &ds,
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.problem.contains("unknown role 'villain'"),
            "{}",
            e.problem
        );
        let e = load_marks(
            &fixture("step", &format!("{head}day-99,named,RUS,x,\n"), tally),
            &ds,
        )
        .unwrap_err();
        assert!(e.problem.contains("unknown step 'day-99'"), "{}", e.problem);
        let e = load_marks(
            &fixture("country", &format!("{head}day-5,named,FRA,x,\n"), tally),
            &ds,
        )
        .unwrap_err();
        assert!(
            e.problem
                .contains("'FRA' is not among the countries of step 'day-5'"),
            "{}",
            e.problem
        );
        let e = load_marks(
            &fixture(
                "twice",
                &format!("{head}day-5,named,RUS,x,\nday-5,host,RUS,y,\n"),
                tally,
            ),
            &ds,
        )
        .unwrap_err();
        assert_eq!(
            (e.line, e.problem.as_str()),
            (3, "'RUS' is marked twice in this step")
        );
        let e = load_marks(
            &fixture(
                "label",
                &format!("{head}day-5,named,RUS;CHN,x,Both\n"),
                tally,
            ),
            &ds,
        )
        .unwrap_err();
        assert!(e.problem.contains("one country only"));
        let e = load_tally(
            &fixture("range", head, &format!("{tally}day-11,For,9,7,src\n")),
            &ds,
        )
        .unwrap_err();
        assert!(e.problem.contains("low 9 is above high 7"), "{}", e.problem);
        let e = load_tally(
            &fixture("num", head, &format!("{tally}day-11,For,many,7,src\n")),
            &ds,
        )
        .unwrap_err();
        assert!(e.problem.contains("whole number"), "{}", e.problem);
    }
}
