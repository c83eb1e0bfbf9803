//! The interactive sections that are not Leptos components yet (the vote map; governance: chart
//! options, ranking, six charts) as static markup in their **default state** — what a reader
//! sees before any WebAssembly runs, or without it — with placeholders where the components
//! (`crate::components`: filters, legend, zoom and finder, card, breakdowns, share bar, table)
//! are rendered.
//!
//! The prerender binary writes this into `dist/index.html` (with `model::page`); the views then
//! **adopt** these nodes (`views::kit::adopt`): they find them by id, listen to them and update
//! them when the state changes, but never re-create them. So every id, class and contract
//! attribute here is part of the views' contract: change one side, change the other (the browser
//! tests read the same ids). Controls that need the app carry `needs-app` and are hidden when
//! JavaScript is off (a `<noscript>` style in `index.html`).

use super::breakdown::status_counts;
use super::contract::CountryId;
use super::data::{COUNTRIES, MAP_ZOOMS, NOT_LISTED};
use super::html::Html;
use super::state::{Column, Sort};
use crate::html;

/// The label of the vote map for screen readers.
pub fn vote_map_label() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (signed, declined) = status_counts(&all);
    format!(
        "World map of the WCIT-12 final vote: {signed} Member States signed, {declined} did not, {} ITU members were not among the {} eligible to sign (grey). Small states are drawn as dots. The table below lists every country.",
        NOT_LISTED.len(),
        COUNTRIES.len()
    )
}

/// A table column's header: short text, and the long name (numeric columns: the indicator).
pub fn header_label(col: Column) -> (&'static str, &'static str) {
    match col {
        Column::Name => ("Country", ""),
        Column::Status => ("Status", ""),
        Column::Grade => ("Evidence", ""),
        Column::Region => ("Region", ""),
        Column::Income => ("Income", " group FY2013"),
        Column::Wgi(i) => (i.short(), i.label()),
    }
}

/// `aria-sort` of a header and its arrow, for the current sort.
pub fn sort_marks(col: Column, sort: Sort) -> (&'static str, &'static str) {
    match (sort.col == col).then_some(sort.desc) {
        None => ("none", "↕"),
        Some(false) => ("ascending", "▲"),
        Some(true) => ("descending", "▼"),
    }
}

/// The filter bar: its content is the `Filters` component (`components::filters`), which the
/// build renders into this placeholder and the app hydrates.
fn filters() -> Html {
    html!(r#"<div class="sticky-filters needs-app"><div data-prerender="filters"></div></div>"#)
}

/// Countries the vote map names directly, with the short name it uses: large or much-discussed
/// states of both statuses, spread so that labels do not collide.
pub const MAP_LABELLED: [(&str, &str); 10] = [
    ("USA", "United States"),
    ("CAN", "Canada"),
    ("BRA", "Brazil"),
    ("GBR", "UK"),
    ("RUS", "Russia"),
    ("CHN", "China"),
    ("IND", "India"),
    ("SAU", "Saudi Arabia"),
    ("KEN", "Kenya"),
    ("AUS", "Australia"),
];

/// Countries labelled in each zoom (`MAP_ZOOMS` ids): large enough to carry a name at that scale,
/// both statuses among them.
pub const ZOOM_LABELLED: [(&str, &[(&str, &str)]); 3] = [
    (
        "europe",
        &[
            ("FRA", "France"),
            ("DEU", "Germany"),
            ("ESP", "Spain"),
            ("POL", "Poland"),
            ("SWE", "Sweden"),
            ("UKR", "Ukraine"),
            ("TUR", "Turkey"),
            ("ITA", "Italy"),
        ],
    ),
    (
        "caribbean",
        &[
            ("MEX", "Mexico"),
            ("CUB", "Cuba"),
            ("HTI", "Haiti"),
            ("JAM", "Jamaica"),
            ("CRI", "Costa Rica"),
            ("COL", "Colombia"),
            ("VEN", "Venezuela"),
        ],
    ),
    (
        "gulf",
        &[
            ("SAU", "Saudi Arabia"),
            ("IRN", "Iran"),
            ("IRQ", "Iraq"),
            ("EGY", "Egypt"),
            ("ARE", "UAE"),
            ("OMN", "Oman"),
            ("QAT", "Qatar"),
        ],
    ),
];

/// The zooms as CSS: for each, the `.zoom` box's transform and which label group shows (also for
/// an embedded map, whose zoom is its own viewBox and `data-zoom`, `views::embed`). Holds no
/// character that escaping would change, like `story::style`.
pub fn zoom_style() -> String {
    // The map's box has the map's proportions before it is laid out; the map's own label of the
    // selected country steps aside for the selection's label (`data-sel` on the map).
    let mut css = format!(
        ".map-box{{aspect-ratio:{} / {}}}",
        super::text::fmt_fixed(super::data::MAP_VIEWBOX.2, 0),
        super::text::fmt_fixed(super::data::MAP_VIEWBOX.3, 0)
    );
    let mut named: Vec<&str> = Vec::new();
    for (iso3, _) in MAP_LABELLED
        .iter()
        .chain(ZOOM_LABELLED.iter().flat_map(|z| z.1.iter()))
    {
        if !named.contains(iso3) {
            named.push(iso3);
            css += &format!("[data-sel={iso3}] .map-labels [data-l={iso3}],");
        }
    }
    css = css.trim_end_matches(',').to_string() + "{visibility:hidden}";
    for (id, _, b) in MAP_ZOOMS.iter() {
        let sel = format!(".map-col:has(#zoom-{id}:checked)");
        let labels = format!(":is({sel},[data-zoom={id}])");
        css += &format!(
            "{sel} .zoom{{{}}}{labels} [data-z=world]{{display:none}}{labels} [data-z={id}]{{display:inline}}",
            super::story::zoom_css(super::story::fit(*b))
        );
    }
    css
}

/// The zoom (an index into `MAP_ZOOMS`, as `State::zoom`) whose box holds a country's point,
/// for the finder.
pub fn zoom_for(id: CountryId) -> Option<usize> {
    let [x, y] = id.country().at.map(f64::from);
    MAP_ZOOMS
        .iter()
        .position(|(_, _, b)| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])
}

