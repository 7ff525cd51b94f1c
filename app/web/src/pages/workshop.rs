//! Atelier du catalogue: an editor opens a local `catalogue.json`, sees
//! every problem the CLI would report, previews the whole app on it, and
//! reads what changed against the published catalogue and what the
//! questionnaire covers. The file never leaves the browser.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parcours_core::coverage::coverage;
use parcours_core::diagnostic::locate_pointer;
use parcours_core::diff::{diff, Status};
use parcours_core::{Catalogue, Diagnostic};

use crate::app::{use_app, AppState};
use crate::dom;
use crate::route::Route;
use crate::workshop::{excerpt, module_label, question_label, MAX_BYTES};

/// A file opened in the Atelier and what loading it gave.
#[derive(Debug, Clone)]
pub struct Opened {
    pub name: String,
    pub text: Arc<String>,
    pub result: Result<Arc<Catalogue>, Arc<Vec<Diagnostic>>>,
}

fn open_text(app: AppState, name: String, text: String) {
    // Same domain code as `catalogue check`, with the checks of the day.
    let result = parcours_core::load_on(&text, &app.today())
        .map(Arc::new)
        .map_err(|mut diags| {
            for d in &mut diags {
                if d.line.is_none() {
                    d.line = locate_pointer(&text, &d.pointer);
                }
            }
            Arc::new(diags)
        });
    app.workshop.set(Some(Opened {
        name,
        text: Arc::new(text),
        result,
    }));
    dom::after_paint(|| {
        dom::focus("#atelier-resultat");
    });
}

fn read_file(app: AppState, file: web_sys::File, error: RwSignal<Option<String>>) {
    error.set(None);
    let name = file.name();
    spawn_local(async move {
        if file.size() > MAX_BYTES as f64 {
            error.set(Some(format!(
                "Le fichier « {name} » est trop volumineux pour un catalogue (plus de {} Mo).",
                MAX_BYTES / 1_000_000
            )));
            return;
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        match text {
            Some(text) => open_text(app, name, text),
            None => error.set(Some(format!(
                "Le fichier « {name} » n'a pas pu être lu : est-ce bien un fichier texte ?"
            ))),
        }
    });
}

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let app = use_app();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let dragging = RwSignal::new(false);

    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = dom::take_chosen_file(&ev) {
            read_file(app, file, error);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        // Without this the browser opens the dropped file itself.
        ev.prevent_default();
        dragging.set(true);
    };
    let on_dragleave = move |_: leptos::ev::DragEvent| dragging.set(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(app, file, error);
        }
    };

    view! {
        <h1 tabindex="-1">"Atelier du catalogue"</h1>
        <p class="fr-text--lead">
            "Pour les personnes qui rédigent le catalogue : ouvrez votre fichier « catalogue.json » modifié pour le vérifier, essayer l'application avec lui, voir ce qui change par rapport au catalogue publié et ce que le questionnaire couvre."
        </p>
        <p>
            "Le fichier est lu par votre navigateur uniquement : il n'est envoyé nulle part. Les vérifications sont celles de la commande « catalogue check » ; le guide de rédaction est dans « content/README.md »."
        </p>

        <div
            class="parcours-dropzone fr-p-3w fr-mb-4w"
            class:parcours-dropzone--active=move || dragging.get()
            id="atelier-depot"
            on:dragover=on_dragover
            on:dragenter=on_dragover
            on:dragleave=on_dragleave
            on:drop=on_drop
        >
            <div class="fr-upload-group">
                <label class="fr-label" for="atelier-fichier">
                    "Ouvrir un fichier de catalogue"
                    <span class="fr-hint-text">
                        "Format JSON. Vous pouvez aussi déposer le fichier dans ce cadre."
                    </span>
                </label>
                <input
                    class="fr-upload"
                    type="file"
                    id="atelier-fichier"
                    accept=".json,application/json"
                    on:change=on_change
                />
            </div>
        </div>
        {move || error.get().map(|e| view! {
            <div class="fr-alert fr-alert--error fr-mb-3w" id="atelier-erreur-fichier" role="alert">
                <p>{e}</p>
            </div>
        })}

        <div id="atelier-resultat" tabindex="-1">
            {move || app.workshop.get().map(|opened| match opened.result.clone() {
                Err(diags) => errors_view(&opened, &diags).into_any(),
                Ok(cat) => valid_view(app, &opened, cat).into_any(),
            })}
        </div>
    }
}

