//! `model::analysis`: the subset and its label (filters define it, search never does), the
//! comparison messages, census statistics and their wording, the ranking plot, the within-group
//! panel, the sensitivity lines, and how long a filter change costs.
#![allow(clippy::disallowed_methods)] // size rules are for the wasm, not for tests

use std::time::{Duration, Instant};

use wcit12_report::model::analysis::*;
use wcit12_report::model::data::{Income, Indicator, Region, Status, COUNTRIES};
use wcit12_report::model::inference::{share_words, Interval, Rng};
use wcit12_report::model::state::{Measure, State};
use wcit12_report::model::stats::indicator_stats;

fn all() -> Vec<usize> {
    (0..COUNTRIES.len()).collect()
}

fn with(f: impl FnOnce(&mut State)) -> State {
    let mut s = State::default();
    f(&mut s);
    s
}

#[test]
fn search_never_changes_the_subset() {
    for q in ["fra", "zz-no-match", "ia", "FRA"] {
        let s = with(|s| s.query = q.into());
        assert_eq!(subset(&s), all(), "{q}");
        assert_eq!(
            subset_label(&s, &subset(&s)),
            "All 144 states present and accredited: 89 signed, 55 did not"
        );
        assert_eq!(comparison(&s, &subset(&s)), Comparison::Ok);
    }
    let s = with(|s| {
        s.query = "fra".into();
        s.region = Some(Region::SubSaharanAfrica);
    });
    assert_eq!(subset(&s).len(), 35);
}

/// Property: over every status × region × income filter, with or without a query, the subset is
/// exactly the countries passing the filters, and the label's counts add up to it.
#[test]
fn subset_is_the_filters_and_the_label_counts_it() {
    let statuses = [None, Some(Status::Signed), Some(Status::Declined)];
    let regions = std::iter::once(None).chain(Region::ALL.map(Some));
    for r in regions {
        for i in std::iter::once(None).chain(Income::ALL.map(Some)) {
            for st in statuses {
                for q in ["", "an"] {
                    let s = with(|s| {
                        s.region = r;
                        s.income = i;
                        s.status = st;
                        s.query = q.into();
                    });
                    let set = subset(&s);
                    let want: Vec<usize> = (0..COUNTRIES.len())
                        .filter(|&k| {
                            let c = &COUNTRIES[k];
                            r.is_none_or(|r| c.region == r)
                                && i.is_none_or(|i| c.income == i)
                                && st.is_none_or(|st| c.status == st)
                        })
                        .collect();
                    assert_eq!(set, want);
                    let label = subset_label(&s, &set);
                    let nums: usize = label
                        .split(|ch: char| !ch.is_ascii_digit())
                        .filter(|w| !w.is_empty())
                        .map(|w| w.parse::<usize>().unwrap())
                        .sum();
                    let total = if st.is_none() && r.is_none() && i.is_none() {
                        2 * set.len() // "All 144 …: 89 signed, 55 did not"
                    } else {
                        set.len()
                    };
                    assert_eq!(nums, total, "{label}");
                    if let Some(r) = r {
                        assert!(label.contains(r.label()), "{label}");
                    }
                    // The comparison is Ok exactly when both groups have MIN_GROUP or more.
                    let d = set
                        .iter()
                        .filter(|&&k| COUNTRIES[k].status == Status::Declined)
                        .count();
                    let ok = d.min(set.len() - d) >= MIN_GROUP;
                    assert_eq!(comparison(&s, &set) == Comparison::Ok, ok, "{label}");
                }
            }
        }
    }
}

#[test]
fn labels_name_the_subset_with_its_counts() {
    let s = with(|s| s.region = Some(Region::SubSaharanAfrica));
    assert_eq!(
        subset_label(&s, &subset(&s)),
        "Within Sub-Saharan Africa: 30 signed, 5 did not"
    );
    let s = with(|s| s.income = Some(Income::High));
    assert_eq!(
        subset_label(&s, &subset(&s)),
        "Within High income: 11 signed, 34 did not"
    );
    let s = with(|s| {
        s.region = Some(Region::EuropeCentralAsia);
        s.income = Some(Income::High);
    });
    assert!(
        subset_label(&s, &subset(&s)).starts_with("Within Europe & Central Asia, high income: ")
    );
    let s = with(|s| s.status = Some(Status::Declined));
    assert_eq!(
        subset_label(&s, &subset(&s)),
        "Only non-signatories: 55 states"
    );
}

