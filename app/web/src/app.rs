//! The shell between index.html's header and footer: it creates the shared
//! state (`state.rs`), keeps the static frame current, and routes to the
//! page. Nothing else: pages never import this module.

use leptos::prelude::*;

use crate::components::{
    mark_current_page, show_catalogue_version, Notices, PreviewNotice, StorageNotice,
};
use crate::dom;
use crate::pages::{
    about::AboutPage, catalogue::CataloguePage, home::HomePage, module::ModulePage,
    not_found::NotFoundPage, pathway::PathwayPage, questionnaire::QuestionnairePage,
    text::TextPage,
};
use crate::route::{document_title, Route};
use crate::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::at_start();
    provide_context(app);
    app.follow_location();
    app.load_catalogue();
    let route = app.route;
    #[cfg(not(feature = "plan"))]
    let started_on_second = route.get_untracked().in_second_bundle();

    // index.html's header and footer stay; the app keeps them current.
    mark_current_page(route);
    show_catalogue_version(app.catalogue);

    // The page shown: a change of in-page state only (catalogue filters,
    // pathway view) keeps the page, its focus and its scroll position.
    let page = Memo::new(move |_| route.get().page());

    // Title per page, and on each page change: top of page, focus on its
    // heading (RGAA 12.x: the user knows where the new content starts).
    Effect::new(move |previous: Option<Route>| {
        let current = page.get();
        // The questionnaire titles its steps itself.
        if !matches!(current, Route::Diagnostic(_)) {
            dom::set_title(&document_title(current.title()));
        }
        if previous.is_some_and(|p| p != current) {
            dom::after_paint(move || {
                dom::scroll_to_top();
                app.focus_heading();
            });
        }
        current
    });

    view! {
        <StorageNotice/>
        <PreviewNotice/>
        <main id="contenu" role="main" tabindex="-1" class="fr-container fr-pt-4w fr-pb-8w">
            <Notices/>
            {move || match page.get() {
                Route::Home => view! { <HomePage/> }.into_any(),
                Route::Diagnostic(step) => view! { <QuestionnairePage step/> }.into_any(),
                // In-page state is read from `route` by the page itself.
                Route::Pathway(_) | Route::Catalogue(_) => match route.get_untracked() {
                    Route::Pathway(query) => view! { <PathwayPage query/> }.into_any(),
                    Route::Catalogue(query) => view! { <CataloguePage query/> }.into_any(),
                    _ => ().into_any(),
                },
                Route::Module(id) => view! { <ModulePage id/> }.into_any(),
                Route::About => view! { <AboutPage/> }.into_any(),
                route @ (Route::Accessibility | Route::Legal | Route::Privacy) => {
                    view! { <TextPage route/> }.into_any()
                }
                #[cfg(feature = "atelier")]
                Route::Atelier => view! { <crate::pages::atelier::AtelierPage/> }.into_any(),
                #[cfg(feature = "plan")]
                Route::Plan(_) => view! { <crate::pages::plan::PlanPage/> }.into_any(),
                // The Atelier and the feuille de route are a bundle of their
                // own, which the page's loader starts on their paths: most
                // visitors never download it. Having started here, this
                // bundle was chosen for such a path: the loader and
                // `Route::in_second_bundle` disagree, and reloading would
                // loop, so say so instead.
                #[cfg(not(feature = "plan"))]
                route @ (Route::Atelier | Route::Plan(_)) => {
                    if started_on_second {
                        view! {
                            <h1>"Cette page n'a pas pu être ouverte"</h1>
                            <p>"Rechargez la page ; si le problème persiste, signalez-le à l'équipe du site."</p>
                        }.into_any()
                    } else {
                        // Reached from a public page: reload, the loader
                        // starts the second bundle.
                        dom::later(0, dom::reload);
                        let what = if route == Route::Atelier { "de l'atelier du catalogue" } else { "de votre feuille de route" };
                        view! { <p class="fr-mt-4w" role="status">{format!("Ouverture {what}…")}</p> }.into_any()
                    }
                }
                Route::CrashTest => panic!("arrêt volontaire (vérification du bandeau d'erreur)"),
                Route::NotFound(path) => view! { <NotFoundPage path/> }.into_any(),
            }}
        </main>
    }
}
