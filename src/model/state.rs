//! The one filter/selection state every view reads, and the rows it selects.

use super::data::{Country, Income, Indicator, Region, Status, COUNTRIES, STEPS};
use super::text::fold;

/// A sortable table column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Status,
    Grade,
    Region,
    Income,
    Wgi(Indicator),
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Name,
        Column::Status,
        Column::Grade,
        Column::Region,
        Column::Income,
        Column::Wgi(Indicator::Va),
        Column::Wgi(Indicator::Pv),
        Column::Wgi(Indicator::Ge),
        Column::Wgi(Indicator::Rq),
        Column::Wgi(Indicator::Rl),
        Column::Wgi(Indicator::Cc),
    ];
    pub fn slug(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Status => "status",
            Column::Grade => "grade",
            Column::Region => "region",
            Column::Income => "income",
            Column::Wgi(i) => i.code(),
        }
    }
    pub fn from_slug(s: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.slug() == s)
    }
    pub fn is_numeric(self) -> bool {
        matches!(self, Column::Wgi(_))
    }
}

/// Sort order of the table: a column and a direction. Ties are always broken by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub col: Column,
    pub desc: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            col: Column::Name,
            desc: false,
        }
    }
}

/// What the governance charts plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Estimate,
    Percentile,
}

/// How the governance charts group the countries into rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GroupBy {
    #[default]
    Status,
    Income,
}

/// One graphic shown alone, for an `<iframe>` on another site: a page of its own
/// (`components::embed`); `embed=` in a report link opens it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embed {
    /// The vote map with its legend.
    Map,
    /// The table with its filters.
    Table,
    /// One governance chart.
    Chart(Indicator),
    /// One story step's graphic (index into `STEPS`).
    Step(usize),
}

impl Embed {
    /// Every graphic that can be embedded, in the order the embed menu lists them.
    pub fn all() -> Vec<Embed> {
        let mut v = vec![Embed::Map, Embed::Table];
        v.extend(Indicator::ALL.map(Embed::Chart));
        v.extend((0..STEPS.len()).map(Embed::Step));
        v
    }
    /// The kind, as a CSS class suffix: `map`, `table`, `chart`, `step`.
    pub fn kind(self) -> &'static str {
        match self {
            Embed::Map => "map",
            Embed::Table => "table",
            Embed::Chart(_) => "chart",
            Embed::Step(_) => "step",
        }
    }
    /// The value of `embed=` and the page's name: `map`, `table`, `chart-va`, `step-day-11`.
    pub fn slug(self) -> String {
        match self {
            Embed::Map => "map".into(),
            Embed::Table => "table".into(),
            Embed::Chart(i) => format!("chart-{}", i.code()),
            Embed::Step(k) => format!("step-{}", STEPS.get(k).map_or("", |s| s.id)),
        }
    }
    pub fn from_slug(s: &str) -> Option<Embed> {
        Embed::all().into_iter().find(|e| e.slug() == s)
    }
    /// What the embedded graphic shows, for the menu and the iframe's `title`.
    pub fn title(self) -> String {
        match self {
            Embed::Map => "World map of who signed".into(),
            Embed::Table => "Table of the 144 countries".into(),
            Embed::Chart(i) => format!("Chart: {}", i.label()),
            Embed::Step(k) => STEPS
                .get(k)
                .map_or(String::new(), |s| format!("Timeline graphic: {}", s.title)),
        }
    }
    /// A height (px) at which the graphic fits without a scrollbar at common widths.
    pub fn height(self) -> u32 {
        match self {
            Embed::Map => 560,
            Embed::Table => 640,
            Embed::Chart(_) => 420,
            Embed::Step(_) => 520,
        }
    }
}

/// Where in the report a reader is, outside the story: what a shared link opens at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The vote map and its breakdowns (section "Who signed").
    Vote,
    /// The table of the 144.
    Table,
    /// The governance charts.
    Governance,
}

impl Place {
    pub const ALL: [Place; 3] = [Place::Vote, Place::Table, Place::Governance];

