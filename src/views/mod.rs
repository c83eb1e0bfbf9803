//! The app: the shared state, the URL, and the hydration of the components (`crate::components`)
//! from the HTML the build rendered, each root with the one shared state in its context (`Ctx`).
//! The components draw what the model computes; nothing here computes statistics or layout.

pub mod kit;
pub mod prelude;

use crate::views::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::governance::{self, Chart, GovernanceHead, RankingPlot};
use crate::components::overlay::{LinkNotice, Tooltip};
use crate::model::analysis::{census, subset, Stats};
use crate::model::data::{Indicator, MAP_ZOOMS};
use crate::model::state::{Embed, Facet, State};
use crate::model::url;
use kit::{effect, on_window};
use leptos::prelude::view;

pub use crate::components::{ctx, Ctx};

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Writes the state into the address bar without a new history entry, scroll or reload. The
/// step lives in `step=` only: a `#day-N` anchor the page was opened with (or a date link the
/// reader followed) is dropped once the state holds its step, so a copied link can never name
/// two different steps.
fn write_url(state: &State) {
    let w = window();
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let opened = loc.hash().unwrap_or_default();
    let hash = url::hash_without_step(&opened);
    // An embedded view is its own page: the link names the view, not the embed.
    let q = url::full_report_query(state);
    let href = if q.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{q}{hash}")
    };
    let current = format!("{}{}{}", path, loc.search().unwrap_or_default(), opened);
    if current != href {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&href));
        }
    }
}

/// Least time between two writes of the address bar (ms). WebKit refuses a 101st `replaceState`
/// within 10 s (SecurityError, WebKitGTK 2.50): with a write per frame, a reader changing the view
/// quickly in Safari left the address bar, so a copied link, behind the page (engines test); now
/// at most 67 writes in 10 s, the bar at most 150 ms and a frame behind (less than it takes to
/// reach "Copy link", which reads it).
const URL_GAP_MS: f64 = 150.0;

/// Writes the state into the address bar after the next paint, once `URL_GAP_MS` have passed
/// since the last write (checked again at each frame until then).
fn write_url_later(state: RwSignal<State>, pending: Rc<Cell<Option<bool>>>, last: Rc<Cell<f64>>) {
    kit::after_paint(move || {
        let t = kit::now();
        if t - last.get() < URL_GAP_MS {
            return write_url_later(state, pending, last);
        }
        last.set(t);
        pending.set(Some(false));
        state.with_untracked(write_url);
    });
}

fn prefers_reduced_motion() -> bool {
    kit::media("(prefers-reduced-motion: reduce)")
}

/// Starts the app in a task of its own: the module's evaluation shares a task with the parser's
/// end (its last style and layout), and the boot added to it made one long task that blocked
/// input (issue 12: 75–120 ms on a cold load at phone size, unthrottled).
pub fn start() {
    kit::in_turn(1, |_| app());
}

