//! The evidence-grade and "sources disagree" chips of a country's status, each opening its note:
//! in the table's rows and on the selected-country card.

use leptos::prelude::*;

use crate::model::contract::CountryId;
pub use crate::model::notes::Note;

/// An evidence-grade or "sources disagree" chip and its note (`scope` keeps the note's id unique
/// where a country's chips appear twice: table "t", card "card"). The note is made when the chip
/// is first opened (144 notes would double the table's markup), or at once with `eager` (the
/// card, which shows one country); without the app the chip does nothing, and the grades are
/// explained once, in Sources and method.
#[component]
pub fn Chip(
    id: CountryId,
    note: Note,
    scope: &'static str,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let k = id.country();
    // `None` until the note is made, then whether it is open.
    let open = RwSignal::new(eager.then_some(false));
    let made = Memo::new(move |_| open.get().is_some());
    let note_id = note.id(id, scope);
    let controls = note_id.clone();
    let toggle = move |ev: leptos::ev::MouseEvent| {
        // A table row selects on click; a chip only opens its note.
        ev.stop_propagation();
        open.update(|o| *o = Some(!o.unwrap_or(false)));
    };
    let expanded = move || {
        if open.get() == Some(true) {
            "true"
        } else {
            "false"
        }
    };
    let controls = move || made.get().then(|| controls.clone());
    let body = move || {
        made.get().then(|| {
            let (lead, rest) = note.text(id);
            view! {
                <span
                    id=note_id.clone()
                    class="grade-pop"
                    role="note"
                    hidden=move || open.get() != Some(true)
                >
                    {lead.map(|l| view! { <strong>{l}</strong> })}
                    {rest}
                </span>
            }
        })
    };
    let g = k.grade.letter();
    let inferred = note == Note::Grade && k.grade.is_inferred();
    let (class, label, text) = match note {
        Note::Grade => (
            format!("grade g{g}"),
            Some(format!(
                "Evidence grade {g}{} — explain",
                if inferred { ", inferred" } else { "" }
            )),
            g,
        ),
        Note::Conflict => ("grade conflict".to_string(), None, "Sources disagree"),
    };
    view! {
        <button
            type="button"
            class=class
            aria-expanded=expanded
            aria-controls=controls
            aria-label=label
            on:click=toggle
        >
            {text}
            {inferred.then(|| view! { <span class="inferred">" inferred"</span> })}
        </button>
        {body}
    }
}
