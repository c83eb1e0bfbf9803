//! Native tests of the pure model: search, filter, sort, URL codec, statistics, layout, map data.
#![allow(clippy::disallowed_methods)] // size rules are for the wasm, not for tests

use proptest::prelude::*;
use wcit12_report::model::breakdown::{
    by_income, by_region, heat_bucket, status_counts, summary_line,
};
use wcit12_report::model::chart::{layout, summaries, MARGIN_LEFT, WIDTH};
use wcit12_report::model::contract::CountryId;
use wcit12_report::model::data::*;
use wcit12_report::model::export::to_csv;
use wcit12_report::model::state::{
    filter_sort, match_mask, Column, Embed, Facet, GroupBy, Measure, Place, Sort, State,
};
use wcit12_report::model::stats::{
    all_stats, fmt_diff, indicator_stats, mann_whitney, quantile, sentence, summary,
};
use wcit12_report::model::url::{decode, decode_component, encode, encode_component, Decoded};

fn idx(iso3: &str) -> usize {
    country_index(iso3).unwrap_or_else(|| panic!("{iso3} not in data"))
}
fn cid(i: usize) -> CountryId {
    CountryId::new(i).expect("in range")
}
fn all() -> Vec<usize> {
    (0..COUNTRIES.len()).collect()
}
fn names(rows: &[usize]) -> Vec<&'static str> {
    rows.iter().map(|&i| COUNTRIES[i].name_en).collect()
}
fn search(q: &str) -> Vec<&'static str> {
    names(&filter_sort(
        &COUNTRIES,
        &State {
            query: q.into(),
            ..State::default()
        },
    ))
}

// ---------- data invariants ----------

#[test]
fn data_has_the_official_totals() {
    assert_eq!(COUNTRIES.len(), 144);
    assert_eq!(status_counts(&all()), (89, 55));
    assert_eq!(NOT_LISTED.len(), 49);
    let mut iso: Vec<_> = COUNTRIES.iter().map(|c| c.iso3).collect();
    iso.sort();
    iso.dedup();
    assert_eq!(iso.len(), 144, "unique ISO3 codes");
    for c in COUNTRIES.iter() {
        for s in c.sources {
            assert!(
                SOURCES.iter().any(|x| x.id == *s),
                "{} cites unknown source {s}",
                c.iso3
            );
        }
    }
}

#[test]
fn sentinel_statuses_and_grades() {
    assert_eq!(COUNTRIES[idx("USA")].status, Status::Declined);
    assert_eq!(COUNTRIES[idx("RUS")].status, Status::Signed);
    assert_eq!(COUNTRIES[idx("IRN")].grade, Grade::D);
    assert!(COUNTRIES[idx("IRN")].grade.is_inferred());
    assert!(!Grade::B.is_inferred());
}

#[test]
fn wgi_values_match_the_source_file() {
    // From src/data/wgi_2011_2012_detail.csv: USA va 2011 = 1.112..., SOM pv is outside −2.5.
    let usa = COUNTRIES[idx("USA")].wgi[Indicator::Va.index()];
    assert!((usa.est().unwrap() - 1.11).abs() < 0.01);
    assert!(usa.se().unwrap() > 0.0);
    let som = COUNTRIES[idx("SOM")].wgi[Indicator::Pv.index()];
    assert!(som.est().unwrap() < -3.0);
    // The page's one interval level: 95%, the estimate ± 1.96 standard errors.
    let (lo, hi) = usa.interval95().unwrap();
    let (e, s) = (usa.est().unwrap(), usa.se().unwrap());
    assert!((lo - (e - 1.96 * s)).abs() < 1e-12 && (hi - (e + 1.96 * s)).abs() < 1e-12);
}

// ---------- search, filter, sort ----------

#[test]
fn search_is_case_and_accent_insensitive_in_both_languages() {
    assert_eq!(search("cote"), vec!["Côte d'Ivoire"]);
    assert_eq!(search("CÔTE D’IVOIRE"), vec!["Côte d'Ivoire"]);
    assert_eq!(search("allemagne"), vec!["Germany"]);
    assert!(search("etats-unis").contains(&"United States"));
    assert!(search("  united   states ").contains(&"United States"));
    assert!(search("zzzz").is_empty());
}

#[test]
fn filters_combine() {
    let st = State {
        status: Some(Status::Declined),
        income: Some(Income::High),
        ..State::default()
    };
    let rows = filter_sort(&COUNTRIES, &st);
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|&i| COUNTRIES[i].status == Status::Declined && COUNTRIES[i].income == Income::High));
    let st = State {
        region: Some(Region::NorthAmerica),
        ..State::default()
    };
    assert_eq!(
        names(&filter_sort(&COUNTRIES, &st)),
        vec!["Canada", "United States"]
    );
    let mask = match_mask(&st);
    assert_eq!(mask.iter().filter(|m| **m).count(), 2);
}

#[test]
fn sort_by_name_and_by_indicator_with_tie_break() {
    let rows = filter_sort(&COUNTRIES, &State::default());
    let n = names(&rows);
    assert_eq!(n.first(), Some(&"Afghanistan"));
    assert_eq!(n.last(), Some(&"Zimbabwe"));
    // Côte d'Ivoire sorts with C, not after Z (accent-insensitive ordering).
    let civ = n.iter().position(|x| *x == "Côte d'Ivoire").unwrap();
    assert!(n[civ - 1] < "Côte" && n[civ + 1].starts_with(['C', 'D']));

    let st = State {
        sort: Sort {
            col: Column::Wgi(Indicator::Va),
            desc: true,
        },
        ..State::default()
    };
    let rows = filter_sort(&COUNTRIES, &st);
    let vals: Vec<f64> = rows
        .iter()
        .map(|&i| COUNTRIES[i].wgi[0].est().unwrap())
        .collect();
    assert!(vals.windows(2).all(|w| w[0] >= w[1]), "descending");
    let best = rows
        .iter()
        .map(|&i| COUNTRIES[i].wgi[0].est().unwrap())
        .fold(f64::MIN, f64::max);
    assert_eq!(COUNTRIES[rows[0]].wgi[0].est().unwrap(), best);
}

