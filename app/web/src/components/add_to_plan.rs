use leptos::prelude::*;

use crate::plan_store;
use crate::route::Route;
use crate::storage::StorageStatus;

/// « Ajouter à ma feuille de route » for one module (only for a module the
/// plan can take: `parcours_core::plan::can_take`). Once taken, it says so
/// and links to the plan; where this browser keeps nothing, it says that
/// the plan cannot hold it.
///
/// - `module`: the module's id;
/// - `title`: its title, read after the button's label by screen readers.
#[component]
pub fn AddToPlan(module: String, title: String) -> impl IntoView {
    let taken = RwSignal::new(plan_store::is_taken(&module));
    let refused = RwSignal::new(None::<StorageStatus>);
    // Where the focus goes once the button it was on is gone.
    let link_id = format!("dans-feuille-{module}");
    let add = {
        let link_id = link_id.clone();
        move |_| match plan_store::take(&module) {
            StorageStatus::Available => {
                taken.set(true);
                let target = format!("#{link_id}");
                crate::dom::after_paint(move || {
                    crate::dom::focus(&target);
                });
            }
            failed => refused.set(Some(failed)),
        }
    };
    // Read after the visible label, which the accessible name must start
    // with (RGAA 11.9): several cards on one page each have this button.
    let label = format!(" : {title}");
    view! {
        <div class="parcours-add-plan fr-mt-2w">
            {move || if taken.get() {
                view! {
                    <p class="fr-mb-0 parcours-taken">
                        "Dans "
                        <a href=Route::Plan(Default::default()).href() id=link_id.clone()>"ma feuille de route"</a>
                    </p>
                }.into_any()
            } else if let Some(failed) = refused.get() {
                let text = if failed == StorageStatus::Full {
                    "L'espace d'enregistrement de ce navigateur est plein : la feuille de route ne peut pas garder ce service. Libérez de l'espace (données des sites), puis réessayez."
                } else {
                    "Ce navigateur n'enregistre rien : la feuille de route ne peut pas garder ce service. Autorisez l'enregistrement des données du site, puis réessayez."
                };
                view! { <p class="fr-mb-0 fr-error-text" role="alert">{text}</p> }.into_any()
            } else {
                view! {
                    <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" on:click=add.clone()>
                        "Ajouter à ma feuille de route"
                        <span class="fr-sr-only">{label.clone()}</span>
                    </button>
                }.into_any()
            }}
        </div>
    }
}
