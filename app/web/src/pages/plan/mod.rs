//! « Ma feuille de route » (`#/feuille-de-route`, second bundle): the
//! territory's plan as a table grouped by step or by statut, printable in
//! A4 landscape with a QR code that reopens it; the forms that edit each
//! action; an action of one's own; the spreadsheet, the file and the link;
//! « Depuis le dernier comité ». The rules are `plan_state`'s and the
//! core's (`parcours_core::plan`).

mod editor;
mod link;
mod qr;
mod since;
mod table;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parcours_core::plan::{self, flag, GroupBy, Plan};
use parcours_core::Catalogue;

use crate::components::{
    Alert, AlertKind, Button, ButtonLink, ButtonsGroup, Callout, Field, Priority, WithCatalogue,
};
use crate::dom;
use crate::loader::plural;
use crate::plan_state::{self, PlanState};
use crate::route::{PlanQuery, Route};
use crate::state::{use_app, Notice};
use crate::transfer::{self, AnswersFile};

#[component]
pub fn PlanPage() -> impl IntoView {
    view! {
        <WithCatalogue render=move |cat| view! { <PlanView cat/> }/>
    }
}

#[component]
fn PlanView(cat: Arc<Catalogue>) -> impl IntoView {
    let app = use_app();
    let (state, told) = PlanState::open(&cat);
    provide_context(state);
    for line in told {
        app.notify(Notice {
            title: "Feuille de route illisible".into(),
            lines: vec![line],
        });
    }
    let offered = RwSignal::new(None::<link::Offered>);
    // A link's plan (`?r=`), when the page opens or a link is followed
    // while it is shown; then the address without it.
    {
        let cat = cat.clone();
        Effect::new(move |_| {
            let Route::Plan(PlanQuery {
                code: Some(code),
                by_status,
            }) = app.route.get()
            else {
                return;
            };
            link::open_link(&cat, &code, state, offered);
            app.replace_route(Route::Plan(PlanQuery {
                code: None,
                by_status,
            }));
        });
    }
    let by = Memo::new(move |_| match app.route.get() {
        Route::Plan(q) if q.by_status => GroupBy::Status,
        _ => GroupBy::Step,
    });
    let today = app.today();
    let link = {
        let cat = cat.clone();
        Memo::new(move |_| {
            let answers = app.answers.get();
            state
                .plan
                .with(|p| plan_state::plan_link(&dom::base_url(), &cat, &answers, p))
        })
    };
    let flagged = {
        let cat = cat.clone();
        Memo::new(move |_| {
            state
                .plan
                .with(|p| p.actions.iter().filter(|a| flag(a, &cat).is_some()).count())
        })
    };
    let empty = Memo::new(move |_| state.plan.with(Plan::is_empty));

    view! {
        <div class="parcours-plan">
            <h1 tabindex="-1" class="parcours-no-print">"Ma feuille de route"</h1>
            <p class="fr-text--lead parcours-no-print">
                "Les actions que votre territoire engage, avec leur statut, leur porteur et leur échéance, à suivre d'un comité de pilotage à l'autre. Elle est enregistrée dans ce navigateur : rien n'est envoyé à un serveur."
            </p>
            {move || (state.storage.get() != crate::storage::StorageStatus::Available).then(|| view! {
                <Alert kind=AlertKind::Warning small=true class="fr-mb-3w parcours-no-print">
                    <p>"Ce navigateur n'a pas enregistré la dernière modification (enregistrement désactivé ou espace plein) : exportez la feuille de route avant de fermer la page."</p>
                </Alert>
            })}
            <link::LinkOffer offered/>
            {
                let cat = cat.clone();
                move || (flagged.get() > 0).then(|| {
                    let cat = cat.clone();
                    let n = flagged.get();
                    view! {
                        <Alert kind=AlertKind::Warning class="fr-mb-3w parcours-no-print" id="alertes-catalogue" title=format!("{} dans le catalogue", plural(n, "service a changé", "services ont changé"))>
                            <p>"Le motif est indiqué sous chaque action concernée. Ces actions restent dans votre feuille de route."</p>
                            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" on:click=move |_| state.update(|p| p.acknowledge(&cat))>
                                "J'ai pris connaissance des changements de statut"
                            </button>
                        </Alert>
                    }
                })
            }
            {
                let cat = cat.clone();
                move || if empty.get() {
                    view! {
                        <Callout title="Votre feuille de route est vide" id="feuille-vide" class="fr-mb-4w parcours-no-print">
                            <p class="fr-callout__text">"Ajoutez-y des services depuis votre parcours ou le catalogue (« Ajouter à ma feuille de route »), ou une action propre à votre territoire ci-dessous."</p>
                            <ButtonsGroup class="fr-mt-2w">
                                <li><ButtonLink href=Route::Pathway(Default::default()).href()>"Voir mon parcours"</ButtonLink></li>
                                <li><ButtonLink href=Route::Catalogue(Default::default()).href() priority=Priority::Secondary>"Parcourir le catalogue"</ButtonLink></li>
                            </ButtonsGroup>
                        </Callout>
                    }.into_any()
                } else {
                    view! { <PlanTools cat=cat.clone() by link today=today.clone()/> }.into_any()
                }
            }
            <editor::Editor cat=cat.clone()/>
            <editor::OwnAction/>
            <since::SinceLastCommittee/>
            <ImportPlan cat=cat.clone()/>
        </div>
    }
}

