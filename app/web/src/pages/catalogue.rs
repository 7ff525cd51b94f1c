//! Every module, with filters (operator, theme, step, kind, state) and a
//! text search; results update as one types. The filters live in signals and
//! are copied into the URL (`replace_route`, no new page), so a filtered
//! list can be bookmarked or shared.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::plan::can_take;
use parcours_core::{Availability, Catalogue};

use crate::components::{
    button_class, AddToPlan, Card, Field, ModuleStatus, Priority, WayIn, WithCatalogue,
};
use crate::loader::plural;
use crate::present::{access_link, matches, operators, Filters};
use crate::route::{CatalogueQuery, Route};
use crate::state::use_app;

#[component]
pub fn CataloguePage(query: CatalogueQuery) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Catalogue des services"</h1>
        <p class="fr-text--lead">
            "Tous les services publics d'appui recensés pour les Territoires d'industrie, qu'ils figurent ou non dans votre parcours."
        </p>
        <WithCatalogue render=move |cat| view! { <Browser cat query=query.clone()/> }/>
    }
}

fn to_filters(q: &CatalogueQuery) -> Filters {
    Filters {
        text: q.text.clone(),
        provider: q.provider.clone(),
        theme: q.theme.clone(),
        step: q.step.clone(),
        kind: q.kind.clone(),
        state: q.state.clone(),
    }
}

fn to_query(f: &Filters) -> CatalogueQuery {
    CatalogueQuery {
        text: f.text.clone(),
        provider: f.provider.clone(),
        theme: f.theme.clone(),
        step: f.step.clone(),
        kind: f.kind.clone(),
        state: f.state.clone(),
    }
}