#[test]
fn facets_get_and_set_by_slug() {
    let mut s = State::default();
    for f in Facet::ALL {
        assert_eq!(f.get(&s), "all");
        for (slug, _) in f.options() {
            f.set(&mut s, slug);
            assert_eq!(f.get(&s), slug);
        }
        f.set(&mut s, "all");
        assert_eq!(f.get(&s), "all");
    }
    Facet::Region.set(&mut s, "nonsense");
    assert_eq!(s.region, None);
    assert_eq!(Facet::Income.options().len(), 4);
}

/// The link's state applies over what the reader changed while the app was starting: their
/// settings win, the link fills the rest.
#[test]
fn a_link_applies_over_what_the_reader_changed_meanwhile() {
    let link = decode("q=ind&status=signed&sort=va&dir=desc&sel=KEN&zoom=europe").state;
    assert_ne!(link, State::default());
    // Nothing changed meanwhile: the link whole.
    let mut s = State::default();
    s.take_link(&link);
    assert_eq!(s, link);
    // The reader sorted by name descending and selected France meanwhile: theirs stay.
    let mut s = State::default();
    s.toggle_sort(Column::Name);
    s.selected = Some(idx("FRA"));
    let mine = s.clone();
    s.take_link(&link);
    assert_eq!((s.sort, s.selected), (mine.sort, mine.selected));
    assert_eq!(
        (s.query.as_str(), s.status, s.zoom),
        (link.query.as_str(), link.status, link.zoom)
    );
}

#[test]
fn toggle_sort_flips_and_starts_numbers_descending() {
    let mut s = State::default();
    s.toggle_sort(Column::Name);
    assert_eq!(
        s.sort,
        Sort {
            col: Column::Name,
            desc: true
        }
    );
    s.toggle_sort(Column::Wgi(Indicator::Cc));
    assert_eq!(
        s.sort,
        Sort {
            col: Column::Wgi(Indicator::Cc),
            desc: true
        }
    );
    s.toggle_sort(Column::Region);
    assert_eq!(
        s.sort,
        Sort {
            col: Column::Region,
            desc: false
        }
    );
}