/// The territory's name, the grouping, print, exports, link, and the table.
#[component]
fn PlanTools(
    cat: Arc<Catalogue>,
    by: Memo<GroupBy>,
    link: Memo<String>,
    today: String,
) -> impl IntoView {
    let app = use_app();
    let state = expect_context::<PlanState>();
    let status = RwSignal::new(String::new());
    let download = move |name: String, mime: &str, text: &str| {
        status.set(crate::state::download(&name, mime, text));
    };
    let sheet = {
        let (cat, today) = (cat.clone(), today.clone());
        move |_| {
            let text = state
                .plan
                .with_untracked(|p| plan::csv(p, &cat, by.get_untracked()));
            download(
                plan_state::file_name(&today, "csv"),
                "text/csv;charset=utf-8",
                &text,
            );
        }
    };
    let json = {
        let (cat, today) = (cat.clone(), today.clone());
        move |_| {
            let file = AnswersFile::new(&cat.version, &today, app.answers.get_untracked());
            let text = state
                .plan
                .with_untracked(|p| plan_state::file_with_plan(&file, p));
            download(
                transfer::file_name("reponses-parcours-ti", &today, "json"),
                "application/json",
                &text,
            );
        }
    };
    let copy = move |_| {
        let text = link.get_untracked();
        status.set(String::new());
        spawn_local(async move {
            status.set(crate::state::copy_link(&text, "#lien-feuille").await);
        });
    };
    let choose = move |status_first: bool| {
        app.replace_route(Route::Plan(PlanQuery {
            code: None,
            by_status: status_first,
        }))
    };
    view! {
        <div class="parcours-no-print">
            <Field class="parcours-territory" for_id="territoire-feuille" label="Nom du territoire" hint="Il figure en tête de la feuille de route imprimée.">
                <input
                    class="fr-input"
                    type="text"
                    id="territoire-feuille"
                    autocomplete="off"
                    prop:value=move || state.plan.with(|p| p.territory.clone())
                    on:input=move |ev| {
                        let name = event_target_value(&ev);
                        state.update(|p| p.territory = name);
                    }
                />
            </Field>
            <fieldset class="fr-fieldset" id="regroupement">
                <legend class="fr-fieldset__legend--regular fr-fieldset__legend">"Présenter les actions"</legend>
                <div class="fr-fieldset__element fr-fieldset__element--inline">
                    <div class="fr-radio-group">
                        <input type="radio" id="par-etape" name="regroupement" prop:checked=move || by.get() == GroupBy::Step on:change=move |_| choose(false)/>
                        <label class="fr-label" for="par-etape">"Par étape"</label>
                    </div>
                </div>
                <div class="fr-fieldset__element fr-fieldset__element--inline">
                    <div class="fr-radio-group">
                        <input type="radio" id="par-statut" name="regroupement" prop:checked=move || by.get() == GroupBy::Status on:change=move |_| choose(true)/>
                        <label class="fr-label" for="par-statut">"Par statut"</label>
                    </div>
                </div>
            </fieldset>
            <ButtonsGroup id="actions-feuille" class="fr-mb-2w">
                <li><Button id="imprimer-feuille" on_click=|_| dom::print()>"Imprimer la feuille de route"</Button></li>
                <li><Button id="exporter-tableur" priority=Priority::Secondary on_click=sheet>"Exporter (tableur)"</Button></li>
                <li><Button id="exporter-feuille-json" priority=Priority::Secondary on_click=json>"Télécharger la feuille de route (JSON)"</Button></li>
                <li><Button id="copier-lien-feuille" priority=Priority::Tertiary on_click=copy>"Copier le lien de la feuille de route"</Button></li>
            </ButtonsGroup>
            <p role="status" class="parcours-status" id="feuille-statut">{move || status.get()}</p>
            <Field class="parcours-link" for_id="lien-feuille" label="Lien de cette feuille de route" hint="Il contient la feuille de route et les réponses du diagnostic : la personne qui l'ouvre retrouve la même. Rien n'est envoyé à un serveur.">
                <input class="fr-input" type="text" id="lien-feuille" readonly prop:value=move || link.get() on:focus=|_| dom::select_input("#lien-feuille")/>
            </Field>
        </div>
        <table::PlanTable cat by link today/>
    }
}

