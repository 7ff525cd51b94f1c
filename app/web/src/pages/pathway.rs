//! The pathway: modules step by step, each with why it is recommended;
//! two reading levels, print, share link, exports and import.
//!
//! Opened from a share link (`#/parcours?r=…`), the page shows the shared
//! pathway without touching the answers saved in this browser, and offers
//! to adopt them: a link received by e-mail must never silently erase one's
//! own diagnostic.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parcours_core::date::french as french_date;
use parcours_core::priorities::{NOTHING_URGENT_EMPTY_TEXT, NOTHING_URGENT_TITLE};
use parcours_core::recommend::Recommended;
use parcours_core::{export, recommend, share, Answers, Catalogue, Pathway};

use crate::app::{use_app, AppState};
use crate::components::{Fold, ModuleStatus, WayIn, WithCatalogue};
use crate::dom;
use crate::loader::plural;
use crate::pages::apart::Apart;
use crate::pages::priorities::Priorities;
use crate::present::{access_link, operators, themes_covered};
use crate::route::{PathwayQuery, Route};
use crate::storage::{self, VIEW_KEY};
use crate::transfer::{self, AnswersFile};

#[component]
pub fn PathwayPage(query: PathwayQuery) -> impl IntoView {
    view! {
        <WithCatalogue render=move |cat| {
            view! { <PathwayView cat code=query.code.clone() detailed=query.detailed/> }
        }/>
    }
}

/// Whose answers the page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Own,
    Shared,
}

