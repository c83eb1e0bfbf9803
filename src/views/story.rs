//! Section "The story": context, the ITU's framing, and the scrollytelling timeline of Day 1–12
//! with a sticky graphic (calendar strip, small map, country chips).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::map::{MapMode, WorldMap};
use super::{ctx, Ctx};
use crate::model::data::STEPS;

/// Country names listed under the step graphic before "and N more" (the map shows them all).
const MAX_CHIPS: usize = 6;

/// The twelve conference days: (day, weekday, date).
const DAYS: [(u8, &str, &str); 12] = [
    (1, "Mon", "3"),
    (2, "Tue", "4"),
    (3, "Wed", "5"),
    (4, "Thu", "6"),
    (5, "Fri", "7"),
    (6, "Sat", "8"),
    (7, "Sun", "9"),
    (8, "Mon", "10"),
    (9, "Tue", "11"),
    (10, "Wed", "12"),
    (11, "Thu", "13"),
    (12, "Fri", "14"),
];

/// An attributed quotation.
#[component]
fn Quote(
    /// The quoted words.
    text: &'static str,
    /// Who said it, when and where it is recorded.
    cite: &'static str,
) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote><p>{text}</p></blockquote>
            <figcaption>"— "{cite}</figcaption>
        </figure>
    }
}

/// Where sources disagree, said briefly on the step.
#[component]
fn Disagree(children: Children) -> impl IntoView {
    view! {
        <div class="disagree" role="note" data-testid="disagree">
            <strong>"Sources disagree: "</strong>
            {children()}
        </div>
    }
}

/// The working-group hierarchy as a small diagram.
#[component]
fn Hierarchy() -> impl IntoView {
    view! {
        <figure class="hierarchy" role="img" aria-label="Diagram: Plenary, above Committee 5, above its working groups, above ad hoc groups. Text the lower groups cannot agree on travels up the chain in square brackets.">
            <ol aria-hidden="true">
                <li>"Plenary"</li>
                <li>"Committee 5"</li>
                <li>"Working groups"</li>
                <li>"Ad hoc groups"</li>
            </ol>
            <p class="up" aria-hidden="true">"[ bracketed text ] ↑ passed up the chain"</p>
        </figure>
    }
}

