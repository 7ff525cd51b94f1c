//! The questionnaire: one step per visible group (profile, choice of
//! themes, then one step per chosen theme), each with its own URL. Which
//! step opens, where the buttons lead and how answers change are the
//! core's (`parcours_core::questionnaire`); this page shows them.

mod question;

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::questionnaire::{Back, Forward, Opening, Outline};
use parcours_core::Catalogue;

use crate::components::WithCatalogue;
use crate::dom;
use crate::route::{document_title, PathwayQuery, Route};
use crate::state::use_app;

use question::{field_id, QuestionField};

#[component]
pub fn QuestionnairePage(step: Option<String>) -> impl IntoView {
    view! {
        <WithCatalogue render=move |cat| view! { <Questionnaire cat step=step.clone()/> }/>
    }
}

#[component]
fn Questionnaire(cat: Arc<Catalogue>, step: Option<String>) -> impl IntoView {
    let app = use_app();
    // The questionnaire for the answers so far, once per change.
    let outline = {
        let cat = cat.clone();
        Memo::new(move |_| Outline::new(&cat, &app.answers.get()))
    };
    let opening =
        outline.with_untracked(|o| o.open(step.as_deref(), app.step.get_untracked().as_deref()));
    let step_id = match opening {
        Opening::Show(step) => step,
        Opening::Redirect(step) => {
            dom::replace_hash(&Route::Diagnostic(Some(step)).href());
            return view! { <p role="status">"Ouverture du diagnostic…"</p> }.into_any();
        }
        Opening::Nothing => {
            return view! { <p role="status">"Ouverture du diagnostic…"</p> }.into_any();
        }
    };
    app.set_step(Some(step_id.clone()));
    let Some(group) = cat.questionnaire.groups.iter().find(|g| g.id == step_id) else {
        return ().into_any();
    };

    // Page title: step, position, page, service (RGAA 8.6).
    {
        let (label, id) = (group.label.clone(), step_id.clone());
        Effect::new(move |_| {
            let count = outline.with(|o| o.count(&id));
            dom::set_title(&document_title(&format!(
                "{label} ({} {} sur {}) — Diagnostic",
                count.word(),
                count.number,
                count.total
            )));
        });
    }

    // Required questions left unanswered when « Suivant » was pressed.
    let errors = RwSignal::new(Vec::<String>::new());
    let go_next = {
        let id = step_id.clone();
        move |_| match outline.with_untracked(|o| o.forward(&id)) {
            Forward::Missing(missing) => {
                let first = missing.first().map(|q| format!("#{} input", field_id(q)));
                errors.set(missing);
                if let Some(first) = first {
                    dom::focus(&first);
                }
            }
            Forward::Step(next) => {
                errors.set(Vec::new());
                dom::set_hash(&Route::Diagnostic(Some(next)).href());
            }
            Forward::Pathway => {
                errors.set(Vec::new());
                dom::set_hash(&Route::Pathway(PathwayQuery::default()).href());
            }
        }
    };
    let go_previous = {
        let id = step_id.clone();
        move |_| match outline.with_untracked(|o| o.back(&id)) {
            Back::Step(previous) => dom::set_hash(&Route::Diagnostic(Some(previous)).href()),
            Back::Home => dom::set_hash(&Route::Home.href()),
        }
    };
    let is_last = {
        let id = step_id.clone();
        move || outline.with(|o| o.next_step(&id).is_none())
    };

    let has_required = group.questions.iter().any(|q| q.required);
    let questions = group
        .questions
        .iter()
        .cloned()
        .map(|q| view! { <QuestionField question=q errors outline/> })
        .collect_view();

    view! {
        <Stepper label=group.label.clone() step=step_id outline/>
        <p class="fr-mb-2w">{group.description.clone()}</p>
        {has_required.then(|| view! {
            <p class="fr-hint-text fr-mb-3w">
                "Les questions marquées « réponse obligatoire » sont nécessaires pour établir votre parcours ; les autres sont facultatives."
            </p>
        })}
        <form novalidate on:submit=|ev| ev.prevent_default()>
            {questions}
            <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
                <li>
                    <button type="button" class="fr-btn fr-btn--secondary" on:click=go_previous>
                        "Précédent"
                    </button>
                </li>
                <li>
                    <button type="submit" class="fr-btn" id="bouton-suivant" on:click=go_next>
                        {move || if is_last() { "Voir mon parcours" } else { "Suivant" }}
                    </button>
                </li>
            </ul>
        </form>
        {move || outline.with(Outline::progress)}
        <p class="fr-text--sm">
            "Vos réponses sont enregistrées au fur et à mesure dans ce navigateur, et nulle part ailleurs."
        </p>
    }
    .into_any()
}

/// The DSFR stepper: the step's title, « Étape n sur N » and the next
/// step's name. One reactive block: the next step changes as themes are
/// chosen (the count does not, see `StepCount`).
#[component]
fn Stepper(label: String, step: String, outline: Memo<Outline>) -> impl IntoView {
    move || {
        let (count, next) = outline.with(|o| {
            let next = o.next_step(&step).map(|s| s.label.clone());
            (o.count(&step), next)
        });
        view! {
            <div class="fr-stepper">
                <h1 class="fr-stepper__title" tabindex="-1">
                    {label.clone()}
                    <span class="fr-stepper__state">{count.to_string()}</span>
                </h1>
                <div
                    class="fr-stepper__steps"
                    data-fr-current-step=count.number.to_string()
                    data-fr-steps=count.total.to_string()
                ></div>
                {next.map(|label| view! {
                    <p class="fr-stepper__details">
                        <span class="fr-text--bold">"Étape suivante : "</span>
                        {label}
                    </p>
                })}
            </div>
        }
    }
}
