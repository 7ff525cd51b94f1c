use leptos::prelude::*;

use crate::dom;

/// DSFR skip links. Routes live in the URL fragment, so an anchor such as
/// `#contenu` must not replace the route: the click only moves focus.
#[component]
pub fn SkipLinks() -> impl IntoView {
    let skip = |target: &'static str| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            dom::focus(target);
        }
    };
    view! {
        <div class="fr-skiplinks">
            <nav class="fr-container" role="navigation" aria-label="Accès rapide">
                <ul class="fr-skiplinks__list">
                    <li>
                        <a class="fr-link" href="#contenu" on:click=skip("#contenu")>"Contenu"</a>
                    </li>
                    <li>
                        <a class="fr-link" href="#navigation-principale" on:click=skip("#navigation-principale a")>
                            "Menu"
                        </a>
                    </li>
                    <li>
                        <a class="fr-link" href="#pied-de-page" on:click=skip("#pied-de-page a")>
                            "Pied de page"
                        </a>
                    </li>
                </ul>
            </nav>
        </div>
    }
}