/// The prose of each step, by step id.
fn step_body(id: &str) -> AnyView {
    match id {
        "day-1" => view! {
            <p>"The conference opened in Dubai with Mohamed Nasser Al-Ghanim, head of the UAE's telecommunications regulator, in the chair. UN Secretary-General Ban Ki-moon spoke by video; ICANN's Fadi Chehadé and the ITU's Hamadoun Touré also addressed the plenary."</p>
            <p>"Touré restated the two promises of the run-up: decisions by consensus, and the Internet off the table."</p>
            <Quote text="WCIT is not about taking over the Internet. And WCIT is not about Internet governance." cite="Hamadoun Touré, ITU Secretary-General, opening of WCIT-12, 3 December 2012"/>
            <p class="src">"Sources: ITU highlights (4 Dec); Plenary 1 transcript; Turkish regulator BTK (20 Dec); the talk."</p>
        }.into_any(),
        "days-1-5" => view! {
            <p>"The draft treaty was cut up by topic and handed to Committee 5's working groups, and from them to ad hoc groups. Where a group could not agree, the disputed words went back up the chain in square brackets: the definition of who the treaty binds, the Internet, security, spam."</p>
            <Hierarchy/>
            <p>"Delegates told the presenter it was going nowhere fast. Trade press agreed: after a full week, little progress. On Day 2 Tunisia had also asked to write freedom of expression into the regulations — a thread that returns on Day 11."</p>
            <p class="src">"Sources: the talk; Communications Litigation Today (10 Dec); Consumer Electronics Daily (11 Dec); heise online; ITU highlights (4 Dec)."</p>
        }.into_any(),
        "day-5" => view! {
            <p>"In plenary the host, the UAE, announced a full counter-draft of the regulations. The document carried the names of Russia, the UAE, China, Saudi Arabia, Algeria, Sudan and Egypt. The United States and Portugal objected on procedure; Russia backed it. It wrote the Internet into the treaty:"</p>
            <Quote text="Member States shall have equal rights to manage the Internet, including in regard to the allotment, assignment and reclamation of Internet numbering, naming, addressing and identification resources…" cite="draft Article 3A.2, Doc. WCIT12/27(Rev.1), as leaked on 8 December 2012"/>
            <Quote text="Member states have the right to manage all naming, numbering, addressing and identification resources used for international telecommunications/ICT services within their territories." cite="draft Article 3B.1, same document"/>
            <p>"Some commentators called it the “nuclear option”; the talk suggests it may have been an extreme opening from which to feign compromise. It also revived the “national Internet segment” of an earlier Russian proposal."</p>
            <Disagree>"heise online dates the UAE announcement to Thursday 6 December (Day 4); the talk and Access Now's Day 5 round-up to Friday 7 December. It may have been trailed on Thursday and tabled on Friday."</Disagree>
            <p class="src">"Sources: the talk; Access Now, WCIT Watch Day 5 (7 Dec); FierceGovernmentIT; Ars Technica; heise online."</p>
        }.into_any(),
        "day-7" => view! {
            <p>"On Saturday the document, footer dated 08.12.12, was published by WCITLeaks. Egypt's regulator, the NTRA, denied that Egypt had co-sponsored it — the talk's “Egypt officially ejected later in the weekend”. On Sunday afternoon the proposal was withdrawn; the US head of delegation, Terry Kramer, said it would not now go forward."</p>
            <Disagree>"CommsDay reported the withdrawal as “late last night” — Australian time, which is Sunday afternoon in Dubai. The exact hour of Egypt's denial (Saturday or Sunday) is not established."</Disagree>
            <p class="src">"Sources: the talk; Egypt NTRA press release; CommsDay (10 Dec); Consumer Electronics Daily (11 Dec)."</p>
        }.into_any(),
        "day-8" => view! {
            <p>"With too much text still in brackets, the Chair looked for a faster route: representatives of the regional groups were picked for closed-door meetings on Monday night. What came out was a Chairman's draft with three problems, in the talk's reading: a definition of operators loose enough to catch Internet companies; naming and numbering back in, in brackets —"</p>
            <Quote text="[Member states shall, if they so elect, be able to manage the naming, numbering, addressing and identification resources used within their territories for international telecommunications.]" cite="Chairman's draft, provision 3.8, as shown in the talk"/>
            <p>"— and a resolution on the Internet inviting states to elaborate their positions “within the mandate of ITU at various ITU forums”. It became Resolution 3."</p>
            <Disagree>"the talk puts the Chairman's draft on Day 8; Dourado says it emerged the evening after the Day 8 meeting, on Day 9. Both fit: decided on Monday, circulated on Tuesday."</Disagree>
            <p class="src">"Sources: the talk; Eli Dourado, Ars Technica (20 Dec); Consumer Electronics Daily (11 Dec); Committee 5 and plenary transcripts (10 Dec)."</p>
        }.into_any(),
        "day-10" => view! {
            <p>"Plenary 11 opened at 22:30 with a long queue of speakers on the Internet resolution. Rather than call a vote, the Chair asked who supported it — taking the “temperature of the room” — and declared it adopted as amended. Spain asked on a point of order whether that had been a vote."</p>
            <Quote text="No, it was not a vote, and I was clear about it." cite="the Chair, Mohamed Nasser Al-Ghanim, replying to Spain (CDT, WCIT Watch Day 10)"/>
            <Quote text="The majority to adopt the resolution as amended." cite="the Chair, replying to the United Kingdom, as quoted in the talk"/>
            <p>"The session closed at 1:29 a.m. on Thursday."</p>
            <Disagree>"sources date this 12 or 13 December because the session ran past midnight. Only the talk names the UK as the questioner; other sources confirm the Spain exchange and the “majority … as amended” wording."</Disagree>
            <p class="src">"Sources: the talk; CDT, WCIT Watch Day 10; ITPro (13 Dec); plenary transcript."</p>
        }.into_any(),
        "day-11" => view! {
            <p>"Two sentences for the Preamble split the room: that states would implement the regulations in a manner that respects and upholds their human rights obligations, and that the regulations recognize the right of access of Member States to international telecommunication services. There was no consensus; the meeting adjourned. Then Iran raised a point of order asking for a vote — the vote Touré had said would not happen."</p>
            <Quote text="Please hold your hand up so we can count." cite="the Chair, Plenary, 13 December 2012 (as shown in the talk)"/>
            <p>"The show of hands went 77 for and 33 against. Straight after, the United States announced it would not sign; the UK, Sweden, Canada, Poland, the Netherlands, Denmark, Kenya, New Zealand, Costa Rica and the Czech Republic followed."</p>
            <Disagree>"abstentions were 8 (Czech Yearbook of International Law) or 6 (iTnews, CommsDay). The talk says the African group introduced the human-rights language and that Mexico and Canada objected; iTnews attributes the access sentence to the African bloc and Gross to Iran, CNET names China, Algeria and Iran as objecting to the human-rights wording, and no independent source names Mexico. Whether Touré or the Chair said consensus was not met is unclear."</Disagree>
            <p class="src">"Sources: the talk; iTnews; CommsDay; Czech Yearbook of International Law; CNET; Dourado; The Register (13 Dec)."</p>
        }.into_any(),
        "day-12" => view! {
            <p>"Delegates got a last call to pick up their signatory folders before the closing plenary (15:30–18:50). The Chair announced the result: 89 of the 144 Member States present and accredited signed the Final Acts, 55 did not. In 1988, 112 had signed on the spot. The ITU later said the signatories covered about 3.8 billion people."</p>
            <Disagree>"the transcript header says “Plenary 13”, the Chair opened “the 17th plenary meeting”. Counts of who attended differ too: 152 accredited, 151, 155 present, and 144 present and accredited to sign — different definitions."</Disagree>
            <p><a href="#vote">"See who signed on the map and in the table ↓"</a></p>
            <p class="src">"Sources: closing plenary transcript; ITU, “The treaty signing process explained”; Der Standard; ORF; Techdirt."</p>
        }.into_any(),
        _ => ().into_any(),
    }
}