fn errors_view(opened: &Opened, diags: &[Diagnostic]) -> impl IntoView {
    let title = match diags.len() {
        1 => format!("1 erreur dans « {} »", opened.name),
        n => format!("{n} erreurs dans « {} »", opened.name),
    };
    let text = opened.text.clone();
    view! {
        <div class="fr-alert fr-alert--error fr-mb-3w">
            <h2 class="fr-alert__title" id="atelier-erreurs-titre">{title}</h2>
            <p>"Le catalogue ne peut pas être utilisé tel quel. Corrigez chaque point ci-dessous puis rouvrez le fichier."</p>
        </div>
        <ol class="parcours-diagnostics" id="atelier-erreurs">
            {diags.iter().map(|d| {
                let pointer = if d.pointer.is_empty() { "(document entier)".to_string() } else { d.pointer.clone() };
                let place = d.line.map(|l| match d.column {
                    Some(c) => format!("ligne {l}, colonne {c}"),
                    None => format!("ligne {l}"),
                });
                let lines = d.line.map(|l| excerpt(&text, l, d.column)).unwrap_or_default();
                let line = d.line;
                let shown = (!lines.is_empty()).then(|| {
                    let body = lines
                        .iter()
                        .map(|(n, s)| {
                            let mark = if Some(*n) == line { '>' } else { ' ' };
                            format!("{mark}{n:>5} | {s}")
                        })
                        .collect::<Vec<_>>()
                        .join("\n");
                    view! { <pre class="parcours-file-excerpt" tabindex="0">{body}</pre> }
                });
                view! {
                    <li class="fr-mb-2w">
                        <p class="fr-mb-1v">{d.message.clone()}</p>
                        <p class="fr-text--sm fr-mb-1v">
                            "Emplacement : " <code>{pointer}</code>
                            {place.map(|p| format!(" — {p}"))}
                        </p>
                        {shown}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

fn valid_view(app: AppState, opened: &Opened, cat: Arc<Catalogue>) -> impl IntoView {
    let summary = format!(
        "« {} » est valide : version {}, {} services, {} questions, {} règles.",
        opened.name,
        cat.version,
        cat.modules.len(),
        cat.questions().count(),
        cat.rules.len()
    );
    let preview_cat = cat.clone();
    let start = move |_| {
        app.start_preview(preview_cat.clone());
        dom::set_hash(&Route::Diagnostic(None).href());
    };
    let published = app.published.get_untracked();
    view! {
        <div class="fr-alert fr-alert--success fr-mb-3w">
            <h2 class="fr-alert__title" id="atelier-valide">"Catalogue valide"</h2>
            <p>{summary}</p>
        </div>
        <div class="fr-mb-4w">
            {move || if app.preview.get() {
                view! {
                    <p id="atelier-apercu-actif">"L'aperçu est actif : toute l'application utilise ce fichier."</p>
                    <button type="button" class="fr-btn fr-btn--secondary" on:click=move |_| app.end_preview()>
                        "Quitter l'aperçu"
                    </button>
                }.into_any()
            } else {
                let start = start.clone();
                view! {
                    <button type="button" class="fr-btn" id="atelier-apercu" on:click=start>
                        "Essayer l'application avec ce catalogue"
                    </button>
                }.into_any()
            }}
        </div>
        {match published {
            Some(old) => diff_view(&old, &cat).into_any(),
            None => view! {
                <h2>"Différences avec le catalogue publié"</h2>
                <p>"Le catalogue publié n'a pas pu être chargé : la comparaison n'est pas disponible."</p>
            }.into_any(),
        }}
        {coverage_view(&cat)}
    }
}

fn diff_view(old: &Catalogue, new: &Catalogue) -> impl IntoView {
    let d = diff(old, new);
    let caption = format!(
        "Modifications de la version {} (publiée) à la version {} (votre fichier)",
        d.from_version, d.to_version
    );
    let label = |c: &parcours_core::diff::Change| -> String {
        match c.kind {
            parcours_core::diff::ItemKind::Module => {
                let cat = if c.status == Status::Removed {
                    old
                } else {
                    new
                };
                module_label(cat, &c.id)
            }
            parcours_core::diff::ItemKind::Question => {
                let cat = if c.status == Status::Removed {
                    old
                } else {
                    new
                };
                question_label(cat, &c.id)
            }
            parcours_core::diff::ItemKind::Option => {
                format!(
                    "{} (question {})",
                    c.id,
                    c.parent.clone().unwrap_or_default()
                )
            }
            _ => c.id.clone(),
        }
    };
    let rows = d
        .changes
        .iter()
        .map(|c| {
            let fields = match &c.status {
                Status::Changed(f) => f.join(", "),
                _ => String::new(),
            };
            view! {
                <tr>
                    <td>{c.kind.label()}</td>
                    <td>{label(c)}</td>
                    <td>{c.status.label()}</td>
                    <td>{fields}</td>
                </tr>
            }
        })
        .collect_view();
    let header = (!d.header_changed.is_empty()).then(|| {
        view! { <p>{format!("En-tête modifié : {}.", d.header_changed.join(", "))}</p> }
    });
    // One sample a scale: its lowest value and what it now reads as.
    let turned: Vec<String> = d
        .turned_scales
        .iter()
        .map(|a| {
            format!(
                "{} : une réponse « {} » se lira « {} ».",
                question_label(new, &a.question),
                a.from,
                a.to
            )
        })
        .collect();
    let lost = d.lost_answers.clone();
    let lost_view = if lost.is_empty() {
        view! {
            <p id="atelier-pertes">"Aucune réponse enregistrée ni aucun lien de partage ne perdrait de réponse : une version mineure suffit, sauf changement de sens."</p>
        }.into_any()
    } else {
        view! {
            <p>"Les réponses ci-dessous, enregistrées ou partagées avec le catalogue publié, seraient abandonnées (avec un message à la personne) : signalez-le dans « CHANGELOG.md » et envisagez une version majeure."</p>
            <div class="fr-table" id="atelier-pertes">
                <table>
                    <caption>"Réponses perdues par les réponses enregistrées et les liens de partage"</caption>
                    <thead><tr><th scope="col">"Question"</th><th scope="col">"Réponse"</th><th scope="col">"Pourquoi"</th></tr></thead>
                    <tbody>
                        {lost.iter().map(|l| {
                            let q = question_label(old, &l.question);
                            let a = l.option.clone().unwrap_or_else(|| "toute réponse".into());
                            view! { <tr><td>{q}</td><td>{a}</td><td>{l.why.clone()}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }.into_any()
    };
    view! {
        <h2 id="atelier-diff-titre">"Différences avec le catalogue publié"</h2>
        {header}
        {if d.changes.is_empty() {
            view! { <p id="atelier-diff">"Aucun module, question, option, règle, thème ou étape n'a changé."</p> }.into_any()
        } else {
            view! {
                <div class="fr-table" id="atelier-diff">
                    <table>
                        <caption>{caption}</caption>
                        <thead><tr>
                            <th scope="col">"Élément"</th>
                            <th scope="col">"Identifiant"</th>
                            <th scope="col">"Changement"</th>
                            <th scope="col">"Champs modifiés"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <h3>"Réponses enregistrées et liens de partage"</h3>
        {lost_view}
        {(!turned.is_empty()).then(|| view! {
            <p>"Échelles retournées : les réponses enregistrées ou partagées avec le catalogue publié seront lues dans le nouveau sens (avec un message à la personne)."</p>
            <ul id="atelier-echelles">
                {turned.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        })}
    }
}

fn coverage_view(cat: &Catalogue) -> impl IntoView {
    let c = coverage(cat);
    let list = |ids: &[String], f: &dyn Fn(&str) -> String, empty: &'static str| {
        if ids.is_empty() {
            view! { <p>{empty}</p> }.into_any()
        } else {
            view! { <ul>{ids.iter().map(|i| view! { <li>{f(i)}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    let ml = |id: &str| module_label(cat, id);
    let ql = |id: &str| question_label(cat, id);
    view! {
        <h2 id="atelier-couverture">"Couverture du questionnaire"</h2>
        <h3>"Services qu'aucune règle n'atteint"</h3>
        <div id="atelier-non-atteints">
            {list(&c.unreached, &ml, "Chaque service (hors « consultation seule ») est atteint par au moins une règle, directement ou comme prérequis.")}
        </div>
        <h3>"Services en consultation seule"</h3>
        <div id="atelier-consultation">
            {list(&c.browse_only, &ml, "Aucun.")}
        </div>
        <h3>"Questions sans effet"</h3>
        <p>"Aucune règle, aucune condition d'affichage et aucune exclusion ne les utilise."</p>
        <div id="atelier-sans-effet">
            {list(&c.inert_questions, &ql, "Aucune : chaque question sert.")}
        </div>
        <div class="fr-table" id="atelier-couverture-modules">
            <table>
                <caption>"Règles qui mènent à chaque service"</caption>
                <thead><tr><th scope="col">"Service"</th><th scope="col">"Règles"</th></tr></thead>
                <tbody>
                    {c.modules.iter().map(|m| {
                        let rules = if m.rules.is_empty() { "aucune".to_string() } else { m.rules.join(", ") };
                        view! { <tr><td>{ml(&m.module)}</td><td>{rules}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="fr-table" id="atelier-couverture-questions">
            <table>
                <caption>"Services auxquels chaque question peut mener (par ses règles et les questions qu'elle fait apparaître)"</caption>
                <thead><tr><th scope="col">"Question"</th><th scope="col">"Services"</th></tr></thead>
                <tbody>
                    {c.questions.iter().map(|q| {
                        let mods = if q.modules.is_empty() { "aucun".to_string() } else { q.modules.join(", ") };
                        view! { <tr><td>{ql(&q.question)}</td><td>{mods}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
