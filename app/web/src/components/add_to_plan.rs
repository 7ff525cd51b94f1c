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
    let refused = RwSignal::new(false);
    let add = move |_| match plan_store::take(&module) {
        StorageStatus::Available => taken.set(true),
        _ => refused.set(true),
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
                        <a href=Route::Plan(Default::default()).href()>"ma feuille de route"</a>
                    </p>
                }.into_any()
            } else if refused.get() {
                view! {
                    <p class="fr-mb-0 fr-error-text" role="alert">
                        "Ce navigateur n'enregistre rien : la feuille de route ne peut pas garder ce service. Autorisez l'enregistrement des données du site, puis réessayez."
                    </p>
                }.into_any()
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