#[component]
fn PathwayView(cat: Arc<Catalogue>, code: Option<String>, detailed: bool) -> impl IntoView {
    let app = use_app();
    let (source, answers): (Source, Signal<Answers>) = match code.as_deref() {
        None => (Source::Own, app.answers.into()),
        Some(code) => match share::decode(code) {
            Ok(shared) => {
                let answers = app.adopt(&cat, &shared.version, shared.answers);
                (Source::Shared, Signal::stored(answers))
            }
            Err(error) => {
                app.notify(
                    "Ce lien de parcours n'a pas pu être ouvert",
                    vec![
                        capitalise(&error.to_string()) + ".",
                        "Vous pouvez répondre au questionnaire pour établir votre parcours, ou demander un nouveau lien à la personne qui vous l'a envoyé.".into(),
                    ],
                );
                dom::replace_hash(&Route::Diagnostic(None).href());
                return view! { <p role="status">"Ouverture du questionnaire…"</p> }.into_any();
            }
        },
    };

    // The remembered reading level applies to one's own pathway (a shared
    // link carries its own): `#/parcours` without `vue` means « as last
    // chosen », on opening and when a link to it is followed on this page.
    let remembered = move || {
        if source != Source::Own || storage::read_raw(VIEW_KEY).as_deref() != Some("detail") {
            return;
        }
        if let Route::Pathway(q) = app.route.get_untracked() {
            if q.code.is_none() && !q.detailed {
                app.replace_route(Route::Pathway(PathwayQuery {
                    code: None,
                    detailed: true,
                }));
            }
        }
    };
    remembered();
    Effect::new(move |_| {
        app.route.track();
        remembered();
    });
    let detailed = Memo::new(move |_| match app.route.get() {
        Route::Pathway(q) => q.detailed,
        _ => detailed,
    });

    let today = app.today();
    let pathway = {
        let (cat, today) = (cat.clone(), today.clone());
        Memo::new(move |_| recommend::pathway(&cat, &answers.get(), &today))
    };
    let territory = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let transfer_status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let share_link = {
        let cat = cat.clone();
        Memo::new(move |_| {
            let code = share::encode(&cat.version, &answers.get());
            let route = Route::Pathway(PathwayQuery {
                code: Some(code),
                detailed: detailed.get(),
            });
            format!("{}{}", dom::base_url(), route.href())
        })
    };

    let answered = move || answers.with(|a| !a.is_empty());

    // Steps are rendered one task after another, the first with the page:
    // 34 cards in one task kept a slow phone busy for a quarter of a second
    // (Lighthouse counted it as blocking time). Once all are shown, a new
    // pathway (another reading level) renders whole.
    let shown = RwSignal::new(1usize);
    Effect::new(move |_| {
        let n = shown.get();
        if n < pathway.with(|p| p.steps.len()) {
            dom::later(0, move || {
                shown.try_set(n + 1);
            });
        }
    });

    view! {
        <h1 tabindex="-1">
            {match source {
                Source::Own => "Votre parcours",
                Source::Shared => "Parcours partagé",
            }}
        </h1>
        <p class="parcours-print-only parcours-print-territory">
            {move || {
                let t = territory.get();
                let t = t.trim();
                (!t.is_empty()).then(|| format!("Territoire : {t}"))
            }}
        </p>
        <p class="parcours-meta" id="parcours-meta">
            {format!(
                "Établi le {} avec la version {} du catalogue des services (publiée le {}).",
                french_date(&today),
                cat.version,
                french_date(&cat.published)
            )}
        </p>
        {(source == Source::Shared).then(|| view! { <SharedCallout answers/> })}
        {
            let cat = cat.clone();
            move || {
                if !answered() {
                    return view! { <NotStarted/> }.into_any();
                }
                let p = pathway.get();
                if p.is_empty() {
                    let apart = !p.not_actionable.is_empty();
                    let urgent_free = p.nothing_urgent;
                    return view! { <NothingDetected apart urgent_free/> }.into_any();
                }
                view! { <Summary cat=cat.clone() pathway=p/> }.into_any()
            }
        }
        <div class="parcours-no-print">
            <ViewSwitch detailed source/>
            <Actions
                cat=cat.clone()
                source
                answers
                pathway
                territory
                share_link
                status
                error
                today=today.clone()
                bottom=false
            />
        </div>
        <p class="parcours-print-only parcours-print-link">
            "Lien vers ce parcours : " {move || share_link.get()}
        </p>
        {
            let cat = cat.clone();
            move || {
                let p = pathway.get();
                let detailed = detailed.get();
                p.steps
                    .iter()
                    .enumerate()
                    .map(|(s, step)| {
                        // Numbered across steps, as printed and exported.
                        let first = p.steps[..s].iter().map(|st| st.modules.len()).sum::<usize>();
                        let visible = Memo::new(move |_| shown.get() > s);
                        let (cat, p, step) = (cat.clone(), p.clone(), step.clone());
                        move || visible.get().then(|| view! {
                            <section class="parcours-step fr-mt-6w" id=format!("etape-{}", step.id)>
                                <h2 class="parcours-step__title">{step.label.clone()}</h2>
                                {(!step.description.is_empty())
                                    .then(|| view! { <p class="parcours-step__desc">{step.description.clone()}</p> })}
                                <ul class="parcours-cards">
                                    {cards(&cat, &p, step.shown(), first, detailed)}
                                </ul>
                                {
                                    let (cat, p, step) = (cat.clone(), p.clone(), step.clone());
                                    let after = first + step.shown().len();
                                    view! {
                                        <Fold id=format!("etape-{}-suite", step.id) n=step.folded().len()>
                                            <ul class="parcours-cards">
                                                {cards(&cat, &p, step.folded(), after, detailed)}
                                            </ul>
                                        </Fold>
                                    }
                                }
                            </section>
                        })
                    })
                    .collect_view()
            }
        }
        {
            let cat = cat.clone();
            move || view! { <Apart cat=cat.clone() pathway=pathway.get()/> }
        }
        {move || {
            let p = pathway.get();
            (detailed.get() && !p.excluded.is_empty()).then(|| view! { <Excluded pathway=p/> })
        }}
        <div class="parcours-no-print fr-mt-6w">
            <Actions
                cat=cat.clone()
                source
                answers
                pathway
                territory
                share_link
                status=transfer_status
                error
                today=today.clone()
                bottom=true
            />
        </div>
        <p class="fr-mt-6w parcours-no-print">
            <a class="fr-link" href=Route::Diagnostic(None).href()>"Modifier mes réponses"</a>
        </p>
    }
    .into_any()
}

