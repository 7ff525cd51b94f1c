//! Atelier du catalogue: an editor opens a local `catalogue.json`, sees
//! every problem the CLI would report, previews the whole app on it, and
//! reads what changed against the published catalogue and what the
//! questionnaire covers. The file never leaves the browser. Only the
//! Atelier's bundle (feature `atelier`) renders this page; what opening a
//! file gives is `crate::atelier`'s.

mod changes;
mod coverage;
mod report;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::atelier::{self, check_size};
use crate::components::{Alert, AlertKind, Field};
use crate::dom;
use crate::state::{use_app, AppState};

use report::{errors_view, valid_view};

fn read_file(app: AppState, file: web_sys::File, error: RwSignal<Option<String>>) {
    error.set(None);
    let name = file.name();
    spawn_local(async move {
        if let Err(too_large) = check_size(&name, file.size()) {
            error.set(Some(too_large));
            return;
        }
        match dom::file_text(&file).await {
            Some(text) => {
                app.atelier
                    .set(Some(atelier::open(name, text, &app.today())));
                dom::after_paint(|| {
                    dom::focus("#atelier-resultat");
                });
            }
            None => error.set(Some(format!(
                "Le fichier « {name} » n'a pas pu être lu : est-ce bien un fichier texte ?"
            ))),
        }
    });
}

#[component]
pub fn AtelierPage() -> impl IntoView {
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
            <Field
                kind="fr-upload-group"
                for_id="atelier-fichier"
                label="Ouvrir un fichier de catalogue"
                hint="Format JSON. Vous pouvez aussi déposer le fichier dans ce cadre."
            >
                <input
                    class="fr-upload"
                    type="file"
                    id="atelier-fichier"
                    accept=".json,application/json"
                    on:change=on_change
                />
            </Field>
        </div>
        {move || error.get().map(|e| view! {
            <Alert kind=AlertKind::Error id="atelier-erreur-fichier" role="alert"><p>{e}</p></Alert>
        })}

        <div id="atelier-resultat" tabindex="-1">
            {move || app.atelier.get().map(|opened| match opened.result.clone() {
                Err(diags) => errors_view(&opened, &diags).into_any(),
                Ok(cat) => valid_view(app, &opened, cat).into_any(),
            })}
        </div>
    }
}
