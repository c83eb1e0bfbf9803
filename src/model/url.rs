//! URL codec: `State` ⇄ query string. Versioned (`v=1`); decoding never fails — anything it
//! cannot use is dropped and reported in `notices` for the page to show.
//!
//! Format v1: `v=1&q=…&status=signed|declined&region=<slug>&income=<slug>&sort=<col>&dir=asc|desc`
//! `&sel=<ISO3>&step=<step id>&measure=pct&group=income&embed=map|table|chart-<ind>|step-<id>`
//! `&zoom=europe|caribbean|gulf` (the vote map's zoom, `MAP_ZOOMS`) `&at=vote|table|governance`
//! (where the reader was, outside the story; a link has `step=` or `at=`, not both).
//! Defaults are omitted.
//! Links without `v` (made before versioning) are read as v1.

use std::collections::HashSet;

use super::data::{COUNTRIES, MAP_ZOOMS, STEPS};
use super::state::{Column, Embed, Facet, GroupBy, Measure, Place, Sort, State, MAX_QUERY};

/// The version this build writes.
pub const VERSION: u32 = 1;

/// At most this many notices are listed; the others are counted in one line after them, so that
/// a link with thousands of bad settings still gets a short box.
pub const MAX_NOTICES: usize = 5;

/// Result of decoding: the state to show and what was ignored, in words for the reader (each
/// notice once, at most [`MAX_NOTICES`] of them and a line counting the rest).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Decoded {
    pub state: State,
    pub notices: Vec<String>,
}

