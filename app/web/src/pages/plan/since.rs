//! « Depuis le dernier comité »: an earlier export of the plan, compared
//! with the plan now (`parcours_core::plan::changes`), listed by kind of
//! change and printable alone on one page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use parcours_core::date::french as french_date;
use parcours_core::plan::{changes, Changes};

use crate::components::{Alert, AlertKind, Field};
use crate::dom;
use crate::plan_state::{self, PlanState};

#[component]
pub fn SinceLastCommittee() -> impl IntoView {
    let state = expect_context::<PlanState>();
    // The earlier plan and the day it was exported.
    let earlier = RwSignal::new(None::<(parcours_core::plan::Plan, String)>);
    let error = RwSignal::new(None::<String>);
    let compare = move |ev: leptos::ev::Event| {
        let Some(file) = dom::take_chosen_file(&ev) else {
            return;
        };
        error.set(None);
        spawn_local(async move {
            let read = crate::state::chosen_file_text(&file).await;
            match read.and_then(|text| plan_state::read_file(&text)) {
                Ok((file, Some(plan))) => earlier.set(Some((plan, file.exported))),
                Ok((_, None)) => error.set(Some("Ce fichier de réponses ne contient pas de feuille de route : choisissez un fichier téléchargé depuis « Ma feuille de route ».".into())),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    let changed = Memo::new(move |_| {
        earlier.with(|e| {
            e.as_ref()
                .map(|(before, day)| (state.plan.with(|now| changes(before, now)), day.clone()))
        })
    });
    view! {
        <section class="fr-mt-6w parcours-since" id="depuis-dernier-comite">
            <h2 class="fr-h4">"Depuis le dernier comité"</h2>
            <div class="parcours-no-print">
                <p>"Choisissez la feuille de route exportée pour le comité précédent : la page liste ce qui a changé depuis."</p>
                <Field kind="fr-upload-group" for_id="comparer-feuille" label="Feuille de route du dernier comité (JSON)" hint="Un fichier « reponses-parcours-ti-….json » téléchargé depuis cette page. Il n'est pas enregistré, et ne modifie rien.">
                    <input class="fr-upload" type="file" id="comparer-feuille" accept=".json,application/json" on:change=compare/>
                </Field>
                <div role="alert" id="comparer-erreur">
                    {move || error.get().map(|message| view! {
                        <Alert kind=AlertKind::Error small=true class="fr-mb-2w"><p>{message}</p></Alert>
                    })}
                </div>
            </div>
            <div id="changements">
                {move || changed.get().map(|(c, day)| view! { <ChangesList c day/> })}
            </div>
        </section>
    }
}

#[component]
fn ChangesList(c: Changes, day: String) -> impl IntoView {
    let since = format!("Depuis la feuille de route du {}", french_date(&day));
    // Only the first line is announced: the list changes as one types.
    if c.is_empty() {
        return view! { <p class="fr-mt-2w" role="status">{since}" : aucun changement."</p> }
            .into_any();
    }
    let print = |_| {
        // Only this section on paper (style/app.css), until the print is
        // done (`afterprint`: print() does not wait everywhere).
        dom::print_with_body_class("parcours-print-since");
    };
    view! {
        <p class="fr-mt-2w" role="status"><strong>{since}</strong></p>
        {c.sections()
            .into_iter()
            .map(|(heading, lines)| view! {
                <h3 class="fr-h6 fr-mb-1w">{format!("{heading} ({})", lines.len())}</h3>
                <ul>
                    {lines.iter().map(|(title, what)| view! { <li><strong>{title.clone()}</strong>{format!(" : {what}")}</li> }).collect_view()}
                </ul>
            })
            .collect_view()}
        <button type="button" class="fr-btn fr-btn--secondary parcours-no-print" id="imprimer-bilan" on:click=print>"Imprimer le bilan"</button>
    }
    .into_any()
}