/// The whole report (or an embedded view's page): the shared state, the URL, and the hydration
/// of the components the page holds.
pub fn app() {
    // The link the page was opened with; a `#day-N` anchor names the step (anchors keep working).
    let decoded = url::decode_location(&current_search(), &current_hash());
    // An embedded view is a page of its own (`components::embed`), which names its graphic
    // (`<body data-embed>`); a report link with `embed=` opens that page at the link's view.
    let page_embed = document()
        .body()
        .and_then(|b| b.get_attribute("data-embed"))
        .and_then(|s| Embed::from_slug(&s));
    if let (Some(e), None) = (decoded.state.embed, page_embed) {
        // The link as it was, less its `embed=` (so the embed's page reports what it cannot
        // use, as the report would have).
        let search = current_search();
        let rest: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("embed="))
            .collect();
        let q = if rest.is_empty() {
            String::new()
        } else {
            format!("?{}", rest.join("&"))
        };
        let page = crate::components::embed::file_name(e);
        let _ = window()
            .location()
            .replace(&format!("{page}{q}{}", current_hash()));
        return;
    }
    let embed = page_embed;
    // The state the build rendered this page in (the default view; an embedded step's graphic
    // at its step), from which the components hydrate.
    let built = crate::components::embed::built_state(embed);
    let mut opened = decoded.state;
    opened.embed = embed;
    if let Some(Embed::Step(k)) = embed {
        opened.step = Some(k);
    }
    // The components hydrate the HTML the build rendered for `built`; the link's
    // state applies once they all have, and they update from there like every other part.
    // The table is the largest: it hydrates in this task, with the card (the table's rows
    // select), the others in the next, where the link's state applies over anything the reader
    // changed in between.
    let ctx = Ctx::new(built.clone(), false);
    provide_context(ctx);
    hydrate_table(ctx);
    let start = move || {
        let mut opened = opened;
        typed_before_boot(&mut opened);
        hydrate_components(ctx);
        // The motion control hydrates from the build's setting (motion allowed), then follows
        // the operating system's.
        ctx.reduce_motion.set(prefers_reduced_motion());
        if opened != built {
            ctx.state.update(|s| s.take_link(&opened));
        }
    };
    // The rest of the boot is split into parts, each in a task of its own: taking
    // the whole report over in one task took about 100 ms on a phone-speed CPU (4x throttled), on
    // top of the first layout of a 300 kB page, and blocked input for all of it. Most of a cold
    // load's boot is the browser compiling each wasm function the first time it runs, so parts
    // stay small. The rule: what must start from the build's state and what the first screen
    // shows go first (the components' hydration, then the link's state); then,
    // one task each, the page-wide wiring (URL, tooltip, notice), the default view's statistics
    // and the governance charts; the page paints and answers input between them. Until its part has run, a
    // section is the static page the build wrote, which reads and links the same.
    // `data-app="ready"` still means the app has taken the whole page over: it is set by the
    // last part, after every effect of the parts before has run once (tests and the benchmark
    // wait for it).
    let notices = decoded.notices;
    let start = std::cell::Cell::new(Some(start));
    let early = std::cell::Cell::new(early_clicks());
    // The governance section hydrates from the statistics of the build's state (the default
    // view on every page that has charts), computed one indicator per part (about 15 ms for the
    // six in one task).
    let gov = State::default();
    let set = subset(&gov);
    let figures = std::cell::RefCell::new(Vec::with_capacity(Indicator::ALL.len()));
    let charts = Cell::new(None);
    let svgs: governance::ChartSvgs = std::array::from_fn(|_| leptos::prelude::NodeRef::new());
    kit::in_turn(16, move |k| match k {
        0 => {
            if let Some(start) = start.take() {
                start();
            }
        }
        1 => wire_page(ctx, &notices),
        2..=7 => figures
            .borrow_mut()
            .push(census(&set, Indicator::ALL[k - 2], gov.measure)),
        8 => {
            let stats = Stats::from_rows(&gov, figures.take());
            let shown = governance::Shown::new(stats);
            hydrate_late(
                ctx,
                ".gov-head",
                move || view! { <GovernanceHead svgs shown/> },
            );
            hydrate_late(ctx, "#ranking", move || view! { <RankingPlot shown/> });
            charts.set(Some(shown));
        }
        // One chart per task: about 12 ms each at a phone's speed (4× slowed CPU), 70 for the six.
        9..=14 => {
            let ind = Indicator::ALL[k - 9];
            if let Some(shown) = charts.get() {
                let slot = format!("figure[data-ind={}] .chart-live", ind.code());
                hydrate_late(
                    ctx,
                    &slot,
                    move || view! { <Chart ind svg=svgs[ind.index()] shown/> },
                );
            }
            // The statistics follow the filters once every chart has hydrated from the
            // build's (a chart hydrating from newer ones would not find the build's nodes).
            if let (14, Some(shown)) = (k, charts.get()) {
                governance::follow_filters(ctx, shown);
            }
        }
        15 => {
            // Every control has hydrated: the clicks made before the app started, again.
            for b in early.take() {
                b.click();
            }
            ready()
        }
        _ => {}
    });
}