/// Percent-encodes a query value (RFC 3986 unreserved characters are kept).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The value of one ASCII hex digit.
fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes `+` and `%XX`, as a form-encoded query is read (`URLSearchParams`). A `%` decodes only
/// when exactly two ASCII hex digits follow it (`u8::from_str_radix` alone would also take a sign:
/// `%+9` would become a tab); otherwise the `%` is kept as typed and what follows is read as usual.
/// Invalid UTF-8 is replaced.
pub fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b
                    .get(i + 1)
                    .and_then(|&h| hex_digit(h))
                    .zip(b.get(i + 2).and_then(|&l| hex_digit(l)));
                match hex {
                    Some((h, l)) => {
                        out.push((h << 4) | l);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query string (without `?`) for a state; empty for the default view.
pub fn encode(state: &State) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    if !state.query.is_empty() {
        parts.push(("q", encode_component(&state.query)));
    }
    for (key, facet) in [
        ("status", Facet::Status),
        ("region", Facet::Region),
        ("income", Facet::Income),
    ] {
        let v = facet.get(state);
        if v != "all" {
            parts.push((key, v.into()));
        }
    }
    if state.sort != Sort::default() {
        parts.push(("sort", state.sort.col.slug().into()));
        parts.push(("dir", if state.sort.desc { "desc" } else { "asc" }.into()));
    }
    if let Some(c) = state.selected.and_then(|i| COUNTRIES.get(i)) {
        parts.push(("sel", c.iso3.into()));
    }
    if let Some(id) = state.step_id() {
        parts.push(("step", id.into()));
    } else if let Some(p) = state.at {
        parts.push(("at", p.slug().into()));
    }
    if state.measure == Measure::Percentile {
        parts.push(("measure", "pct".into()));
    }
    if state.group_by == GroupBy::Income {
        parts.push(("group", "income".into()));
    }
    if let Some(e) = state.embed {
        parts.push(("embed", e.slug()));
    }
    if let Some(z) = state.zoom.and_then(|k| MAP_ZOOMS.get(k)) {
        parts.push(("zoom", z.0.into()));
    }
    if parts.is_empty() {
        return String::new();
    }
    let mut s = format!("v={VERSION}");
    for (k, v) in parts {
        s.push('&');
        s.push_str(k);
        s.push('=');
        s.push_str(&v);
    }
    s
}

fn shown(v: &str) -> String {
    let mut s: String = v.chars().take(40).collect();
    if v.chars().count() > 40 {
        s.push('…');
    }
    s
}

/// `n` with a comma between thousands (`19,995`).
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The notices as the reader sees them: each one once, in the order first met, at most
/// [`MAX_NOTICES`], then one line that counts the others. A set keeps this linear in the number
/// of notices (a link can repeat a bad key tens of thousands of times).
fn tidy_notices(notices: Vec<String>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    let mut more = 0usize;
    for n in notices {
        if seen.contains(&n) {
            continue;
        }
        if out.len() < MAX_NOTICES {
            out.push(n.clone());
        } else {
            more += 1;
        }
        seen.insert(n);
    }
    match more {
        0 => {}
        1 => out.push("…and 1 more setting this page could not use.".into()),
        n => out.push(format!(
            "…and {} more settings this page could not use.",
            thousands(n)
        )),
    }
    out
}

/// The notice for a value this report does not know (`step=day-99`, `#day-99`).
fn bad_value(d: &mut Decoded, key: &str, v: &str) {
    d.notices.push(format!(
        "Ignored “{}” for “{}”: not a value this report knows.",
        shown(v),
        shown(key)
    ));
}

/// Decodes a query string (with or without the leading `?`). Never panics.
pub fn decode(query: &str) -> Decoded {
    let mut d = decode_query(query);
    d.notices = tidy_notices(d.notices);
    d
}

/// [`decode`] without tidying the notices, so that [`decode_location`] can add the anchor's
/// notice before they are tidied.
fn decode_query(query: &str) -> Decoded {
    let mut d = Decoded::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut sort_col: Option<Column> = None;
    let mut dir: Option<bool> = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode_component(k);
        let v = decode_component(v);
        let st = &mut d.state;
        match key.as_str() {
            "v" => {
                if v != "1" {
                    d.notices.push(format!(
                        "This link says version “{}”; this page reads version {VERSION} links, so some settings may be lost.",
                        shown(&v)
                    ));
                }
            }
            "q" => {
                if v.chars().count() > MAX_QUERY {
                    st.query = v.chars().take(MAX_QUERY).collect();
                    d.notices.push(format!(
                        "The search text was cut to {MAX_QUERY} characters."
                    ));
                } else {
                    st.query = v;
                }
            }
            "status" | "region" | "income" => {
                let facet = match key.as_str() {
                    "status" => Facet::Status,
                    "region" => Facet::Region,
                    _ => Facet::Income,
                };
                if v.is_empty() || v == "all" || facet.options().iter().any(|(slug, _)| *slug == v)
                {
                    facet.set(st, &v);
                } else {
                    bad_value(&mut d, &key, &v);
                }
            }
            "sort" => match Column::from_slug(&v) {
                Some(c) => sort_col = Some(c),
                None => bad_value(&mut d, &key, &v),
            },
            "dir" => match v.as_str() {
                "asc" => dir = Some(false),
                "desc" => dir = Some(true),
                _ => bad_value(&mut d, &key, &v),
            },
            "sel" => match COUNTRIES
                .iter()
                .position(|c| c.iso3.eq_ignore_ascii_case(&v))
            {
                Some(i) => st.selected = Some(i),
                None if v.is_empty() => st.selected = None,
                None => bad_value(&mut d, &key, &v),
            },
            "step" => match STEPS.iter().position(|s| s.id == v) {
                Some(i) => st.step = Some(i),
                None => bad_value(&mut d, &key, &v),
            },
            "at" => match Place::from_slug(&v) {
                Some(p) => st.at = Some(p),
                None => bad_value(&mut d, &key, &v),
            },
            "measure" => match v.as_str() {
                "pct" => st.measure = Measure::Percentile,
                "est" => st.measure = Measure::Estimate,
                _ => bad_value(&mut d, &key, &v),
            },
            "group" => match v.as_str() {
                "income" => st.group_by = GroupBy::Income,
                "status" => st.group_by = GroupBy::Status,
                _ => bad_value(&mut d, &key, &v),
            },
            "zoom" => match MAP_ZOOMS.iter().position(|z| z.0 == v) {
                Some(k) => st.zoom = Some(k),
                None if v == "world" => st.zoom = None,
                None => bad_value(&mut d, &key, &v),
            },
            // An unknown graphic: the full report, with the notice.
            "embed" => match Embed::from_slug(&v) {
                Some(e) => st.embed = Some(e),
                None => bad_value(&mut d, &key, &v),
            },
            _ => d
                .notices
                .push(format!("Ignored unknown setting “{}”.", shown(&key))),
        }
    }
    if let Some(col) = sort_col {
        d.state.sort = Sort {
            col,
            desc: dir.unwrap_or(col.is_numeric()),
        };
    } else if let Some(desc) = dir {
        d.state.sort = Sort {
            col: Column::Name,
            desc,
        };
    }
    // A step is where the reader was; `at=` beside it is not written by this report.
    if d.state.step.is_some() {
        d.state.at = None;
    }
    d
}

/// Whether an anchor has the shape of a step id: `day-` or `days-` and then digits and hyphens
/// (`day-10`, `days-1-5`, also `day-99`), which is how a reader or another page names a step.
/// Other anchors, including the steps' headings (`day-10-h`), are not steps.
fn is_step_shaped(id: &str) -> bool {
    let rest = id.strip_prefix("day-").or_else(|| id.strip_prefix("days-"));
    rest.is_some_and(|r| {
        r.starts_with(|c: char| c.is_ascii_digit())
            && r.bytes().all(|c| c.is_ascii_digit() || c == b'-')
    })
}

