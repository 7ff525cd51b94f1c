use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::Catalogue;

use super::{Alert, AlertKind, Button, Priority};
use crate::dom;
use crate::loader::{CatalogueState, LoadFailure};
use crate::state::use_app;

/// What the user sees when the catalogue cannot be used: what happened in
/// plain French, what to do, and the details for the site's web team.
#[component]
pub fn CatalogueError(failure: LoadFailure) -> impl IntoView {
    let LoadFailure { summary, details } = failure;
    view! {
        <Alert
            kind=AlertKind::Error
            title="Le catalogue des services n'est pas disponible"
            id="erreur-catalogue"
            role="alert"
            class="fr-mb-4w"
        >
            <p>{summary}</p>
            <p>
                "Le diagnostic et le parcours ont besoin de ce catalogue. Réessayez dans quelques instants ; si le problème persiste, signalez-le à l'équipe qui publie ce site. Les réponses déjà enregistrées dans ce navigateur sont conservées."
            </p>
            // Reloading runs the page's loader again, which fetches the
            // catalogue and chooses the bundle that reads it.
            <p class="fr-mt-2w">
                <Button priority=Priority::Secondary on_click=|_| dom::reload()>"Réessayer"</Button>
            </p>
            <details class="fr-mt-2w">
                <summary>"Détails techniques pour l'équipe du site"</summary>
                <ul class="fr-mt-1w">
                    {details.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                </ul>
            </details>
        </Alert>
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
    catalogue_or_status(Box::new(move |cat| render(cat).into_any()))
}

/// What `WithCatalogue` shows, compiled once for every page (the generic
/// part only erases the page's view).
fn catalogue_or_status(render: Box<dyn Fn(Arc<Catalogue>) -> AnyView + Send + Sync>) -> AnyView {
    let app = use_app();
    (move || match app.catalogue.get() {
        CatalogueState::Loading => view! {
            <p role="status" class="fr-my-4w">"Chargement du catalogue des services…"</p>
        }
        .into_any(),
        CatalogueState::Ready(cat) => render(cat),
        CatalogueState::Failed(failure) => view! { <CatalogueError failure/> }.into_any(),
    })
    .into_any()
}
