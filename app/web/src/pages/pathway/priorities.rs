//! « Vos priorités » at the top of the pathway, or that nothing is urgent;
//! then the « Je ne sais pas » the diagnostics will answer. The order, the
//! reasons and the sentences are the core's (`priorities.rs`), so that the
//! screen says what print and the exports say.

use leptos::prelude::*;
use parcours_core::priorities::{
    NOTHING_URGENT_EMPTY_TEXT, NOTHING_URGENT_TEXT, NOTHING_URGENT_TITLE, PRIORITIES_HEADING,
    PRIORITIES_INTRO,
};
use parcours_core::Pathway;

use crate::dom;

/// The priorities, each a jump to its card, with why; or « Rien d'urgent ».
#[component]
pub fn Priorities(pathway: Pathway) -> impl IntoView {
    let unknowns = pathway.unknowns_sentence().map(|line| {
        view! { <p class="fr-mb-1w parcours-unknowns" id="parcours-inconnues">{line}</p> }
    });
    if pathway.nothing_urgent {
        let text = if pathway.is_empty() {
            NOTHING_URGENT_EMPTY_TEXT
        } else {
            NOTHING_URGENT_TEXT
        };
        return view! {
            <div class="parcours-priorities" id="parcours-priorites">
                <h3 class="fr-h6 fr-mb-1w">{NOTHING_URGENT_TITLE}</h3>
                <p class="fr-mb-1w">{text}</p>
                {unknowns}
            </div>
        }
        .into_any();
    }
    let items: Vec<(String, String, String)> = pathway
        .priority_list()
        .into_iter()
        .map(|p| (p.module.id.clone(), p.module.title.clone(), p.why.text()))
        .collect();
    view! {
        <div class="parcours-priorities" id="parcours-priorites">
            {(!items.is_empty()).then(|| view! {
                <h3 class="fr-h6 fr-mb-1w">{PRIORITIES_HEADING}</h3>
                <p class="fr-mb-1w">{PRIORITIES_INTRO}</p>
                <ol class="parcours-top">
                    {items
                        .into_iter()
                        .map(|(id, title, why)| {
                            let target = format!("#module-{id}");
                            let focus_target = format!("#module-{id} h3");
                            view! {
                                <li data-module=id>
                                    // An in-page jump: the route stays in the URL.
                                    <a
                                        href=target
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            dom::focus(&focus_target);
                                        }
                                    >
                                        {title}
                                    </a>
                                    <span class="parcours-priority__why">{format!(" — {why}")}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            })}
            {unknowns}
        </div>
    }
    .into_any()
}
