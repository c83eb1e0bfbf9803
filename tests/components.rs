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
    assert_eq!(t.matches(r#"<tr id="row-"#).count(), COUNTRIES.len());
    assert_eq!(t.matches(r#"aria-sort="ascending""#).count(), 1);
    assert_eq!(t.matches(r#"aria-sort="none""#).count(), 10);
    assert_eq!(part("table-heading"), "All 144 countries");
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
        assert!(row.contains(&format!(r#"id="row-{}""#, c.iso3)), "{i}");
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
    use wcit12_report::model::page::{counts, governance_line, region_line};
    // As Leptos writes text: `&`, `<` and `>` escaped.
    let text = |s: String| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let (eligible, signed, declined) = counts();
    let head = part("masthead");
    assert!(head.contains("Most high-income ones did not"));
    assert_eq!(head.matches("h12v12h-12z").count(), eligible);
    // The headline's two halves charted: one waffle per income half, labelled with its counts,
    // which add up to the totals.
    let split = wcit12_report::model::page::income_split();
    assert_eq!(split.iter().map(|g| g.1).sum::<usize>(), signed);
    assert_eq!(split.iter().map(|g| g.2).sum::<usize>(), declined);
    assert_eq!(split[0], ("High income", 11, 34));
    for (group, s, d) in split {
        assert!(
            head.contains(&format!("<strong>{group}</strong> · {} states", s + d)),
            "{group}"
        );
        assert!(
            head.contains(&format!(">{s} signed<"))
                && head.contains(&format!(">{d} did not sign<"))
        );
    }
    assert!(head.contains(&text(region_line())) && head.contains(&text(governance_line())));
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
    assert!(list.contains("Sources: Daily Nation (Kenya); macjordangh.com, absent from its list of African signers.</li>"));
    assert!(src.contains(r#"id="grade-table""#));
    assert!(part("analysis").contains(
        "Of the 45 high-income states present and accredited, 34 did not sign and 11 signed."
    ));
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

/// The governance section as the build renders it, and the interactive part in other states.
mod governance {
    use super::part;
    use leptos::prelude::*;
    use wcit12_report::components::governance::Governance;
    use wcit12_report::components::render;
    use wcit12_report::model::analysis::{by_income, full_name, Stats, RANKING_AXIS_TITLE};
    use wcit12_report::model::chart::layout;
    use wcit12_report::model::data::{Indicator, Region};
    use wcit12_report::model::inference::share_words;
    use wcit12_report::model::state::{GroupBy, Measure, State};

    /// Dots not drawn (no value) of countries outside Sub-Saharan Africa, over the six charts.
    fn missing_outside() -> usize {
        Indicator::ALL
            .iter()
            .map(|&ind| {
                layout(ind, Measure::Estimate, GroupBy::Status)
                    .missing
                    .iter()
                    .filter(|id| id.country().region != Region::SubSaharanAfrica)
                    .count()
            })
            .sum()
    }

    fn live(state: State) -> String {
        let stats = Stats::of(&state);
        render(state, move || view! { <Governance stats/> })
    }

    #[test]
    fn six_charts_ranking_and_panel_in_the_default_state() {
        let gov = part("governance");
        assert_eq!(gov.matches(r#"class="chart""#).count(), 6);
        assert!(gov.contains("Across all 144 states present and accredited, on every one of the 6"));
        assert_eq!(
            gov.matches(r#"class="rank-row""#).count(),
            6,
            "six ranked indicators"
        );
        assert!(gov
            .contains("Statistics: All 144 states present and accredited: 89 signed, 55 did not."));
        assert_eq!(
            gov.matches("<summary>Statistical details</summary>")
                .count(),
            6
        );
        assert!(!gov.contains("<details open"), "details closed by default");
        assert!(!gov.contains("<details hidden"), "every chart has a test");
        // The ranking: full names, highest first, 12 px labels at 50% … 100%, no viewBox (its
        // text is never scaled down), and the axis title.
        // The charts come first, Voice and Accountability leading; the ranking after them.
        let (charts, start) = (
            gov.find(r#"<div class="charts">"#).unwrap(),
            gov.find(r#"<div id="ranking">"#).unwrap(),
        );
        assert!(charts < start);
        assert!(gov[charts..].starts_with(r#"<div class="charts"><figure data-ind="va""#));
        let r = &gov[start..start + gov[start..].find(r#"<p class="note">"#).unwrap()];
        for ind in Indicator::ALL {
            assert!(r.contains(full_name(ind)), "{}", full_name(ind));
        }
        assert!(r.find(r#"data-ind="va""#).unwrap() < r.find(r#"data-ind="pv""#).unwrap());
        assert!(!r.contains("viewBox"));
        assert_eq!(r.matches("<text").count(), 6);
        assert_eq!(r.matches(r#"font-size="12""#).count(), 6);
        assert!(r.contains(">50%</text>") && r.contains(">100%</text>"));
        assert!(r.contains(RANKING_AXIS_TITLE));
        // The panel: the high-income row with its figure, the groups too small or one-sided.
        let high = by_income(Indicator::Va)
            .into_iter()
            .find(|g| g.label == "High income")
            .unwrap();
        let row = &gov[gov.find(r#"<th scope="row">High income</th>"#).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains("<td>11</td><td>34</td>"), "{row}");
        assert!(
            row.contains(&share_words(high.census.unwrap().auc)),
            "{row}"
        );
        assert!(gov.contains("<th scope=\"row\">Latin America &amp; Caribbean</th><td>18</td><td>4</td><td>too few to compare</td>"));
        assert!(gov.contains(
            "<th scope=\"row\">North America</th><td>0</td><td>2</td><td>nothing to compare</td>"
        ));
    }

    #[test]
    fn every_dot_tick_and_row_is_drawn_in_each_chart_setting() {
        for measure in [Measure::Estimate, Measure::Percentile] {
            for group_by in [GroupBy::Status, GroupBy::Income] {
                let state = State {
                    measure,
                    group_by,
                    ..State::default()
                };
                let h = live(state);
                let va = &h[h.find(r#"<figure data-ind="va""#).unwrap()..];
                let va = &va[..va.find("</figure>").unwrap()];
                let l = layout(Indicator::Va, measure, group_by);
                assert_eq!(va.matches("<circle").count(), l.dots.len());
                assert!(!va.contains("NaN") && !va.contains("inf"));
                assert_eq!(va.matches(r#"class="grid""#).count(), l.ticks.len());
                assert_eq!(va.matches("row-label").count(), l.rows.len());
                assert_eq!(va.matches(r#"class="median""#).count(), l.rows.len());
                assert_eq!(va.matches(r#"class="dot-label""#).count(), 4);
            }
        }
    }

    #[test]
    fn a_filter_changes_the_scope_and_a_selection_shows_its_interval() {
        let state = State {
            region: Some(Region::SubSaharanAfrica),
            selected: wcit12_report::model::contract::CountryId::by_iso3("KEN")
                .map(|id| id.index()),
            ..State::default()
        };
        let h = live(state);
        assert!(h.contains("Statistics: Within Sub-Saharan Africa: 30 signed, 5 did not."));
        assert_eq!(h.matches(r#"class="interval""#).count(), 6);
        // Dots outside the region are faded; Kenya's dot is selected in each chart.
        let faded_labels = h.matches("dot-label faded").count();
        assert_eq!(
            h.matches(" faded").count() - faded_labels,
            6 * (144 - 35) - missing_outside()
        );
        assert_eq!(h.matches(" selected\"").count(), 6);
        // The four labelled countries lie outside the region: their labels go with their dots;
        // Kenya, selected, is named on each chart.
        assert_eq!(faded_labels, 6 * 4);
        assert_eq!(h.matches(">Kenya</text>").count(), 6);
        // Only signatories: nothing to compare, no details, no ranking plot.
        let h = live(State {
            status: Some(wcit12_report::model::data::Status::Signed),
            ..State::default()
        });
        assert!(!h.contains(r#"class="rank-row""#));
        assert_eq!(
            h.matches(r#"<details hidden class="stat-details">"#)
                .count(),
            6
        );
    }
}

/// The tooltip, rendered as the app shows it for a tip.
mod tooltip {
    use leptos::prelude::*;
    use wcit12_report::components::overlay::Tooltip;
    use wcit12_report::components::{ctx, render, Tip};
    use wcit12_report::model::contract::CountryId;
    use wcit12_report::model::data::COUNTRIES;
    use wcit12_report::model::state::State;

    fn tip(country: Option<CountryId>, other: Option<&'static str>, value: Option<&str>) -> String {
        let value = value.map(str::to_string);
        render(State::default(), move || {
            ctx().tip.set(Some(Tip {
                country,
                other,
                value,
                x: 10.0,
                y: 10.0,
                touch: false,
            }));
            view! { <Tooltip/> }
        })
    }

    #[test]
    fn hidden_and_empty_until_a_tip() {
        let h = render(State::default(), || view! { <Tooltip/> });
        assert!(h.contains(r#"id="tooltip" hidden"#), "{h}");
        assert!(!h.contains("<span"), "{h}");
    }

    #[test]
    fn says_what_is_inferred_disputed_and_not_among_the_144() {
        let inferred = CountryId::all()
            .find(|id| id.country().grade.is_inferred())
            .expect("some statuses are inferred");
        let t = tip(
            Some(inferred),
            None,
            Some("VA 2011: −0.50 (95% interval −0.8 to −0.2)"),
        );
        assert!(
            t.contains("(inferred, not confirmed)") && t.contains("tt-value"),
            "{t}"
        );
        assert!(!t.contains(r#"id="tooltip" hidden"#));
        let egy = CountryId::by_iso3("EGY").unwrap();
        let t = tip(Some(egy), None, None);
        assert!(
            t.contains("Sources disagree: On 13 Dec Egypt") && !t.contains("<button"),
            "{t}"
        );
        let ken = CountryId::by_iso3("KEN").unwrap();
        let t = tip(Some(ken), None, None);
        assert!(
            !t.contains("tt-conflict") && !t.contains("Sources disagree"),
            "{t}"
        );
        assert!(t.contains(COUNTRIES[ken.index()].name_en));
        let other = tip(None, Some("Holy See"), None);
        assert!(other.contains("<strong>Holy See</strong>") && other.contains("not among the 144"));
    }
}

/// The vote map as the build renders it.
mod vote_map {
    use super::part;
    use wcit12_report::model::contract::CountryId;
    use wcit12_report::model::data::{Region, Status, MAP_SVG};
    use wcit12_report::model::sections::{MAP_LABELLED, ZOOM_LABELLED};

    #[test]
    fn every_feature_and_every_label_once() {
        let m = part("vote-map");
        assert_eq!(
            m.matches("<path ").count() + m.matches("<circle ").count(),
            MAP_SVG.matches("<path ").count() + MAP_SVG.matches("<circle ").count()
        );
        // Every directly labelled country (world and zooms) is named at its point, none hidden.
        let all = MAP_LABELLED.len() + ZOOM_LABELLED.iter().map(|z| z.1.len()).sum::<usize>();
        assert_eq!(m.matches(" data-l=").count(), all);
        // The Europe inset: the map's point counted from the data, the map's own features
        // (`<use>`), the labels of the Europe zoom that fall inside it, a label of that zoom.
        let eca = |declined_only: bool| {
            CountryId::all()
                .filter(|id| id.country().status == Status::Declined)
                .filter(|id| !declined_only || id.country().region == Region::EuropeCentralAsia)
                .count()
        };
        assert_eq!((eca(false), eca(true)), (55, 36));
        assert!(m.contains(r#"<p class="inset-note">Of all 55 states that did not sign, 36 are in the World Bank's Europe &amp; Central Asia region.</p>"#), "{m}");
        assert!(m.contains(r#"for="zoom-europe""#) && m.contains(r#"class="worldmap inset-map""#));
        assert!(m.contains(r##"<use href="#vote-map-features"></use>"##));
        // Its labels: the zoom's that fit inside it, none touching another (Poland's would touch
        // Germany's).
        let inset = &m[m.find("inset-labels").unwrap()..];
        let inset = &inset[..inset.find("</g>").unwrap()];
        for name in ["UK", "France", "Germany", "Spain", "Italy"] {
            assert!(inset.contains(&format!(">{name}</text>")), "{name}");
        }
        assert!(!inset.contains(">Poland</text>") && !inset.contains(">Turkey</text>"));
        let [x, y] = CountryId::by_iso3("USA").unwrap().country().at;
        assert!(
            m.contains(&format!(
                r#"<text x="{x}" y="{y}" data-l="USA">United States</text>"#
            )),
            "{m}"
        );
        // The map's own label of a selected country steps aside (CSS, `data-sel` on the map).
        let css = wcit12_report::components::page::zoom_style();
        assert!(css.contains("[data-sel=USA] .map-labels [data-l=USA]"));
        // Nothing selected: the selection's label is empty; the downloads are there.
        assert!(m.contains(r#"<text id="sel-label" aria-hidden="true">"#));
        assert!(m.contains(r#"id="download-map-svg""#) && m.contains(r#"id="download-map-png""#));
    }
}

#[test]
fn the_story_has_every_step_and_a_state_of_the_graphic_for_each() {
    use wcit12_report::components::story::style;
    use wcit12_report::model::data::{STEPS, STEP_CAPTIONS, STORY_TALLY};
    let story = part("story");
    let css = style();
    // The style sheet goes into <style> unchanged: nothing in it would need escaping.
    assert!(!css.contains(['<', '>', '&', '"', '\'']), "{css}");
    assert!(story.contains(&format!("<style>{css}</style>")));
    for (k, st) in STEPS.iter().enumerate() {
        let li = story.find(&format!(r#"<li id="{}""#, st.id)).expect(st.id);
        assert!(story[li..story[li..].find('>').unwrap() + li].contains(r#"class="step""#));
        assert!(css.contains(&format!("[data-step={}] [data-for={}]", st.id, st.id)));
        assert!(
            story.contains(&format!(
                r#"<div data-for="{}" class="layer caption"><p>"#,
                st.id
            )),
            "{}",
            st.id
        );
        let caption = STEP_CAPTIONS[k].replace('&', "&amp;").replace('<', "&lt;");
        assert!(story.contains(&caption), "{caption}");
    }
    // The tally's figures are the data's; the calendar has twelve days, one weekend.
    for t in STORY_TALLY.iter() {
        let n = if t.low == t.high {
            t.low.to_string()
        } else {
            format!("{} or {}", t.low, t.high)
        };
        assert!(story.contains(&format!("<b>{n}</b>")), "{n}");
    }
    let cal = &story[story.find(r#"class="calendar""#).unwrap()..];
    let cal = &cal[..cal.find("</ol>").unwrap()];
    assert_eq!(cal.matches("<li").count(), 12);
    assert_eq!(cal.matches(r#"<li class="weekend">"#).count(), 2);
    // The step buttons start at "8 steps", Previous disabled.
    assert!(story.contains(&format!(">{} steps</span>", STEPS.len())));
    assert!(story.contains(r#"id="step-prev" aria-label="Previous step" disabled"#));
    // The small map has the vote map's features, with their status classes (the signing's
    // step colours them by status; the others by the style sheet's roles).
    let g = &story[story.find(r#"<g id="story-map-features">"#).unwrap()..];
    assert!(g.contains(r#"class="feat declined" data-iso3="KEN""#));
    assert_eq!(
        g.matches("data-iso3=").count(),
        part("vote-map").matches("data-iso3=").count()
    );
}

#[test]
fn the_vote_section_has_a_place_for_each_of_its_components() {
    let vote = part("vote");
    for name in [
        "filters",
        "legend",
        "map-tools",
        "vote-map",
        "selected-card",
        "breakdowns",
        "sharebar",
        "table",
    ] {
        assert_eq!(
            vote.matches(&format!(r#"<div data-prerender="{name}"></div>"#))
                .count(),
            1,
            "{name}"
        );
        assert!(prerendered().iter().any(|(n, _)| *n == name), "{name}");
    }
    let css = wcit12_report::components::page::zoom_style();
    assert!(!css.contains(['<', '>', '&', '"', '\'']), "{css}");
    assert!(vote.contains(&format!("<style>{css}</style>")));
}

#[test]
fn each_embedded_view_is_a_page_of_its_graphic_and_a_credit() {
    use wcit12_report::components::embed::{body, file_name};
    use wcit12_report::model::data::STEPS;
    use wcit12_report::model::state::Embed;
    let failed = r#"<p class="notice app-failed" id="app-failed">x</p>"#;
    let mut names = std::collections::HashSet::new();
    for e in Embed::all() {
        let b = body(e, failed);
        assert!(names.insert(file_name(e)), "{}", file_name(e));
        assert!(b.starts_with(&format!(
            r#"<body class="embed embed-{}" data-embed="{}">"#,
            e.kind(),
            e.slug()
        )));
        assert!(b.contains(failed) && b.ends_with("</body>"));
        // The link back opens the full report at the view the page was built in (a step's
        // graphic at its step); the app follows the link's and the reader's view from there.
        let back = match e {
            Embed::Step(k) => format!("./?v=1&amp;step={}", STEPS[k].id),
            _ => "./".to_string(),
        };
        assert!(
            b.contains(&format!(
                r#"<a id="embed-full" href="{back}" target="_top">"#
            )),
            "{b}"
        );
        let graphic = match e {
            Embed::Map => r#"id="vote-map""#.to_string(),
            Embed::Table => r#"id="table""#.to_string(),
            Embed::Chart(i) => format!(r#"<figure data-ind="{}" class="chart">"#, i.code()),
            Embed::Step(_) => r#"id="story-graphic""#.to_string(),
        };
        assert_eq!(b.matches(&graphic).count(), 1, "{}: {graphic}", e.slug());
        // Nothing of the report around it.
        for other in ["masthead", r#"id="analysis""#, r#"id="sources""#] {
            assert!(!b.contains(other), "{}: {other}", e.slug());
        }
    }
}
