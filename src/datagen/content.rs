//! Build-time check of the report's HTML content files (`story/<id>.html`, `content/<name>.html`):
//! each must already be what the allow-list sanitizer (ammonia) would produce, so that the
//! browser can set it as `innerHTML` (`model::data::Prose`) without any sanitizing code.
//!
//! The file and ammonia's output are both parsed as HTML fragments (html5ever, the parser ammonia
//! uses) and compared node by node: quoting, entities and other harmless spellings do not count,
//! any removed element, attribute, class or text does, and the build fails naming it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::datagen::{err, DataError};

/// Elements the content uses, each with the attributes it may carry (any value).
const TAGS: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("a", &["href"]),
    ("em", &[]),
    ("strong", &[]),
    ("span", &[]),
    ("br", &[]),
    ("ul", &[]),
    ("ol", &[]),
    ("li", &[]),
    ("blockquote", &[]),
    ("figure", &["aria-label"]),
    ("figcaption", &[]),
    ("div", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("dd", &[]),
    ("details", &[]),
    ("summary", &[]),
];

/// Attributes allowed only with these values: (element, attribute, values).
const ATTRIBUTE_VALUES: &[(&str, &str, &[&str])] = &[
    ("div", "role", &["note"]),
    ("figure", "role", &["img"]),
    ("ol", "aria-hidden", &["true"]),
    ("p", "aria-hidden", &["true"]),
    ("div", "aria-hidden", &["true"]),
    // Anchors other parts of the page link to.
    ("h2", "id", &["outcomes", "closing"]),
];

/// Classes allowed per element (the styles in `style/main.css` that content may use).
const CLASSES: &[(&str, &[&str])] = &[
    (
        "p",
        &[
            "src", "up", "bracket", "draft-h", "room-h", "context", "lede",
        ],
    ),
    ("ol", &["chain"]),
    ("details", &["more"]),
    ("span", &["br", "needs-app"]),
    ("figure", &["quote", "hierarchy", "feedback"]),
    (
        "div",
        &[
            "disagree",
            "two-col",
            "box",
            "arrow",
            "k-signed",
            "k-declined",
            "k-eligible",
            "k-members",
            "draft",
            "room",
        ],
    ),
];

/// URL schemes allowed in `href`; other than these, only in-page links (`#id`) pass.
const SCHEMES: &[&str] = &["http", "https"];

/// The allow-list sanitizer. Everything not listed above is removed; `<script>` and `<style>`
/// with their content.
pub fn sanitizer() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.tags(TAGS.iter().map(|(t, _)| *t).collect())
        .tag_attributes(
            TAGS.iter()
                .map(|(t, attrs)| (*t, attrs.iter().copied().collect::<HashSet<_>>()))
                .collect(),
        )
        .tag_attribute_values({
            let mut m: HashMap<&str, HashMap<&str, HashSet<&str>>> = HashMap::new();
            for (t, a, vs) in ATTRIBUTE_VALUES {
                m.entry(*t)
                    .or_default()
                    .insert(*a, vs.iter().copied().collect());
            }
            m
        })
        .allowed_classes(
            CLASSES
                .iter()
                .map(|(t, cs)| (*t, cs.iter().copied().collect::<HashSet<_>>()))
                .collect(),
        )
        .url_schemes(SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        // Relative URLs pass ammonia; of those, only fragments (`#vote`) are kept.
        .attribute_filter(|_, attr, value| {
            let relative = !value.contains(':');
            if attr == "href" && relative && !value.starts_with('#') {
                None
            } else {
                Some(Cow::Borrowed(value))
            }
        })
        .link_rel(None)
        .strip_comments(true)
        .clean_content_tags(["script", "style"].into_iter().collect());
    b
}

/// Parses an HTML fragment as ammonia does (in a `<div>`).
fn parse(html: &str) -> RcDom {
    html5ever::driver::parse_fragment(
        RcDom::default(),
        html5ever::driver::ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("div")),
        vec![],
        false,
    )
    .one(html)
}

/// A fragment as a flat list of events, attributes sorted: the structure that is compared.
#[derive(Debug, PartialEq)]
enum Event {
    Open(String, Vec<(String, String)>),
    Close(String),
    Text(String),
    Other(String),
}

fn events(node: &Handle, out: &mut Vec<Event>) {
    match &node.data {
        NodeData::Element { name, attrs, .. } => {
            let mut a: Vec<(String, String)> = attrs
                .borrow()
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect();
            a.sort();
            out.push(Event::Open(name.local.to_string(), a));
            for c in node.children.borrow().iter() {
                events(c, out);
            }
            out.push(Event::Close(name.local.to_string()));
        }
        NodeData::Text { contents } => {
            let t = contents.borrow().to_string();
            // Adjacent text nodes (split by a removed element) read as one.
            if let Some(Event::Text(prev)) = out.last_mut() {
                prev.push_str(&t);
            } else {
                out.push(Event::Text(t));
            }
        }
        NodeData::Comment { contents } => out.push(Event::Other(format!("<!--{contents}-->"))),
        other => out.push(Event::Other(format!("{other:?}"))),
    }
}

/// The fragment's events (children of the parser's context element).
fn fragment_events(html: &str) -> Vec<Event> {
    let dom = parse(html);
    let mut out = Vec::new();
    // Document → <html> (the context) → the fragment's nodes.
    let root = dom.document.children.borrow()[0].clone();
    for c in root.children.borrow().iter() {
        events(c, &mut out);
    }
    out
}

