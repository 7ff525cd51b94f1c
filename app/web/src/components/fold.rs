//! « Voir les n autres services de cette étape »: a disclosure button
//! (`aria-expanded`, `aria-controls`) over the modules a long step folds.
//! Folded on screen only: print shows them under the core's
//! `fold_heading`, as the exports do, since paper cannot be unfolded.

use leptos::prelude::*;
use parcours_core::priorities::{fold_heading, fold_label};

/// `n` folded items, `children` their list; `id` names the folded part.
#[component]
pub fn Fold(id: String, n: usize, children: ChildrenFn) -> impl IntoView {
    let (Some(label), Some(heading)) = (fold_label(n), fold_heading(n)) else {
        return ().into_any();
    };
    let open = RwSignal::new(false);
    let body_id = id.clone();
    view! {
        <div class="parcours-fold">
            <button
                type="button"
                class="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-2w parcours-fold__button"
                id=format!("{id}-bouton")
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=body_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label}
            </button>
            <div
                id=id
                class="parcours-fold__body"
                class:parcours-fold__body--closed=move || !open.get()
            >
                <p class="parcours-print-only fr-mt-2w">{heading}</p>
                {children()}
            </div>
        </div>
    }
    .into_any()
}
