//! One module in full: what it is, who runs it, how to get it, what comes
//! before and after, where the catalogue took it from, and which answers
//! of the questionnaire lead to it.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::plan::can_take;
use parcours_core::{Catalogue, Module};

use crate::components::{
    AddToPlan, Breadcrumb, ExternalLink, ModuleStatus, Tag, TagsGroup, WayIn, WithCatalogue,
};
use crate::dom;
use crate::present::{access_link, describe, operators, safe_url};
use crate::route::{document_title, CatalogueQuery, Route};
use crate::state::use_app;

#[component]
pub fn ModulePage(id: String) -> impl IntoView {
    view! {
        <WithCatalogue render=move |cat| {
            match cat.module(&id).cloned() {
                Some(m) => view! { <ModuleView cat m/> }.into_any(),
                None => view! {
                    <h1 tabindex="-1">"Service introuvable"</h1>
                    <p>"Ce service n'existe pas dans cette version du catalogue : il a peut-être été renommé ou retiré."</p>
                    <p><a class="fr-link" href=Route::Catalogue(Default::default()).href()>"Voir le catalogue"</a></p>
                }.into_any(),
            }
        }/>
    }
}

#[component]
fn ModuleView(cat: Arc<Catalogue>, m: Module) -> impl IntoView {
    // After the shell's own « Fiche service » title, set on page change.
    let title = document_title(&m.title);
    dom::after_paint(move || dom::set_title(&title));
    let link_to = |id: &str| {
        let title = cat
            .module(id)
            .map_or_else(|| id.to_string(), |m| m.title.clone());
        view! { <li><a href=Route::Module(id.to_string()).href()>{title}</a></li> }
    };
    let prerequisites = m.prerequisites.iter().map(|p| link_to(p)).collect_view();
    let required_by: Vec<String> = cat
        .modules
        .iter()
        .filter(|o| o.prerequisites.contains(&m.id))
        .map(|o| o.id.clone())
        .collect();
    let required_by_view = required_by.iter().map(|p| link_to(p)).collect_view();
    let rules: Vec<(String, String)> = cat
        .rules
        .iter()
        .filter(|r| r.modules.contains(&m.id))
        .map(|r| (r.reason.clone(), describe(&cat, &r.when)))
        .collect();
    let exclusions: Vec<(String, String)> = m
        .exclusions
        .iter()
        .map(|e| (e.reason.clone(), describe(&cat, &e.when)))
        .collect();
    let step = cat
        .step(&m.step)
        .map(|s| s.label.clone())
        .unwrap_or_default();
    let kind = cat
        .kind(&m.kind)
        .map(|k| k.label.clone())
        .unwrap_or_default();
    let themes: Vec<(String, String)> = m
        .themes
        .iter()
        .filter_map(|t| cat.theme(t).map(|th| (t.clone(), th.label.clone())))
        .collect();
    let providers: Vec<(String, Option<String>)> = std::iter::once(&m.provider)
        .chain(m.partners.iter())
        .filter_map(|p| cat.provider(p))
        .map(|p| (p.name.clone(), safe_url(p.url.as_deref())))
        .collect();
    let source = cat.source(&m.source.document).cloned();
    let operators = operators(&cat, &m);
    let access = access_link(&cat, &m);
    let state = m.state_on(&use_app().today());
    let step_href = Route::Catalogue(CatalogueQuery {
        step: Some(m.step.clone()),
        ..Default::default()
    })
    .href();

    view! {
        <Breadcrumb
            trail=vec![
                ("Accueil", Route::Home.href()),
                ("Catalogue", Route::Catalogue(Default::default()).href()),
            ]
            current=m.title.clone()
        />
        <h1 tabindex="-1">{m.title.clone()}</h1>
        <p class="fr-text--lead">{m.summary.clone()}</p>
        <ModuleStatus nature=m.nature status=m.status.clone() state/>
        <WayIn access=m.access.clone() link=access/>
        {can_take(&m).then(|| view! { <AddToPlan module=m.id.clone() title=m.title.clone()/> })}
        <TagsGroup class="fr-mb-3w fr-mt-3w">
            <Tag label=operators/>
            <Tag label=format!("Étape : {step}") href=step_href/>
            <Tag label=kind/>
            {themes
                .into_iter()
                .map(|(id, label)| {
                    let href = Route::Catalogue(CatalogueQuery {
                        theme: Some(id),
                        ..Default::default()
                    })
                    .href();
                    view! { <Tag label href/> }
                })
                .collect_view()}
        </TagsGroup>
        <h2>"En détail"</h2>
        <dl class="parcours-facts">
            <dt>"Ce que cela apporte"</dt>
            <dd>{m.benefits.clone()}</dd>
            <dt>"Pour qui"</dt>
            <dd>{m.audience.clone()}</dd>
            <dt>"Coût"</dt>
            <dd>{m.cost.clone().unwrap_or_else(|| "Non précisé par la source".into())}</dd>
            <dt>"Durée"</dt>
            <dd>{m.duration.clone().unwrap_or_else(|| "Non précisée par la source".into())}</dd>
            <dt>"Opérateurs"</dt>
            <dd>
                <ul class="parcours-inline-list">
                    {providers
                        .into_iter()
                        .map(|(name, url)| view! {
                            <li>
                                {match url {
                                    Some(href) => view! { <ExternalLink href label=name/> }.into_any(),
                                    None => name.into_any(),
                                }}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </dd>
        </dl>
        {(!m.prerequisites.is_empty()).then(|| view! {
            <h2>"À engager avant"</h2>
            <ul id="module-prealables" class="parcours-module-list">{prerequisites}</ul>
        })}
        {(!required_by.is_empty()).then(|| view! {
            <h2>"Prépare"</h2>
            <ul id="module-suites" class="parcours-module-list">{required_by_view}</ul>
        })}
        <h2>"Les réponses qui mènent à ce service"</h2>
        {if rules.is_empty() {
            view! {
                <p id="module-regles">
                    {m.browse_only.clone().unwrap_or_else(|| {
                        "Aucune réponse du questionnaire ne recommande directement ce service : il peut entrer dans un parcours comme préalable à un autre service.".into()
                    })}
                </p>
            }
            .into_any()
        } else {
            view! {
                <ul id="module-regles" class="parcours-rules">
                    {conditioned(rules)}
                </ul>
            }
            .into_any()
        }}
        {(!exclusions.is_empty()).then(|| view! {
            <h2>"Quand ce service est écarté"</h2>
            <ul>
                {conditioned(exclusions)}
            </ul>
        })}
        <h2>"Source"</h2>
        {source.map(|s| {
            let url = safe_url(s.url.as_deref());
            view! {
                <p id="module-source">
                    {format!("{} — {}", s.publisher, s.title)}
                    {url.map(|u| view! {
                        " "
                        <a class="fr-link" href=u target="_blank" rel="noopener" title="Consulter la source — nouvelle fenêtre">
                            "Consulter la source"
                        </a>
                    })}
                </p>
            }
        })}
        <p>{format!("Section : {}", m.source.section)}</p>
        {m.source.excerpt.clone().map(|e| view! {
            <blockquote class="parcours-excerpt"><p>{format!("« {e} »")}</p></blockquote>
        })}
        <p class="fr-mt-4w">
            <a class="fr-link" href=Route::Catalogue(Default::default()).href()>"Retour au catalogue"</a>
        </p>
    }
}

/// The items of a list of rules or exclusions: why, then when (in words).
fn conditioned(items: Vec<(String, String)>) -> impl IntoView {
    items
        .into_iter()
        .map(|(reason, when)| {
            view! {
                <li>
                    <p class="fr-mb-1w">{reason}</p>
                    <p class="fr-text--sm parcours-rule-when">{format!("Quand : {when}")}</p>
                </li>
            }
        })
        .collect_view()
}
