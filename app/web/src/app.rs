//! The shell: skip links, header, routed main, footer; catalogue loading.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{Footer, Header, SkipLinks};
use crate::dom;
use crate::loader::{self, CatalogueState};
use crate::pages::{
    about::AboutPage, accessibility::AccessibilityPage, home::HomePage, legal::LegalPage,
    not_found::NotFoundPage, privacy::PrivacyPage,
};
use crate::route::{document_title, Route};

/// Shared state, provided as context to every page.
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    pub catalogue: RwSignal<CatalogueState>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::parse(&dom::current_hash()).unwrap_or(Route::Home));
    let catalogue = RwSignal::new(CatalogueState::Loading);
    provide_context(AppState { route, catalogue });

    // Browser back/forward and typed URLs change the fragment only.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(next) = Route::parse(&dom::current_hash()) {
            if route.get_untracked() != next {
                route.set(next);
            }
        }
    });

    spawn_local(async move {
        let state = match loader::fetch(dom::meta("parcours-catalogue-version")).await {
            Ok(cat) => CatalogueState::Ready(std::sync::Arc::new(cat)),
            Err(failure) => CatalogueState::Failed(failure),
        };
        catalogue.set(state);
    });

    // Title per page, and on each page change: top of page, focus on its
    // heading (RGAA 12.x: the user knows where the new content starts).
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        dom::set_title(&document_title(current.title()));
        if previous.is_some_and(|p| p != current) {
            dom::after_paint(|| {
                dom::scroll_to_top();
                dom::focus("#contenu h1");
            });
        }
        current
    });

    view! {
        <SkipLinks/>
        <Header/>
        <main id="contenu" role="main" tabindex="-1" class="fr-container fr-pt-4w fr-pb-8w">
            {move || match route.get() {
                Route::Home => view! { <HomePage/> }.into_any(),
                Route::About => view! { <AboutPage/> }.into_any(),
                Route::Accessibility => view! { <AccessibilityPage/> }.into_any(),
                Route::Legal => view! { <LegalPage/> }.into_any(),
                Route::Privacy => view! { <PrivacyPage/> }.into_any(),
                Route::NotFound(path) => view! { <NotFoundPage path/> }.into_any(),
            }}
        </main>
        <Footer/>
    }
}
