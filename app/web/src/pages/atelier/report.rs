//! What opening a file gave: each problem with its place and an excerpt
//! of the file, or the valid catalogue's summary, preview, changes and
//! coverage.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::{Catalogue, Diagnostic};

use super::changes::diff_view;
use super::coverage::coverage_view;
use crate::atelier::{excerpt, Opened};
use crate::components::{Alert, AlertKind, Button, Priority};
use crate::dom;
use crate::route::Route;
use crate::state::AppState;

pub fn errors_view(opened: &Opened, diags: &[Diagnostic]) -> impl IntoView {
    let title = match diags.len() {
        1 => format!("1 erreur dans « {} »", opened.name),
        n => format!("{n} erreurs dans « {} »", opened.name),
    };
    let text = opened.text.clone();
    view! {
        <Alert kind=AlertKind::Error title title_id="atelier-erreurs-titre">
            <p>"Le catalogue ne peut pas être utilisé tel quel. Corrigez chaque point ci-dessous puis rouvrez le fichier."</p>
        </Alert>
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

pub fn valid_view(app: AppState, opened: &Opened, cat: Arc<Catalogue>) -> impl IntoView {
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
        <Alert kind=AlertKind::Success title="Catalogue valide" title_id="atelier-valide">
            <p>{summary}</p>
        </Alert>
        <div class="fr-mb-4w">
            {move || if app.preview.get() {
                view! {
                    <p id="atelier-apercu-actif">"L'aperçu est actif : toute l'application utilise ce fichier."</p>
                    <Button priority=Priority::Secondary on_click=move |_| app.end_preview()>
                        "Quitter l'aperçu"
                    </Button>
                }.into_any()
            } else {
                let start = start.clone();
                view! {
                    <Button id="atelier-apercu" on_click=start>
                        "Essayer l'application avec ce catalogue"
                    </Button>
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
