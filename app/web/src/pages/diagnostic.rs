//! The questionnaire: one step per visible group (profile, choice of
//! themes, then one step per chosen theme), each with its own URL.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::flow::Flow;
use parcours_core::{Answer, Catalogue, Question, QuestionKind};

use crate::components::WithCatalogue;
use crate::dom;
use crate::route::{document_title, PathwayQuery, Route};
use crate::state::use_app;

#[component]
pub fn DiagnosticPage(step: Option<String>) -> impl IntoView {
    view! {
        <WithCatalogue render=move |cat| view! { <Questionnaire cat step=step.clone()/> }/>
    }
}

/// Ids of the visible groups, in order.
fn visible_groups(cat: &Catalogue, answers: &parcours_core::Answers) -> Vec<String> {
    Flow::new(cat, answers)
        .groups
        .iter()
        .map(|g| g.group.id.clone())
        .collect()
}

#[component]
fn Questionnaire(cat: Arc<Catalogue>, step: Option<String>) -> impl IntoView {
    let app = use_app();
    let groups = {
        let cat = cat.clone();
        Memo::new(move |_| visible_groups(&cat, &app.answers.get()))
    };
    // `#/diagnostic` resumes where the user was, else starts at the beginning;
    // a step that is not (or no longer) shown does the same.
    let current = step.filter(|s| groups.get_untracked().contains(s));
    let Some(group_id) = current else {
        let target = app
            .step
            .get_untracked()
            .filter(|s| groups.get_untracked().contains(s))
            .or_else(|| groups.get_untracked().first().cloned());
        if let Some(target) = target {
            dom::replace_hash(&Route::Diagnostic(Some(target)).href());
        }
        return view! { <p role="status">"Ouverture du diagnostic…"</p> }.into_any();
    };
    app.set_step(Some(group_id.clone()));
    let Some(group) = cat.questionnaire.groups.iter().find(|g| g.id == group_id) else {
        return ().into_any();
    };
    let group = group.clone();

    let position = {
        let id = group_id.clone();
        Memo::new(move |_| groups.get().iter().position(|g| *g == id).unwrap_or(0))
    };
    let position = move || position.get();
    let total = move || groups.get().len();
    let next_group = Memo::new(move |_| groups.get().get(position() + 1).cloned());
    let next_group = move || next_group.get();
    let previous_group = move || {
        let p = position();
        (p > 0).then(|| groups.get()[p - 1].clone())
    };
    let next_label = {
        let cat = cat.clone();
        move || {
            next_group().and_then(|id| {
                cat.questionnaire
                    .groups
                    .iter()
                    .find(|g| g.id == id)
                    .map(|g| g.label.clone())
            })
        }
    };

    // Page title: step, position, page, service (RGAA 8.6).
    {
        let label = group.label.clone();
        Effect::new(move |_| {
            dom::set_title(&document_title(&format!(
                "{label} (étape {} sur {}) — Diagnostic",
                position() + 1,
                total()
            )));
        });
    }

    // Ids of the required questions left unanswered, and of the questions
    // shown: a few dozen at most, so vectors (a BTreeSet's code weighs more
    // in the wasm than any search here costs).
    let errors = RwSignal::new(Vec::<String>::new());
    let visible = {
        let cat = cat.clone();
        Memo::new(move |_| {
            let flow = Flow::new(&cat, &app.answers.get());
            flow.groups
                .iter()
                .flat_map(|g| g.questions.iter().map(|q| q.id.clone()))
                .collect::<Vec<String>>()
        })
    };
    let missing = {
        let cat = cat.clone();
        let id = group_id.clone();
        move || {
            parcours_core::flow::missing_required(&cat, &app.answers.get_untracked(), &id)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        }
    };

    let go_next = {
        move |_| {
            let missing = missing();
            if let Some(first) = missing.first() {
                errors.set(missing.clone());
                dom::focus(&format!("#{} input", field_id(first)));
                return;
            }
            errors.set(Vec::new());
            match next_group() {
                Some(next) => dom::set_hash(&Route::Diagnostic(Some(next)).href()),
                None => dom::set_hash(&Route::Pathway(PathwayQuery::default()).href()),
            }
        }
    };
    let go_previous = {
        move |_| match previous_group() {
            Some(previous) => dom::set_hash(&Route::Diagnostic(Some(previous)).href()),
            None => dom::set_hash(&Route::Home.href()),
        }
    };
    let is_last = move || next_group().is_none();

    let has_required = group.questions.iter().any(|q| q.required);
    let questions = group
        .questions
        .iter()
        .cloned()
        .map(|q| view! { <QuestionField question=q errors visible/> })
        .collect_view();

    view! {
        {
            // One reactive block: the step count changes as themes are chosen.
            let label = group.label.clone();
            move || {
                let (current, steps) = (position() + 1, total());
                let next = next_label();
                view! {
                    <div class="fr-stepper">
                        <h1 class="fr-stepper__title" tabindex="-1">
                            {label.clone()}
                            <span class="fr-stepper__state">
                                {format!("Étape {current} sur {steps}")}
                            </span>
                        </h1>
                        <div
                            class="fr-stepper__steps"
                            data-fr-current-step=current.to_string()
                            data-fr-steps=steps.to_string()
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
        <Progress cat=cat.clone()/>
        <p class="fr-text--sm">
            "Vos réponses sont enregistrées au fur et à mesure dans ce navigateur, et nulle part ailleurs."
        </p>
    }
    .into_any()
}

#[component]
fn Progress(cat: Arc<Catalogue>) -> impl IntoView {
    let app = use_app();
    move || {
        let flow = Flow::new(&cat, &app.answers.get());
        format!(
            "{} questions répondues sur {} affichées.",
            flow.answered(),
            flow.visible()
        )
    }
}

/// Element id of a question's fieldset.
fn field_id(question: &str) -> String {
    format!("question-{question}")
}

/// What the user can pick in one question, « Je ne sais pas » aside.
fn choices(q: &Question) -> Vec<(String, String, Option<String>)> {
    match q.kind {
        QuestionKind::Scale => {
            let (min, max) = (q.min.unwrap_or(1), q.max.unwrap_or(5));
            (min..=max)
                .map(|n| {
                    let label = if n == min {
                        q.min_label.clone().map(|l| format!("{n} — {l}"))
                    } else if n == max {
                        q.max_label.clone().map(|l| format!("{n} — {l}"))
                    } else {
                        None
                    };
                    (n.to_string(), label.unwrap_or_else(|| n.to_string()), None)
                })
                .collect()
        }
        _ => q
            .option_ids()
            .into_iter()
            .map(|id| {
                let label = q.option_label(id).unwrap_or(id).to_string();
                let description = q
                    .options
                    .iter()
                    .find(|o| o.id == id)
                    .and_then(|o| o.description.clone());
                (id.to_string(), label, description)
            })
            .collect(),
    }
}

const UNKNOWN: &str = "je-ne-sais-pas";

/// Whether the choice `value` is the current answer (or among it).
fn is_picked(current: Option<&Answer>, value: &str) -> bool {
    match current {
        Some(Answer::Unknown) => value == UNKNOWN,
        Some(Answer::Option(o)) => o == value,
        Some(Answer::Number(n)) => n.to_string() == value,
        Some(Answer::Options(list)) => list.iter().any(|v| v == value),
        None => false,
    }
}

/// The answer after the user ticks (`on`) or unticks the choice `value`.
fn picked(q: &Question, current: Option<Answer>, value: &str, on: bool) -> Option<Answer> {
    if value == UNKNOWN {
        return on.then_some(Answer::Unknown);
    }
    match q.kind {
        QuestionKind::Multiple => {
            let mut list = match current {
                Some(Answer::Options(list)) => list,
                _ => Vec::new(),
            };
            list.retain(|v| v != value);
            if on {
                list.push(value.to_string());
            }
            // Catalogue order: the same choices give the same answer.
            let order = q.option_ids();
            list.sort_by_key(|v| order.iter().position(|o| o == v));
            (!list.is_empty()).then_some(Answer::Options(list))
        }
        QuestionKind::Scale => value.parse().ok().map(Answer::Number),
        _ => Some(Answer::Option(value.to_string())),
    }
}

#[component]
fn QuestionField(
    question: Question,
    errors: RwSignal<Vec<String>>,
    visible: Memo<Vec<String>>,
) -> impl IntoView {
    let app = use_app();
    let q = Arc::new(question);
    let id = field_id(&q.id);
    let legend_id = format!("{id}-legende");
    let messages_id = format!("{id}-messages");
    let help_id = format!("{id}-aide");
    let has_error = {
        let qid = q.id.clone();
        Memo::new(move |_| errors.get().contains(&qid))
    };
    let has_error = move || has_error.get();
    let labelled_by = format!("{legend_id} {messages_id}");
    let hidden = {
        let qid = q.id.clone();
        move || !visible.get().contains(&qid)
    };
    let current = {
        let qid = q.id.clone();
        Memo::new(move |_| app.answers.get().get(&qid).cloned())
    };
    let current = move || current.get();
    let set = {
        let qid = q.id.clone();
        move |answer: Option<Answer>| {
            let mut answers = app.answers.get_untracked();
            match answer {
                Some(a) => answers.insert(qid.clone(), a),
                None => answers.remove(&qid),
            };
            app.set_answers(answers);
            errors.update(|e| e.retain(|id| *id != qid));
        }
    };

    let input: AnyView = match q.kind {
        QuestionKind::Single
        | QuestionKind::YesNo
        | QuestionKind::Scale
        | QuestionKind::Multiple => {
            let multiple = q.kind == QuestionKind::Multiple;
            let inline = matches!(q.kind, QuestionKind::YesNo | QuestionKind::Scale);
            let (input_type, group_class) = if multiple {
                ("checkbox", "fr-checkbox-group")
            } else {
                ("radio", "fr-radio-group")
            };
            let mut items = choices(&q);
            if q.allow_unknown {
                items.push((UNKNOWN.into(), "Je ne sais pas".into(), None));
            }
            items
                .into_iter()
                .map(|(value, label, description)| {
                    let input_id = format!("{id}-{value}");
                    let checked = {
                        let value = value.clone();
                        move || is_picked(current().as_ref(), &value)
                    };
                    let change = {
                        let (value, set, q) = (value.clone(), set.clone(), q.clone());
                        move |ev: leptos::ev::Event| {
                            set(picked(&q, current(), &value, event_target_checked(&ev)));
                        }
                    };
                    view! {
                        <div class="fr-fieldset__element" class:fr-fieldset__element--inline=inline>
                            <div class=group_class>
                                <input
                                    type=input_type
                                    id=input_id.clone()
                                    name=id.clone()
                                    value=value
                                    prop:checked=checked
                                    on:change=change
                                    aria-invalid=move || has_error().then_some("true")
                                />
                                <label class="fr-label" for=input_id>
                                    {label}
                                    {description.map(|d| view! { <span class="fr-hint-text">{d}</span> })}
                                </label>
                            </div>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Number => {
            let input_id = format!("{id}-valeur");
            let unknown_id = format!("{id}-{UNKNOWN}");
            let (min, max) = (q.min, q.max);
            let value = {
                move || match current() {
                    Some(Answer::Number(n)) => n.to_string(),
                    _ => String::new(),
                }
            };
            let on_input = {
                let set = set.clone();
                move |ev: leptos::ev::Event| {
                    let text = event_target_value(&ev);
                    let text = text.trim();
                    if text.is_empty() {
                        set(None);
                    } else if let Ok(n) = text.parse::<i64>() {
                        let in_bounds = min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m);
                        if in_bounds {
                            set(Some(Answer::Number(n)));
                        }
                    }
                }
            };
            let unknown = { move || matches!(current(), Some(Answer::Unknown)) };
            let toggle_unknown = {
                let set = set.clone();
                move |ev: leptos::ev::Event| {
                    set(event_target_checked(&ev).then_some(Answer::Unknown));
                }
            };
            let unit = q.unit.clone().unwrap_or_default();
            view! {
                <div class="fr-fieldset__element">
                    <div class="fr-input-group">
                        <label class="fr-label" for=input_id.clone()>
                            {if unit.is_empty() { "Nombre".to_string() } else { format!("Nombre ({unit})") }}
                        </label>
                        <input
                            class="fr-input parcours-number"
                            type="number"
                            inputmode="numeric"
                            id=input_id
                            min=min.map(|m| m.to_string())
                            max=max.map(|m| m.to_string())
                            prop:value=value
                            on:change=on_input
                            aria-invalid=move || has_error().then_some("true")
                        />
                    </div>
                </div>
                {q.allow_unknown.then(|| view! {
                    <div class="fr-fieldset__element">
                        <div class="fr-checkbox-group">
                            <input type="checkbox" id=unknown_id.clone() prop:checked=unknown on:change=toggle_unknown/>
                            <label class="fr-label" for=unknown_id>"Je ne sais pas"</label>
                        </div>
                    </div>
                })}
            }
            .into_any()
        }
    };

    let required = q.required;
    let label = q.label.clone();
    let help = q.help.clone();
    view! {
        <fieldset
            class="fr-fieldset parcours-question"
            class:fr-fieldset--error=has_error
            id=id.clone()
            aria-labelledby=labelled_by
            prop:hidden=hidden
        >
            <legend class="fr-fieldset__legend" id=legend_id>
                {label}
                {required.then(|| view! { <span class="parcours-required">" (réponse obligatoire)"</span> })}
            </legend>
            <div class="fr-fieldset__element">
                <details class="parcours-why" id=help_id>
                    <summary>"Pourquoi cette question ?"</summary>
                    <p class="fr-text--sm fr-mb-0">{help}</p>
                </details>
            </div>
            {input}
            <div class="fr-messages-group" id=messages_id aria-live="polite">
                {move || has_error().then(|| view! {
                    <p class="fr-message fr-message--error">"Répondez à cette question pour continuer (« Je ne sais pas » est une réponse possible quand elle est proposée)."</p>
                })}
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind) -> Question {
        serde_json::from_value(serde_json::json!({
            "id": "q", "label": "Q", "help": "H", "kind": kind,
            "options": if matches!(kind, QuestionKind::Single | QuestionKind::Multiple) {
                serde_json::json!([{"id": "a", "label": "A"}, {"id": "b", "label": "B"}])
            } else { serde_json::json!([]) },
            "min": 1, "max": 5,
        }))
        .unwrap()
    }

    #[test]
    fn ticks_keep_catalogue_order_and_untick_to_nothing() {
        let q = question(QuestionKind::Multiple);
        let b = picked(&q, None, "b", true);
        let ab = picked(&q, b.clone(), "a", true);
        assert_eq!(ab, Some(Answer::Options(vec!["a".into(), "b".into()])));
        assert!(is_picked(ab.as_ref(), "a") && is_picked(ab.as_ref(), "b"));
        assert_eq!(picked(&q, b, "b", false), None);
    }

    #[test]
    fn unknown_replaces_any_answer() {
        let q = question(QuestionKind::Multiple);
        let a = picked(&q, None, "a", true);
        assert_eq!(picked(&q, a, UNKNOWN, true), Some(Answer::Unknown));
        assert!(is_picked(Some(&Answer::Unknown), UNKNOWN));
        assert!(!is_picked(Some(&Answer::Unknown), "a"));
    }

    #[test]
    fn scales_answer_numbers_and_single_answers_options() {
        assert_eq!(
            picked(&question(QuestionKind::Scale), None, "4", true),
            Some(Answer::Number(4))
        );
        assert!(is_picked(Some(&Answer::Number(4)), "4"));
        assert_eq!(
            picked(&question(QuestionKind::Single), None, "b", true),
            Some(Answer::Option("b".into()))
        );
    }
}
