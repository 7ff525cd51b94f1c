use leptos::prelude::*;

use crate::app::use_app;
use crate::loader::CatalogueState;
use crate::route::{Route, SERVICE_NAME};
use crate::text::french_date;

/// DSFR footer with the links every French government site carries, the
/// mandatory accessibility status and the catalogue version in use.
#[component]
pub fn Footer() -> impl IntoView {
    let app = use_app();
    let version = move || match app.catalogue.get() {
        CatalogueState::Loading => "Catalogue des services : chargement…".to_string(),
        CatalogueState::Ready(cat) => format!(
            "Catalogue des services : version {} du {}",
            cat.version,
            french_date(&cat.published)
        ),
        CatalogueState::Failed(_) => "Catalogue des services : non chargé".to_string(),
    };
    let gov_link = |href: &'static str, label: &'static str| {
        view! {
            <li class="fr-footer__content-item">
                <a
                    class="fr-footer__content-link"
                    href=href
                    target="_blank"
                    rel="noopener"
                    title=format!("{label} — nouvelle fenêtre")
                >
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <footer class="fr-footer" role="contentinfo" id="pied-de-page">
            <div class="fr-container">
                <div class="fr-footer__body">
                    <div class="fr-footer__brand fr-enlarge-link">
                        <a href=Route::Home.href() title=format!("Retour à l'accueil — {SERVICE_NAME}")>
                            <p class="fr-logo">"République" <br/> "Française"</p>
                        </a>
                    </div>
                    <div class="fr-footer__content">
                        <p class="fr-footer__content-desc">
                            {SERVICE_NAME}
                            " aide les élus et les équipes des intercommunalités à trouver les services publics d'appui à l'industrie adaptés à leur territoire. Vos réponses restent dans votre navigateur."
                        </p>
                        <p class="fr-footer__content-desc" id="version-catalogue">{version}</p>
                        <ul class="fr-footer__content-list">
                            {gov_link("https://www.info.gouv.fr", "info.gouv.fr")}
                            {gov_link("https://www.service-public.gouv.fr", "service-public.gouv.fr")}
                            {gov_link("https://www.legifrance.gouv.fr", "legifrance.gouv.fr")}
                            {gov_link("https://www.data.gouv.fr", "data.gouv.fr")}
                        </ul>
                    </div>
                </div>
                <div class="fr-footer__bottom">
                    <ul class="fr-footer__bottom-list">
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href=Route::Accessibility.href()>
                                "Accessibilité : non conforme"
                            </a>
                        </li>
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href=Route::Legal.href()>
                                "Mentions légales"
                            </a>
                        </li>
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href=Route::Privacy.href()>
                                "Données personnelles"
                            </a>
                        </li>
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href=Route::About.href()>
                                "À propos"
                            </a>
                        </li>
                    </ul>
                    <div class="fr-footer__bottom-copy">
                        <p>
                            "Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous "
                            <a
                                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                                target="_blank"
                                rel="noopener"
                                title="licence etalab-2.0 — nouvelle fenêtre"
                            >
                                "licence etalab-2.0"
                            </a>
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}
