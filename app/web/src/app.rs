//! The app between index.html's header and footer: notices and the routed
//! main; shared state; catalogue loading.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parcours_core::{Answers, Catalogue};

use crate::components::{
    mark_current_page, show_catalogue_version, Notices, PreviewNotice, StorageNotice,
};
use crate::dom;
use crate::loader::{self, CatalogueState};
use crate::pages::{
    about::AboutPage, accessibility::AccessibilityPage, catalogue::CataloguePage,
    diagnostic::DiagnosticPage, home::HomePage, legal::LegalPage, module::ModulePage,
    not_found::NotFoundPage, pathway::PathwayPage, privacy::PrivacyPage,
};
use crate::route::{document_title, Route};
use crate::storage::{self, Saved, StorageStatus};

/// Shared state, provided as context to every page.
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    pub catalogue: RwSignal<CatalogueState>,
    /// The user's answers (all of them, hidden questions' included).
    pub answers: RwSignal<Answers>,
    /// Last questionnaire step seen.
    pub step: RwSignal<Option<String>>,
    /// Whether answers are kept in this browser.
    pub storage: RwSignal<StorageStatus>,
    /// Notices to show once (migrated answers, unreadable data, bad link).
    pub notices: RwSignal<Vec<Notice>>,
    /// The published catalogue, kept while the Atelier previews another.
    pub published: RwSignal<Option<Arc<Catalogue>>>,
    /// Whether the app runs on the editor's catalogue (Atelier preview).
    pub preview: RwSignal<bool>,
    /// The user's own answers and step, put aside during a preview so that
    /// trying the editor's catalogue never overwrites them.
    pub put_aside: StoredValue<Option<(Answers, Option<String>)>>,
    /// The file opened in the Atelier, kept while the editor navigates.
    pub workshop: RwSignal<Option<crate::pages::workshop::Opened>>,
    /// Today in the user's time zone (`YYYY-MM-DD`), read once at start:
    /// the day pathways, states and the Atelier's checks are computed for.
    pub today: StoredValue<String>,
}

/// A message shown at the top of the page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub lines: Vec<String>,
}

impl AppState {
    pub fn today(&self) -> String {
        self.today.get_value()
    }

    /// The catalogue, once loaded.
    pub fn catalogue_now(&self) -> Option<Arc<Catalogue>> {
        match self.catalogue.get_untracked() {
            CatalogueState::Ready(cat) => Some(cat),
            _ => None,
        }
    }

    /// Replaces the answers and keeps them in this browser when it can.
    pub fn set_answers(&self, answers: Answers) {
        self.answers.set(answers);
        self.save();
    }

    pub fn set_step(&self, step: Option<String>) {
        if self.step.get_untracked() != step {
            self.step.set(step);
            self.save();
        }
    }

    fn save(&self) {
        // A preview lives in memory only (see `start_preview`).
        if self.preview.get_untracked() {
            return;
        }
        let Some(cat) = self.catalogue_now() else {
            return;
        };
        if self.storage.get_untracked() == StorageStatus::Unavailable {
            return;
        }
        let saved = Saved::new(
            &cat.version,
            self.answers.get_untracked(),
            self.step.get_untracked(),
        );
        let status = storage::write(&saved);
        if status != self.storage.get_untracked() {
            self.storage.set(status);
        }
    }

    /// Forgets every answer, here and in storage.
    pub fn reset(&self) {
        self.answers.set(Answers::new());
        self.step.set(None);
        storage::clear();
    }

    /// Records in-page state (filters, view) in the URL without a history
    /// entry and without rebuilding the page: `history.replaceState` fires
    /// no `hashchange`, and the route signal is updated here, synchronously,
    /// so that it never lags behind what the user typed.
    pub fn replace_route(&self, next: Route) {
        dom::replace_state(&next.href());
        if self.route.get_untracked() != next {
            self.route.set(next);
        }
    }

    /// Runs the whole app on the editor's catalogue: answers in memory only,
    /// the user's saved ones put aside and restored by `end_preview`.
    pub fn start_preview(&self, cat: Arc<Catalogue>) {
        if !self.preview.get_untracked() {
            self.put_aside.set_value(Some((
                self.answers.get_untracked(),
                self.step.get_untracked(),
            )));
        }
        let answers = self.answers.get_untracked();
        let version = self
            .catalogue_now()
            .map(|c| c.version.clone())
            .unwrap_or_default();
        let (kept, _) = parcours_core::share::migrate(&cat, &version, answers);
        self.preview.set(true);
        self.answers.set(kept);
        self.step.set(None);
        self.catalogue.set(CatalogueState::Ready(cat));
    }

    /// Back to the published catalogue and the user's own answers.
    pub fn end_preview(&self) {
        if !self.preview.get_untracked() {
            return;
        }
        if let Some(cat) = self.published.get_untracked() {
            self.catalogue.set(CatalogueState::Ready(cat));
        }
        if let Some((answers, step)) = self.put_aside.get_value() {
            self.answers.set(answers);
            self.step.set(step);
        }
        self.put_aside.set_value(None);
        self.preview.set(false);
    }

