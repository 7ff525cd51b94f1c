use leptos::prelude::*;

#[cfg(feature = "atelier")]
use crate::{app::use_app, loader::CatalogueState, route::Route};

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
            <div class="fr-notice fr-notice--info parcours-preview" id="avis-apercu" role="region" aria-label="Aperçu du catalogue">
                <div class="fr-container">
                    <div class="fr-notice__body">
                        <p>
                            <span class="fr-notice__title">
                                {format!("Aperçu : l'application utilise votre fichier de catalogue (version {version}), pas le catalogue publié.")}
                            </span>
                            <span class="fr-notice__desc">
                                " Rien n'est envoyé ; vos réponses pendant l'aperçu ne sont pas enregistrées. Recharger la page revient au catalogue publié. "
                            </span>
                            <a class="fr-link" href=Route::Workshop.href()>"Retour à l'atelier"</a>
                        </p>
                        <button
                            type="button"
                            class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w"
                            id="quitter-apercu"
                            on:click=move |_| app.end_preview()
                        >
                            "Quitter l'aperçu"
                        </button>
                    </div>
                </div>
            </div>
        })
    }
}
