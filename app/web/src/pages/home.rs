use leptos::prelude::*;

use crate::components::WithCatalogue;
use crate::loader::plural;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Les services publics pour l'industrie de votre territoire, étape par étape"</h1>
        <p class="fr-text--lead">
            "Foncier, compétences, transitions écologique et numérique, gouvernance : en une dizaine de minutes, faites le point sur les besoins industriels de votre territoire et obtenez un parcours de services publics d'appui, ordonné par étapes et expliqué."
        </p>

        <div class="fr-callout fr-mb-4w" id="promesse-confidentialite">
            <h2 class="fr-callout__title">"Vos réponses ne quittent pas votre navigateur"</h2>
            <p class="fr-callout__text">
                "Aucun compte, aucun envoi : le diagnostic et le parcours sont calculés sur votre appareil. Vos réponses ne sont enregistrées que dans ce navigateur, pour que vous puissiez reprendre plus tard, et vous pouvez les effacer à tout moment."
            </p>
        </div>

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
