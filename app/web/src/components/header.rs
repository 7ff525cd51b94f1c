use leptos::prelude::*;

use crate::app::use_app;
use crate::dom;
use crate::route::{Route, SERVICE_NAME};

/// DSFR header: Marianne block, service name, main navigation. On small
/// screens the navigation folds behind a « Menu » button (done here instead
/// of with DSFR's JavaScript). index.html paints a static copy before the
/// wasm arrives: change both (tests/tests/shell.rs compares them).
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let menu_open = RwSignal::new(false);
    // Following a link closes the folded menu.
    Effect::new(move |_| {
        app.route.track();
        menu_open.set(false);
    });
    let nav_link = move |route: Route, label: &'static str| {
        let href = route.href();
        let current = {
            let route = route.clone();
            move || (app.route.get().page() == route.page()).then_some("page")
        };
        view! {
            <li class="fr-nav__item">
                <a class="fr-nav__link" href=href aria-current=current>{label}</a>
            </li>
        }
    };
    view! {
        <header role="banner" class="fr-header">
            <div class="fr-header__body">
                <div class="fr-container">
                    <div class="fr-header__body-row">
                        <div class="fr-header__brand fr-enlarge-link">
                            <div class="fr-header__brand-top">
                                <div class="fr-header__logo">
                                    <p class="fr-logo">"République" <br/> "Française"</p>
                                </div>
                                <div class="fr-header__navbar">
                                    <button
                                        type="button"
                                        class="fr-btn--menu fr-btn"
                                        aria-controls="menu-principal"
                                        aria-haspopup="menu"
                                        id="bouton-menu"
                                        title="Menu"
                                        prop:aria-expanded=move || menu_open.get().to_string()
                                        on:click=move |_| {
                                            menu_open.set(true);
                                            dom::after_paint(|| {
                                                dom::focus("#menu-principal .fr-btn--close");
                                            });
                                        }
                                    >
                                        "Menu"
                                    </button>
                                </div>
                            </div>
                            <div class="fr-header__service">
                                <a href=Route::Home.href() title=format!("Accueil — {SERVICE_NAME}")>
                                    <p class="fr-header__service-title">{SERVICE_NAME}</p>
                                </a>
                                <p class="fr-header__service-tagline">
                                    "Les services publics pour l'industrie de votre territoire, étape par étape"
                                </p>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
            <div
                class="fr-header__menu fr-modal"
                class:fr-modal--opened=move || menu_open.get()
                id="menu-principal"
                aria-labelledby="bouton-menu"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    // Escape closes the folded menu, as DSFR's own script does.
                    if ev.key() == "Escape" && menu_open.get_untracked() {
                        menu_open.set(false);
                        dom::focus("#bouton-menu");
                    }
                }
            >
                <div class="fr-container">
                    <button
                        type="button"
                        class="fr-btn--close fr-btn"
                        aria-controls="menu-principal"
                        title="Fermer"
                        on:click=move |_| {
                            menu_open.set(false);
                            dom::focus("#bouton-menu");
                        }
                    >
                        "Fermer"
                    </button>
                    <div class="fr-header__menu-links"></div>
                    <nav
                        class="fr-nav"
                        id="navigation-principale"
                        role="navigation"
                        aria-label="Menu principal"
                    >
                        <ul class="fr-nav__list">
                            {nav_link(Route::Home, "Accueil")}
                            {nav_link(Route::Pathway(Default::default()), "Mon parcours")}
                            {nav_link(Route::Catalogue(Default::default()), "Catalogue")}
                            {nav_link(Route::About, "À propos")}
                        </ul>
                    </nav>
                </div>
            </div>
        </header>
    }
}