/// What a hash says about the step: `None` for an anchor that is not a step's (`#vote`,
/// `#row-FRA`, none), `Some(Ok(k))` for step `k`, `Some(Err(id))` for a step-shaped anchor that
/// names no step (`#day-99`).
fn step_anchor(hash: &str) -> Option<Result<usize, &str>> {
    let id = hash.strip_prefix('#').unwrap_or(hash);
    match STEPS.iter().position(|s| s.id == id) {
        Some(k) => Some(Ok(k)),
        None if is_step_shaped(id) => Some(Err(id)),
        None => None,
    }
}

/// The step a `#<step id>` anchor names (`#day-10`), if any.
pub fn step_from_hash(hash: &str) -> Option<usize> {
    step_anchor(hash).and_then(Result::ok)
}

/// The hash to keep in the address bar: a step anchor is dropped (the step lives in `step=`), and
/// so is one that names no step (`#day-99`: it was reported and ignored, as a bad value in the
/// query is, so the link is cleaned of it too); any other anchor (`#vote`, `#row-FRA`) is kept.
pub fn hash_without_step(hash: &str) -> &str {
    if step_anchor(hash).is_some() {
        ""
    } else {
        hash
    }
}

/// Decodes the link the page was opened with: the query as [`decode`], and a step anchor in the
/// hash (`#day-10`), which wins over `step=` because it is what the reader followed. An anchor
/// shaped like a step that names none (`#day-99`) is reported as an unknown `step=` value is,
/// and leaves the step as the query set it.
pub fn decode_location(query: &str, hash: &str) -> Decoded {
    let mut d = decode_query(query);
    match step_anchor(hash) {
        Some(Ok(k)) => {
            d.state.step = Some(k);
            d.state.at = None;
        }
        Some(Err(id)) => bad_value(&mut d, "step", &format!("#{id}")),
        None => {}
    }
    d.notices = tidy_notices(d.notices);
    d
}

/// The query of the full report at the same view as `state` (an embedded view's link back).
pub fn full_report_query(state: &State) -> String {
    let mut s = state.clone();
    s.embed = None;
    encode(&s)
}

/// The `<iframe>` snippet that embeds graphic `e` at the view `state`, for a page at `page_url`
/// (origin and path, no query).
pub fn embed_snippet(page_url: &str, state: &State, e: Embed) -> String {
    let mut s = state.clone();
    // An embed shows one graphic: there is nowhere to scroll to.
    s.at = None;
    s.embed = None;
    // The embed's own page, next to the report's (`components::embed`).
    let dir = page_url.rfind('/').map_or(page_url, |k| &page_url[..=k]);
    let q = encode(&s);
    let src = format!(
        "{dir}embed-{}.html{}{q}",
        e.slug(),
        if q.is_empty() { "" } else { "?" }
    );
    let title = format!("WCIT-12: The Final Vote — {}", e.title());
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{}" style="border:0" loading="lazy"></iframe>"#,
        attr(&src),
        attr(&title),
        e.height()
    )
}