    pub fn notify(&self, title: impl Into<String>, lines: Vec<String>) {
        let notice = Notice {
            title: title.into(),
            lines,
        };
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice)
            }
        });
    }

    /// Adopts answers given against `version` (saved, shared or imported):
    /// keeps what the current catalogue still knows, tells what was dropped.
    pub fn adopt(&self, cat: &Catalogue, version: &str, answers: Answers) -> Answers {
        let (kept, report) = parcours_core::share::migrate(cat, version, answers);
        if !report.is_empty() {
            let lines = report
                .dropped
                .iter()
                .map(|d| {
                    let question = cat
                        .question(&d.question)
                        .map(|q| format!("« {} »", q.label))
                        .unwrap_or_else(|| format!("la question « {} »", d.question));
                    format!("{question} : {}", d.why)
                })
                .collect();
            self.notify(
                format!(
                    "Vos réponses ont été adaptées à la version {} du catalogue (elles dataient de la version {})",
                    report.to_version, report.from_version
                ),
                lines,
            );
        }
        kept
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Restores saved answers once the catalogue is known, and tells when the
/// catalogue changed since this browser last used it.
fn restore(app: AppState, cat: &Catalogue) {
    let seen = storage::read_raw(storage::SEEN_VERSION_KEY);
    if let Some(previous) = seen.filter(|v| *v != cat.version) {
        app.notify(
            format!("Le catalogue des services a été mis à jour : version {}", cat.version),
            vec![format!(
                "Vous aviez consulté la version {previous}. Les services proposés et leurs raisons peuvent avoir changé ; le journal des modifications est dans « À propos »."
            )],
        );
    }
    storage::write_raw(storage::SEEN_VERSION_KEY, &cat.version);
    match storage::read() {
        Ok(Some(saved)) => {
            let answers = app.adopt(cat, &saved.catalogue_version, saved.answers);
            app.answers.set(answers);
            app.step.set(saved.step);
        }
        Ok(None) => {}
        Err(storage::ReadError::Unreadable) => app.notify(
            "Des données illisibles étaient enregistrées pour ce service dans votre navigateur",
            vec!["Elles ont été ignorées ; vos nouvelles réponses les remplaceront.".into()],
        ),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::parse(&dom::current_hash()).unwrap_or(Route::Home));
    #[cfg(not(feature = "atelier"))]
    let started_on_workshop = route.get_untracked() == Route::Workshop;
    let catalogue = RwSignal::new(CatalogueState::Loading);
    let app = AppState {
        route,
        catalogue,
        answers: RwSignal::new(Answers::new()),
        step: RwSignal::new(None),
        storage: RwSignal::new(storage::status()),
        notices: RwSignal::new(Vec::new()),
        published: RwSignal::new(None),
        preview: RwSignal::new(false),
        put_aside: StoredValue::new(None),
        workshop: RwSignal::new(None),
        today: StoredValue::new(dom::today_iso()),
    };
    provide_context(app);

    // Browser back/forward and typed URLs change the fragment only.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(next) = Route::parse(&dom::current_hash()) {
            if route.get_untracked() != next {
                route.set(next);
            }
        }
    });

    spawn_local(async move {
        let state = match loader::fetch().await {
            Ok(cat) => {
                // The page that needs the catalogue renders in a task of
                // its own, not in the one that parsed it.
                dom::next_task().await;
                restore(app, &cat);
                let cat = Arc::new(cat);
                app.published.set(Some(cat.clone()));
                CatalogueState::Ready(cat)
            }
            Err(failure) => CatalogueState::Failed(failure),
        };
        catalogue.set(state);
    });

    // index.html's header and footer stay; the app keeps them current.
    mark_current_page(route);
    show_catalogue_version(catalogue);

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
            dom::after_paint(|| {
                dom::scroll_to_top();
                dom::focus("#contenu h1");
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
                Route::Diagnostic(step) => view! { <DiagnosticPage step/> }.into_any(),
                // In-page state is read from `route` by the page itself.
                Route::Pathway(_) | Route::Catalogue(_) => match route.get_untracked() {
                    Route::Pathway(query) => view! { <PathwayPage query/> }.into_any(),
                    Route::Catalogue(query) => view! { <CataloguePage query/> }.into_any(),
                    _ => ().into_any(),
                },
                Route::Module(id) => view! { <ModulePage id/> }.into_any(),
                Route::About => view! { <AboutPage/> }.into_any(),
                Route::Accessibility => view! { <AccessibilityPage/> }.into_any(),
                Route::Legal => view! { <LegalPage/> }.into_any(),
                Route::Privacy => view! { <PrivacyPage/> }.into_any(),
                #[cfg(feature = "atelier")]
                Route::Workshop => view! { <crate::pages::workshop::WorkshopPage/> }.into_any(),
                // The Atelier is a bundle of its own, which the page's loader
                // starts on `#/atelier`: most visitors never download it.
                // Having started here, this bundle was chosen for `#/atelier`:
                // the loader and `Route::parse` disagree, and reloading would
                // loop, so say so instead.
                #[cfg(not(feature = "atelier"))]
                Route::Workshop if started_on_workshop => view! {
                    <h1>"L'atelier du catalogue n'a pas pu être ouvert"</h1>
                    <p>"Rechargez la page ; si le problème persiste, signalez-le à l'équipe du site."</p>
                }.into_any(),
                // Reached from a public page: reload, the loader starts the
                // Atelier's bundle.
                #[cfg(not(feature = "atelier"))]
                Route::Workshop => {
                    dom::later(0, dom::reload);
                    view! { <p class="fr-mt-4w" role="status">"Ouverture de l'atelier du catalogue…"</p> }.into_any()
                }
                Route::CrashTest => panic!("arrêt volontaire (vérification du bandeau d'erreur)"),
                Route::NotFound(path) => view! { <NotFoundPage path/> }.into_any(),
            }}
        </main>
    }
}
