use leptos::prelude::*;

use crate::components::{ButtonLink, ButtonsGroup};
use crate::route::Route;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page introuvable"</h1>
        <p class="fr-text--lead">
            "L'adresse « " <code>{format!("#/{path}")}</code> " » ne correspond à aucune page de ce service."
        </p>
        <p>
            "Si vous l'avez copiée, vérifiez qu'elle est complète. Elle a peut-être aussi été produite par une version plus ancienne du service."
        </p>
        <ButtonsGroup>
            <li><ButtonLink href=Route::Home.href()>"Retour à l'accueil"</ButtonLink></li>
        </ButtonsGroup>
    }
}
