use leptos::prelude::*;

use crate::components::{
    button_class, Alert, AlertKind, Button, ButtonLink, ButtonsGroup, Callout, Priority,
    WithCatalogue,
};
use crate::dom;
use crate::loader::plural;
use crate::route::{CatalogueQuery, PathwayQuery, Route};
use crate::state::use_app;

/// « Commencer », or « Reprendre » and « Recommencer » (confirmed) when
/// answers are saved in this browser.
#[component]
fn StartButtons() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let has_answers = move || !app.answers.get().is_empty();
    let restart = move |_| {
        app.reset();
        confirming.set(false);
        dom::set_hash(&Route::Diagnostic(None).href());
    };
    view! {
        <ButtonsGroup id="actions-accueil" class="fr-mb-2w">
            {move || if has_answers() {
                view! {
                    <li>
                        <ButtonLink href=Route::Diagnostic(None).href()>"Reprendre mon diagnostic"</ButtonLink>
                    </li>
                    <li>
                        <ButtonLink href=Route::Pathway(PathwayQuery::default()).href() priority=Priority::Secondary>
                            "Voir mon parcours"
                        </ButtonLink>
                    </li>
                    <li>
                        <button
                            type="button"
                            class=button_class(Priority::Tertiary, false)
                            aria-expanded=move || confirming.get().to_string()
                            aria-controls="confirmation-recommencer"
                            on:click=move |_| confirming.set(true)
                        >
                            "Recommencer"
                        </button>
                    </li>
                }
                .into_any()
            } else {
                view! {
                    <li>
                        <ButtonLink href=Route::Diagnostic(None).href()>"Commencer le diagnostic"</ButtonLink>
                    </li>
                    <li>
                        <ButtonLink href=Route::Catalogue(CatalogueQuery::default()).href() priority=Priority::Secondary>
                            "Parcourir le catalogue"
                        </ButtonLink>
                    </li>
                }
                .into_any()
            }}
        </ButtonsGroup>
        {move || has_answers().then(|| view! {
            <p class="fr-mb-4w">
                <a class="fr-link" href=Route::Catalogue(CatalogueQuery::default()).href()>
                    "Parcourir le catalogue des services"
                </a>
            </p>
        })}
        <div id="confirmation-recommencer">
            {move || confirming.get().then(|| view! {
                <Alert kind=AlertKind::Warning title="Effacer vos réponses et recommencer ?" class="fr-mb-4w">
                    <p>"Toutes les réponses enregistrées dans ce navigateur seront effacées. Pour les garder, copiez d'abord le lien de votre parcours."</p>
                    <ButtonsGroup inline_sm=true class="fr-mt-2w">
                        <li><Button on_click=restart>"Effacer et recommencer"</Button></li>
                        <li>
                            <Button priority=Priority::Secondary on_click=move |_| confirming.set(false)>
                                "Annuler"
                            </Button>
                        </li>
                    </ButtonsGroup>
                </Alert>
            })}
        </div>
    }
}

/// The title and lead are also in index.html's static first screen: change
/// both (tests/tests/shell.rs compares them).
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Les services publics pour l'industrie de votre territoire, étape par étape"</h1>
        <p class="fr-text--lead">
            "Foncier, compétences, transitions écologique et numérique, gouvernance : en une dizaine de minutes, faites le point sur les besoins industriels de votre territoire et obtenez un parcours de services publics d'appui, ordonné par étapes et expliqué."
        </p>
        <StartButtons/>

        <Callout title="Vos réponses ne quittent pas votre navigateur" id="promesse-confidentialite">
            <p class="fr-callout__text">
                "Aucun compte, aucun envoi : le diagnostic et le parcours sont calculés sur votre appareil. Vos réponses ne sont enregistrées que dans ce navigateur, pour que vous puissiez reprendre plus tard, et vous pouvez les effacer à tout moment."
            </p>
        </Callout>

        <h2>"Pour qui ?"</h2>
        <ul>
            <li>
                <strong>"Les élus"</strong>
                " d'intercommunalités et de communes, pour un autodiagnostic en langage clair et comprendre pourquoi chaque service est proposé."
            </li>
            <li>
                <strong>"Les chefs de projet Territoires d'industrie"</strong>
                " et les équipes de développement économique, pour préparer un comité de pilotage, partager un parcours et parcourir l'ensemble des services."
            </li>
        </ul>

        <h2>"Comment ça marche ?"</h2>
        <ol>
            <li>"Vous décrivez votre territoire et choisissez les thèmes qui vous concernent."</li>
            <li>"Vous répondez à quelques questions par thème ; « Je ne sais pas » est toujours une réponse possible quand elle est utile."</li>
            <li>"Vous obtenez un parcours de services rangés par étapes, de l'observation à la mise en œuvre, chacun avec la raison de sa présence, que vous pouvez imprimer et partager."</li>
        </ol>

        <WithCatalogue render=|cat| {
            let services = plural(cat.modules.len(), "service", "services");
            let providers = plural(cat.providers.len(), "opérateur", "opérateurs");
            view! {
                <h2>"Ce que contient le catalogue"</h2>
                <p id="resume-catalogue">
                    {format!("{services} proposés par {providers}, répartis en {} thèmes et {} étapes.", cat.themes.len(), cat.steps.len())}
                </p>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-6">
                        <h3 class="fr-h6">"Les thèmes"</h3>
                        <ul>
                            {cat.themes.iter().map(|t| view! {
                                <li><strong>{t.label.clone()}</strong>" : "{t.description.clone()}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                    <div class="fr-col-12 fr-col-md-6">
                        <h3 class="fr-h6">"Les étapes du parcours"</h3>
                        <ol>
                            {cat.steps.iter().map(|s| view! {
                                <li><strong>{s.label.clone()}</strong>" : "{s.description.clone()}</li>
                            }).collect_view()}
                        </ol>
                    </div>
                </div>
            }
        }/>
    }
}
