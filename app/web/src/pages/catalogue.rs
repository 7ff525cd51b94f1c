use leptos::prelude::*;

use crate::components::WithCatalogue;
use crate::route::{CatalogueQuery, Route};

#[component]
pub fn CataloguePage(query: CatalogueQuery) -> impl IntoView {
    let _ = query;
    view! {
        <h1 tabindex="-1">"Catalogue des services"</h1>
        <WithCatalogue render=|cat| view! {
            <ul>
                {cat.modules.iter().map(|m| {
                    let href = Route::Module(m.id.clone()).href();
                    view! { <li><a href=href>{m.title.clone()}</a></li> }
                }).collect_view()}
            </ul>
        }/>
    }
}
