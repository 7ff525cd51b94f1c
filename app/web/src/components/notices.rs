use leptos::prelude::*;

use super::{Alert, AlertKind};
use crate::state::use_app;

/// One-off messages (answers adapted to a new catalogue, unreadable saved
/// data, a damaged share link), each dismissible.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    move || {
        app.notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, notice)| {
                view! {
                    <Alert kind=AlertKind::Info title=notice.title role="status" class="fr-mb-3w parcours-notice">
                        <ul>
                            {notice.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                        // DSFR's closing button: a cross, its label for
                        // screen readers and as a tooltip.
                        <button
                            type="button"
                            class="fr-btn--close fr-btn"
                            title="Masquer ce message"
                            on:click=move |_| app.dismiss(index)
                        >
                            "Masquer ce message"
                        </button>
                    </Alert>
                }
            })
            .collect_view()
    }
}