/// The cards of `modules`, numbered from `before + 1`.
fn cards(
    cat: &Arc<Catalogue>,
    pathway: &Pathway,
    modules: &[Recommended],
    before: usize,
    detailed: bool,
) -> impl IntoView {
    modules
        .iter()
        .enumerate()
        .map(|(i, m)| {
            view! {
                <li>
                    <ModuleCard
                        cat=cat.clone()
                        pathway=pathway.clone()
                        module=m.clone()
                        number=before + i + 1
                        detailed
                    />
                </li>
            }
        })
        .collect_view()
}

/// The catalogue's labels start with a lower-case Latin letter, if any:
/// `char::to_uppercase` would bring Unicode's case table into the wasm.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c @ ('a'..='z' | 'à'..='ö' | 'ø'..='þ')) => {
            let upper = char::from_u32(c as u32 - 32).unwrap_or(c);
            std::iter::once(upper).chain(chars).collect()
        }
        Some('œ') => std::iter::once('Œ').chain(chars).collect(),
        Some(c) => std::iter::once(c).chain(chars).collect(),
        None => String::new(),
    }
}

/// Shown above a shared pathway: whose answers these are, and the choice.
#[component]
fn SharedCallout(answers: Signal<Answers>) -> impl IntoView {
    let app = use_app();
    let own = app.answers.get_untracked();
    let same = own == answers.get_untracked();
    let has_own = !own.is_empty();
    let adopt = move |_| {
        app.set_answers(answers.get_untracked());
        app.notify(
            "Les réponses du lien sont désormais les vôtres",
            vec!["Elles sont enregistrées dans ce navigateur ; vous pouvez les modifier dans le questionnaire.".into()],
        );
        dom::set_hash(&Route::Pathway(PathwayQuery::default()).href());
    };
    view! {
        <div class="fr-callout parcours-no-print fr-mb-4w" id="parcours-partage">
            <h2 class="fr-callout__title">"Ce parcours vous a été partagé"</h2>
            <p class="fr-callout__text">
                {if same {
                    "Il correspond aux réponses déjà enregistrées dans ce navigateur."
                } else if has_own {
                    "Il est établi à partir des réponses contenues dans le lien. Les réponses que vous avez vous-même enregistrées dans ce navigateur ne sont pas modifiées."
                } else {
                    "Il est établi à partir des réponses contenues dans le lien. Pour les modifier ou y revenir plus tard, enregistrez-les dans ce navigateur."
                }}
            </p>
            {(!same).then(|| view! {
                <ul class="fr-btns-group fr-btns-group--inline-md">
                    <li>
                        <button type="button" class="fr-btn" id="adopter-reponses" on:click=adopt>
                            {if has_own {
                                "Remplacer mes réponses par celles du lien"
                            } else {
                                "Enregistrer ces réponses dans ce navigateur"
                            }}
                        </button>
                    </li>
                    {has_own.then(|| view! {
                        <li>
                            <a class="fr-btn fr-btn--secondary" href=Route::Pathway(PathwayQuery::default()).href()>
                                "Voir mon propre parcours"
                            </a>
                        </li>
                    })}
                </ul>
            })}
        </div>
    }
}

#[component]
fn NotStarted() -> impl IntoView {
    view! {
        <div class="fr-callout fr-mb-4w" id="parcours-vide">
            <h2 class="fr-callout__title">"Vous n'avez pas encore répondu au questionnaire"</h2>
            <p class="fr-callout__text">
                "Votre parcours s'établit à partir de vos réponses. Vous pouvez aussi parcourir l'ensemble des services, ou importer des réponses enregistrées auparavant."
            </p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
                <li><a class="fr-btn" href=Route::Diagnostic(None).href()>"Commencer le diagnostic"</a></li>
                <li>
                    <a class="fr-btn fr-btn--secondary" href=Route::Catalogue(Default::default()).href()>
                        "Parcourir le catalogue"
                    </a>
                </li>
            </ul>
        </div>
    }
}

