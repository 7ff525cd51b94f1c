//! What one does with a pathway: at the top, name the territory, print,
//! copy the link; after it, the link itself, the exports and the import.

use leptos::prelude::*;
use leptos::task::spawn_local;
use parcours_core::date::french as french_date;
use parcours_core::export;

use super::Shown;
use crate::components::{Alert, AlertKind, Button, ButtonsGroup, Field, Priority};
use crate::dom;
use crate::state::{self, use_app};
use crate::transfer::{self, AnswersFile};

/// Territory name, print, copy link: under the summary.
#[component]
pub fn ShareActions(shown: Shown) -> impl IntoView {
    let Shown {
        territory,
        share_link,
        ..
    } = shown;
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let link = share_link.get_untracked();
        status.set(String::new());
        spawn_local(async move {
            status.set(state::copy_link(&link, "#lien-parcours").await);
        });
    };
    view! {
        <Field
            class="parcours-territory"
            for_id="territoire"
            label="Nom du territoire"
            hint="Facultatif : il figure en tête du parcours imprimé et du document exporté."
        >
            <input
                class="fr-input"
                type="text"
                id="territoire"
                autocomplete="off"
                prop:value=move || territory.get()
                on:input=move |ev| territory.set(event_target_value(&ev))
            />
        </Field>
        <ButtonsGroup id="actions-parcours" class="fr-mb-2w">
            <li><Button id="imprimer" on_click=|_| dom::print()>"Imprimer le parcours"</Button></li>
            <li>
                <Button id="copier-lien" priority=Priority::Secondary on_click=copy>"Copier le lien"</Button>
            </li>
        </ButtonsGroup>
        <p role="status" class="parcours-status" id="parcours-statut">{move || status.get()}</p>
    }
}

/// The link, the exports and the import: after the pathway.
#[component]
pub fn TransferPanel(shown: Shown) -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let Shown {
        cat,
        origin,
        answers,
        pathway,
        share_link,
        today,
        territory,
    } = shown;
    let download = move |name: String, mime: &str, text: &str| {
        status.set(state::download(&name, mime, text));
    };
    let markdown = {
        let (cat, today) = (cat.clone(), today.clone());
        move |_| {
            let text = transfer::markdown_with_header(
                &export::markdown(&cat, &pathway.get_untracked()),
                &territory.get_untracked(),
                &share_link.get_untracked(),
                &french_date(&today),
            );
            let name = transfer::file_name("parcours-ti", &today, "md");
            download(name, "text/markdown;charset=utf-8", &text);
        }
    };
    let csv = {
        let (cat, today) = (cat.clone(), today.clone());
        move |_| {
            // A byte-order mark, so that spreadsheets read the accents.
            let text = format!("\u{feff}{}", export::csv(&cat, &pathway.get_untracked()));
            let name = transfer::file_name("parcours-ti", &today, "csv");
            download(name, "text/csv;charset=utf-8", &text);
        }
    };
    let json = {
        let (cat, today) = (cat.clone(), today.clone());
        move |_| {
            let mut file = AnswersFile::new(&cat.version, &today, answers.get_untracked());
            file.pathway = Some(pathway.get_untracked());
            let name = transfer::file_name("reponses-parcours-ti", &today, "json");
            download(name, "application/json", &file.to_json());
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = dom::take_chosen_file(&ev) else {
            return;
        };
        let cat = cat.clone();
        status.set(String::new());
        error.set(None);
        spawn_local(async move {
            let read = state::chosen_file_text(&file).await;
            match read.and_then(|text| transfer::parse_answers_file(&text)) {
                Ok(file) => status.set(app.import_answers(&cat, file, origin)),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <section class="parcours-transfer fr-mb-4w" id="exporter-importer">
            <h2 class="fr-h4">"Partager, exporter, importer"</h2>
            <Field
                class="parcours-link"
                for_id="lien-parcours"
                label="Lien de ce parcours"
                hint="Il contient vos réponses, le niveau de lecture et la version du catalogue : la personne qui l'ouvre voit le même parcours. Rien n'est envoyé à un serveur."
            >
                <input
                    class="fr-input"
                    type="text"
                    id="lien-parcours"
                    readonly
                    prop:value=move || share_link.get()
                    on:focus=|_| dom::select_input("#lien-parcours")
                />
            </Field>
            <p role="status" class="parcours-status" id="transfert-statut">{move || status.get()}</p>
            <div role="alert" id="parcours-erreur">
                {move || error.get().map(|message| view! {
                    <Alert kind=AlertKind::Error small=true class="fr-mb-2w"><p>{message}</p></Alert>
                })}
            </div>
            <ButtonsGroup id="exports" small=true>
                <li>
                    <Button id="export-md" priority=Priority::Tertiary on_click=markdown>
                        "Télécharger le parcours (Markdown)"
                    </Button>
                </li>
                <li>
                    <Button id="export-csv" priority=Priority::Tertiary on_click=csv>
                        "Télécharger le parcours (CSV)"
                    </Button>
                </li>
                <li>
                    <Button id="export-json" priority=Priority::Tertiary on_click=json>
                        "Télécharger mes réponses (JSON)"
                    </Button>
                </li>
            </ButtonsGroup>
            <Field
                kind="fr-upload-group"
                for_id="importer-reponses"
                label="Importer des réponses"
                hint="Un fichier « reponses-parcours-ti-….json » téléchargé auparavant. Il remplace les réponses enregistrées dans ce navigateur."
            >
                <input
                    class="fr-upload"
                    type="file"
                    id="importer-reponses"
                    accept=".json,application/json"
                    on:change=import
                />
            </Field>
        </section>
    }
}
