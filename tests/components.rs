//! The Leptos components as the build renders them (`components::prerendered`): the HTML the
//! browser hydrates.
use wcit12_report::components::prerendered;
use wcit12_report::model::data::COUNTRIES;

fn part(name: &str) -> String {
    prerendered()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, h)| h)
        .unwrap_or_else(|| panic!("no component rendered for {name}"))
}

/// One row's HTML, from its `<tr` to its `</tr>`.
fn row<'a>(table: &'a str, iso3: &str) -> &'a str {
    let start = table
        .find(&format!(r#"id="row-{iso3}""#))
        .and_then(|k| table[..k].rfind("<tr"))
        .unwrap_or_else(|| panic!("no row for {iso3}"));
    let end = start + table[start..].find("</tr>").unwrap() + 5;
    &table[start..end]
}

/// The five of `src/data/status_conflicts.csv`, written out here rather than read from the model.
const DISPUTED: [&str; 5] = ["EGY", "QAT", "COM", "MUS", "COG"];

#[test]
fn the_table_holds_all_144_in_the_default_order_sorted_by_name() {
    let t = part("table");
    assert_eq!(t.matches("<tr data-i=").count(), COUNTRIES.len());
    assert_eq!(t.matches(r#"aria-sort="ascending""#).count(), 1);
    assert_eq!(t.matches(r#"aria-sort="none""#).count(), 10);
    assert!(t.contains(r#"<h3 id="table-h">All "#) && t.contains("144"));
    // No row is hidden or selected; the empty state is.
    assert!(!t.contains("class=\"selected\""));
    assert!(t.contains(r#"id="table-empty" hidden"#));
    assert!(!t.contains(r#"role="row" hidden"#));
    let first = t.find(r#"id="row-AFG""#).unwrap();
    let last = t.find(r#"id="row-ZWE""#).unwrap();
    assert!(first < last, "alphabetical");
}

#[test]
fn table_rows_carry_every_column_and_say_na() {
    let t = part("table");
    for (i, c) in COUNTRIES.iter().enumerate() {
        let row = row(&t, c.iso3);
        assert!(row.contains(&format!(r#"data-i="{i}""#)));
        assert!(row.contains(&format!(r#"data-iso3="{}""#, c.iso3)));
        assert_eq!(row.matches("<td").count(), 4 + 6, "{}", c.iso3);
        let na = c.wgi.iter().filter(|w| w.est().is_none()).count();
        assert_eq!(row.matches(">n/a<").count(), na, "{}", c.iso3);
        assert!(
            !row.contains(">0.00<")
                || c.wgi
                    .iter()
                    .any(|w| w.est().is_some_and(|v| v.abs() < 0.005))
        );
        assert_eq!(
            row.contains(" inferred<"),
            c.grade.is_inferred(),
            "{}",
            c.iso3
        );
        // The "sources disagree" mark exactly for the five; a row's notes are made when a chip
        // is first opened.
        assert_eq!(
            row.contains(r#"class="grade conflict""#),
            DISPUTED.contains(&c.iso3),
            "{}",
            c.iso3
        );
        assert!(!row.contains("aria-controls") && !row.contains("grade-pop"));
    }
    let usa = row(&t, "USA");
    assert!(usa.contains("Did not sign") && usa.contains(r#"class="grade gA""#));
    assert!(
        usa.contains("+1.") || usa.contains("+0."),
        "signed estimates: {usa}"
    );
}

#[test]
fn table_text_is_escaped() {
    let t = part("table");
    // "Latin America & Caribbean" is data text with an ampersand.
    assert!(t.contains("Latin America &amp; Caribbean"));
    assert!(!t.contains("America & "));
}

#[test]
fn the_filters_offer_every_value_and_start_unfiltered() {
    let f = part("filters");
    assert!(f.contains(r#"id="search""#) && f.contains(r#"maxlength="80""#));
    for (id, facet) in [
        ("f-status", wcit12_report::model::state::Facet::Status),
        ("f-region", wcit12_report::model::state::Facet::Region),
        ("f-income", wcit12_report::model::state::Facet::Income),
    ] {
        let start = f.find(&format!(r#"id="{id}""#)).unwrap();
        let end = start + f[start..].find("</select>").unwrap();
        let select = &f[start..end];
        assert!(select.contains(r#"<option value="all">"#), "{id}");
        assert_eq!(
            select.matches("<option").count(),
            1 + facet.options().len(),
            "{id}"
        );
    }
    assert!(f.contains(r#"<option value="lac">Latin America &amp; Caribbean</option>"#));
    // Nothing to clear; the summary counts all 144.
    assert!(f.contains(r#"id="clear-filters" disabled"#));
    assert!(f.contains("Showing 144 of 144 · 89 signed · 55 did not sign"));
}

#[test]
fn breakdown_bars_give_each_group_its_shares_and_counts() {
    use wcit12_report::components::{render, vote::Breakdowns};
    use wcit12_report::model::breakdown::by_income;
    use wcit12_report::model::state::{Facet, State};
    let html = part("breakdowns");
    assert_eq!(
        html.matches("<li ").count(),
        7 + 4,
        "seven regions, four income groups"
    );
    let all: Vec<usize> = (0..COUNTRIES.len()).collect();
    for g in by_income(&all) {
        let seg = |n: usize| format!("{:.1}", n as f64 / g.total() as f64 * 100.0);
        let li = &html[html.find(&format!(r#"data-slug="{}""#, g.slug)).unwrap()..];
        let li = &li[..li.find("</li>").unwrap()];
        assert!(li.contains(&format!("width:{}%", seg(g.signed))), "{li}");
        assert!(
            li.contains(&format!(r#"class="n-declined">{}<"#, g.declined)),
            "{li}"
        );
    }
    // "Latin America & Caribbean" is data text with an ampersand.
    assert!(html.contains("Latin America &amp; Caribbean") && !html.contains("America & "));
    // Filters that leave nobody draw empty bars rather than dividing by zero.
    let mut none = State::default();
    Facet::Region.set(&mut none, "na");
    Facet::Income.set(&mut none, "low");
    let empty = render(none, || leptos::view! { <Breakdowns/> });
    assert!(empty.contains("width:0.0%") && !empty.contains("NaN"));
}

#[test]
fn the_selected_country_card_names_it_with_its_chips_and_actions() {
    use wcit12_report::components::{render, vote::SelectedCard};
    use wcit12_report::model::state::State;
    assert!(part("selected-card").contains("Select a country"));
    let card = |iso3: &str| {
        let s = State {
            selected: COUNTRIES.iter().position(|c| c.iso3 == iso3),
            ..State::default()
        };
        render(s, || leptos::view! { <SelectedCard/> })
    };
    let ken = card("KEN");
    assert!(ken.contains("Kenya") && ken.contains(r##"href="#row-KEN""##));
    assert!(ken.contains("Clear selection") && ken.contains(r#"class="grade g"#));
    assert!(!ken.contains("Sources disagree"));
    let egy = card("EGY");
    assert!(egy.contains(r#"class="grade conflict""#), "{egy}");
    // The card's notes are there from the start, with ids of their own (not the table's).
    assert!(
        ken.contains(r#"aria-controls="grade-card-KEN""#) && ken.contains(r#"id="grade-card-KEN""#)
    );
    assert!(egy.contains(r#"aria-controls="conflict-card-EGY""#));
}

/// The headline says "Most states signed … Most high-income states did not": the first screen's
/// numbers and findings come from the data.
#[test]
fn the_first_screen_says_what_the_data_says() {
    use wcit12_report::model::html::Html;
    use wcit12_report::model::page::{counts, governance_line, region_line};
    let (eligible, signed, declined) = counts();
    let head = part("masthead");
    assert!(head.contains("Most high-income states did not"));
    assert_eq!(head.matches("h12v12h-12z").count(), eligible);
    assert!(head.contains(&format!("{signed} signed, {declined} did not sign")));
    assert!(
        head.contains(Html::text(&region_line()).as_str())
            && head.contains(Html::text(&governance_line()).as_str())
    );
    assert!(head.contains(r##"href="#vote""##) && head.contains(r##"href="#table""##));
    assert!(head.contains("in 1988, 112 states signed"));
    assert!(
        head.contains("<dd>193</dd>")
            && head.contains("<dd>89</dd>")
            && head.contains("<dd>55</dd>")
    );
}

#[test]
fn static_parts_carry_figures_from_the_data() {
    let src = part("sources");
    // As many as the shipped map draws as dots.
    let dots = wcit12_report::model::data::MAP_SVG
        .matches("data-dot=")
        .count();
    assert!(dots > 0);
    assert!(
        src.contains(&format!("{dots} ITU Member States are too small")),
        "{dots}"
    );
    // The five whose sources disagree, each with its status in the data and the conflict.
    let list = &src[src.find(r#"id="conflict-list""#).unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    assert_eq!(list.matches("<li>").count(), 5);
    for name in [
        "Egypt",
        "Qatar",
        "Comoros",
        "Mauritius",
        "Congo (Republic of the)",
    ] {
        assert!(
            list.contains(&format!("<li><strong>{name}</strong>")),
            "{name}"
        );
    }
    assert!(list.contains("<strong>Comoros</strong> (Did not sign in the data)"));
    assert!(list.contains("Sources: NATION, MACJ_OMIT.</li>"));
    assert!(src.contains(r#"id="grade-table""#));
    assert!(part("analysis")
        .contains("Of the 45 high-income states eligible to sign, 34 did not sign and 11 signed."));
    assert!(part("footer").starts_with(r#"<footer class="footer">"#));
}

#[test]
fn the_map_tools_zoom_without_the_app_and_find_with_it() {
    use wcit12_report::model::data::MAP_ZOOMS;
    let t = part("map-tools");
    assert_eq!(
        t.matches(r#"type="radio" name="zoom""#).count(),
        1 + MAP_ZOOMS.len()
    );
    // World is the zoom the page opens at, also without JavaScript (the zooms are CSS).
    let world = &t[t.find(r#"id="zoom-world""#).unwrap()..];
    assert!(world[..world.find('>').unwrap()].contains("checked"));
    assert_eq!(t.matches("checked").count(), 1);
    // The finder's suggestions are made when it is first focused.
    assert!(t.contains(r#"<datalist id="map-find-list">"#) && !t.contains("<option"));
}