/// No step. `apart`: the answers point only to what nobody can apply to
/// today, listed below. `urgent_free`: no answer shows a need (the core's
/// « Rien d'urgent »).
#[component]
fn NothingDetected(apart: bool, urgent_free: bool) -> impl IntoView {
    view! {
        <div class="fr-callout fr-mb-4w" id="parcours-vide">
            <h2 class="fr-callout__title">
                {if apart {
                    "Aucun service ouvert aujourd'hui ne répond à vos besoins"
                } else if urgent_free {
                    NOTHING_URGENT_TITLE
                } else {
                    "Aucun besoin particulier n'a été détecté"
                }}
            </h2>
            <p class="fr-callout__text">
                {if apart {
                    "Ce que la note demande pour votre situation et les dispositifs clos qui vous concerneraient sont présentés plus bas. Vous pouvez aussi parcourir l'ensemble des services, ou revoir vos réponses."
                } else if urgent_free {
                    NOTHING_URGENT_EMPTY_TEXT
                } else {
                    "Vos réponses ne font apparaître aucun besoin auquel un service du catalogue répondrait en priorité. Vous pouvez parcourir l'ensemble des services, ou revoir vos réponses."
                }}
            </p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
                <li>
                    <a class="fr-btn" href=Route::Catalogue(Default::default()).href()>
                        "Parcourir le catalogue"
                    </a>
                </li>
                <li>
                    <a class="fr-btn fr-btn--secondary" href=Route::Diagnostic(None).href()>
                        "Revoir mes réponses"
                    </a>
                </li>
            </ul>
        </div>
    }
}

/// Number of modules, themes covered, « Vos priorités ».
#[component]
fn Summary(cat: Arc<Catalogue>, pathway: Pathway) -> impl IntoView {
    let themes = themes_covered(&cat, &pathway);
    let count = pathway.module_count();
    let steps = pathway.steps.len();
    view! {
        <div class="fr-callout parcours-summary fr-mb-4w" id="parcours-resume">
            <h2 class="fr-callout__title">"En résumé"</h2>
            <p class="fr-callout__text" id="parcours-compte">
                {format!(
                    "{} recommandés, répartis en {}.",
                    plural(count, "service", "services"),
                    plural(steps, "étape", "étapes")
                )}
            </p>
            <p class="fr-mb-1w">
                <strong>"Thèmes couverts : "</strong>
                {themes.join(", ")}
            </p>
            <Priorities pathway/>
        </div>
    }
}

/// « Vue synthétique » / « Vue détaillée » (DSFR segmented control).
#[component]
fn ViewSwitch(detailed: Memo<bool>, source: Source) -> impl IntoView {
    let app = use_app();
    let choose = move |want: bool| {
        if source == Source::Own {
            storage::write_raw(VIEW_KEY, if want { "detail" } else { "synthese" });
        }
        let code = match app.route.get_untracked() {
            Route::Pathway(q) => q.code,
            _ => None,
        };
        app.replace_route(Route::Pathway(PathwayQuery {
            code,
            detailed: want,
        }));
    };
    view! {
        <fieldset class="fr-segmented fr-mb-4w" id="niveau-lecture">
            <legend class="fr-segmented__legend">"Niveau de lecture"</legend>
            <div class="fr-segmented__elements">
                <div class="fr-segmented__element">
                    <input
                        type="radio"
                        id="vue-synthetique"
                        name="niveau-lecture"
                        value="synthese"
                        prop:checked=move || !detailed.get()
                        on:change=move |_| choose(false)
                    />
                    <label class="fr-label" for="vue-synthetique">"Vue synthétique"</label>
                </div>
                <div class="fr-segmented__element">
                    <input
                        type="radio"
                        id="vue-detaillee"
                        name="niveau-lecture"
                        value="detail"
                        prop:checked=move || detailed.get()
                        on:change=move |_| choose(true)
                    />
                    <label class="fr-label" for="vue-detaillee">"Vue détaillée"</label>
                </div>
            </div>
        </fieldset>
    }
}

