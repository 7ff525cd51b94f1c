//! After the steps of a pathway, what the answers point to but nobody can
//! apply to: the propositions of the note, then the closed offers, each
//! with why it concerns the user and whom to ask or how to follow it. The
//! headings are the exports' own (`export::APART`).

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::export::{APART, WHY_APART};
use parcours_core::pathway::NotActionable;
use parcours_core::{Catalogue, Pathway, Standing};

use crate::components::{Card, ModuleStatus, Tag, TagsGroup, WayIn};
use crate::present::access_link;
use crate::route::Route;

#[component]
pub fn Apart(cat: Arc<Catalogue>, pathway: Pathway) -> impl IntoView {
    APART
        .into_iter()
        .filter_map(|(standing, heading, intro)| {
            let items: Vec<NotActionable> = pathway
                .not_actionable
                .iter()
                .filter(|m| m.standing == standing)
                .cloned()
                .collect();
            if items.is_empty() {
                return None;
            }
            let id = match standing {
                Standing::Proposition => "demandes-de-la-note",
                _ => "dispositifs-clos",
            };
            let items = items
                .into_iter()
                .map(|m| view! { <li><Item cat=cat.clone() pathway=pathway.clone() m/></li> })
                .collect_view();
            Some(view! {
                <section class="fr-mt-6w parcours-apart" id=id>
                    <h2>{heading}</h2>
                    <p>{intro}</p>
                    <ul class="parcours-cards">{items}</ul>
                </section>
            })
        })
        .collect_view()
}

#[component]
fn Item(cat: Arc<Catalogue>, pathway: Pathway, m: NotActionable) -> impl IntoView {
    let link = cat
        .module(&m.id)
        .and_then(|module| access_link(&cat, module));
    let lead = match m.standing {
        Standing::Closed => "Pour suivre une prochaine édition : ",
        _ => "À qui s'adresser : ",
    };
    let mut why: Vec<String> = m.reasons.into_iter().map(|r| r.text).collect();
    if !m.required_by.is_empty() {
        let titles: Vec<String> = m
            .required_by
            .iter()
            .map(|id| {
                pathway
                    .module(id)
                    .map_or_else(|| id.clone(), |r| r.title.clone())
            })
            .collect();
        why.push(format!("Préalable à : {}.", titles.join(" ; ")));
    }
    view! {
        <Card
            title=m.title
            href=Route::Module(m.id.clone()).href()
            module=m.id.clone()
            class="parcours-apart-card"
        >
            <div class="fr-card__start">
                <TagsGroup>
                    <Tag label=m.provider small=true/>
                </TagsGroup>
                <ModuleStatus nature=m.nature status=m.status state=m.state/>
            </div>
            <div class="parcours-card__more">
                <WayIn access=m.access link lead/>
                <div class="parcours-why-block fr-mt-1w">
                    <p class="fr-mb-0"><strong>{format!("{WHY_APART} :")}</strong></p>
                    <ul class="parcours-reasons">
                        {why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
        </Card>
    }
}