/// The share bar: its content is the `ShareBar` component (`components::share`).
fn share_bar() -> Html {
    html!(
        r#"<div class="sharebar needs-app" role="group" aria-label="Share and download"><div data-prerender="sharebar"></div></div>"#
    )
}

/// The table block: its content is the `SignatoryTable` component (`components::table`), which
/// the build renders into this placeholder and the app hydrates.
fn table() -> Html {
    html!(r#"<div class="table-block" id="table"><div data-prerender="table"></div></div>"#)
}

/// The vote section's interactive part (`#vote-app`) in its default state.
pub fn vote_app() -> Html {
    html!(
        r#"<div class="vote-app" id="vote-app">{}<div class="vote-grid"><div class="map-col"><div class="legend" role="group" aria-label="Map legend and status filter"><div data-prerender="legend"></div></div><div class="map-tools"><div data-prerender="map-tools"></div></div><style>{}</style><div class="map-live"><div data-prerender="vote-map"></div></div><div class="selected-card needs-app" aria-live="polite" id="selected-card"><div data-prerender="selected-card"></div></div></div><div class="bars-col"><div data-prerender="breakdowns"></div></div></div>{}{}</div>"#,
        filters(),
        zoom_style(),
        share_bar(),
        table()
    )
}

/// The credit line an embedded view shows under its graphic (hidden on the full page); the app
/// points its link at the full report with the same view.
pub fn embed_credit() -> Html {
    html!(
        r#"<p class="embed-credit" id="embed-credit" hidden>WCIT-12: The Final Vote — data: ITU, World Bank WGI 2011 (2014 Update). <a id="embed-full" href="./" target="_top">Open the full report at this view</a></p>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::Indicator;

    #[test]
    fn default_sections_hold_every_country_map_feature_and_chart() {
        let vote = vote_app();
        assert_eq!(vote.matches(r#"<div data-prerender="table">"#).count(), 1);
        assert_eq!(vote.matches(r#"<div data-prerender="filters">"#).count(), 1);
        assert_eq!(
            vote.matches(r#"<div data-prerender="vote-map">"#).count(),
            1
        );
        // Each zoom's labelled countries lie inside that zoom, and the finder's zoom for each is
        // that zoom. (The labels themselves: tests/components.rs.)
        for (z, list) in ZOOM_LABELLED {
            assert!(MAP_ZOOMS.iter().any(|m| m.0 == z), "{z} is a zoom");
            let b = MAP_ZOOMS.iter().find(|m| m.0 == z).unwrap().2;
            let v = super::super::story::fit(b);
            for (iso3, _) in list {
                let [x, y] = CountryId::by_iso3(iso3)
                    .unwrap()
                    .country()
                    .at
                    .map(f64::from);
                assert!(
                    x > v.x && x < v.x + v.w && y > v.y && y < v.y + v.h,
                    "{iso3} in {z}"
                );
            }
        }
        let zoom = |iso3| zoom_for(CountryId::by_iso3(iso3).unwrap()).map(|k| MAP_ZOOMS[k].0);
        assert_eq!(
            [zoom("MLT"), zoom("LCA"), zoom("BHR"), zoom("BRA")],
            [Some("europe"), Some("caribbean"), Some("gulf"), None]
        );
        let css = zoom_style();
        assert_eq!(
            crate::html!("{}", css.clone()).as_str(),
            css,
            "nothing to escape"
        );
        assert_eq!(css.matches("transform:scale(").count(), MAP_ZOOMS.len());
    }

    #[test]
    fn sort_marks_follow_the_sort() {
        let s = Sort {
            col: Column::Wgi(Indicator::Va),
            desc: true,
        };
        assert_eq!(
            sort_marks(Column::Wgi(Indicator::Va), s),
            ("descending", "▼")
        );
        assert_eq!(sort_marks(Column::Name, s), ("none", "↕"));
    }
}
