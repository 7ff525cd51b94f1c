//! The plan of a share link (`#/feuille-de-route?r=…`): taken in at once
//! when this browser's plan is empty or the same, else offered beside it
//! (replace or keep). The rules are `plan_state`'s.

use leptos::prelude::*;
use parcours_core::plan::Plan;
use parcours_core::Catalogue;

use crate::components::{Button, ButtonsGroup, Callout, Priority};
use crate::loader::plural;
use crate::plan_state::{self, PlanState};
use crate::state::{use_app, Notice};

/// What a link's plan asks before it replaces this browser's.
#[derive(Clone)]
pub struct Offered {
    plan: Plan,
    answers: parcours_core::Answers,
}

/// Takes in the plan of a share link: at once when this browser's is
/// empty or the same, else offered (`LinkOffer`).
pub fn open_link(
    cat: &Catalogue,
    code: &str,
    state: PlanState,
    offered: RwSignal<Option<Offered>>,
) {
    let app = use_app();
    match plan_state::read_link(cat, code) {
        Ok((shared, linked)) => {
            let answers = app.adopt(cat, &shared.version, shared.answers);
            let here = app.answers.get_untracked();
            let same = state.plan.with_untracked(|p| {
                plan_state::adopt_without_asking((p, &here), (&linked, &answers))
            });
            if same {
                state.replace(linked);
                app.set_answers(answers);
                app.notify(Notice {
                    title: "La feuille de route du lien est désormais la vôtre".into(),
                    lines: vec!["Elle est enregistrée dans ce navigateur, avec les réponses du diagnostic qui l'accompagnent.".into()],
                });
            } else {
                offered.set(Some(Offered {
                    plan: linked,
                    answers,
                }));
            }
        }
        Err(message) => app.notify(Notice {
            title: "Lien de feuille de route illisible".into(),
            lines: vec![
                message,
                "Votre feuille de route enregistrée dans ce navigateur est affichée, inchangée."
                    .into(),
            ],
        }),
    }
}

/// A link's plan, when this browser holds another: replace or keep.
#[component]
pub fn LinkOffer(offered: RwSignal<Option<Offered>>) -> impl IntoView {
    let app = use_app();
    let state = expect_context::<PlanState>();
    move || {
        offered.get().map(|o| {
            let n = o.plan.actions.len();
            let take = move |_| {
                if let Some(o) = offered.get_untracked() {
                    state.replace(o.plan);
                    app.set_answers(o.answers);
                }
                offered.set(None);
            };
            view! {
                <Callout title="Ce lien contient une autre feuille de route" id="lien-autre-feuille" class="fr-mb-4w parcours-no-print">
                    <p class="fr-callout__text">
                        {format!("La feuille de route du lien compte {}. La remplacer efface celle de ce navigateur et ses réponses : exportez-la d'abord si vous voulez la garder.", plural(n, "action", "actions"))}
                    </p>
                    <ButtonsGroup class="fr-mt-2w" inline_sm=true>
                        <li><Button on_click=take>"Remplacer ma feuille de route"</Button></li>
                        <li><Button priority=Priority::Secondary on_click=move |_| offered.set(None)>"Garder la mienne"</Button></li>
                    </ButtonsGroup>
                </Callout>
            }
        })
    }
}
