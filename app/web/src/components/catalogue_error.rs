use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::Catalogue;

use crate::app::use_app;
use crate::dom;
use crate::loader::{CatalogueState, LoadFailure};

/// What the user sees when the catalogue cannot be used: what happened in
/// plain French, what to do, and the details for the site's web team.
#[component]
pub fn CatalogueError(failure: LoadFailure) -> impl IntoView {
    let LoadFailure { summary, details } = failure;
    view! {
        <div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="erreur-catalogue">
            <h2 class="fr-alert__title">"Le catalogue des services n'est pas disponible"</h2>
            <p>{summary}</p>
            <p>
                "Le diagnostic et le parcours ont besoin de ce catalogue. Réessayez dans quelques instants ; si le problème persiste, signalez-le à l'équipe qui publie ce site. Les réponses déjà enregistrées dans ce navigateur sont conservées."
            </p>
            <p class="fr-mt-2w">
                <button type="button" class="fr-btn fr-btn--secondary" on:click=|_| dom::reload()>
                    "Réessayer"
                </button>
            </p>
            <details class="fr-mt-2w">
                <summary>"Détails techniques pour l'équipe du site"</summary>
                <ul class="fr-mt-1w">
                    {details.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

/// Renders `render` with the catalogue once loaded; a status while it
/// loads; the error otherwise.
#[component]
pub fn WithCatalogue<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Catalogue>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let app = use_app();
    move || match app.catalogue.get() {
        CatalogueState::Loading => view! {
            <p role="status" class="fr-my-4w">"Chargement du catalogue des services…"</p>
        }
        .into_any(),
        CatalogueState::Ready(cat) => render(cat).into_any(),
        CatalogueState::Failed(failure) => view! { <CatalogueError failure/> }.into_any(),
    }
}