/// Top (`bottom = false`): territory name, print, copy link. Bottom, after
/// the pathway: the link itself, exports, import.
#[allow(clippy::too_many_arguments)]
#[component]
fn Actions(
    cat: Arc<Catalogue>,
    source: Source,
    answers: Signal<Answers>,
    pathway: Memo<Pathway>,
    territory: RwSignal<String>,
    share_link: Memo<String>,
    status: RwSignal<String>,
    error: RwSignal<Option<String>>,
    today: String,
    bottom: bool,
) -> impl IntoView {
    let app = use_app();
    let copy = move |_| {
        let link = share_link.get_untracked();
        status.set(String::new());
        spawn_local(async move {
            if dom::copy_text(&link).await {
                status.set("Lien copié".into());
            } else {
                dom::select_input("#lien-parcours");
                status.set("La copie automatique n'est pas possible dans ce navigateur : le lien est sélectionné plus bas, copiez-le avec Ctrl+C (ou ⌘+C).".into());
            }
        });
    };
    let markdown = {
        let cat = cat.clone();
        let today = today.clone();
        move |_| {
            let text = transfer::markdown_with_header(
                &export::markdown(&cat, &pathway.get_untracked()),
                &territory.get_untracked(),
                &share_link.get_untracked(),
                &french_date(&today),
            );
            let name = transfer::file_name("parcours-ti", &today, "md");
            saved(
                status,
                dom::download(&name, "text/markdown;charset=utf-8", &text),
                &name,
            );
        }
    };
    let csv = {
        let cat = cat.clone();
        let today = today.clone();
        move |_| {
            // A byte-order mark, so that spreadsheets read the accents.
            let text = format!("\u{feff}{}", export::csv(&cat, &pathway.get_untracked()));
            let name = transfer::file_name("parcours-ti", &today, "csv");
            saved(
                status,
                dom::download(&name, "text/csv;charset=utf-8", &text),
                &name,
            );
        }
    };
    let json = {
        let cat = cat.clone();
        let today = today.clone();
        move |_| {
            let mut file = AnswersFile::new(&cat.version, &today, answers.get_untracked());
            file.pathway = Some(pathway.get_untracked());
            let name = transfer::file_name("reponses-parcours-ti", &today, "json");
            saved(
                status,
                dom::download(&name, "application/json", &file.to_json()),
                &name,
            );
        }
    };
    let import = {
        let cat = cat.clone();
        move |ev: leptos::ev::Event| {
            let Some(file) = dom::take_chosen_file(&ev) else {
                return;
            };
            let cat = cat.clone();
            status.set(String::new());
            error.set(None);
            spawn_local(async move {
                let text = if file.size() > transfer::MAX_BYTES as f64 {
                    None
                } else {
                    wasm_bindgen_futures::JsFuture::from(file.text())
                        .await
                        .ok()
                        .and_then(|v| v.as_string())
                };
                let parsed = match text {
                    Some(text) => transfer::parse_answers_file(&text),
                    None => transfer::parse_answers_file(&"x".repeat(transfer::MAX_BYTES + 1)),
                };
                match parsed {
                    Ok(file) => import_answers(app, &cat, file, source, status),
                    Err(message) => error.set(Some(message)),
                }
            });
        }
    };
    if bottom {
        return view! {
        <section class="parcours-transfer fr-mb-4w" id="exporter-importer">
            <h2 class="fr-h4">"Partager, exporter, importer"</h2>
            <div class="fr-input-group parcours-link">
                <label class="fr-label" for="lien-parcours">
                    "Lien de ce parcours"
                    <span class="fr-hint-text">"Il contient vos réponses, le niveau de lecture et la version du catalogue : la personne qui l'ouvre voit le même parcours. Rien n'est envoyé à un serveur."</span>
                </label>
                <input
                    class="fr-input"
                    type="text"
                    id="lien-parcours"
                    readonly
                    prop:value=move || share_link.get()
                    on:focus=|_| dom::select_input("#lien-parcours")
                />
            </div>
            <p role="status" class="parcours-status" id="transfert-statut">{move || status.get()}</p>
            <div role="alert" id="parcours-erreur">
                {move || error.get().map(|message| view! {
                    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
                        <p>{message}</p>
                    </div>
                })}
            </div>
            <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm" id="exports">
                <li>
                    <button type="button" class="fr-btn fr-btn--tertiary" id="export-md" on:click=markdown>
                        "Télécharger le parcours (Markdown)"
                    </button>
                </li>
                <li>
                    <button type="button" class="fr-btn fr-btn--tertiary" id="export-csv" on:click=csv>
                        "Télécharger le parcours (CSV)"
                    </button>
                </li>
                <li>
                    <button type="button" class="fr-btn fr-btn--tertiary" id="export-json" on:click=json>
                        "Télécharger mes réponses (JSON)"
                    </button>
                </li>
            </ul>
            <div class="fr-upload-group">
                <label class="fr-label" for="importer-reponses">
                    "Importer des réponses"
                    <span class="fr-hint-text">
                        "Un fichier « reponses-parcours-ti-….json » téléchargé auparavant. Il remplace les réponses enregistrées dans ce navigateur."
                    </span>
                </label>
                <input
                    class="fr-upload"
                    type="file"
                    id="importer-reponses"
                    accept=".json,application/json"
                    on:change=import
                />
            </div>
        </section>
        }
        .into_any();
    }
    view! {
        <div class="fr-input-group parcours-territory">
            <label class="fr-label" for="territoire">
                "Nom du territoire"
                <span class="fr-hint-text">"Facultatif : il figure en tête du parcours imprimé et du document exporté."</span>
            </label>
            <input
                class="fr-input"
                type="text"
                id="territoire"
                autocomplete="off"
                prop:value=move || territory.get()
                on:input=move |ev| territory.set(event_target_value(&ev))
            />
        </div>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-2w" id="actions-parcours">
            <li>
                <button type="button" class="fr-btn" id="imprimer" on:click=|_| dom::print()>
                    "Imprimer le parcours"
                </button>
            </li>
            <li>
                <button type="button" class="fr-btn fr-btn--secondary" id="copier-lien" on:click=copy>
                    "Copier le lien"
                </button>
            </li>
        </ul>
        <p role="status" class="parcours-status" id="parcours-statut">{move || status.get()}</p>
    }
    .into_any()
}