/// `s` as a double-quoted attribute value of the snippet (the text a reader pastes elsewhere).
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_takes_exactly_two_hex_digits() {
        // A sign is not a hex digit: `from_str_radix` alone would read `+9` as 9 (a tab).
        assert_eq!(decode_component("%+9"), "% 9");
        assert_eq!(decode_component("%-9"), "%-9");
        assert_eq!(decode_component("%zz"), "%zz");
        assert_eq!(decode_component("%"), "%");
        assert_eq!(decode_component("a%"), "a%");
        assert_eq!(decode_component("%4"), "%4");
        assert_eq!(decode_component("%4g"), "%4g");
        assert_eq!(decode_component("%%41"), "%A");
        assert_eq!(decode_component("%41%4a%4A"), "AJJ");
        assert_eq!(decode_component("%e9%"), "\u{FFFD}%");
        let d = decode("?q=%+9");
        assert_eq!(d.state.query, "% 9");
    }

    #[test]
    fn repeated_notices_are_listed_once() {
        let d = decode("?a&a&a");
        assert_eq!(d.notices, vec!["Ignored unknown setting “a”.".to_string()]);
        // In the order first met.
        let d = decode("?b&status=maybe&b&a&status=maybe");
        assert_eq!(
            d.notices,
            vec![
                "Ignored unknown setting “b”.".to_string(),
                "Ignored “maybe” for “status”: not a value this report knows.".into(),
                "Ignored unknown setting “a”.".into(),
            ]
        );
    }

    #[test]
    fn notices_are_capped_at_five_lines_and_a_count() {
        let keys = |n: usize| (0..n).map(|i| format!("k{i}")).collect::<Vec<_>>();
        let d = decode(&keys(5).join("&"));
        assert_eq!(d.notices.len(), 5, "five fit: {:?}", d.notices);
        let d = decode(&keys(6).join("&"));
        assert_eq!(d.notices.len(), 6);
        assert_eq!(d.notices[4], "Ignored unknown setting “k4”.");
        assert_eq!(d.notices[5], "…and 1 more setting this page could not use.");
        // The count is of different notices: repeats are not counted again.
        let d = decode(&format!("{}&k9&k0&k9", keys(10).join("&")));
        assert_eq!(
            d.notices[5],
            "…and 5 more settings this page could not use."
        );
    }

    #[test]
    fn twenty_thousand_bad_keys_give_a_short_list_quickly() {
        let distinct: Vec<String> = (0..20_000).map(|i| format!("k{i}")).collect();
        let distinct = distinct.join("&");
        let started = std::time::Instant::now();
        let d = decode(&distinct);
        let took = started.elapsed();
        assert!(d.notices.len() <= 6, "{}", d.notices.len());
        assert_eq!(d.notices[0], "Ignored unknown setting “k0”.");
        assert_eq!(
            d.notices[5],
            "…and 19,995 more settings this page could not use."
        );
        // Linear work: tens of milliseconds in a debug build, where comparing each notice with
        // every one kept before (20,000² / 2 comparisons) takes over a second.
        assert!(took.as_secs_f64() < 1.0, "{took:?}");

        let repeated = vec!["a"; 20_000].join("&");
        let d = decode_location(&repeated, "#day-99");
        assert_eq!(d.notices.len(), 2, "{:?}", d.notices);
        let mixed: Vec<String> = (0..20_000).map(|i| format!("k{}", i % 100)).collect();
        let d = decode(&mixed.join("&"));
        assert_eq!(d.notices.len(), 6);
        assert_eq!(
            d.notices[5],
            "…and 95 more settings this page could not use."
        );
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(19_995), "19,995");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn an_unknown_step_anchor_is_reported_like_an_unknown_step_value() {
        let day = |id: &str| STEPS.iter().position(|s| s.id == id);
        let d = decode_location("", "#day-99");
        assert_eq!(
            d.notices,
            vec!["Ignored “#day-99” for “step”: not a value this report knows.".to_string()]
        );
        assert_eq!(d.state, State::default());
        // The same words as `step=day-99`.
        assert_eq!(
            decode("?step=day-99").notices,
            vec!["Ignored “day-99” for “step”: not a value this report knows.".to_string()]
        );
        // The step the query names stays.
        let d = decode_location("?v=1&step=day-12", "#day-0");
        assert_eq!(d.state.step, day("day-12"));
        assert_eq!(d.notices.len(), 1, "{:?}", d.notices);
        assert!(d.notices[0].contains("#day-0"));
        for hash in ["#days-2-3", "#day-1-5", "day-99"] {
            assert_eq!(decode_location("", hash).notices.len(), 1, "{hash}");
            assert_eq!(step_from_hash(hash), None, "{hash}");
            assert_eq!(
                hash_without_step(hash),
                "",
                "a reported anchor is cleaned: {hash}"
            );
        }
        // Known steps and anchors that are not steps: no notice.
        for hash in [
            "",
            "#",
            "#day-10",
            "#days-1-5",
            "#vote",
            "#row-FRA",
            "#sources",
            "#day-10-h",
            "#day-abc",
            "#day-",
            "#dayx-1",
        ] {
            let d = decode_location("", hash);
            assert!(d.notices.is_empty(), "{hash}: {:?}", d.notices);
        }
        assert_eq!(hash_without_step("#day-10-h"), "#day-10-h");
        assert_eq!(hash_without_step("#row-FRA"), "#row-FRA");
        assert_eq!(step_from_hash("#days-1-5"), day("days-1-5"));
    }

    #[test]
    fn a_link_opens_at_the_place_or_the_step_it_names() {
        use crate::model::state::Place;
        let d = decode("?v=1&sel=KEN&at=table");
        assert_eq!(d.state.at, Some(Place::Table));
        assert!(d.notices.is_empty());
        assert_eq!(encode(&d.state), "v=1&sel=KEN&at=table");
        // A step wins: the two are never written together.
        let d = decode_location("?v=1&at=vote", "#day-11");
        assert_eq!((d.state.at, d.state.step.is_some()), (None, true));
        assert_eq!(decode("?v=1&step=day-11&at=vote").state.at, None);
        let d = decode("?v=1&at=footer");
        assert_eq!(d.state.at, None);
        assert_eq!(
            d.notices,
            vec!["Ignored “footer” for “at”: not a value this report knows.".to_string()]
        );
        // An embed has nowhere to scroll to.
        let mut s = State {
            at: Some(Place::Governance),
            ..State::default()
        };
        assert!(!embed_snippet("https://x/", &s, Embed::Map).contains("at="));
        s.embed = None;
        assert_eq!(encode(&s), "v=1&at=governance");
    }
}
