use leptos::prelude::*;
use parcours_core::{Availability, Nature, State, Status};

use crate::present::{badge_class, status_detail};

/// What a module is and, for an offer, its state on the day shown: a DSFR
/// badge, then the dates of a call and the day the state was checked.
///
/// - `nature`, `status`: the module's, from the catalogue;
/// - `state`: the state on the day shown (`Module::state_on`: an open call
///   past its closing day reads `clos`).
#[component]
pub fn ModuleStatus(nature: Nature, status: Option<Status>, state: Option<State>) -> impl IntoView {
    let availability = Availability::of(nature, state);
    let detail = status_detail(nature, status.as_ref(), state);
    view! {
        <p class="parcours-etat">
            <span class=badge_class(availability)>{availability.label()}</span>
            {detail.map(|d| view! { " " <span class="parcours-etat__detail">{d}</span> })}
        </p>
    }
}