fn saved(status: RwSignal<String>, ok: bool, name: &str) {
    status.set(if ok {
        format!("Fichier « {name} » téléchargé")
    } else {
        "Le téléchargement n'a pas pu être lancé dans ce navigateur.".into()
    });
}

fn import_answers(
    app: AppState,
    cat: &Catalogue,
    file: AnswersFile,
    source: Source,
    status: RwSignal<String>,
) {
    let count = file.answers.len();
    let answers = app.adopt(cat, &file.catalogue_version, file.answers);
    app.set_answers(answers);
    status.set(format!(
        "Réponses importées ({}) : le parcours ci-dessous en est issu.",
        plural(count, "réponse", "réponses")
    ));
    if source == Source::Shared {
        // Imported answers are one's own: leave the shared pathway.
        dom::set_hash(&Route::Pathway(PathwayQuery::default()).href());
    }
}

/// One module as a DSFR card.
#[component]
fn ModuleCard(
    cat: Arc<Catalogue>,
    pathway: Pathway,
    module: Recommended,
    number: usize,
    detailed: bool,
) -> impl IntoView {
    let Some(m) = cat.module(&module.id).cloned() else {
        return ().into_any();
    };
    let title_of = |id: &String| {
        pathway
            .module(id)
            .map_or_else(|| id.clone(), |r| r.title.clone())
    };
    let prerequisites: Vec<String> = module.prerequisites.iter().map(title_of).collect();
    let required_by: Vec<String> = module.required_by.iter().map(title_of).collect();
    let href = Route::Module(m.id.clone()).href();
    let operators = operators(&cat, &m);
    let kind = cat.kind(&m.kind).map(|k| k.label.clone());
    let link = access_link(&cat, &m);
    let source = cat.source(&m.source.document).map(|s| s.title.clone());
    // A step is never closed: the catalogue's state is the state today.
    let state = m.status.as_ref().map(|s| s.state);
    let reasons = module.reasons.clone();
    let why = if reasons.is_empty() && !required_by.is_empty() {
        vec![format!(
            "ce service est un préalable à : {}.",
            required_by.join(" ; ")
        )]
    } else {
        Vec::new()
    };
    view! {
        <article class="fr-card fr-card--no-arrow parcours-card" id=format!("module-{}", m.id) data-module=m.id.clone()>
            <div class="fr-card__body">
                <div class="fr-card__content">
                    <h3 class="fr-card__title" tabindex="-1">
                        <a href=href>{format!("{number}. {}", m.title)}</a>
                    </h3>
                    <p class="fr-card__desc">{m.summary.clone()}</p>
                    <div class="fr-card__start">
                        <ul class="fr-tags-group">
                            <li><p class="fr-tag fr-tag--sm">{operators}</p></li>
                            {kind.map(|k| view! { <li><p class="fr-tag fr-tag--sm">{k}</p></li> })}
                        </ul>
                        <ModuleStatus nature=m.nature status=m.status.clone() state/>
                    </div>
                    <div class="parcours-card__more">
                        <WayIn access=m.access.clone() link/>
                        {detailed.then(|| {
                            let m = m.clone();
                            view! {
                                <dl class="parcours-facts fr-mt-2w">
                                    <dt>"Ce que cela apporte"</dt>
                                    <dd>{m.benefits.clone()}</dd>
                                    <dt>"Pour qui"</dt>
                                    <dd>{m.audience.clone()}</dd>
                                    {m.cost.clone().map(|c| view! { <dt>"Coût"</dt><dd>{c}</dd> })}
                                    {m.duration.clone().map(|d| view! { <dt>"Durée"</dt><dd>{d}</dd> })}
                                    {source.clone().map(|s| view! {
                                        <dt>"Source"</dt>
                                        <dd>{format!("{s} — {}", m.source.section)}</dd>
                                    })}
                                </dl>
                            }
                        })}
                        {(!prerequisites.is_empty()).then(|| view! {
                            <p class="parcours-after fr-mt-1w">
                                <strong>"À engager après : "</strong>
                                {prerequisites.join(" ; ")}
                            </p>
                        })}
                        <div class="parcours-why-block fr-mt-1w">
                            <p class="fr-mb-0"><strong>"Recommandé parce que …"</strong></p>
                            <ul class="parcours-reasons">
                                {reasons
                                    .into_iter()
                                    .map(|r| {
                                        let triggers: Vec<String> = r
                                            .triggers
                                            .iter()
                                            .map(|t| format!("« {} » : {}", t.question_label, t.answer))
                                            .collect();
                                        view! {
                                            <li>
                                                {r.text}
                                                {(detailed && !triggers.is_empty()).then(|| {
                                                    let text = format!("Vos réponses : {}", triggers.join(" ; "));
                                                    view! { <span class="parcours-triggers">{text}</span> }
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                                {why.into_iter().map(|w| view! { <li>{capitalise(&w)}</li> }).collect_view()}
                            </ul>
                        </div>
                    </div>
                </div>
            </div>
        </article>
    }
    .into_any()
}

/// Modules that would have been recommended but do not apply.
#[component]
fn Excluded(pathway: Pathway) -> impl IntoView {
    view! {
        <section class="fr-mt-6w parcours-excluded" id="services-ecartes">
            <h2>"Services écartés"</h2>
            <p>"Ces services répondraient à vos besoins, mais vos réponses indiquent qu'ils ne s'appliquent pas à votre territoire."</p>
            <ul>
                {pathway
                    .excluded
                    .into_iter()
                    .map(|e| view! {
                        <li>
                            <a href=Route::Module(e.module.clone()).href()>{e.title}</a>
                            {format!(" : {}", e.reason)}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::capitalise;

    #[test]
    fn capitalise_agrees_with_unicode_on_french_initials() {
        for text in [
            "école",
            "œuvre",
            "à vérifier",
            "friche",
            "ça",
            "1 module",
            "« cité »",
            "",
        ] {
            let mut chars = text.chars();
            let unicode: String = match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            };
            assert_eq!(capitalise(text), unicode, "{text}");
        }
    }
}