/// Hydrates the table and the selected-country card (which the table's rows change) where the
/// build rendered them (`components::prerendered`), with the shared state in their context: the
/// largest component, in the app's first task.
fn hydrate_table(ctx: Ctx) {
    use crate::components::embed::EmbedCredit;
    use crate::components::table::{SignatoryTable, TableHeading};
    use crate::components::vote::SelectedCard;
    use leptos::prelude::*;
    hydrate_at(ctx, "#table-h", || view! { <TableHeading/> });
    hydrate_at(ctx, ".table-live", || view! { <SignatoryTable/> });
    hydrate_at(ctx, "#selected-card", || view! { <SelectedCard/> });
    // An embed's credit links to the view, which the table's controls change.
    hydrate_at(ctx, "#embed-credit", || view! { <EmbedCredit/> });
}

/// Hydrates the other components, none of which the table's controls change: the state is
/// still the build's when they hydrate.
fn hydrate_components(ctx: Ctx) {
    use crate::components::filters::Filters;
    use crate::components::map::VoteMap;
    use crate::components::page::MotionToggle;
    use crate::components::share::ShareBar;
    use crate::components::story::Story;
    use crate::components::vote::{Breakdowns, Legend, MapTools};
    use leptos::prelude::*;
    hydrate_at(ctx, ".sticky-filters", || view! { <Filters/> });
    hydrate_at(ctx, ".map-col .legend", || view! { <Legend/> });
    hydrate_at(ctx, ".map-tools", || view! { <MapTools/> });
    hydrate_at(ctx, ".map-live", || view! { <VoteMap/> });
    hydrate_at(ctx, ".bars-col", || view! { <Breakdowns/> });
    hydrate_at(ctx, ".sharebar", || view! { <ShareBar/> });
    hydrate_at(ctx, "#motion-slot", || view! { <MotionToggle/> });
    hydrate_at(ctx, "#story", || view! { <Story/> });
}

/// Hydrates the component `f` renders from the children of the element `selector` finds. The
/// root lives as long as the page. `hydrate_from` makes its root the current owner; the app's
/// owner is put back, so that what the app makes next is not owned by this root.
fn hydrate_at<N: leptos::IntoView + 'static>(
    ctx: Ctx,
    selector: &str,
    f: impl FnOnce() -> N + 'static,
) {
    let Some(el) = root(selector) else { return };
    let app = leptos::reactive::owner::Owner::current();
    leptos::mount::hydrate_from(el, move || {
        provide_context(ctx);
        f()
    })
    .forget();
    restore(app);
}

/// The element a hydration root starts from (the generic part of `hydrate_at` kept small: it
/// is compiled once per component).
fn root(selector: &str) -> Option<web_sys::HtmlElement> {
    Some(document().query_selector(selector).ok()??.unchecked_into())
}

fn restore(app: Option<leptos::reactive::owner::Owner>) {
    if let Some(app) = app {
        app.set();
    }
}

/// Hydrates a component after the link's state has applied (`hydrate_at`): the HTML is the
/// build's, so the component hydrates with a state of its own that starts as the build's and
/// then follows the shared one both ways (an equal value is never written back), in the same
/// task. The tooltip and the motion setting are the shared ones.
fn hydrate_late<N: leptos::IntoView + 'static>(
    ctx: Ctx,
    selector: &str,
    f: impl FnOnce() -> N + 'static,
) {
    let own = late_ctx(ctx);
    hydrate_at(own, selector, f);
    follow(ctx, own);
}

/// A state of its own for a root hydrated late (`hydrate_late`), as the build rendered it.
fn late_ctx(ctx: Ctx) -> Ctx {
    Ctx {
        tip: ctx.tip,
        reduce_motion: ctx.reduce_motion,
        ..Ctx::new(State::default(), false)
    }
}

/// Keeps a late root's state and the shared one equal, both ways.
fn follow(ctx: Ctx, own: Ctx) {
    let (shared, mine) = (ctx.state, own.state);
    effect(move || {
        let s = shared.get();
        if mine.with_untracked(|m| *m != s) {
            mine.set(s);
        }
    });
    effect(move || {
        let s = mine.get();
        if shared.with_untracked(|m| *m != s) {
            shared.set(s);
        }
    });
}

