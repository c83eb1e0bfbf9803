//! The vote section's words and choices that are not data: the map's label for screen readers,
//! which countries the map names (at world scale and in each zoom), which zoom holds a country,
//! and the table's column headers and sort marks. `components::{map, vote, table, page}` draw
//! them.

use super::breakdown::status_counts;
use super::contract::CountryId;
use super::data::{COUNTRIES, MAP_ZOOMS, NOT_LISTED};
use super::state::{Column, Sort};

/// The label of the vote map for screen readers.
pub fn vote_map_label() -> String {
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let (signed, declined) = status_counts(&all);
    format!(
        "World map of the WCIT-12 signing: {signed} Member States signed, {declined} did not, {} ITU members were not among the {} present and accredited (grey). Small states are drawn as dots. The table below lists every country.",
        NOT_LISTED.len(),
        COUNTRIES.len()
    )
}

/// The map's point, counted from the data over all 144 (it names its scope, so no filter makes it
/// false): how many of the states that did not sign are in Europe & Central Asia.
pub fn europe_note() -> String {
    use super::data::Region;
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    let eca: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| COUNTRIES[i].region == Region::EuropeCentralAsia)
        .collect();
    let (_, declined) = status_counts(&all);
    let (_, here) = status_counts(&eca);
    format!(
        "Of all {declined} states that did not sign, {here} are in the World Bank's {} region.",
        Region::EuropeCentralAsia.label()
    )
}

/// The Europe zoom's names that the inset (`box` in map units, `unit` map units a screen pixel)
/// can hold: in the zoom's order, each left out when its centre is within 40 px of a side or it
/// would touch a name already placed (about 8.6 px a character at 12.5 px bold, 16 px a line).
pub fn inset_labels(bx: [f64; 4], unit: f64) -> Vec<(f64, f64, &'static str)> {
    let [x0, y0, x1, y1] = bx;
    let mut placed: Vec<(f64, f64, f64, &'static str)> = Vec::new();
    let europe = ZOOM_LABELLED.iter().find(|z| z.0 == "europe").map(|z| z.1);
    for &(iso3, name) in europe.unwrap_or_default() {
        let Some(id) = CountryId::by_iso3(iso3) else {
            continue;
        };
        let [x, y] = id.country().at.map(f64::from);
        let inside = x0 + 40.0 * unit < x && x < x1 - 40.0 * unit && (y0..=y1).contains(&y);
        let half = name.len() as f64 * 4.3 * unit;
        let clear = placed.iter().all(|&(px, py, ph, _)| {
            (px - x).abs() > ph + half + 8.0 * unit || (py - y).abs() > 16.0 * unit
        });
        if inside && clear {
            placed.push((x, y, half, name));
        }
    }
    placed.into_iter().map(|(x, y, _, n)| (x, y, n)).collect()
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
            ("GBR", "UK"),
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

/// The world view's labels a selected country's own label would run into: (selected, label)
/// pairs, so that the map hides the label while that country is selected (Tanzania's name sat
/// on Kenya's). Boxes in map units, as the map draws them at `lf` (15 on a wide screen, larger
/// on a phone; the selection's at 1.15 times that, 0.8 em above its point), with a fifth more
/// room for wider glyphs.
pub fn label_clashes(lf: f64) -> Vec<(&'static str, &'static str)> {
    let sf = lf * 1.15;
    let half = |name: &str, size: f64| name.chars().count() as f64 * size * 0.3 * 1.2;
    let mut out = Vec::new();
    for c in COUNTRIES.iter() {
        let (sx, sy) = (c.at[0] as f64, c.at[1] as f64 - 0.8 * sf);
        let sw = half(c.short_name(), sf);
        for &(iso3, name) in MAP_LABELLED.iter().filter(|l| l.0 != c.iso3) {
            let Some(l) = CountryId::by_iso3(iso3) else {
                continue;
            };
            let (lx, ly) = (l.country().at[0] as f64, l.country().at[1] as f64);
            let apart_x = (lx - sx).abs() > sw + half(name, lf);
            let apart_y = (ly - sy).abs() > (sf + lf) * 0.6;
            if !(apart_x || apart_y) {
                out.push((c.iso3, iso3));
            }
        }
    }
    out
}

/// The zoom (an index into `MAP_ZOOMS`, as `State::zoom`) whose box holds a country's point,
/// for the finder.
pub fn zoom_for(id: CountryId) -> Option<usize> {
    let [x, y] = id.country().at.map(f64::from);
    MAP_ZOOMS
        .iter()
        .position(|(_, _, b)| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Selecting Tanzania hides the world label "Kenya" its own label would cover; selecting a
    /// labelled country never hides its own label this way (the map's own rule does that).
    #[test]
    fn a_selection_hides_the_world_labels_it_would_cover() {
        let pairs = label_clashes(15.0);
        assert!(pairs.contains(&("TZA", "KEN")), "{pairs:?}");
        assert!(!pairs.iter().any(|p| p.0 == "NZL" && p.1 == "USA"));
        assert!(pairs.len() < 60, "{} pairs", pairs.len());
        // A phone draws the names larger: more pairs, the wide screen's among them.
        let phone = label_clashes(20.6);
        assert!(phone.len() > pairs.len() && pairs.iter().all(|p| phone.contains(p)));
    }
    use crate::model::data::Indicator;

    #[test]
    fn zoom_labels_lie_inside_their_zoom() {
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