/// Replaces the plan (and the answers) with an exported file's.
#[component]
fn ImportPlan(cat: Arc<Catalogue>) -> impl IntoView {
    let app = use_app();
    let state = expect_context::<PlanState>();
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = dom::take_chosen_file(&ev) else {
            return;
        };
        let cat = cat.clone();
        status.set(String::new());
        error.set(None);
        spawn_local(async move {
            let read = crate::state::chosen_file_text(&file).await;
            match read.and_then(|text| plan_state::read_file(&text)) {
                Ok((file, plan)) => {
                    let answers = app.adopt(&cat, &file.catalogue_version, file.answers);
                    app.set_answers(answers);
                    let carried = plan.is_some();
                    let plan = state
                        .plan
                        .with_untracked(|p| plan_state::plan_after_import(p, plan));
                    let n = plan.actions.len();
                    state.replace(plan);
                    status.set(if carried {
                        format!("Fichier importé : feuille de route de {} et réponses du diagnostic.", plural(n, "action", "actions"))
                    } else {
                        "Fichier importé : réponses du diagnostic. Il ne contient pas de feuille de route : la vôtre est inchangée.".to_string()
                    });
                }
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <section class="fr-mt-6w parcours-no-print" id="importer-feuille">
            <h2 class="fr-h4">"Reprendre une feuille de route exportée"</h2>
            <Field kind="fr-upload-group" for_id="importer-feuille-json" label="Importer une feuille de route (JSON)" hint="Un fichier « reponses-parcours-ti-….json » téléchargé depuis cette page. Il remplace la feuille de route et les réponses enregistrées dans ce navigateur.">
                <input class="fr-upload" type="file" id="importer-feuille-json" accept=".json,application/json" on:change=import/>
            </Field>
            <p role="status" class="parcours-status" id="import-feuille-statut">{move || status.get()}</p>
            <div role="alert" id="import-feuille-erreur">
                {move || error.get().map(|message| view! {
                    <Alert kind=AlertKind::Error small=true class="fr-mb-2w"><p>{message}</p></Alert>
                })}
            </div>
        </section>
    }
}
