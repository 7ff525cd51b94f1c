use leptos::prelude::*;

#[cfg(feature = "atelier")]
use super::{Banner, Button, Priority};
#[cfg(feature = "atelier")]
use crate::{loader::CatalogueState, route::Route, state::use_app};

/// The public bundle never previews (the Atelier is not in it).
#[cfg(not(feature = "atelier"))]
#[component]
pub fn PreviewNotice() -> impl IntoView {}

/// On every page while the Atelier previews an editor's catalogue: says so,
/// and offers the way back to the published one.
#[cfg(feature = "atelier")]
#[component]
pub fn PreviewNotice() -> impl IntoView {
    let app = use_app();
    move || {
        if !app.preview.get() {
            return None;
        }
        let version = match app.catalogue.get() {
            CatalogueState::Ready(cat) => cat.version.clone(),
            _ => String::new(),
        };
        Some(view! {
            // A landmark: it offers actions on every page (the Atelier's bundle
            // only, where the attributes' generic code costs no visitor).
            <Banner
                id="avis-apercu"
                class="parcours-preview"
                attr:role="region"
                attr:aria-label="Aperçu du catalogue"
            >
                <p>
                    <span class="fr-notice__title">
                        {format!("Aperçu : l'application utilise votre fichier de catalogue (version {version}), pas le catalogue publié.")}
                    </span>
                    <span class="fr-notice__desc">
                        " Rien n'est envoyé ; vos réponses pendant l'aperçu ne sont pas enregistrées. Recharger la page revient au catalogue publié. "
                    </span>
                    <a class="fr-link" href=Route::Atelier.href()>"Retour à l'atelier"</a>
                </p>
                <Button
                    priority=Priority::Secondary
                    small=true
                    id="quitter-apercu"
                    class="fr-mt-1w"
                    on_click=move |_| app.end_preview()
                >
                    "Quitter l'aperçu"
                </Button>
            </Banner>
        })
    }
}
