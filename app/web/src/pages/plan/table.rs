//! The plan as a table, one per group (step or statut), with real column
//! headers: on screen as the overview, on paper as the feuille de route
//! (A4 landscape, `style/app.css`), under a heading with the territory,
//! the date, the catalogue version and the QR code that reopens it.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::date::french as french_date;
use parcours_core::plan::{flag, groups, GroupBy};
use parcours_core::Catalogue;

use super::qr::QrCode;
use crate::plan_state::PlanState;

const HEADERS: [&str; 7] = [
    "N°",
    "Action",
    "Statut",
    "Porteur",
    "Échéance",
    "Partenaires contactés",
    "Note",
];

#[component]
pub fn PlanTable(
    cat: Arc<Catalogue>,
    by: Memo<GroupBy>,
    link: Memo<String>,
    today: String,
) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let version = cat.version.clone();
    let printed = format!(
        "Imprimée le {} · catalogue des services version {version}",
        french_date(&today)
    );
    view! {
        <section id="tableau-feuille" class="parcours-plan-sheet fr-mt-4w">
            <div class="parcours-plan-head">
                <div>
                    <h2 class="parcours-print-only">
                        {move || {
                            let name = state.plan.with(|p| p.territory.trim().to_string());
                            if name.is_empty() { "Feuille de route".to_string() } else { format!("Feuille de route — {name}") }
                        }}
                    </h2>
                    <h2 class="parcours-no-print fr-h4">"Les actions"</h2>
                    <p class="parcours-print-only" id="feuille-date">{printed}</p>
                </div>
                <QrCode link/>
            </div>
            {move || {
                let cat = cat.clone();
                state.plan.with(|p| {
                    groups(p, &cat, by.get())
                        .into_iter()
                        .map(|g| {
                            let rows = g
                                .actions
                                .iter()
                                .map(|&i| {
                                    let a = &p.actions[i];
                                    let warning = flag(a, &cat).map(|f| f.text(&cat.version));
                                    let description = (a.own && !a.description.is_empty()).then(|| a.description.clone());
                                    view! {
                                        <tr data-action=a.id.clone()>
                                            <td>{i + 1}</td>
                                            <td>
                                                <span class="parcours-plan-title">{a.title.clone()}</span>
                                                {description.map(|d| view! { <span class="parcours-plan-desc">{d}</span> })}
                                                {warning.map(|w| view! { <span class="parcours-plan-flag"><strong>"À vérifier : "</strong>{w}</span> })}
                                            </td>
                                            <td>{a.status_text()}</td>
                                            <td>{a.carrier.clone()}</td>
                                            <td>{a.due_text()}</td>
                                            <td>{a.partners.clone()}</td>
                                            <td class="parcours-plan-note">{a.note.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            view! {
                                <div class="fr-table parcours-plan-table">
                                    <table>
                                        <caption>{g.label.clone()}</caption>
                                        <thead>
                                            <tr>{HEADERS.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                                        </thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                            }
                        })
                        .collect_view()
                })
            }}
        </section>
    }
}
