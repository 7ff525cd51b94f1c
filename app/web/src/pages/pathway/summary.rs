//! What the pathway's top says: a shared link's choice, nothing answered
//! yet, nothing detected, or the summary.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::priorities::{NOTHING_URGENT_EMPTY_TEXT, NOTHING_URGENT_TITLE};
use parcours_core::{Answers, Catalogue, Pathway};

use super::priorities::Priorities;
use crate::components::{Button, ButtonLink, ButtonsGroup, Callout, Priority};
use crate::loader::plural;
use crate::present::themes_covered;
use crate::route::{PathwayQuery, Route};
use crate::state::use_app;

/// Shown above a shared pathway: whose answers these are, and the choice.
#[component]
pub fn SharedCallout(answers: Signal<Answers>) -> impl IntoView {
    let app = use_app();
    let own = app.answers.get_untracked();
    let same = own == answers.get_untracked();
    let has_own = !own.is_empty();
    view! {
        <Callout title="Ce parcours vous a été partagé" id="parcours-partage" class="parcours-no-print fr-mb-4w">
            <p class="fr-callout__text">
                {if same {
                    "Il correspond aux réponses déjà enregistrées dans ce navigateur."
                } else if has_own {
                    "Il est établi à partir des réponses contenues dans le lien. Les réponses que vous avez vous-même enregistrées dans ce navigateur ne sont pas modifiées."
                } else {
                    "Il est établi à partir des réponses contenues dans le lien. Pour les modifier ou y revenir plus tard, enregistrez-les dans ce navigateur."
                }}
            </p>
            {(!same).then(|| view! {
                <ButtonsGroup>
                    <li>
                        <Button id="adopter-reponses" on_click=move |_| app.adopt_shared(answers.get_untracked())>
                            {if has_own {
                                "Remplacer mes réponses par celles du lien"
                            } else {
                                "Enregistrer ces réponses dans ce navigateur"
                            }}
                        </Button>
                    </li>
                    {has_own.then(|| view! {
                        <li>
                            <ButtonLink href=Route::Pathway(PathwayQuery::default()).href() priority=Priority::Secondary>
                                "Voir mon propre parcours"
                            </ButtonLink>
                        </li>
                    })}
                </ButtonsGroup>
            })}
        </Callout>
    }
}

#[component]
pub fn NotStarted() -> impl IntoView {
    view! {
        <Callout title="Vous n'avez pas encore répondu au questionnaire" id="parcours-vide">
            <p class="fr-callout__text">
                "Votre parcours s'établit à partir de vos réponses. Vous pouvez aussi parcourir l'ensemble des services, ou importer des réponses enregistrées auparavant."
            </p>
            <ButtonsGroup>
                <li><ButtonLink href=Route::Diagnostic(None).href()>"Commencer le diagnostic"</ButtonLink></li>
                <li>
                    <ButtonLink href=Route::Catalogue(Default::default()).href() priority=Priority::Secondary>
                        "Parcourir le catalogue"
                    </ButtonLink>
                </li>
            </ButtonsGroup>
        </Callout>
    }
}

/// No step. `apart`: the answers point only to what nobody can apply to
/// today, listed below. `urgent_free`: no answer shows a need (the core's
/// « Rien d'urgent »).
#[component]
pub fn NothingDetected(apart: bool, urgent_free: bool) -> impl IntoView {
    let title = if apart {
        "Aucun service ouvert aujourd'hui ne répond à vos besoins"
    } else if urgent_free {
        NOTHING_URGENT_TITLE
    } else {
        "Aucun besoin particulier n'a été détecté"
    };
    view! {
        <Callout title id="parcours-vide">
            <p class="fr-callout__text">
                {if apart {
                    "Ce que la note demande pour votre situation et les dispositifs clos qui vous concerneraient sont présentés plus bas. Vous pouvez aussi parcourir l'ensemble des services, ou revoir vos réponses."
                } else if urgent_free {
                    NOTHING_URGENT_EMPTY_TEXT
                } else {
                    "Vos réponses ne font apparaître aucun besoin auquel un service du catalogue répondrait en priorité. Vous pouvez parcourir l'ensemble des services, ou revoir vos réponses."
                }}
            </p>
            <ButtonsGroup>
                <li>
                    <ButtonLink href=Route::Catalogue(Default::default()).href()>"Parcourir le catalogue"</ButtonLink>
                </li>
                <li>
                    <ButtonLink href=Route::Diagnostic(None).href() priority=Priority::Secondary>
                        "Revoir mes réponses"
                    </ButtonLink>
                </li>
            </ButtonsGroup>
        </Callout>
    }
}

/// Number of modules, themes covered, « Vos priorités ».
#[component]
pub fn Summary(cat: Arc<Catalogue>, pathway: Pathway) -> impl IntoView {
    let themes = themes_covered(&cat, &pathway);
    let count = pathway.module_count();
    let steps = pathway.steps.len();
    view! {
        <Callout title="En résumé" id="parcours-resume" class="parcours-summary fr-mb-4w">
            <p class="fr-callout__text" id="parcours-compte">
                {format!(
                    "{} recommandés, répartis en {}.",
                    plural(count, "service", "services"),
                    plural(steps, "étape", "étapes")
                )}
            </p>
            <p class="fr-mb-1w">
                <strong>"Thèmes couverts : "</strong>
                {themes.join(", ")}
            </p>
            <Priorities pathway/>
        </Callout>
    }
}