fn step_el(k: usize) -> Option<web_sys::Element> {
    STEPS
        .get(k)
        .and_then(|s| document().get_element_by_id(s.id))
}

/// True when the layout stacks the graphic above the steps (narrow screens, see main.css).
fn stacked() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0)
        < 760.0
}

/// Scrolls a step into the reading position: just below the sticky graphic on narrow screens,
/// a third of the way down on wide ones (instantly when motion is reduced).
fn scroll_to_step(k: usize, smooth: bool) {
    let Some(el) = step_el(k) else { return };
    let vh = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let offset = if stacked() {
        document()
            .query_selector(".scrolly .sticky")
            .ok()
            .flatten()
            .map(|g| g.get_bounding_client_rect().height() + 16.0)
            .unwrap_or(vh * 0.45)
    } else {
        vh * 0.3
    };
    let y = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0) - offset;
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(y.max(0.0));
    opts.set_behavior(if smooth {
        web_sys::ScrollBehavior::Smooth
    } else {
        web_sys::ScrollBehavior::Instant
    });
    window().scroll_to_with_scroll_to_options(&opts);
}

/// The live step observer, with the layout it was made for and its callback.
struct StepObserver {
    stacked: bool,
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

thread_local! {
    static OBSERVER: RefCell<Option<StepObserver>> = const { RefCell::new(None) };
    /// Until this time (ms, `performance.now()`), a step chosen with the step buttons holds while
    /// the page scrolls smoothly to it, so the step being left does not flash back.
    static PINNED_UNTIL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Watches the steps and makes the one most in view (within the reading band) active. Called on
/// mount and on resize; it re-creates the observer only when the layout switched between
/// side-by-side and stacked, because the reading band differs.
fn observe_steps(c: Ctx) {
    let stacked_now = stacked();
    if OBSERVER.with(|o| {
        o.borrow()
            .as_ref()
            .is_some_and(|o| o.stacked == stacked_now)
    }) {
        return;
    }
    let heights = Rc::new(RefCell::new(vec![0.0f64; STEPS.len()]));
    let h = heights.clone();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let mut hs = h.borrow_mut();
        for e in entries.iter() {
            let e: web_sys::IntersectionObserverEntry = e.unchecked_into();
            let k = e
                .target()
                .get_attribute("data-step")
                .and_then(|s| s.parse::<usize>().ok());
            if let Some(k) = k.filter(|k| *k < hs.len()) {
                hs[k] = if e.is_intersecting() {
                    e.intersection_rect().height()
                } else {
                    0.0
                };
            }
        }
        let best = hs
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(k, _)| k);
        if PINNED_UNTIL.with(|p| now() < p.get()) {
            return;
        }
        if let Some(k) = best {
            if c.state.with_untracked(|s| s.step) != Some(k) {
                c.state.update(|s| s.step = Some(k));
            }
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    // The band where a step counts as "in view": the middle of the screen, or below the graphic
    // when it is stacked on top (narrow screens).
    init.set_root_margin(if stacked_now {
        "-45% 0px -20% 0px"
    } else {
        "-30% 0px -30% 0px"
    });
    let th = js_sys::Array::new();
    for i in 0..=20 {
        th.push(&JsValue::from_f64(i as f64 / 20.0));
    }
    init.set_threshold(&th);
    let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init)
    else {
        return;
    };
    for k in 0..STEPS.len() {
        if let Some(el) = step_el(k) {
            observer.observe(&el);
        }
    }
    let old = OBSERVER.with(|o| {
        o.borrow_mut().replace(StepObserver {
            stacked: stacked_now,
            observer,
            _callback: cb,
        })
    });
    if let Some(old) = old {
        old.observer.disconnect();
    }
}

/// Calendar strip of the twelve days, marking the active step's days.
#[component]
fn Calendar() -> impl IntoView {
    let c = ctx();
    let range = move || {
        c.step
            .get()
            .and_then(|k| STEPS.get(k))
            .map(|s| (s.day, s.day_end))
    };
    view! {
        <ol class="calendar" data-testid="calendar" aria-label="Conference days, 3 to 14 December 2012">
            {DAYS
                .iter()
                .map(|&(d, wd, date)| {
                    let on = move || range().is_some_and(|(a, b)| (a..=b).contains(&d));
                    view! {
                        <li
                            data-day=d
                            class:on=on
                            class:weekend=wd == "Sat" || wd == "Sun"
                            aria-current=move || if on() { "date" } else { "false" }
                        >
                            <span class="wd">{wd}</span>
                            <span class="dt">{date}</span>
                            <span class="dn">{format!("Day {d}")}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// The sticky graphic: calendar, small map, names of the step's countries, step buttons.
#[component]
fn StepGraphic() -> impl IntoView {
    let c = ctx();
    let step = move || c.step.get();
    let go = move |delta: i64| {
        let cur = step().map(|k| k as i64).unwrap_or(-1);
        let next = (cur + delta).clamp(0, STEPS.len() as i64 - 1) as usize;
        c.state.update(|s| s.step = Some(next));
        let smooth = !c.reduce_motion.get_untracked();
        if smooth {
            PINNED_UNTIL.with(|p| p.set(now() + 1200.0));
        }
        scroll_to_step(next, smooth);
    };
    let names = move || {
        step().and_then(|k| STEPS.get(k)).map(|st| {
            if st.all_by_status {
                vec!["All 144: signed or not".to_string()]
            } else {
                st.names().into_iter().map(String::from).collect()
            }
        })
    };
    view! {
        <div class="graphic" data-testid="step-graphic">
            <Calendar/>
            <WorldMap mode=MapMode::Story/>
            <ul class="chips" data-testid="step-countries" aria-label="Countries named in this step">
                {move || {
                    let mut all = names().unwrap_or_default();
                    if all.len() > MAX_CHIPS {
                        let more = all.len() - MAX_CHIPS;
                        all.truncate(MAX_CHIPS);
                        all.push(format!("and {more} more"));
                    }
                    all.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()
                }}
            </ul>
            <div class="step-nav">
                <button type="button" data-testid="step-prev" disabled=move || step().is_none_or(|k| k == 0) on:click=move |_| go(-1)>
                    "← Previous step"
                </button>
                <span class="step-pos" data-testid="step-pos" aria-live="polite">
                    {move || step().map(|k| format!("Step {} of {}", k + 1, STEPS.len())).unwrap_or_else(|| format!("{} steps", STEPS.len()))}
                </span>
                <button type="button" data-testid="step-next" disabled=move || step().is_some_and(|k| k + 1 >= STEPS.len()) on:click=move |_| go(1)>
                    "Next step →"
                </button>
            </div>
        </div>
    }
}

/// Section: context, the ITU's framing, and the scrollytelling timeline.
#[component]
pub fn Story() -> impl IntoView {
    let c = ctx();
    // After mount: observe steps; honour `#day-N` and a shared `step=` by scrolling to it.
    Effect::new(move |_| {
        observe_steps(c);
        let hash = window().location().hash().unwrap_or_default();
        let from_hash = STEPS.iter().position(|s| format!("#{}", s.id) == hash);
        let target = from_hash.or_else(|| c.state.with_untracked(|s| s.step));
        if let Some(k) = target {
            c.state.update(|s| s.step = Some(k));
            let cb = Closure::once_into_js(move || scroll_to_step(k, false));
            let _ = window().request_animation_frame(cb.unchecked_ref());
        }
    });
    // Resizing across the layout breakpoint changes the reading band.
    gloo_events::EventListener::new(&window(), "resize", move |_| observe_steps(c)).forget();
    // Clicking a `#day-N` link elsewhere on the page.
    let hashchange = gloo_events::EventListener::new(&window(), "hashchange", move |_| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(k) = STEPS.iter().position(|s| format!("#{}", s.id) == hash) {
            c.state.update(|s| s.step = Some(k));
        }
    });
    hashchange.forget();

    view! {
        <section id="story" class="story" aria-labelledby="story-h">
            <h2 id="story-h">"The story"</h2>
            <div class="prose">
                <h3>"Last episode: why the rules were reopened"</h3>
                <p>
                    "The International Telecommunication Regulations (ITRs) are the treaty under which national telephone operators hand each other international traffic and settle what they owe for it. They date from 1988. "
                    "Their Article 9 let operators make special arrangements outside the settlement regime, and the Internet grew up under that exemption. "
                    "By 2012 Internet traffic was cutting into the revenue of international telephony, and the ITU convened a conference to renegotiate the rules."
                </p>
                <p>
                    "States arrived with proposals that would reach into the Internet: identifying the route and origin of traffic, and regulating the peering arrangements by which networks exchange it. "
                    "The talk asks what the Internet community should do about such top-down intervention: how to show regulators the economic good the existing Internet industry does, and how to engage with governance bodies that work from the top down."
                </p>
                <h3>"Before the conference: the ITU's framing"</h3>
                <p>"The ITU's leadership framed the conference around risk, and promised both consensus and restraint."</p>
                <Quote
                    text="[W]e need updated ITRs because without them we risk the collapse of the ICT networks which underpin all communications technologies, including the internet."
                    cite="Hamadoun Touré, ITU Secretary-General, before the conference, in an interview with Who's Who Legal (quoted in the talk); he said he wanted “a framework that will avoid any catastrophe”"
                />
                <Quote
                    text="Voting means winners and losers, and this is not simply acceptable."
                    cite="Hamadoun Touré, June 2012, on how WCIT would decide (quoted in the talk; the original interview was not found)"
                />
                <p>"At the opening he would add that the conference was not about the Internet at all. The timeline below follows what happened to those promises."</p>
            </div>
            <div class="motion-toggle">
                <button
                    type="button"
                    data-testid="motion-toggle"
                    aria-pressed=move || if c.reduce_motion.get() { "true" } else { "false" }
                    on:click=move |_| c.reduce_motion.update(|r| *r = !*r)
                >
                    {move || if c.reduce_motion.get() { "Motion reduced (select to allow animation)" } else { "Reduce motion" }}
                </button>
            </div>
            <div class="scrolly" id="timeline">
                <div class="sticky">
                    <StepGraphic/>
                </div>
                <ol class="steps" aria-label="Timeline of WCIT-12">
                    {STEPS
                        .iter()
                        .enumerate()
                        .map(|(k, st)| {
                            let active = move || c.step.get() == Some(k);
                            let days = if st.day == st.day_end { format!("Day {}", st.day) } else { format!("Days {}–{}", st.day, st.day_end) };
                            view! {
                                <li
                                    class="step"
                                    id=st.id
                                    data-step=k
                                    data-testid="step"
                                    tabindex="0"
                                    class:active=active
                                    aria-current=move || if active() { "step" } else { "false" }
                                    aria-labelledby=format!("{}-h", st.id)
                                    on:focus=move |_| c.state.update(|s| if s.step != Some(k) { s.step = Some(k) })
                                >
                                    <p class="when"><a href=format!("#{}", st.id)>{days}</a>" · "{st.date}</p>
                                    <h4 id=format!("{}-h", st.id)>{st.title}</h4>
                                    {step_body(st.id)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </div>
        </section>
    }
}