fn synthetic(n: usize) -> Vec<Country> {
    (0..n)
        .map(|k| {
            let mut c = COUNTRIES[k % COUNTRIES.len()];
            // Make some values missing to exercise "missing sorts last".
            if k % 7 == 0 {
                c.wgi[2] = Wgi([NA; 3]);
            }
            c
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn sorting_is_a_permutation_with_missing_last(col in 0usize..11, desc: bool, q in "[a-z]{0,2}") {
        let rows = synthetic(300);
        let st = State { query: q, sort: Sort { col: Column::ALL[col], desc }, ..State::default() };
        let out = filter_sort(&rows, &st);
        let mut seen = out.clone();
        seen.sort();
        seen.dedup();
        prop_assert_eq!(seen.len(), out.len());
        prop_assert!(out.iter().all(|&i| st.matches(&rows[i])));
        prop_assert_eq!(out.len(), (0..rows.len()).filter(|&i| st.matches(&rows[i])).count());
        // The app's derivation (sort all, keep the matches) gives the same rows in the same order.
        let via_all: Vec<usize> = wcit12_report::model::state::sorted_all(&rows, st.sort).into_iter().filter(|&i| st.matches(&rows[i])).collect();
        prop_assert_eq!(&via_all, &out);
        if let Column::Wgi(ind) = Column::ALL[col] {
            let flags: Vec<bool> = out.iter().map(|&i| rows[i].wgi[ind.index()].est().is_none()).collect();
            let first_missing = flags.iter().position(|m| *m).unwrap_or(flags.len());
            prop_assert!(flags[first_missing..].iter().all(|m| *m), "missing values sort last");
        }
    }
}

// ---------- URL codec ----------

#[test]
fn a_step_anchor_is_read_once_then_the_step_lives_in_the_query() {
    use wcit12_report::model::url::{decode_location, hash_without_step, step_from_hash};
    let day = |id: &str| STEPS.iter().position(|s| s.id == id);
    // Opened with an anchor: it names the step, and wins over an older `step=`.
    assert_eq!(decode_location("", "#day-10").state.step, day("day-10"));
    assert_eq!(
        decode_location("?v=1&step=day-12", "#day-10").state.step,
        day("day-10")
    );
    assert_eq!(
        decode_location("?v=1&step=day-12", "").state.step,
        day("day-12")
    );
    assert_eq!(
        decode_location("?v=1&step=day-12", "#vote").state.step,
        day("day-12")
    );
    // Written back, the step anchor is gone and the query names the step.
    assert_eq!(hash_without_step("#day-10"), "");
    assert_eq!(hash_without_step("#vote"), "#vote");
    assert_eq!(hash_without_step(""), "");
    assert_eq!(step_from_hash("#nope"), None);
    let mut s = decode_location("", "#day-10").state;
    s.step = day("day-12");
    assert!(encode(&s).contains("step=day-12"));
}

#[test]
fn url_round_trip_of_a_full_state() {
    let st = State {
        query: "côte & co=1".into(),
        status: Some(Status::Signed),
        region: Some(Region::SubSaharanAfrica),
        income: Some(Income::LowerMiddle),
        sort: Sort {
            col: Column::Wgi(Indicator::Rl),
            desc: false,
        },
        selected: Some(idx("CIV")),
        step: Some(3),
        at: None,
        measure: Measure::Percentile,
        group_by: GroupBy::Income,
        embed: Some(Embed::Chart(Indicator::Ge)),
        zoom: Some(1),
    };
    let q = encode(&st);
    assert!(q.starts_with("v=1&"));
    let d = decode(&q);
    assert_eq!(d.state, st);
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    assert_eq!(encode(&State::default()), "");
}

#[test]
fn the_map_zoom_is_part_of_the_link_and_an_unknown_one_is_named() {
    let ids: Vec<&str> = MAP_ZOOMS.iter().map(|z| z.0).collect();
    assert_eq!(ids, ["europe", "caribbean", "gulf"]);
    for (k, id) in ids.iter().enumerate() {
        let st = State {
            zoom: Some(k),
            ..State::default()
        };
        assert_eq!(encode(&st), format!("v=1&zoom={id}"));
        assert_eq!(decode(&encode(&st)).state, st);
    }
    // The world is the default: written as nothing, read without a notice.
    let d = decode("zoom=world");
    assert_eq!((d.state.zoom, d.notices.len()), (None, 0));
    let d = decode("zoom=asia&status=signed");
    assert_eq!(d.state.zoom, None);
    assert_eq!(d.state.status, Some(Status::Signed));
    assert_notice_names(&d, "asia", "zoom");
}

#[test]
fn embed_values_round_trip_and_an_unknown_one_falls_back_with_a_notice() {
    let all = Embed::all();
    assert_eq!(all.len(), 2 + 6 + STEPS.len());
    for e in all {
        let d = decode(&format!("v=1&embed={}", e.slug()));
        assert_eq!(d.state.embed, Some(e), "{}", e.slug());
        assert!(d.notices.is_empty());
    }
    assert_eq!(
        decode("embed=chart-va").state.embed,
        Some(Embed::Chart(Indicator::Va))
    );
    let d = decode("v=1&embed=poster&region=eca");
    assert_eq!(d.state.embed, None);
    assert_eq!(d.state.region, Some(Region::EuropeCentralAsia));
    assert_notice_names(&d, "poster", "embed");
}

/// A link's notice names the value it ignored and the setting it was given for.
fn assert_notice_names(d: &Decoded, value: &str, key: &str) {
    assert!(
        d.notices
            .iter()
            .any(|n| n.contains(value) && n.contains(key)),
        "{:?}",
        d.notices
    );
}

#[test]
fn the_embed_snippet_is_an_iframe_of_the_current_view() {
    use wcit12_report::model::url::{embed_snippet, full_report_query};
    let st = State {
        region: Some(Region::LatinAmericaCaribbean),
        selected: Some(idx("BRA")),
        ..State::default()
    };
    let s = embed_snippet("https://example.org/wcit12/", &st, Embed::Map);
    // The embed's own page, next to the report's.
    assert!(s.starts_with(r#"<iframe src="https://example.org/wcit12/embed-map.html?v=1&amp;region=lac&amp;sel=BRA" title="WCIT-12: The Final Vote — World map of who signed" width="100%" height=""#), "{s}");
    let from_index = embed_snippet(
        "https://example.org/wcit12/index.html",
        &State::default(),
        Embed::Step(2),
    );
    assert!(
        from_index
            .starts_with(r#"<iframe src="https://example.org/wcit12/embed-step-day-5.html" "#),
        "{from_index}"
    );
    assert!(s.ends_with("></iframe>"));
    // The embedded view links back to the same view, whole.
    let mut embedded = st.clone();
    embedded.embed = Some(Embed::Map);
    assert_eq!(full_report_query(&embedded), "v=1&region=lac&sel=BRA");
    // Titles with quotes or ampersands stay inside the attribute.
    let chart = embed_snippet("https://x/", &State::default(), Embed::Chart(Indicator::Va));
    assert!(chart.contains(r#"title="WCIT-12: The Final Vote — Chart: Voice and Accountability""#));
}

#[test]
fn malformed_values_give_defaults_and_notices() {
    let d = decode("?status=maybe&sort=nope&sel=XXX&foo=1&region=eca&v=9");
    assert_eq!(d.state.status, None);
    assert_eq!(d.state.sort, Sort::default());
    assert_eq!(d.state.selected, None);
    assert_eq!(
        d.state.region,
        Some(Region::EuropeCentralAsia),
        "valid parts are kept"
    );
    assert_eq!(d.notices.len(), 5, "{:?}", d.notices);
    assert!(d.notices.iter().any(|n| n.contains("foo")));
    assert!(d.notices.iter().any(|n| n.contains("version")));
}

#[test]
fn unversioned_links_are_read_as_v1() {
    let d = decode("q=kenya&status=declined");
    assert!(d.notices.is_empty());
    assert_eq!(d.state.status, Some(Status::Declined));
    assert_eq!(names(&filter_sort(&COUNTRIES, &d.state)), vec!["Kenya"]);
}

#[test]
fn hostile_anchors_are_text_or_reported() {
    use wcit12_report::model::url::{decode_location, hash_without_step};
    let h = "#<img src=x onerror=alert(1)>";
    let d = decode_location("?v=1&sel=KEN", h);
    assert!(d.notices.is_empty(), "not a step's anchor: left alone");
    assert_eq!(hash_without_step(h), h);
    let d = decode_location("", "#day-99");
    assert_eq!(d.notices.len(), 1);
    assert_eq!(hash_without_step("#day-99"), "");
}

#[test]
fn percent_coding() {
    assert_eq!(decode_component("a%20b+c%C3%B4"), "a b cô");
    assert_eq!(decode_component("%zz%"), "%zz%");
    assert_eq!(
        decode_component(&encode_component("<img src=x onerror=alert(1)>")),
        "<img src=x onerror=alert(1)>"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]
    #[test]
    fn any_query_string_decodes_without_panic(s in ".{0,200}") {
        let d = decode(&s);
        // Whatever came in, the state is valid and re-encodes to a clean link.
        let again = decode(&encode(&d.state));
        prop_assert_eq!(&again.state, &d.state);
        prop_assert!(again.notices.is_empty());
        prop_assert!(d.state.selected.is_none_or(|i| i < COUNTRIES.len()));
        prop_assert!(d.state.step.is_none_or(|i| i < STEPS.len()));
    }

    #[test]
    fn any_link_with_an_anchor_decodes_without_panic(q in ".{0,60}", h in "#?(day-|days-)?.{0,30}") {
        use wcit12_report::model::url::{decode_location, hash_without_step, MAX_NOTICES};
        let d = decode_location(&q, &h);
        // The state re-encodes to a clean link; the notices stay a short list.
        let again = decode(&encode(&d.state));
        prop_assert_eq!(&again.state, &d.state);
        prop_assert!(again.notices.is_empty());
        prop_assert!(d.notices.len() <= MAX_NOTICES + 1);
        prop_assert!(d.state.step.is_none_or(|i| i < STEPS.len()));
        // What stays in the address bar is the anchor or nothing, never more.
        let kept = hash_without_step(&h);
        prop_assert!(kept.is_empty() || kept == h);
    }

    #[test]
    fn unknown_settings_and_values_are_reported(key in "[a-z]{1,8}", val in "[a-z0-9]{1,8}") {
        let known = ["v", "q", "status", "region", "income", "sort", "dir", "sel", "step", "at", "measure", "group", "zoom"];
        prop_assume!(!known.contains(&key.as_str()));
        let d = decode(&format!("status=signed&{key}={val}"));
        prop_assert_eq!(d.state.status, Some(Status::Signed));
        prop_assert!(d.notices.iter().any(|n| n.contains(&key)), "unknown key named: {:?}", d.notices);
        let valid = ["all", "signed", "declined"];
        prop_assume!(!valid.contains(&val.as_str()));
        let d = decode(&format!("status={val}"));
        prop_assert_eq!(d.state.status, None);
        prop_assert!(d.notices.iter().any(|n| n.contains(&val) && n.contains("status")), "bad value named: {:?}", d.notices);
    }

    #[test]
    fn adversarial_key_value_soup(parts in proptest::collection::vec(("(v|q|status|region|income|sort|dir|sel|step|at|measure|group|zoom|x|%[0-9A-F]{2}|)", "[%&=+a-zA-Z0-9<>\"']{0,12}"), 0..12)) {
        let q: String = parts.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let d = decode(&q);
        prop_assert_eq!(decode(&encode(&d.state)).state, d.state);
    }

    #[test]
    fn state_round_trips(q in "\\PC{0,30}", st in proptest::option::of(0usize..2), r in proptest::option::of(0usize..7),
                         inc in proptest::option::of(0usize..4), col in 0usize..11, desc: bool,
                         sel in proptest::option::of(0usize..144), step in proptest::option::of(0usize..8), pct: bool, byinc: bool,
                         embed in proptest::option::of(0usize..16), zoom in proptest::option::of(0usize..3),
                         at in proptest::option::of(0usize..3)) {
        let step = step.filter(|s| *s < STEPS.len());
        let state = State {
            query: q.chars().take(80).collect(),
            status: st.map(|i| Status::ALL[i]),
            region: r.map(|i| Region::ALL[i]),
            income: inc.map(|i| Income::ALL[i]),
            sort: Sort { col: Column::ALL[col], desc },
            selected: sel,
            step,
            // A link carries a step or a place, not both.
            at: at.filter(|_| step.is_none()).map(|k| Place::ALL[k]),
            measure: if pct { Measure::Percentile } else { Measure::Estimate },
            group_by: if byinc { GroupBy::Income } else { GroupBy::Status },
            embed: embed.and_then(|k| Embed::all().get(k).copied()),
            zoom,
        };
        let d = decode(&encode(&state));
        prop_assert_eq!(d.state, state);
        prop_assert!(d.notices.is_empty());
    }
}

// ---------- statistics ----------

/// Reference values computed once with SciPy 1.17.1 / NumPy 2.4.6 on src/data:
/// `scipy.stats.mannwhitneyu(declined, signed, alternative="two-sided", method="asymptotic",
/// use_continuity=True)` and `numpy.median` / `numpy.percentile` (linear interpolation).
const SCIPY: [(Indicator, f64, f64, f64, f64); 6] = [
    // (indicator, U of declined, p, median signed, median declined)
    (Indicator::Va, 4363.0, 3.432976e-15, -0.515583, 1.051524),
    (Indicator::Pv, 3829.0, 1.359816e-08, -0.368805, 0.600902),
    (Indicator::Ge, 4081.0, 1.886566e-11, -0.453768, 0.958768),
    (Indicator::Rq, 4225.0, 2.739054e-13, -0.334865, 1.029384),
    (Indicator::Rl, 4168.0, 1.524215e-12, -0.502533, 1.022588),
    (Indicator::Cc, 4018.0, 1.078617e-10, -0.557090, 0.712373),
];

#[test]
fn statistics_match_scipy_on_the_real_data() {
    for (ind, u, p, med_s, med_d) in SCIPY {
        let s = indicator_stats(&all(), ind, Measure::Estimate);
        let t = s.test.unwrap();
        assert_eq!(t.u_x, u, "{ind:?} U");
        assert!((t.p - p).abs() / p < 1e-4, "{ind:?} p {} vs {p}", t.p);
        assert!((s.signed.unwrap().median - med_s).abs() < 1e-6, "{ind:?}");
        assert!((s.declined.unwrap().median - med_d).abs() < 1e-6, "{ind:?}");
        assert_eq!((s.signed.unwrap().n, s.declined.unwrap().n), (89, 55));
        assert!((t.auc - u / (89.0 * 55.0)).abs() < 1e-12);
    }
    // Quartiles of VA among signatories (numpy.percentile 25/75).
    let s = indicator_stats(&all(), Indicator::Va, Measure::Estimate)
        .signed
        .unwrap();
    assert!((s.q1 - -1.104588).abs() < 1e-6 && (s.q3 - -0.005112).abs() < 1e-6);
}

#[test]
fn issue_reference_medians() {
    // The issue's figures: signed VA median −0.52, declined +1.05.
    let s = indicator_stats(&all(), Indicator::Va, Measure::Estimate);
    assert_eq!(format!("{:.2}", s.signed.unwrap().median), "-0.52");
    assert_eq!(format!("{:.2}", s.declined.unwrap().median), "1.05");
    let text = sentence(&s, Measure::Estimate);
    assert!(
        text.starts_with(
            "Non-signatories score higher on Voice and Accountability: median +1.05 vs −0.52"
        ),
        "{text}"
    );
}

#[test]
fn differences_are_always_signed() {
    assert_eq!(fmt_diff(1.567107, Measure::Estimate), "+1.57");
    assert_eq!(fmt_diff(-0.2, Measure::Estimate), "−0.20");
    assert_eq!(fmt_diff(38.4, Measure::Percentile), "+38");
    assert_eq!(fmt_diff(-5.6, Measure::Percentile), "−6");
}

#[test]
fn small_sample_with_ties_matches_scipy() {
    // scipy.stats.mannwhitneyu([19,22,16,29,24,22],[20,11,17,12,22], method="asymptotic") → U=24, p=0.1173056
    let t = mann_whitney(&[19., 22., 16., 29., 24., 22.], &[20., 11., 17., 12., 22.]).unwrap();
    assert_eq!(t.u_x, 24.0);
    assert!((t.p - 0.11730556401208668).abs() < 1e-6, "{}", t.p);
    assert!(mann_whitney(&[], &[1.0]).is_none());
}

#[test]
fn quantiles_interpolate_like_numpy() {
    assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), 2.5);
    assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.25), 1.75);
    assert_eq!(summary(&[5.0]).unwrap().median, 5.0);
    assert!(summary(&[]).is_none());
}

#[test]
fn filtered_statistics_equal_statistics_of_the_filtered_data() {
    let st = State {
        region: Some(Region::EuropeCentralAsia),
        ..State::default()
    };
    let rows = filter_sort(&COUNTRIES, &st);
    let s = indicator_stats(&rows, Indicator::Va, Measure::Estimate);
    let mut signed: Vec<f64> = rows
        .iter()
        .filter(|&&i| COUNTRIES[i].status == Status::Signed)
        .map(|&i| COUNTRIES[i].wgi[0].est().unwrap())
        .collect();
    signed.sort_by(f64::total_cmp);
    assert_eq!(s.signed.unwrap().n, signed.len());
    assert_eq!(s.signed.unwrap().median, quantile(&signed, 0.5));
    assert!(
        s.test.unwrap().p > 1e-12,
        "a smaller set gives a weaker test"
    );
}

#[test]
fn chart_summaries_follow_the_selection() {
    let all_rows = summaries(Indicator::Va, Measure::Estimate, GroupBy::Status, &all());
    let s = indicator_stats(&all(), Indicator::Va, Measure::Estimate);
    assert_eq!(all_rows, vec![s.signed, s.declined]);
    let only_usa = summaries(
        Indicator::Va,
        Measure::Estimate,
        GroupBy::Status,
        &[idx("USA")],
    );
    assert_eq!(only_usa[0], None, "no signatory selected");
    assert_eq!(only_usa[1].unwrap().n, 1);
    assert_eq!(
        summaries(Indicator::Cc, Measure::Percentile, GroupBy::Income, &all()).len(),
        4
    );
}

#[test]
fn ranking_orders_by_effect_size() {
    let (stats, order) = all_stats(&all(), Measure::Estimate);
    assert_eq!(order.len(), 6);
    let eff: Vec<f64> = order
        .iter()
        .map(|i| stats[i.index()].test.unwrap().rank_biserial.abs())
        .collect();
    assert!(eff.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(
        order[0],
        Indicator::Va,
        "VA separates best (U 4363 is the largest)"
    );
}

// ---------- chart layout ----------

#[test]
fn layout_keeps_every_dot_inside_the_plot() {
    for measure in [Measure::Estimate, Measure::Percentile] {
        for group in [GroupBy::Status, GroupBy::Income] {
            for ind in Indicator::ALL {
                let l = layout(ind, measure, group);
                assert_eq!(l.dots.len() + l.missing.len(), 144);
                // Drawn in the order of COUNTRIES: a dot's position names its country (the
                // charts' event handler and the page carry no id per dot).
                assert!(
                    l.dots.windows(2).all(|w| w[0].country < w[1].country),
                    "{ind:?}: dots in the order of COUNTRIES"
                );
                for d in &l.dots {
                    assert!(
                        d.x >= MARGIN_LEFT - 1e-9 && d.x <= WIDTH,
                        "{ind:?} x {}",
                        d.x
                    );
                    assert!(d.y > 0.0 && d.y < l.height - 20.0, "{ind:?} y {}", d.y);
                }
            }
        }
    }
    // Somalia's −3.07 widens the shared axis instead of being clipped.
    let l = layout(Indicator::Pv, Measure::Estimate, GroupBy::Status);
    assert!(l.domain.0 <= -3.07 && l.domain.1 >= 2.5);
}

// ---------- breakdowns, export ----------

#[test]
fn breakdowns_equal_counts_from_the_data() {
    let inc = by_income(&all());
    let high = inc.iter().find(|g| g.slug == "high").unwrap();
    let (s, d) = status_counts(
        &all()
            .into_iter()
            .filter(|&i| COUNTRIES[i].income == Income::High)
            .collect::<Vec<_>>(),
    );
    assert_eq!((high.signed, high.declined), (s, d));
    assert!(
        high.declined > high.signed,
        "little support in developed states"
    );
    assert_eq!(
        by_region(&all()).iter().map(|g| g.total()).sum::<usize>(),
        144
    );
    assert_eq!(
        summary_line(&[idx("KEN"), idx("RUS")]),
        "Showing 2 of 144 · 1 signed · 1 did not sign"
    );
    assert_eq!(
        (heat_bucket(-3.0), heat_bucket(0.0), heat_bucket(2.5)),
        (0, 4, 8)
    );
}

#[test]
fn csv_export_has_header_rows_and_no_injection() {
    let csv = to_csv(&[idx("CIV"), idx("USA")]);
    let lines: Vec<&str> = csv.lines().collect();
    // Line 1 is the header (spreadsheets and pandas take line 1 as the header): no comment line.
    assert!(lines[0].starts_with("country,name_itu_fr,iso3"));
    assert!(lines.iter().all(|l| !l.starts_with('#')));
    for col in [
        "wb_region_2016",
        "income_group_fy2013",
        "wgi2011_va_estimate",
    ] {
        assert!(lines[0].split(',').any(|h| h == col), "{col}");
    }
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("Côte d'Ivoire,"));
    assert!(lines[2].contains(",USA,US,840,declined,A,no,"));
    // The vintages travel in the file name instead.
    for part in ["wgi2011", "2014update", "fy2013", "2016"] {
        assert!(
            wcit12_report::model::export::CSV_FILE_NAME.contains(part),
            "{part}"
        );
    }
}

// ---------- map and story data ----------

/// The elements of `MAP_SVG` that stand for a member state, as attribute maps (the markup is
/// generated by build.rs: double-quoted attributes, no `>` inside values).
fn map_members() -> Vec<std::collections::HashMap<String, String>> {
    MAP_SVG
        .split('<')
        .filter(|t| !t.starts_with('/') && t.contains("data-iso3="))
        .map(|t| {
            let tag = &t[..t.find('>').unwrap()];
            let mut attrs = std::collections::HashMap::new();
            let mut rest = tag.split_once(' ').map(|x| x.1).unwrap_or("");
            while let Some((name, after)) = rest.split_once("=\"") {
                let (value, after) = after.split_once('"').unwrap();
                assert!(attrs
                    .insert(name.trim().to_string(), value.to_string())
                    .is_none());
                rest = after;
            }
            attrs.insert("tag".into(), tag.split(' ').next().unwrap().to_string());
            attrs
        })
        .collect()
}

#[test]
fn shipped_map_draws_every_member_exactly_once() {
    let feats = map_members();
    assert_eq!(feats.len(), 144 + 49, "193 member states");
    assert!(MAP_SVG.starts_with(r#"<path class="background""#));
    let find = |iso3: &str| {
        let found: Vec<_> = feats.iter().filter(|f| f["data-iso3"] == iso3).collect();
        assert_eq!(found.len(), 1, "{iso3} drawn exactly once");
        found[0]
    };
    for (i, c) in COUNTRIES.iter().enumerate() {
        let f = find(c.iso3);
        // Its ISO3 code names it: the way back from the map to the country.
        assert_eq!(
            wcit12_report::model::contract::CountryId::by_iso3(&f["data-iso3"])
                .map(|id| id.index()),
            Some(i),
            "{}",
            c.iso3
        );
        // An inferred status (grades C and D) is marked to be drawn lighter.
        let inferred = if c.grade.is_inferred() { " inf" } else { "" };
        assert_eq!(
            f["class"],
            format!("feat {}{inferred}", c.status.slug()),
            "{}",
            c.iso3
        );
    }
    for (_, iso3) in NOT_LISTED.iter() {
        let f = find(iso3);
        assert_eq!(
            wcit12_report::model::contract::CountryId::by_iso3(iso3),
            None,
            "{iso3}: not one of the 144"
        );
        assert_eq!(f["class"], "feat notlisted");
    }
    let dot = |iso: &str| {
        let f = find(iso);
        assert_eq!(f.contains_key("data-dot"), f["tag"] == "g", "{iso}");
        f["tag"] == "g"
    };
    assert!(
        dot("MLT") && dot("SGP") && dot("TUV"),
        "small states are dots"
    );
    assert!(!dot("FRA") && !dot("USA"));
    // Every dot inside the frame.
    let (x0, y0, w, h) = MAP_VIEWBOX;
    for c in MAP_SVG.split("<circle ").skip(1) {
        let num = |a: &str| -> f64 {
            let v = c.split(&format!("{a}=\"")).nth(1).unwrap();
            v[..v.find('"').unwrap()].parse().unwrap()
        };
        let (x, y) = (num("cx"), num("cy"));
        assert!(
            x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + h,
            "dot at {x},{y} inside the frame"
        );
    }
    assert_eq!(MAP_VIEWBOX_ATTR, format!("{x0} {y0} {w} {h}"));
}

#[test]
fn story_steps_are_ordered_and_name_known_countries() {
    assert!(STEPS.windows(2).all(|w| w[0].day <= w[1].day));
    let d5 = STEPS.iter().find(|s| s.id == "day-5").unwrap();
    for iso in ["RUS", "ARE", "CHN", "SAU", "DZA", "SDN", "EGY"] {
        assert!(d5.countries.contains(&iso));
    }
    let d11 = STEPS.iter().find(|s| s.id == "day-11").unwrap();
    assert!(
        d11.countries.contains(&"KEN") && d11.countries.contains(&"IRN"),
        "African group and Iran"
    );
    assert!(STEPS.last().unwrap().all_by_status);
}

#[test]
fn story_steps_name_their_countries() {
    let d5 = STEPS.iter().find(|s| s.id == "day-5").unwrap();
    assert!(d5.countries.contains(&"RUS"));
    assert!(member_name("RUS").is_some_and(|n| n.starts_with("Russia")));
    let (name, iso3) = NOT_LISTED[0];
    assert_eq!(member_name(iso3), Some(name));
    assert_eq!(member_name("KEN"), Some("Kenya"));
    assert_eq!(member_name("XXX"), None);
}

#[test]
fn chart_marks_come_from_the_layout() {
    use wcit12_report::model::chart::{axis, interval_marks, row_marks};
    for measure in [Measure::Estimate, Measure::Percentile] {
        for group in [GroupBy::Status, GroupBy::Income] {
            let l = layout(Indicator::Va, measure, group);
            assert!(l.dots.iter().all(|d| d.x.is_finite() && d.y.is_finite()));
            assert_eq!(axis(&l).ticks.len(), l.ticks.len());
            let marks = summaries(Indicator::Va, measure, group, &all());
            let rows = row_marks(&l, &marks);
            assert_eq!(rows.len(), l.rows.len());
            assert!(rows.iter().all(|r| r.band.is_some()));
            // Each row's label names its median's value as the statistics compute it (estimates
            // signed with two decimals, percentile ranks whole).
            for (r, m) in rows.iter().zip(marks.iter().flatten()) {
                let shown = match measure {
                    Measure::Percentile => format!(" · median {:.0}", m.median),
                    Measure::Estimate if m.median > 0.005 => format!(" · median +{:.2}", m.median),
                    Measure::Estimate => format!(" · median −{:.2}", -m.median),
                };
                assert_eq!(r.median, shown);
            }
            // Nothing selected in a row: no band, no median.
            let empty = row_marks(&l, &vec![None; l.rows.len()]);
            assert!(empty
                .iter()
                .all(|r| r.band.is_none() && r.median.is_empty()));
        }
    }
    let l = layout(Indicator::Va, Measure::Estimate, GroupBy::Status);
    let ken = cid(idx("KEN"));
    let d = l.dots.iter().find(|d| d.country == ken).unwrap();
    let iv = interval_marks(&l, ken, d.value - 0.2, d.value + 0.2).unwrap();
    assert_eq!(iv[0][2], format!("{:.1}", d.y));
    if let Some(&m) = l.missing.first() {
        assert_eq!(interval_marks(&l, m, 0.0, 1.0), None);
    }
}

#[test]
fn stat_line_and_ranking_line_come_from_the_numbers() {
    use wcit12_report::model::stats::{ranking_line, stat_line};
    let s = indicator_stats(&all(), Indicator::Va, Measure::Estimate);
    let t = s.test.unwrap();
    let line = stat_line(&s, Measure::Estimate);
    assert!(line.starts_with("Difference of medians +"), "{line}");
    assert!(line.contains(&format!("P(non-signatory higher) = {:.2}", t.auc)));
    assert!(line.contains("rank-biserial r = +"), "{line}");
    let u = if t.u_x.fract() == 0.0 {
        format!("{}", t.u_x)
    } else {
        format!("{:.1}", t.u_x)
    };
    assert!(line.contains(&format!("U = {u},")), "{line}");
    let r = ranking_line(&s);
    assert!(
        r.starts_with("Voice and Accountability: in ") && r.contains("p < 0.001"),
        "{r}"
    );
    let empty = indicator_stats(&[], Indicator::Va, Measure::Estimate);
    assert_eq!(
        stat_line(&empty, Measure::Estimate),
        "Not enough countries in both groups for a test."
    );
    assert!(ranking_line(&empty).ends_with("n/a"));
}

// ---------- where sources disagree (issue 17) ----------

/// The five of `src/data/status_conflicts.csv`, written out here rather than read from the model.
const DISPUTED: [&str; 5] = ["EGY", "QAT", "COM", "MUS", "COG"];

#[test]
fn disputed_statuses_say_so_in_their_notes() {
    use wcit12_report::model::notes::Note;
    let egy = cid(idx("EGY"));
    // (The table's rows and the selected-country card are components: tests/components.rs
    // checks their chips and marks.)
    assert_eq!(Note::Conflict.id(egy, "card"), "conflict-card-EGY");
    let (lead, note) = Note::Conflict.text(egy);
    assert_eq!(lead, None);
    assert!(note.starts_with("On 13 Dec Egypt was among"), "{note}");
    assert!(
        note.ends_with(
            "Sources: .nxt report via LIRNEasia; macjordangh.com, list of African signers."
        ),
        "source ids in the note"
    );
    assert!(note.contains(r#"The data keeps "signed"."#), "{note}");
    let (lead, grade) = Note::Grade.text(egy);
    assert!(lead.is_some_and(|l| l.starts_with("Grade ")));
    assert!(
        grade.contains("Sources disagree on this status."),
        "the grade note says so"
    );
    for iso3 in DISPUTED {
        let (_, t) = Note::Conflict.text(cid(idx(iso3)));
        assert!(!t.contains("Grade "), "{iso3} has its own conflict note");
    }
}

#[test]
fn csv_names_the_disagreements() {
    let csv = to_csv(&[idx("QAT"), idx("KEN")]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",status_conflict"));
    assert!(lines[1].ends_with(
        ",\"On 13 Dec Qatar was among the delegations that warned they would not be able to sign; no source names Qatar as a signer. \"\"Signed\"\" follows only from the 89/55 totals.\""
    ), "{}", lines[1]);
    assert!(lines[2].ends_with(','), "empty for Kenya: {}", lines[2]);
    // (The method section's list of the five is a component: tests/components.rs.)
}

#[test]
fn sensitivity_of_the_main_result_to_the_disputed_statuses() {
    use wcit12_report::model::stats::{conflict_sensitivity, sensitivity_line};
    // Recomputed here with the five flipped by hand; SciPy 1.17.1 on the same CSV gives
    // mannwhitneyu(declined, signed, method="asymptotic"): U = 4228.0 (56 × 88 pairs),
    // p = 4.944651012571129e-13; without the flip U = 4363.0 (55 × 89), p = 3.432976234950213e-15.
    let (mut x, mut y) = (vec![], vec![]);
    for c in &COUNTRIES {
        let v = c.wgi[Indicator::Va.index()].est().unwrap();
        let declined = (c.status == Status::Declined) ^ DISPUTED.contains(&c.iso3);
        if declined { &mut x } else { &mut y }.push(v);
    }
    assert_eq!((x.len(), y.len()), (56, 88));
    let pairs: f64 = x
        .iter()
        .flat_map(|a| y.iter().map(move |b| (a, b)))
        .map(|(a, b)| {
            if a > b {
                1.0
            } else if a == b {
                0.5
            } else {
                0.0
            }
        })
        .sum();
    assert_eq!(pairs, 4228.0);
    let t = conflict_sensitivity().unwrap();
    assert_eq!(t.u_x, 4228.0);
    assert!((t.auc - 4228.0 / (56.0 * 88.0)).abs() < 1e-12);
    assert!((t.p / 4.944651012571129e-13 - 1.0).abs() < 1e-6, "{}", t.p);
    assert_eq!(
        sensitivity_line(),
        "Where sources disagree: with the statuses of Egypt, Qatar, Comoros, Mauritius, Congo (Republic of the) the other way round, Voice and Accountability over all 144 gives P(non-signatory higher) = 0.86 (p < 0.001), against 0.89 (p < 0.001) as the data stands."
    );
}

/// Chart labels never run into each other (Russia and China sit side by side on most
/// indicators): two labels in the same row are at least their half widths apart at the
/// narrowest chart, 343 px, with 12 px type.
#[test]
fn chart_labels_do_not_collide() {
    use wcit12_report::model::chart::labels;
    let pct = |s: &str| s.trim_end_matches('%').parse::<f64>().unwrap();
    for measure in [Measure::Estimate, Measure::Percentile] {
        for group in [GroupBy::Status, GroupBy::Income] {
            for ind in Indicator::ALL {
                // With a selected country in the thick of the signatories: it is labelled, and
                // so are most of the four.
                let ls = labels(&layout(ind, measure, group), CountryId::by_iso3("KAZ"));
                assert!(ls.iter().any(|x| x.name == "Kazakhstan"), "{ind:?}");
                assert!(ls.len() >= 4, "{ind:?}: {}", ls.len());
                for (k, a) in ls.iter().enumerate() {
                    for b in &ls[k + 1..] {
                        let (ya, yb): (f64, f64) = (a.y.parse().unwrap(), b.y.parse().unwrap());
                        if (ya - yb).abs() >= 12.0 {
                            continue;
                        }
                        let dx_px = (pct(&a.x) - pct(&b.x)).abs() / 100.0 * 343.0;
                        let need = (a.name.len() + b.name.len()) as f64 * 7.5 / 2.0;
                        assert!(
                            dx_px >= need - 1.0,
                            "{ind:?} {measure:?} {group:?}: {} and {} overlap",
                            a.name,
                            b.name
                        );
                    }
                }
            }
        }
    }
    // One of the always-labelled four, selected, is not labelled twice.
    let l = layout(Indicator::Va, Measure::Estimate, GroupBy::Status);
    assert_eq!(labels(&l, CountryId::by_iso3("CHN")).len(), 4);
    assert!(labels(&l, CountryId::by_iso3("KEN"))
        .iter()
        .any(|x| x.name == "Kenya"));
}
