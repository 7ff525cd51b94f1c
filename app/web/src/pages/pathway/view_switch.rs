//! « Vue synthétique » / « Vue détaillée » (DSFR segmented control).

use leptos::prelude::*;

use crate::state::{use_app, Origin};

#[component]
pub fn ViewSwitch(detailed: Memo<bool>, origin: Origin) -> impl IntoView {
    let app = use_app();
    view! {
        <fieldset class="fr-segmented fr-mb-4w" id="niveau-lecture">
            <legend class="fr-segmented__legend">"Niveau de lecture"</legend>
            <div class="fr-segmented__elements">
                <div class="fr-segmented__element">
                    <input
                        type="radio"
                        id="vue-synthetique"
                        name="niveau-lecture"
                        value="synthese"
                        prop:checked=move || !detailed.get()
                        on:change=move |_| app.choose_view(false, origin)
                    />
                    <label class="fr-label" for="vue-synthetique">"Vue synthétique"</label>
                </div>
                <div class="fr-segmented__element">
                    <input
                        type="radio"
                        id="vue-detaillee"
                        name="niveau-lecture"
                        value="detail"
                        prop:checked=move || detailed.get()
                        on:change=move |_| app.choose_view(true, origin)
                    />
                    <label class="fr-label" for="vue-detaillee">"Vue détaillée"</label>
                </div>
            </div>
        </fieldset>
    }
}
