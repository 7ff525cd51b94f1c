use leptos::prelude::*;

use crate::components::WithCatalogue;
use crate::loader::CATALOGUE_PATH;
use crate::pages::text::{arriving, ABOUT_FILE, ABOUT_UNAVAILABLE, LOADING};
use parcours_core::date::french;

/// The page's facts come from the loaded catalogue; its other sections are
/// the file `ABOUT_FILE`, fetched like the text pages' (BENCHMARKS.md: 0.3
/// KiB less wasm). The page appears with its heading once that file has
/// arrived, the facts once the catalogue has.
#[component]
pub fn AboutPage() -> impl IntoView {
    let text = arriving(ABOUT_FILE, ABOUT_UNAVAILABLE);
    move || {
        match text.get() {
            None => view! { <div inner_html=LOADING></div> }.into_any(),
            Some(sections) => view! {
                <h1 tabindex="-1">"À propos"</h1>
                <p class="fr-text--lead">
                    "Parcours Territoires d'industrie rassemble, dans un catalogue versionné, les services publics d'appui aux stratégies industrielles locales et propose à chaque territoire un parcours adapté à ses réponses."
                </p>

                <h2>"Le catalogue des services"</h2>
                <WithCatalogue render=|cat| {
                    let published = french(&cat.published);
                    view! {
                        <dl class="parcours-facts">
                            <dt>"Version"</dt>
                            <dd id="a-propos-version">{cat.version.clone()}</dd>
                            <dt>"Publiée le"</dt>
                            <dd>{published}</dd>
                            <dt>"Contenu"</dt>
                            <dd>
                                {format!(
                                    "{} services, {} opérateurs, {} questions, {} règles de recommandation",
                                    cat.modules.len(),
                                    cat.providers.len(),
                                    cat.questions().count(),
                                    cat.rules.len()
                                )}
                            </dd>
                        </dl>
                        <p>
                            "Chaque version du catalogue est décrite dans son "
                            <a href="content/CHANGELOG.md">"journal des modifications"</a>
                            " ; le catalogue lui-même est publié au format JSON ("
                            <a href=CATALOGUE_PATH>"télécharger le catalogue"</a>
                            "). Un parcours imprimé ou partagé indique la version du catalogue qui l'a produit."
                        </p>
                        <p>
                            "Les offres du catalogue sont publiées en données ouvertes au schéma national des dispositifs d'aide (etalab/schema-dispositif-aide), sous Licence Ouverte 2.0 (Etalab) : "
                            <a href="content/dispositifs-aide.csv">"télécharger les offres (CSV)"</a>
                            "."
                        </p>

                        <h2>"Les sources"</h2>
                        <p>
                            "Chaque service du catalogue indique d'où il vient. Les faits proviennent des documents ci-dessous ou des sites officiels des opérateurs ; aucun montant, délai ou contact n'est ajouté sans source."
                        </p>
                        <ul>
                            {cat.sources.iter().map(|s| {
                                let label = format!("{} ({})", s.title, s.publisher);
                                view! { <li>{label}</li> }
                            }).collect_view()}
                        </ul>

                        <h2>"Les opérateurs"</h2>
                        <ul class="parcours-columns">
                            {cat.providers.iter().map(|p| {
                                let label = if p.short_name != p.name {
                                    format!("{} ({})", p.name, p.short_name)
                                } else {
                                    p.name.clone()
                                };
                                view! { <li>{label}</li> }
                            }).collect_view()}
                        </ul>
                    }
                }/>

                <div inner_html=sections></div>
            }
            .into_any(),
        }
    }
}
