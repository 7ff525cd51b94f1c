//! One question of a step: its fieldset, its choices or its number field,
//! and its messages. Every change of answer is the core's
//! (`questionnaire::pick`, `questionnaire::typed_number`).

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::questionnaire::{
    choices, number_text, pick, typed_number, Choice, ChoiceItem, NumberError, Outline,
};
use parcours_core::{Answer, Question, QuestionKind};

use crate::state::use_app;

/// Element id of a question's fieldset.
pub fn field_id(question: &str) -> String {
    format!("question-{question}")
}

/// A question, hidden while the answers do not show it (kept in the page
/// so that it appears in place).
///
/// - `errors`: the required questions « Suivant » found unanswered; this
///   one is shown in error while it is among them.
/// - `outline`: the questionnaire for the current answers (visibility).
#[component]
pub fn QuestionField(
    question: Question,
    errors: RwSignal<Vec<String>>,
    outline: Memo<Outline>,
) -> impl IntoView {
    let app = use_app();
    let q = Arc::new(question);
    let id = field_id(&q.id);
    let legend_id = format!("{id}-legende");
    let messages_id = format!("{id}-messages");
    let help_id = format!("{id}-aide");
    let labelled_by = format!("{legend_id} {messages_id}");
    let unanswered = {
        let qid = q.id.clone();
        Memo::new(move |_| errors.with(|e| e.contains(&qid)))
    };
    // A typed number that could not be kept: the text typed and why.
    let entry = RwSignal::new(None::<(String, NumberError)>);
    let has_error = move || unanswered.get() || entry.with(Option::is_some);
    let hidden = {
        let qid = q.id.clone();
        move || !outline.with(|o| o.is_visible(&qid))
    };
    let current = {
        let qid = q.id.clone();
        Memo::new(move |_| app.answers.with(|a| a.get(&qid).cloned()))
    };
    let set = {
        let qid = q.id.clone();
        move |answer: Option<Answer>| {
            let mut answers = app.answers.get_untracked();
            answers.set(&qid, answer);
            app.set_answers(answers);
            errors.update(|e| e.retain(|id| *id != qid));
        }
    };

    let input = if q.kind == QuestionKind::Number {
        view! { <NumberInput q=q.clone() id=id.clone() current entry has_error set=set.clone()/> }
            .into_any()
    } else {
        let multiple = q.kind == QuestionKind::Multiple;
        let inline = matches!(q.kind, QuestionKind::YesNo | QuestionKind::Scale);
        choices(&q)
            .into_iter()
            .map(|item| {
                let (q, set) = (q.clone(), set.clone());
                let change = move |choice: Choice, on: bool| {
                    set(pick(&q, current.get_untracked().as_ref(), &choice, on));
                };
                view! {
                    <ChoiceInput item id=id.clone() multiple inline current has_error change/>
                }
            })
            .collect_view()
            .into_any()
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
                {move || match entry.get() {
                    Some((_, why)) => Some(view! {
                        <p class="fr-message fr-message--error">{why.to_string()}</p>
                    }.into_any()),
                    None => unanswered.get().then(|| view! {
                        <p class="fr-message fr-message--error">"Répondez à cette question pour continuer (« Je ne sais pas » est une réponse possible quand elle est proposée)."</p>
                    }.into_any()),
                }}
            </div>
        </fieldset>
    }
}

/// One radio button or checkbox. `change` receives the choice and whether
/// it is now ticked.
#[component]
fn ChoiceInput(
    item: ChoiceItem,
    /// The question's field id.
    id: String,
    /// Checkboxes rather than radio buttons.
    multiple: bool,
    /// Side by side (yes/no, scales).
    inline: bool,
    current: Memo<Option<Answer>>,
    has_error: impl Fn() -> bool + Send + Sync + 'static,
    change: impl Fn(Choice, bool) + Send + Sync + 'static,
) -> impl IntoView {
    let (input_type, group_class) = if multiple {
        ("checkbox", "fr-checkbox-group")
    } else {
        ("radio", "fr-radio-group")
    };
    let key = item.choice.key();
    let input_id = format!("{id}-{key}");
    let checked = {
        let choice = item.choice.clone();
        move || current.with(|c| choice.is_picked(c.as_ref()))
    };
    let choice = item.choice;
    view! {
        <div class="fr-fieldset__element" class:fr-fieldset__element--inline=inline>
            <div class=group_class>
                <input
                    type=input_type
                    id=input_id.clone()
                    name=id
                    value=key
                    prop:checked=checked
                    on:change=move |ev| change(choice.clone(), event_target_checked(&ev))
                    aria-invalid=move || has_error().then_some("true")
                />
                <label class="fr-label" for=input_id>
                    {item.label}
                    {item.description.map(|d| view! { <span class="fr-hint-text">{d}</span> })}
                </label>
            </div>
        </div>
    }
}

/// A number question's field, and « Je ne sais pas » when it is offered.
/// What cannot be kept (not an integer, out of bounds) stays in the field
/// with its reason in `entry`, and the question has no answer meanwhile.
#[component]
fn NumberInput(
    q: Arc<Question>,
    /// The question's field id.
    id: String,
    current: Memo<Option<Answer>>,
    entry: RwSignal<Option<(String, NumberError)>>,
    has_error: impl Fn() -> bool + Copy + Send + Sync + 'static,
    set: impl Fn(Option<Answer>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let input_id = format!("{id}-valeur");
    let value = move || match entry.get() {
        Some((text, _)) => text,
        None => current.with(|c| number_text(c.as_ref())),
    };
    let on_change = {
        let (q, set) = (q.clone(), set.clone());
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            match typed_number(&q, &text) {
                Ok(answer) => {
                    entry.set(None);
                    set(answer);
                }
                Err(why) => {
                    entry.set(Some((text, why)));
                    set(None);
                }
            }
        }
    };
    let unit = q.unit.clone().unwrap_or_default();
    let unknown = choices(&q).into_iter().next().map(|item| {
        let unknown_id = format!("{id}-{}", item.choice.key());
        let choice = item.choice;
        let checked = {
            let choice = choice.clone();
            move || current.with(|c| choice.is_picked(c.as_ref()))
        };
        let toggle = {
            let q = q.clone();
            move |ev: leptos::ev::Event| {
                entry.set(None);
                set(pick(&q, None, &choice, event_target_checked(&ev)));
            }
        };
        view! {
            <div class="fr-fieldset__element">
                <div class="fr-checkbox-group">
                    <input type="checkbox" id=unknown_id.clone() prop:checked=checked on:change=toggle/>
                    <label class="fr-label" for=unknown_id>{item.label}</label>
                </div>
            </div>
        }
    });
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
                    min=q.min.map(|m| m.to_string())
                    max=q.max.map(|m| m.to_string())
                    prop:value=value
                    on:change=on_change
                    aria-invalid=move || has_error().then_some("true")
                />
            </div>
        </div>
        {unknown}
    }
}
