use leptos::prelude::*;

use super::Banner;
use crate::state::use_app;
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
            <Banner warning=true id="avis-stockage" class="fr-mb-3w">
                <p class="fr-notice__title">{text}</p>
            </Banner>
        })
    }
}