#[test]
fn empty_and_small_groups_are_said_plainly() {
    let s = with(|s| s.status = Some(Status::Declined));
    assert_eq!(
        comparison(&s, &subset(&s)),
        Comparison::Empty("Only non-signatories selected — nothing to compare them with.".into())
    );
    let s = with(|s| s.status = Some(Status::Signed));
    assert_eq!(
        comparison(&s, &subset(&s)),
        Comparison::Empty("Only signatories selected — nothing to compare them with.".into())
    );
    let s = with(|s| s.region = Some(Region::NorthAmerica));
    assert_eq!(
        comparison(&s, &subset(&s)),
        Comparison::Empty(
            "No signatory in North America — nothing to compare the 2 non-signatories with.".into()
        )
    );
    let s = with(|s| {
        s.region = Some(Region::NorthAmerica);
        s.income = Some(Income::Low);
    });
    assert_eq!(
        comparison(&s, &subset(&s)),
        Comparison::Empty("No country in this selection.".into())
    );
    let s = with(|s| s.region = Some(Region::LatinAmericaCaribbean));
    match comparison(&s, &subset(&s)) {
        Comparison::Small(m) => {
            assert!(
                m.starts_with(
                    "Only 4 non-signatories against 18 signatories in Latin America & Caribbean"
                ),
                "{m}"
            );
            assert!(
                m.contains("up to 25%") && m.ends_with("shown without a test."),
                "{m}"
            );
        }
        other => panic!("{other:?}"),
    }
    let s = with(|s| s.region = Some(Region::SouthAsia));
    match comparison(&s, &subset(&s)) {
        Comparison::Small(m) => assert!(
            m.starts_with("Only 1 non-signatory against 5 signatories"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
}

/// Census statistics agree with the Mann–Whitney figures of `model::stats` on random subsets,
/// are reproducible, and hang together (U = P·n₁n₂, r = 2P − 1, p from the hit count, P inside
/// its interval unless the groups are tiny).
#[test]
fn census_is_consistent_and_reproducible_on_random_subsets() {
    let mut rng = Rng::new(2026);
    for trial in 0..60 {
        let set: Vec<usize> = all().into_iter().filter(|_| rng.below(3) > 0).collect();
        let ind = Indicator::ALL[trial % 6];
        let measure = if trial % 2 == 0 {
            Measure::Estimate
        } else {
            Measure::Percentile
        };
        let c = census_with(&set, ind, measure, 300).unwrap();
        let mw = indicator_stats(&set, ind, measure).test.unwrap();
        assert!((c.u - mw.u_x).abs() < 1e-9 && (c.auc - mw.auc).abs() < 1e-12);
        assert!((c.r - (2.0 * c.auc - 1.0)).abs() < 1e-12);
        assert_eq!(c.perm_p, (1 + c.perm_hits) as f64 / 301.0);
        assert!(c.ci.lo <= c.auc && c.auc <= c.ci.hi, "{c:?}");
        assert_eq!(Some(c), census_with(&set, ind, measure, 300));
        assert_eq!(c.n_x + c.n_y + c.missing, set.len());
    }
}

#[test]
fn sentences_never_overstate_and_follow_the_interval() {
    let rows = census_all(&all(), Measure::Estimate);
    for c in rows.iter().flatten() {
        let s = plain_sentence(c);
        assert!(
            s.starts_with("Non-signatories tend to score higher on"),
            "{s}"
        );
        assert!(s.contains(&share_words(c.auc)), "{s}");
        assert!(!s.contains("of 10") && !s.contains("100%"), "{s}");
        let d = details(c);
        assert_eq!(d.len(), 6);
        assert!(d[5].contains("whole population, not a sample"), "{}", d[5]);
        assert!(d[1].contains("4,895 pairs"), "{}", d[1]);
    }
    // Sub-Saharan Africa: the interval includes one half, so no direction is claimed.
    let ssa = subset(&with(|s| s.region = Some(Region::SubSaharanAfrica)));
    let c = census(&ssa, Indicator::Va, Measure::Estimate).unwrap();
    assert!(c.ci.lo < 0.5 && 0.5 < c.ci.hi);
    assert!(
        plain_sentence(&c).starts_with("No clear difference"),
        "{}",
        plain_sentence(&c)
    );
    // Signatories higher: the sentence turns round, with the mirrored share and interval.
    let mirrored = Census {
        auc: 0.2,
        ci: Interval { lo: 0.1, hi: 0.3 },
        ..c
    };
    assert_eq!(
        plain_sentence(&mirrored),
        "Signatories tend to score higher on Voice and Accountability: in 80% of pairs of one signatory and one non-signatory, the signatory scores higher (95% interval 70% to 90%)."
    );
}

fn fake(ind: Indicator, auc: f64, lo: f64, hi: f64) -> Option<Census> {
    let base = census(&all(), Indicator::Va, Measure::Estimate).unwrap();
    Some(Census {
        indicator: ind,
        auc,
        ci: Interval { lo, hi },
        ..base
    })
}

#[test]
fn robustness_is_computed_from_the_intervals() {
    use Indicator::*;
    let clear = [
        fake(Va, 0.95, 0.9, 0.99),
        fake(Pv, 0.7, 0.6, 0.8),
        fake(Ge, 0.75, 0.65, 0.85),
        fake(Rq, 0.72, 0.62, 0.82),
        fake(Rl, 0.71, 0.61, 0.81),
        fake(Cc, 0.6, 0.55, 0.64),
    ];
    let s = robustness_sentence(&clear);
    assert!(s.starts_with("Voice and Accountability separates the groups most clearly: its interval lies clear of all 5 others."), "{s}");
    assert!(
        s.contains("only Government Effectiveness above Control of Corruption"),
        "{s}"
    );
    let overlapping = [
        fake(Va, 0.9, 0.8, 0.95),
        fake(Pv, 0.85, 0.78, 0.9),
        None,
        None,
        None,
        None,
    ];
    assert_eq!(
        robustness_sentence(&overlapping),
        "All 2 intervals overlap one another: Voice and Accountability comes first, but no difference in this order is robust."
    );
    assert_eq!(
        robustness_sentence(&[None, None, None, None, None, None]),
        "No indicator can be compared in this selection."
    );
    // The real census: the sentence names the top indicator by its full name.
    let real = census_all(&all(), Measure::Estimate);
    assert!(robustness_sentence(&real).contains("Voice and Accountability"));
}

#[test]
fn ranking_plot_ranks_six_rows_and_keeps_every_position_inside() {
    let rows = census_all(&all(), Measure::Estimate);
    let p = ranking_plot(&rows);
    assert_eq!(p.rows.len(), 6);
    assert!(p.rows.iter().all(|r| r.figure.is_some()));
    // Highest P first.
    let at = |ind| p.rows.iter().position(|r| r.indicator == ind).unwrap();
    assert!(at(Indicator::Va) < at(Indicator::Pv));
    let labels: Vec<&str> = p.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["50%", "60%", "70%", "80%", "90%", "100%"]);
    let pct = |s: &str| -> f64 { s.trim_end_matches('%').parse().unwrap() };
    let mut xs: Vec<&str> = vec![&p.half, &p.axis.0, &p.axis.1];
    for r in &p.rows {
        let f = r.figure.as_ref().unwrap();
        xs.extend([f.lo.as_str(), f.hi.as_str(), f.at.as_str()]);
    }
    for t in &p.ticks {
        xs.extend([t.x.as_str(), t.label_x.as_str()]);
    }
    for x in xs {
        assert!((0.0..=100.0).contains(&pct(x)), "{x}");
    }
    // A subset with an interval reaching below one half widens the axis downwards.
    let ssa = subset(&with(|s| s.region = Some(Region::SubSaharanAfrica)));
    let rows = census_all(&ssa, Measure::Estimate);
    let lowest = rows
        .iter()
        .flatten()
        .map(|c| c.ci.lo)
        .fold(1.0f64, f64::min);
    let p = ranking_plot(&rows);
    assert_eq!(
        p.ticks[0].label,
        share_words((lowest * 10.0).floor() / 10.0).as_str()
    );
}

#[test]
fn confounding_groups_strata_and_the_eu() {
    let high = by_income(Indicator::Va)
        .into_iter()
        .find(|g| g.label == "High income")
        .unwrap();
    assert_eq!((high.signed, high.declined), (11, 34));
    let c = high.census.unwrap();
    assert_eq!(
        group_figure(&high),
        Ok((
            share_words(c.auc),
            format!("{} to {}", share_words(c.ci.lo), share_words(c.ci.hi))
        ))
    );
    let ssa = by_region(Indicator::Va)
        .into_iter()
        .find(|g| g.label == "Sub-Saharan Africa")
        .unwrap();
    assert_eq!((ssa.signed, ssa.declined), (30, 5));
    assert!(ssa.census.is_some());
    let region = |label: &str| {
        by_region(Indicator::Va)
            .into_iter()
            .find(|g| g.label == label)
            .unwrap()
    };
    let lac = region("Latin America & Caribbean");
    assert_eq!(
        (lac.signed, lac.declined, group_figure(&lac)),
        (18, 4, Err("too few to compare"))
    );
    let na = region("North America");
    assert_eq!(
        (na.signed, na.declined, group_figure(&na)),
        (0, 2, Err("nothing to compare"))
    );
    let p = stratified_sentence(Indicator::Va);
    let inc = stratified_by_income(Indicator::Va).unwrap();
    assert!(p.contains(&share_words(inc.auc)));
    assert!(
        eu_sentence().contains("26 member states")
            && eu_sentence().contains("26 of the 55 non-signatories")
    );
    assert_eq!(COUNTRIES.iter().filter(|c| eu_member(c)).count(), 26);
    assert!(COUNTRIES
        .iter()
        .filter(|c| eu_member(c))
        .all(|c| c.status == Status::Declined));
    // Malta is in the World Bank's Middle East & North Africa: 25 of the 26 are in Europe.
    assert!(eu_sentence().contains("25 of the 36 non-signatories in Europe & Central Asia"));
}

#[test]
fn sensitivity_lines_and_chart_text() {
    let g = sensitivity_grades();
    assert!(
        g.starts_with("Statuses graded A or B only (") && g.contains("against 0.89 with all 144"),
        "{g}"
    );
    let s = sensitivity_se();
    assert!(
        s.contains("stays between") && s.ends_with("against 0.89 as published."),
        "{s}"
    );
    assert!(sensitivity_eu().contains("its 26 members"));
    assert_eq!(
        axis_title(Measure::Estimate),
        "WGI 2011 estimate (about −2.5 to +2.5) · ← weaker | stronger →"
    );
    assert!(axis_title(Measure::Percentile).starts_with("WGI 2011 percentile rank"));
    for ind in Indicator::ALL {
        assert!(definition(ind).starts_with("Reflects perceptions of"));
    }
    let (lo, hi) = spearman_range(&all()).unwrap();
    let line = correlation_line(&all());
    assert!(
        line.contains(&format!(
            "between {lo:.2} and {hi:.2} across all 144 states present and accredited, whatever the filters"
        )),
        "{line}"
    );
}

/// How long a filter change costs: the six indicators' census statistics for all 144 at
/// `RESAMPLES`, best of 30 runs (release build: `cargo test --release --test analysis six -- --nocapture`).
#[test]
fn six_indicators_fit_a_filter_change() {
    let set = all();
    let mut best = Duration::MAX;
    for _ in 0..30 {
        let t = Instant::now();
        let rows = census_all(&set, Measure::Estimate);
        best = best.min(t.elapsed());
        assert!(rows.iter().all(Option::is_some));
    }
    let ssa = subset(&with(|s| s.region = Some(Region::SubSaharanAfrica)));
    let t = Instant::now();
    census_all(&ssa, Measure::Estimate);
    let ssa_time = t.elapsed();
    let mut lead = Duration::MAX;
    for _ in 0..30 {
        let t = Instant::now();
        lead_intervals(&set, Measure::Estimate).unwrap();
        lead = lead.min(t.elapsed());
    }
    println!(
        "census_all, 6 indicators × {RESAMPLES} relabellings + {RESAMPLES} resamples: all 144 {best:?} (best of 30), Sub-Saharan Africa {ssa_time:?}; paired lead (joint bootstrap) {lead:?}"
    );
    assert!(best < Duration::from_secs(2));
}

#[test]
fn paired_lead_is_said_from_its_intervals() {
    let (top, leads) = lead_intervals(&all(), Measure::Estimate).unwrap();
    assert_eq!(top, Indicator::Va);
    let s = lead_sentence(&all(), Measure::Estimate);
    for (ind, iv) in &leads {
        // Each other indicator is named once, on the side its interval puts it.
        let name = full_name(*ind);
        assert_eq!(s.matches(name).count(), 1, "{name}: {s}");
        let pos = s.find(name).unwrap();
        let split = s.find("but not clearly ahead of").unwrap_or(s.len());
        assert_eq!(iv.lo > 0.0, pos < split, "{name} {iv:?}: {s}");
    }
    // Too few countries for a joint resample: no sentence.
    assert_eq!(lead_sentence(&[], Measure::Estimate), "");
}
#[test]
fn no_robust_lead_is_said_so() {
    let eap = subset(&with(|s| s.region = Some(Region::EastAsiaPacific)));
    let (_, leads) = lead_intervals(&eap, Measure::Estimate).unwrap();
    assert!(leads.iter().all(|(_, iv)| iv.lo <= 0.0));
    assert!(lead_sentence(&eap, Measure::Estimate).ends_with(
        "lead over the others is not robust: each difference's 95% interval includes zero."
    ));
}

/// The section's finding names the countries it describes: the whole census by default, the
/// region under a region filter (never "all 144" then), and why not when nothing can be compared.
#[test]
fn the_takeaway_names_its_subset() {
    let all = Stats::of(&with(|_| ()));
    assert!(
        all.takeaway().starts_with(
            "Across all 144 states present and accredited, on every one of the 6 World Bank governance indicators, the median non-signatory scores higher"
        ),
        "{}",
        all.takeaway()
    );
    let ssa = Stats::of(&with(|s| s.region = Some(Region::SubSaharanAfrica)));
    let t = ssa.takeaway();
    assert!(
        t.starts_with("Within Sub-Saharan Africa (35 states), "),
        "{t}"
    );
    assert!(!t.contains("144"), "{t}");
    let top = ssa.ranking();
    if let Ranking::Plot(plot, _) = top {
        // The sentence's leader is the ranking's first row.
        let first = plot.rows[0].indicator.label();
        assert!(
            t.contains(&format!("; {first} separates the groups most."))
                || t.contains(&format!("; the gap is largest on {first}.")),
            "{t}"
        );
        // With 5 non-signatories, the sentence says how many differences are clear of an even
        // split (the editor's read: it claimed too much).
        let clear = ssa
            .rows
            .iter()
            .flatten()
            .filter(|c| c.ci.lo > 0.5 || c.ci.hi < 0.5)
            .count();
        assert!(clear < 6, "some Sub-Saharan intervals include 50%");
        assert!(
            t.ends_with(&format!(
                " With 5 non-signatories, {clear} of the 6 are clear of an even split (95% interval off 50%)."
            )) || (clear == 0 && t.contains("none of these differences is clear")),
            "{t}"
        );
        // Over all 144 every difference is clear, and the sentence does not hedge.
        assert!(!all.takeaway().contains("even split"), "{}", all.takeaway());
    } else {
        panic!("a ranking for Sub-Saharan Africa");
    }
    // Nothing to compare: the sentence says why, once, naming the group.
    let only = Stats::of(&with(|s| s.status = Some(Status::Signed)));
    assert!(
        only.takeaway().starts_with("Only signatories selected"),
        "{}",
        only.takeaway()
    );
    let lac = Stats::of(&with(|s| s.region = Some(Region::LatinAmericaCaribbean)));
    assert_eq!(
        lac.takeaway().matches("Latin America").count(),
        1,
        "{}",
        lac.takeaway()
    );
}

/// The findings name the first indicator no further than the intervals allow (the editor's
/// read: "Voice and Accountability separates the groups most" above a ranking whose intervals
/// overlap). Over all 144 its interval is clear of an even split but not of the others'.
#[test]
fn the_first_indicator_is_named_no_further_than_its_interval() {
    use wcit12_report::model::analysis::lead;
    let all = Stats::of(&with(|_| ()));
    let rows: Vec<_> = all.rows.iter().flatten().collect();
    let top = rows.iter().max_by(|a, b| a.auc.total_cmp(&b.auc)).unwrap();
    assert_eq!(top.indicator, Indicator::Va);
    assert!(top.ci.lo > 0.5);
    assert!(rows
        .iter()
        .any(|c| c.indicator != top.indicator && c.ci.hi >= top.ci.lo));
    let (first, lead) = lead(&all.rows).unwrap();
    assert_eq!(first, Indicator::Va);
    assert_eq!(
        lead,
        "the gap is largest on Voice and Accountability, though not clearly larger than on all the others"
    );
    assert!(
        all.takeaway().contains(&format!("; {lead}.")),
        "{}",
        all.takeaway()
    );
    let first_screen = wcit12_report::model::page::governance_line();
    assert!(!first_screen.contains("separates"), "{first_screen}");
}