    /// The value of `at=`, and the id of the element a link scrolls to.
    pub fn slug(self) -> &'static str {
        match self {
            Place::Vote => "vote",
            Place::Table => "table",
            Place::Governance => "governance",
        }
    }

    pub fn from_slug(s: &str) -> Option<Place> {
        Place::ALL.into_iter().find(|p| p.slug() == s)
    }

    /// The id of the element whose being in view means the reader is here: the three do not
    /// overlap (the vote section holds the table, so the map is its grid of map and bars).
    pub fn watched(self) -> &'static str {
        match self {
            Place::Vote => "vote-grid",
            _ => self.slug(),
        }
    }
}

/// Everything a reader can set; it is what the URL encodes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// Free-text search (English or French name, ISO3), case- and accent-insensitive.
    pub query: String,
    pub status: Option<Status>,
    pub region: Option<Region>,
    pub income: Option<Income>,
    pub sort: Sort,
    /// Selected country (index into `COUNTRIES`).
    pub selected: Option<usize>,
    /// Active story step (index into `STEPS`), while the story is what the reader reads.
    pub step: Option<usize>,
    /// Where the reader is when not in the story (`None` at the top, or with a step).
    pub at: Option<Place>,
    pub measure: Measure,
    pub group_by: GroupBy,
    /// One graphic alone (an embedded view's page; a report link's `embed=`).
    pub embed: Option<Embed>,
    /// The vote map's zoom (index into `MAP_ZOOMS`); `None` is the whole world.
    pub zoom: Option<usize>,
}

/// Longest search text kept (longer input is cut, and the URL notice says so).
pub const MAX_QUERY: usize = 80;

impl State {
    /// True when the country passes the search and every filter.
    pub fn matches(&self, c: &Country) -> bool {
        self.matches_folded(c, &fold(&self.query))
    }

    fn matches_folded(&self, c: &Country, folded_query: &str) -> bool {
        self.status.is_none_or(|s| c.status == s)
            && self.region.is_none_or(|r| c.region == r)
            && self.income.is_none_or(|i| c.income == i)
            && (folded_query.is_empty() || c.search_key().contains(folded_query))
    }

    /// True when no search or filter is set.
    pub fn is_unfiltered(&self) -> bool {
        self.query.trim().is_empty()
            && self.status.is_none()
            && self.region.is_none()
            && self.income.is_none()
    }

    /// Clicking a header: the same column flips direction; a new one starts ascending for text
    /// and descending (best first) for indicators.
    pub fn toggle_sort(&mut self, col: Column) {
        self.sort = if self.sort.col == col {
            Sort {
                col,
                desc: !self.sort.desc,
            }
        } else {
            Sort {
                col,
                desc: col.is_numeric(),
            }
        };
    }

    pub fn clear_filters(&mut self) {
        self.query.clear();
        self.status = None;
        self.region = None;
        self.income = None;
    }

    /// Applies the state a link opened with over this one: each setting still at its default
    /// takes the link's value, one the reader has changed meanwhile keeps theirs (the app
    /// hydrates in parts before it applies the link, and the reader may act in between).
    pub fn take_link(&mut self, link: &State) {
        let d = State::default();
        macro_rules! take {
            ($($f:ident),*) => {$(
                if self.$f == d.$f {
                    self.$f = link.$f.clone();
                }
            )*};
        }
        take!(
            query, status, region, income, sort, selected, step, at, measure, group_by, embed, zoom
        );
    }

    pub fn step_id(&self) -> Option<&'static str> {
        self.step.and_then(|i| STEPS.get(i)).map(|s| s.id)
    }
}

/// Indices of `rows` that match `state`, in the table's sort order.
pub fn filter_sort(rows: &[Country], state: &State) -> Vec<usize> {
    let q = fold(&state.query);
    let mut idx: Vec<usize> = (0..rows.len())
        .filter(|&i| state.matches_folded(&rows[i], &q))
        .collect();
    sort_indices(rows, &mut idx, state.sort);
    idx
}

