use leptos::prelude::*;

use crate::app::use_app;

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
                    <div class="fr-alert fr-alert--info fr-mb-3w parcours-notice" role="status">
                        <h2 class="fr-alert__title">{notice.title}</h2>
                        <ul>
                            {notice.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                        <button
                            type="button"
                            class="fr-btn--close fr-btn"
                            title="Masquer ce message"
                            on:click=move |_| app.notices.update(|n| {
                                if index < n.len() {
                                    n.remove(index);
                                }
                            })
                        >
                            "Masquer ce message"
                        </button>
                    </div>
                }
            })
            .collect_view()
    }
}