/// What the reader typed or chose in the filters and the map's zoom before the app started (the
/// page answers input while the wasm loads): it wins over the link's default for that control.
/// Read before the components hydrate, which sets each control from the state.
fn typed_before_boot(state: &mut State) {
    if let Some(input) = document().get_element_by_id("search") {
        let typed = input.unchecked_into::<web_sys::HtmlInputElement>().value();
        if !typed.is_empty() && state.query.is_empty() {
            state.query = typed;
        }
    }
    for facet in Facet::ALL {
        let Some(sel) = document().get_element_by_id(crate::components::filters::facet_id(facet))
        else {
            continue;
        };
        let chosen = sel.unchecked_into::<web_sys::HtmlSelectElement>().value();
        if chosen != "all" && facet.get(state) == "all" {
            facet.set(state, &chosen);
        }
    }
    let zoomed = document()
        .query_selector(".zoomer input:checked")
        .ok()
        .flatten()
        .and_then(|r| {
            MAP_ZOOMS
                .iter()
                .position(|z| Some(z.0) == r.get_attribute("value").as_deref())
        });
    if zoomed.is_some() && state.zoom.is_none() {
        state.zoom = zoomed;
    }
}

/// The page-wide wiring: state → URL, back/forward and `#day-N` links, the chips' notes, the
/// motion setting, the link notice and the tooltip. One part of the boot, after the first screen.
fn wire_page(ctx: Ctx, notices: &[String]) {
    let state = ctx.state;
    // State → URL (replaceState: no history spam, no scroll jump), at boot at once, then after the
    // next paint (issue 12): in a trace of a sort, replaceState took half as long as moving the
    // 144 rows, and the address bar need not change before the page does. Changes in between are
    // written once, the latest state.
    let pending = Rc::new(Cell::new(None::<bool>));
    let last = Rc::new(Cell::new(0.0));
    effect(move || {
        state.track();
        match pending.replace(Some(true)) {
            None => {
                state.with_untracked(write_url);
                pending.set(Some(false));
            }
            Some(true) => {}
            Some(false) => write_url_later(state, pending.clone(), last.clone()),
        }
    });

    // The link's notice: what the opened link had that the page could not use, and the same
    // for a link reached by back/forward or a `#day-N` anchor followed on the page.
    let shown = RwSignal::new(Vec::new());
    hydrate_at(
        ctx,
        "#notice-root",
        move || view! { <LinkNotice notices=shown/> },
    );
    shown.set(notices.to_vec());
    let show = move |d: &url::Decoded| {
        if !d.notices.is_empty() {
            shown.set(d.notices.clone());
        }
    };
    // Back/forward: re-read the URL.
    on_window("popstate", move |_| {
        let d = url::decode_location(&current_search(), &current_hash());
        show(&d);
        if d.state != state.get_untracked() {
            state.set(d.state);
        }
    });
    // Following a `#day-N` link on the page: its step becomes the state's (and the URL's).
    on_window("hashchange", move |_| {
        let hash = current_hash();
        if let Some(k) = url::step_from_hash(&hash) {
            state.update(|s| s.step = Some(k));
        }
        show(&url::decode_location(&current_search(), &hash));
        state.with_untracked(write_url);
    });
    // The reader's motion setting applies to the whole page, islands included.
    effect(move || {
        if let Some(body) = document().body() {
            let _ = body
                .class_list()
                .toggle_with_force("reduce-motion", ctx.reduce_motion.get());
        }
    });
    hydrate_at(ctx, "#tooltip-root", || view! { <Tooltip/> });
}

/// The controls a reader clicked before the app started, kept by the inline script in
/// index.html; taken once, when the app starts (the script keeps no more: from here on the
/// components answer, each as soon as it has hydrated).
fn early_clicks() -> Vec<web_sys::HtmlElement> {
    let (w, key) = (window(), JsValue::from_str("early"));
    let kept = js_sys::Reflect::get(&w, &key)
        .ok()
        .filter(|v| v.is_object());
    let _ = js_sys::Reflect::set(&w, &key, &JsValue::NULL);
    kept.map(|v| {
        js_sys::Array::from(&v)
            .iter()
            .filter_map(|b| b.dyn_into().ok())
            .collect()
    })
    .unwrap_or_default()
}

/// Marks the page as the app's: `<html data-app="ready">`. The last part of the boot: every
/// effect of the parts before has run once by then, at the end of its own part's task.
fn ready() {
    let _ = document()
        .document_element()
        .map(|h| h.set_attribute("data-app", "ready"));
}