/// All indices of `rows` in the table's sort order (the table keeps every row mounted and hides
/// the ones that do not match, so filtering never rebuilds rows).
pub fn sorted_all(rows: &[Country], sort: Sort) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    sort_indices(rows, &mut idx, sort);
    idx
}

/// Flags for all 144: does the country pass the status, region and income filters? The search is
/// left out on purpose: a search finds countries (the table narrows, the map and charts highlight
/// them) but never changes which countries the statistics describe.
pub fn subset_mask(state: &State) -> Vec<bool> {
    let facets = State {
        query: String::new(),
        ..state.clone()
    };
    match_mask(&facets)
}

/// The indices whose flag is set.
pub fn indices(mask: &[bool]) -> Vec<usize> {
    (0..mask.len()).filter(|&i| mask[i]).collect()
}

/// Match flags for all 144 countries (the map and charts fade the ones that do not match).
pub fn match_mask(state: &State) -> Vec<bool> {
    let q = fold(&state.query);
    COUNTRIES
        .iter()
        .map(|c| state.matches_folded(c, &q))
        .collect()
}

/// Sorts indices by a column; missing values always last; ties by name.
pub fn sort_indices(rows: &[Country], idx: &mut [usize], sort: Sort) {
    use std::cmp::Ordering;
    // Each row's name key looked up once, not at every comparison.
    let keys: Vec<&str> = rows.iter().map(Country::search_key).collect();
    let by_name = |i: usize, j: usize| keys[i].cmp(keys[j]);
    super::order_by(idx, &|i, j| {
        let (a, b) = (&rows[i], &rows[j]);
        let primary = match sort.col {
            Column::Name => by_name(i, j),
            Column::Status => a.status.cmp(&b.status),
            Column::Grade => a.grade.cmp(&b.grade),
            Column::Region => a.region.label().cmp(b.region.label()),
            Column::Income => a.income.cmp(&b.income),
            Column::Wgi(ind) => {
                let (x, y) = (a.wgi[ind.index()].est(), b.wgi[ind.index()].est());
                match (x, y) {
                    (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                    // Missing sorts last in both directions: undo the reversal below.
                    (None, Some(_)) => return Ordering::Greater,
                    (Some(_), None) => return Ordering::Less,
                    (None, None) => return by_name(i, j),
                }
            }
        };
        let primary = if sort.desc {
            primary.reverse()
        } else {
            primary
        };
        primary.then_with(|| by_name(i, j))
    });
}

/// A filter dimension of the state, as the filter controls and the URL codec see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Status,
    Region,
    Income,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Status, Facet::Region, Facet::Income];

    /// The choices as (slug, label), without "all".
    pub fn options(self) -> Vec<(&'static str, &'static str)> {
        use super::data::{Income, Region, Status};
        match self {
            Facet::Status => Status::ALL.iter().map(|x| (x.slug(), x.label())).collect(),
            Facet::Region => Region::ALL.iter().map(|x| (x.slug(), x.label())).collect(),
            Facet::Income => Income::ALL.iter().map(|x| (x.slug(), x.label())).collect(),
        }
    }

    /// The chosen slug, or "all".
    pub fn get(self, s: &State) -> &'static str {
        match self {
            Facet::Status => s.status.map(|x| x.slug()),
            Facet::Region => s.region.map(|x| x.slug()),
            Facet::Income => s.income.map(|x| x.slug()),
        }
        .unwrap_or("all")
    }

    /// Sets the facet from a slug; "all" or an unknown slug clears it.
    pub fn set(self, s: &mut State, slug: &str) {
        use super::data::{Income, Region, Status};
        match self {
            Facet::Status => s.status = Status::ALL.into_iter().find(|x| x.slug() == slug),
            Facet::Region => s.region = Region::ALL.into_iter().find(|x| x.slug() == slug),
            Facet::Income => s.income = Income::ALL.into_iter().find(|x| x.slug() == slug),
        }
    }
}
