use leptos::prelude::*;

use crate::app::use_app;
use crate::storage::StorageStatus;

/// Says so when answers cannot be kept in this browser; the questionnaire
/// works all the same.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let app = use_app();
    move || {
        let text = match app.storage.get() {
            StorageStatus::Available => return None,
            StorageStatus::Unavailable => "Votre navigateur n'autorise pas ce site à enregistrer des données : vos réponses ne seront pas conservées si vous fermez ou rechargez la page. Pour les garder, copiez le lien de votre parcours.",
            StorageStatus::Full => "L'espace de stockage de votre navigateur est plein : vos dernières réponses ne sont pas conservées. Pour les garder, copiez le lien de votre parcours.",
        };
        Some(view! {
            <div class="fr-notice fr-notice--warning fr-mb-3w" id="avis-stockage">
                <div class="fr-container">
                    <div class="fr-notice__body">
                        <p class="fr-notice__title">{text}</p>
                    </div>
                </div>
            </div>
        })
    }
}