#[component]
fn Browser(cat: Arc<Catalogue>, query: CatalogueQuery) -> impl IntoView {
    let app = use_app();
    let today = app.today();
    let filters = RwSignal::new(to_filters(&query));

    // Filters → URL. Our own writes update the route synchronously, so the
    // effect below sees them as already applied.
    let write = move |f: Filters| {
        app.replace_route(Route::Catalogue(to_query(&f)));
        filters.set(f);
    };
    // URL → filters, when the route changes from outside (a link to
    // `#/catalogue?theme=…` followed while on this page, back/forward).
    Effect::new(move |_| {
        if let Route::Catalogue(q) = app.route.get() {
            let f = to_filters(&q);
            if filters.get_untracked() != f {
                filters.set(f);
            }
        }
    });

    let results = {
        let (cat, today) = (cat.clone(), today.clone());
        Memo::new(move |_| {
            let f = filters.get();
            cat.modules
                .iter()
                .filter(|m| matches(&cat, m, &f, &today))
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let total = cat.modules.len();

    // (id, label, how many modules) for each select.
    let providers: Vec<(String, String, usize)> = cat
        .providers
        .iter()
        .map(|p| {
            let n = cat
                .modules
                .iter()
                .filter(|m| m.provider == p.id || m.partners.contains(&p.id))
                .count();
            (p.id.clone(), p.short_name.clone(), n)
        })
        .filter(|(_, _, n)| *n > 0)
        .collect();
    let themes: Vec<(String, String, usize)> = cat
        .themes
        .iter()
        .map(|t| {
            let n = cat
                .modules
                .iter()
                .filter(|m| m.themes.contains(&t.id))
                .count();
            (t.id.clone(), t.label.clone(), n)
        })
        .collect();
    let steps: Vec<(String, String, usize)> = cat
        .steps
        .iter()
        .map(|s| {
            let n = cat.modules.iter().filter(|m| m.step == s.id).count();
            (s.id.clone(), s.label.clone(), n)
        })
        .collect();
    let kinds: Vec<(String, String, usize)> = cat
        .kinds
        .iter()
        .map(|k| {
            let n = cat.modules.iter().filter(|m| m.kind == k.id).count();
            (k.id.clone(), k.label.clone(), n)
        })
        .filter(|(_, _, n)| *n > 0)
        .collect();
    let states: Vec<(String, String, usize)> = Availability::ALL
        .iter()
        .map(|a| {
            let n = cat
                .modules
                .iter()
                .filter(|m| m.availability_on(&today) == *a)
                .count();
            (a.id().to_string(), a.label().to_string(), n)
        })
        .filter(|(_, _, n)| *n > 0)
        .collect();

    let select = move |id: &'static str,
                       label: &'static str,
                       all: &'static str,
                       options: Vec<(String, String, usize)>,
                       get: fn(&Filters) -> Option<String>,
                       set: fn(&mut Filters, Option<String>)| {
        view! {
            <Field kind="fr-select-group" class="parcours-filter" for_id=id label>
                <select
                    class="fr-select"
                    id=id
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let mut f = filters.get_untracked();
                        set(&mut f, (!value.is_empty()).then_some(value));
                        write(f);
                    }
                >
                    <option value="" selected=move || get(&filters.get()).is_none()>{all}</option>
                    {options
                        .into_iter()
                        .map(|(value, text, n)| {
                            let current = value.clone();
                            view! {
                                <option
                                    value=value
                                    selected=move || get(&filters.get()).as_deref() == Some(current.as_str())
                                >
                                    {format!("{text} ({n})")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </Field>
        }
    };

    let cat_list = cat.clone();
    view! {
        <div class="parcours-filters fr-mb-4w" role="search" aria-label="Filtrer le catalogue">
            <Field
                class="parcours-search"
                for_id="recherche-catalogue"
                label="Rechercher un service"
                hint="Un ou plusieurs mots : titre, description, opérateur, thème."
            >
                <input
                    class="fr-input"
                    type="search"
                    id="recherche-catalogue"
                    autocomplete="off"
                    prop:value=move || filters.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let mut f = filters.get_untracked();
                        f.text = event_target_value(&ev);
                        write(f);
                    }
                />
            </Field>
            <div class="parcours-filter-row">
                {select("filtre-operateur", "Opérateur", "Tous les opérateurs", providers, |f| f.provider.clone(), |f, v| f.provider = v)}
                {select("filtre-theme", "Thème", "Tous les thèmes", themes, |f| f.theme.clone(), |f, v| f.theme = v)}
                {select("filtre-etape", "Étape", "Toutes les étapes", steps, |f| f.step.clone(), |f, v| f.step = v)}
                {select("filtre-type", "Type de service", "Tous les types", kinds, |f| f.kind.clone(), |f, v| f.kind = v)}
                {select("filtre-etat", "État", "Tous les états", states, |f| f.state.clone(), |f, v| f.state = v)}
            </div>
            <p class="fr-mt-2w">
                <button
                    type="button"
                    class=button_class(Priority::Tertiary, true)
                    id="effacer-filtres"
                    disabled=move || filters.get() == Filters::default()
                    on:click=move |_| write(Filters::default())
                >
                    "Effacer les filtres"
                </button>
            </p>
        </div>
        <p role="status" id="catalogue-compte" class="fr-text--bold">
            {move || {
                let n = results.with(Vec::len);
                if n == total {
                    format!("{} au catalogue", plural(total, "service", "services"))
                } else {
                    format!(
                        "{} sur {}",
                        plural(n, "service correspond", "services correspondent"),
                        total
                    )
                }
            }}
        </p>
        {move || {
            let ids = results.get();
            if ids.is_empty() {
                return view! {
                    <p id="catalogue-aucun">
                        "Aucun service ne correspond à ces critères. Essayez d'autres mots ou effacez des filtres."
                    </p>
                }
                .into_any();
            }
            let cat = cat_list.clone();
            let today = today.clone();
            view! {
                <ul class="parcours-cards parcours-catalogue-list" id="catalogue-liste">
                    {ids
                        .into_iter()
                        .filter_map(|id| cat.module(&id).cloned())
                        .map(|m| {
                            let step = cat.step(&m.step).map(|s| s.label.clone()).unwrap_or_default();
                            let themes: Vec<String> = m
                                .themes
                                .iter()
                                .filter_map(|t| cat.theme(t).map(|t| t.label.clone()))
                                .collect();
                            let kind = cat.kind(&m.kind).map(|k| k.label.clone()).unwrap_or_default();
                            let state = m.state_on(&today);
                            let link = access_link(&cat, &m);
                            let detail = format!("{} · {}", operators(&cat, &m), kind);
                            view! {
                                <li>
                                    <Card
                                        title=m.title.clone()
                                        href=Route::Module(m.id.clone()).href()
                                        level=2
                                        module=m.id.clone()
                                        class="fr-card--sm parcours-catalogue-card"
                                        desc=m.summary.clone()
                                    >
                                        <div class="fr-card__start">
                                            <p class="fr-card__detail">{detail}</p>
                                            <ModuleStatus nature=m.nature status=m.status.clone() state/>
                                        </div>
                                        <div class="fr-card__end">
                                            <WayIn access=m.access.clone() link/>
                                            <p class="fr-card__detail">{format!("Étape : {step} · Thèmes : {}", themes.join(", "))}</p>
                                            {can_take(&m).then(|| view! { <AddToPlan module=m.id.clone() title=m.title.clone()/> })}
                                        </div>
                                    </Card>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
