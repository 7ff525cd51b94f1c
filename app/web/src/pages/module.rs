use leptos::prelude::*;

use crate::components::WithCatalogue;
use crate::route::Route;

#[component]
pub fn ModulePage(id: String) -> impl IntoView {
    view! {
        <WithCatalogue render=move |cat| {
            match cat.module(&id) {
                Some(m) => view! {
                    <h1 tabindex="-1">{m.title.clone()}</h1>
                    <p class="fr-text--lead">{m.summary.clone()}</p>
                    <p>{m.benefits.clone()}</p>
                }.into_any(),
                None => view! {
                    <h1 tabindex="-1">"Service introuvable"</h1>
                    <p>"Ce service n'existe pas dans cette version du catalogue."</p>
                    <p><a class="fr-link" href=Route::Catalogue(Default::default()).href()>"Voir le catalogue"</a></p>
                }.into_any(),
            }
        }/>
    }
}
