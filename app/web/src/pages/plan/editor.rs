//! The forms that edit the plan: one fieldset per action (statut and its
//! motif, porteur, échéance, partners, note; move up or down; take out),
//! and an action of one's own. Every change is saved at once.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::date::french_month;
use parcours_core::plan::{Action, Status};
use parcours_core::Catalogue;

use crate::dom;
use crate::plan_state::PlanState;

/// The months an échéance may take: this year's January to the end of
/// the fifth year after it (`YYYY-MM`).
pub fn months(today: &str) -> Vec<String> {
    let year: u32 = today.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    (year..=year + 5)
        .flat_map(|y| (1..=12).map(move |m| format!("{y:04}-{m:02}")))
        .collect()
}

#[component]
pub fn Editor(cat: Arc<Catalogue>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let months = Arc::new(months(&crate::state::use_app().today()));
    let ids = move || {
        state
            .plan
            .with(|p| p.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
    };
    view! {
        // Focusable: « Retirer » leaves the focus here.
        <section class="fr-mt-6w parcours-no-print" id="modifier-actions" tabindex="-1">
            {move || (!state.plan.with(|p| p.is_empty())).then(|| view! { <h2 class="fr-h4">"Suivre chaque action"</h2> })}
            <For
                each=ids
                key=|id| id.clone()
                children=move |id: String| {
                    view! { <ActionForm id cat=cat.clone() months=months.clone()/> }
                }
            />
        </section>
    }
}

#[component]
fn ActionForm(id: String, cat: Arc<Catalogue>, months: Arc<Vec<String>>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let read = {
        let id = id.clone();
        move |f: fn(&Action) -> String| {
            let id = id.clone();
            move || {
                state.plan.with(|p| {
                    p.actions
                        .iter()
                        .find(|a| a.id == id)
                        .map(f)
                        .unwrap_or_default()
                })
            }
        }
    };
    let edit = {
        let id = id.clone();
        move |f: fn(&mut Action, String)| {
            let id = id.clone();
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                state.update(|p| {
                    if let Some(a) = p.action_mut(&id) {
                        f(a, value);
                    }
                });
            }
        }
    };
    let title = read(|a| a.title.clone());
    // After each button's label, for screen readers: which action it moves.
    let named = {
        let title = title.clone();
        move || format!(" : {}", title())
    };
    let number = {
        let id = id.clone();
        move || {
            state.plan.with(|p| {
                p.actions
                    .iter()
                    .position(|a| a.id == id)
                    .map_or(0, |i| i + 1)
            })
        }
    };
    let dropped = {
        let id = id.clone();
        Memo::new(move |_| {
            state.plan.with(|p| {
                p.actions
                    .iter()
                    .any(|a| a.id == id && a.status == Status::Ecarte)
            })
        })
    };
    let own = state
        .plan
        .with_untracked(|p| p.actions.iter().any(|a| a.id == id && a.own));
    let module_href =
        (!own && cat.module(&id).is_some()).then(|| crate::route::Route::Module(id.clone()).href());
    let shift = {
        let id = id.clone();
        move |up: bool| {
            let id = id.clone();
            move |_| {
                let mut moved = false;
                state.update(|p| moved = p.shift(&id, up));
                if moved {
                    // The button pressed stays under the keyboard's focus.
                    let target = format!("#{}-{}", if up { "monter" } else { "descendre" }, id);
                    dom::after_paint(move || {
                        dom::focus(&target);
                    });
                }
            }
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            state.update(|p| {
                p.remove(&id);
            });
            dom::after_paint(|| {
                dom::focus("#modifier-actions");
            });
        }
    };
    let field = |name: &str| format!("{name}-{id}");
    let legend_id = field("action");
    view! {
        <fieldset class="fr-fieldset parcours-action-form" id=legend_id.clone() aria-labelledby=format!("{legend_id}-legende")>
            <legend class="fr-fieldset__legend" id=format!("{legend_id}-legende")>
                {move || format!("{}. ", number())}{title.clone()}
            </legend>
            {module_href.map(|href| view! { <p class="fr-fieldset__element fr-mb-1w"><a href=href>"Voir la fiche du service"</a></p> })}
            <div class="fr-fieldset__element">
                <div class="fr-select-group">
                    <label class="fr-label" for=field("statut")>"Statut"</label>
                    <select class="fr-select" id=field("statut") on:change=edit(|a, v| {
                        if let Some(s) = Status::from_id(&v) {
                            a.status = s;
                        }
                    })>
                        // `selected` on each option: a `value` on the list is
                        // set before its options exist.
                        {Status::ALL.map(|s| {
                            let current = read(|a| a.status.id().to_string());
                            view! { <option value=s.id() selected=move || current() == s.id()>{s.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {
                let input = field("motif");
                let read_reason = read(|a| a.reason.clone());
                let on_reason = edit(|a, v| a.reason = v);
                move || dropped.get().then(|| view! {
                    <div class="fr-fieldset__element">
                        <div class="fr-input-group">
                            <label class="fr-label" for=input.clone()>"Motif de l'écart"</label>
                            <input class="fr-input" type="text" id=input.clone() prop:value=read_reason.clone() on:input=on_reason.clone()/>
                        </div>
                    </div>
                })
            }
            <div class="fr-fieldset__element">
                <div class="fr-input-group">
                    <label class="fr-label" for=field("porteur")>"Porteur"<span class="fr-hint-text">"Qui la porte sur le territoire (élu, service, partenaire)."</span></label>
                    <input class="fr-input" type="text" id=field("porteur") prop:value=read(|a| a.carrier.clone()) on:input=edit(|a, v| a.carrier = v)/>
                </div>
            </div>
            <div class="fr-fieldset__element">
                <div class="fr-select-group">
                    <label class="fr-label" for=field("echeance")>"Échéance"</label>
                    <select class="fr-select" id=field("echeance") on:change=edit(|a, v| a.due = (!v.is_empty()).then_some(v))>
                        {
                            let current = read(|a| a.due.clone().unwrap_or_default());
                            let none = current.clone();
                            // An échéance outside the usual months keeps its own option.
                            let due = current();
                            let mut months = months.to_vec();
                            if !due.is_empty() && !months.contains(&due) {
                                months.push(due);
                                months.sort();
                            }
                            view! {
                                <option value="" selected=move || none().is_empty()>"Aucune"</option>
                                {months.into_iter().map(|m| {
                                    let current = current.clone();
                                    let label = french_month(&m);
                                    view! { <option value=m.clone() selected=move || current() == m>{label}</option> }
                                }).collect_view()}
                            }
                        }
                    </select>
                </div>
            </div>
            <div class="fr-fieldset__element">
                <div class="fr-input-group">
                    <label class="fr-label" for=field("partenaires")>"Partenaires contactés"</label>
                    <input class="fr-input" type="text" id=field("partenaires") prop:value=read(|a| a.partners.clone()) on:input=edit(|a, v| a.partners = v)/>
                </div>
            </div>
            <div class="fr-fieldset__element">
                <div class="fr-input-group">
                    <label class="fr-label" for=field("note")>"Note"</label>
                    <textarea class="fr-input" id=field("note") rows="2" prop:value=read(|a| a.note.clone()) on:input=edit(|a, v| a.note = v)></textarea>
                </div>
            </div>
            <div class="fr-fieldset__element">
                <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                    <li><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" id=field("monter") on:click=shift(true)>"Monter"<span class="fr-sr-only">{named.clone()}</span></button></li>
                    <li><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" id=field("descendre") on:click=shift(false)>"Descendre"<span class="fr-sr-only">{named.clone()}</span></button></li>
                    <li><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" id=field("retirer") on:click=remove>"Retirer de la feuille de route"<span class="fr-sr-only">{named.clone()}</span></button></li>
                </ul>
            </div>
        </fieldset>
    }
}

/// An action of one's own: a title (required) and a description.
#[component]
pub fn OwnAction() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut added = None;
        state.update(|p| added = p.add_own(&title.get_untracked(), &description.get_untracked()));
        match added {
            Some(_) => {
                title.set(String::new());
                description.set(String::new());
                error.set(false);
            }
            None => {
                error.set(true);
                dom::focus("#action-propre-titre");
            }
        }
    };
    view! {
        <section class="fr-mt-6w parcours-no-print" id="action-propre">
            <h2 class="fr-h4">"Ajouter une action propre au territoire"</h2>
            <form on:submit=add novalidate>
                <div class=move || if error.get() { "fr-input-group fr-input-group--error" } else { "fr-input-group" }>
                    <label class="fr-label" for="action-propre-titre">"Intitulé de l'action"<span class="fr-hint-text">"Obligatoire. Par exemple : « Réunir les industriels de la zone nord »."</span></label>
                    <input class="fr-input" type="text" id="action-propre-titre" aria-describedby=move || error.get().then_some("action-propre-erreur") aria-invalid=move || error.get().then_some("true") prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                    {move || error.get().then(|| view! { <p id="action-propre-erreur" class="fr-error-text">"Donnez un intitulé à l'action."</p> })}
                </div>
                <div class="fr-input-group">
                    <label class="fr-label" for="action-propre-description">"Description"<span class="fr-hint-text">"Facultative."</span></label>
                    <textarea class="fr-input" id="action-propre-description" rows="2" prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary">"Ajouter cette action"</button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_months_run_six_years_from_january() {
        let m = super::months("2026-12-02");
        assert_eq!(m.first().unwrap(), "2026-01");
        assert_eq!(m.last().unwrap(), "2031-12");
        assert_eq!(m.len(), 72);
        assert!(m.iter().all(|x| parcours_core::date::is_month(x)));
    }
}
