//! What changed from the published catalogue to the editor's, and which
//! saved answers or share links would lose an answer.

use leptos::prelude::*;
use parcours_core::diff::{diff, Change, ItemKind, Status};
use parcours_core::Catalogue;

use crate::atelier::{module_label, question_label};
use crate::components::Table;

/// How a changed item is named: a module or a question by its title and
/// id, in the catalogue that still has it.
fn label(old: &Catalogue, new: &Catalogue, c: &Change) -> String {
    let cat = if c.status == Status::Removed {
        old
    } else {
        new
    };
    match c.kind {
        ItemKind::Module => module_label(cat, &c.id),
        ItemKind::Question => question_label(cat, &c.id),
        ItemKind::Option => format!(
            "{} (question {})",
            c.id,
            c.parent.clone().unwrap_or_default()
        ),
        _ => c.id.clone(),
    }
}

pub fn diff_view(old: &Catalogue, new: &Catalogue) -> impl IntoView {
    let d = diff(old, new);
    let caption = format!(
        "Modifications de la version {} (publiée) à la version {} (votre fichier)",
        d.from_version, d.to_version
    );
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
                    <td>{label(old, new, c)}</td>
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
        let rows = lost
            .iter()
            .map(|l| {
                let q = question_label(old, &l.question);
                let a = l.option.clone().unwrap_or_else(|| "toute réponse".into());
                view! { <tr><td>{q}</td><td>{a}</td><td>{l.why.clone()}</td></tr> }
            })
            .collect_view();
        view! {
            <p>"Les réponses ci-dessous, enregistrées ou partagées avec le catalogue publié, seraient abandonnées (avec un message à la personne) : signalez-le dans « CHANGELOG.md » et envisagez une version majeure."</p>
            <Table
                id="atelier-pertes"
                caption="Réponses perdues par les réponses enregistrées et les liens de partage"
                headers=&["Question", "Réponse", "Pourquoi"]
            >
                {rows}
            </Table>
        }.into_any()
    };
    view! {
        <h2 id="atelier-diff-titre">"Différences avec le catalogue publié"</h2>
        {header}
        {if d.changes.is_empty() {
            view! { <p id="atelier-diff">"Aucun module, question, option, règle, thème ou étape n'a changé."</p> }.into_any()
        } else {
            view! {
                <Table
                    id="atelier-diff"
                    caption=caption
                    headers=&["Élément", "Identifiant", "Changement", "Champs modifiés"]
                >
                    {rows}
                </Table>
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
