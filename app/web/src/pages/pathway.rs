use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::{recommend, Catalogue};

use crate::app::use_app;
use crate::components::WithCatalogue;
use crate::route::{PathwayQuery, Route};

#[component]
pub fn PathwayPage(query: PathwayQuery) -> impl IntoView {
    let _ = query;
    view! {
        <WithCatalogue render=move |cat| view! { <PathwayView cat/> }/>
    }
}

#[component]
fn PathwayView(cat: Arc<Catalogue>) -> impl IntoView {
    let app = use_app();
    let pathway = {
        let cat = cat.clone();
        Memo::new(move |_| recommend::pathway(&cat, &app.answers.get()))
    };
    view! {
        <h1 tabindex="-1">"Votre parcours"</h1>
        {move || {
            let p = pathway.get();
            if p.is_empty() {
                return view! {
                    <p id="parcours-vide">
                        "Vos réponses ne font apparaître aucun besoin particulier. Vous pouvez parcourir le catalogue des services."
                    </p>
                }
                .into_any();
            }
            p.steps
                .into_iter()
                .map(|step| {
                    view! {
                        <section class="fr-mb-4w">
                            <h2>{step.label}</h2>
                            <ul>
                                {step
                                    .modules
                                    .into_iter()
                                    .map(|m| {
                                        let href = Route::Module(m.id.clone()).href();
                                        view! {
                                            <li class="parcours-module">
                                                <a href=href>{m.title}</a>
                                                {format!(" ({})", m.provider)}
                                                <ul>
                                                    {m.reasons.into_iter().map(|r| view! {
                                                        <li>"Recommandé parce que " {r.text}</li>
                                                    }).collect_view()}
                                                </ul>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }}
        <p><a class="fr-link" href=Route::Diagnostic(None).href()>"Modifier mes réponses"</a></p>
    }
}
