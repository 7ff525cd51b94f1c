use leptos::prelude::*;

use crate::dom;
use crate::loader::CatalogueState;
use parcours_core::date::french;

/// The DSFR footer is index.html's static markup (links every French
/// government site carries, the accessibility status); the app writes the
/// catalogue version in use into it.
pub fn show_catalogue_version(catalogue: RwSignal<CatalogueState>) {
    Effect::new(move |_| {
        let text = catalogue.with(|state| match state {
            CatalogueState::Loading => "Catalogue des services : chargement…".to_string(),
            CatalogueState::Ready(cat) => format!(
                "Catalogue des services : version {} du {}",
                cat.version,
                french(&cat.published)
            ),
            CatalogueState::Failed(_) => "Catalogue des services : non chargé".to_string(),
        });
        if let Some(p) = dom::document().get_element_by_id("version-catalogue") {
            p.set_text_content(Some(&text));
        }
    });
}