fn describe(e: &Event) -> String {
    match e {
        Event::Open(t, attrs) => {
            let a: String = attrs.iter().map(|(k, v)| format!(" {k}=\"{v}\"")).collect();
            format!("<{t}{a}>")
        }
        Event::Close(t) => format!("</{t}>"),
        Event::Text(s) => {
            let s: String = s.chars().take(60).collect();
            format!("text \"{s}\"")
        }
        Event::Other(s) => s.clone(),
    }
}

/// What the sanitizer changes in `html`, or `None` if it keeps everything.
pub fn removed_by_sanitizer(html: &str) -> Option<String> {
    let input = fragment_events(html);
    let output = fragment_events(&sanitizer().clean(html).to_string());
    let k = input
        .iter()
        .zip(&output)
        .position(|(a, b)| a != b)
        .or_else(|| (input.len() != output.len()).then(|| input.len().min(output.len())))?;
    let Some(inp) = input.get(k) else {
        return Some("the sanitizer added markup (unbalanced input?)".into());
    };
    Some(match (inp, output.get(k)) {
        (Event::Open(t, a), Some(Event::Open(u, b))) if t == u => {
            let gone: Vec<String> = a
                .iter()
                .filter(|x| !b.contains(x))
                .map(|(k, v)| {
                    match b.iter().find(|(bk, _)| bk == k) {
                        // Classes are filtered one by one.
                        Some((_, bv)) => format!("{k}=\"{v}\" (kept: \"{bv}\")"),
                        None => format!("{k}=\"{v}\""),
                    }
                })
                .collect();
            format!(
                "the allow-list removes attribute {} from <{t}>",
                gone.join(", ")
            )
        }
        (Event::Text(_), Some(Event::Text(_))) => {
            format!("the allow-list changes {}", describe(inp))
        }
        _ => format!("the allow-list removes {}", describe(inp)),
    })
}

/// Checks a content file's HTML: not empty, and unchanged by the allow-list sanitizer.
pub fn check(file: &Path, html: &str) -> Result<(), DataError> {
    if html.trim().is_empty() {
        return Err(err(file, 0, "is empty"));
    }
    if let Some(problem) = removed_by_sanitizer(html) {
        return Err(err(file, 0, problem));
    }
    // Markup the parser had to repair (a tag left open, a stray end tag) would render other than
    // written: refuse it too.
    let dom = parse(html);
    let errors = dom.errors.borrow();
    match errors.first() {
        None => Ok(()),
        Some(e) => Err(err(
            file,
            0,
            format!(
                "is not well-formed HTML: {e} ({} parse error(s))",
                errors.len()
            ),
        )),
    }
}

/// The prose of the page outside the story steps: `content/<name>.html`, one per name. Each is
/// generated as `CONTENT_<NAME>` (upper case) for the views.
pub const FILES: [&str; 15] = [
    "header_title",
    "header_dek",
    "header_context",
    "header_keyfigs",
    "story_intro",
    "vote_lede",
    "table_note",
    "charts_lede",
    "charts_caveat",
    "analysis_lead",
    "analysis",
    "sources_intro",
    "sources_doubt",
    "sources_method",
    "footer",
];

/// A content file, its placeholders filled and checked.
#[derive(Debug, Clone)]
pub struct ContentRec {
    pub name: String,
    pub html: String,
}

/// Replaces each `{{name}}` in `text` with its value; an unknown or unclosed placeholder is an
/// error naming the file and line.
pub fn fill(file: &Path, text: &str, values: &[(&str, String)]) -> Result<String, DataError> {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split_inclusive('\n').enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after.find("}}").ok_or_else(|| {
                err(
                    file,
                    k as u64 + 1,
                    "unclosed placeholder '{{' (no '}}' on the line)",
                )
            })?;
            let name = after[..end].trim();
            let value = values.iter().find(|(n, _)| *n == name).ok_or_else(|| {
                let known: Vec<String> =
                    values.iter().map(|(n, _)| format!("{{{{{n}}}}}")).collect();
                err(
                    file,
                    k as u64 + 1,
                    format!(
                        "unknown placeholder '{{{{{name}}}}}' (known: {})",
                        known.join(", ")
                    ),
                )
            })?;
            out.push_str(&value.1);
            rest = &after[end + 2..];
        }
        if rest.contains("}}") {
            return Err(err(file, k as u64 + 1, "stray '}}' without '{{'"));
        }
        out.push_str(rest);
    }
    Ok(out)
}

/// Reads every file of `FILES` from `dir` (`src/data/content`), fills its placeholders and checks
/// it with the allow-list.
pub fn load_content(dir: &Path, values: &[(&str, String)]) -> Result<Vec<ContentRec>, DataError> {
    let mut out = Vec::new();
    for name in FILES {
        let path = dir.join(format!("{name}.html"));
        let text = std::fs::read_to_string(&path).map_err(|e| {
            err(
                &path,
                0,
                format!(
                    "missing content file for CONTENT_{}: {e}",
                    name.to_uppercase()
                ),
            )
        })?;
        let html = fill(&path, &text, values)?;
        check(&path, &html)?;
        out.push(ContentRec {
            name: name.to_string(),
            html: html.trim_end_matches(['\n', '\r']).to_string(),
        });
    }
    Ok(out)
}
