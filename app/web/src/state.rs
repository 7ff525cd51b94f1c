//! The app's shared state and every rule that changes it: the catalogue,
//! the user's answers and step, whether storage works, the notices to show,
//! the Atelier's preview. `app.rs` creates it and provides it as context;
//! pages and components read and change it through these functions, never
//! through each other.
//!
//! What can be decided without a browser (what a share link gives, what a
//! migration or a new catalogue tells the user, the remembered reading
//! level, the words after an import) is a plain function here, tested
//! natively; the methods of `AppState` apply it to the signals, storage
//! and the URL.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use parcours_core::migrate::{migrate, MigrationReport};
use parcours_core::share;
use parcours_core::{Answers, Catalogue};

#[cfg(feature = "atelier")]
use crate::atelier::Opened;
use crate::dom;
use crate::loader::{self, plural, CatalogueState};
use crate::present::capitalise;
use crate::route::{PathwayQuery, Route};
use crate::storage::{self, Saved, StorageStatus, VIEW_KEY};
use crate::transfer::AnswersFile;

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
    /// (The Atelier's state is in its bundle only.)
    #[cfg(feature = "atelier")]
    pub published: RwSignal<Option<Arc<Catalogue>>>,
    /// Whether the app runs on the editor's catalogue (Atelier preview).
    #[cfg(feature = "atelier")]
    pub preview: RwSignal<bool>,
    /// The user's own answers and step, put aside during a preview so that
    /// trying the editor's catalogue never overwrites them.
    #[cfg(feature = "atelier")]
    pub put_aside: StoredValue<Option<(Answers, Option<String>)>>,
    /// The file opened in the Atelier, kept while the editor navigates.
    #[cfg(feature = "atelier")]
    pub atelier: RwSignal<Option<Opened>>,
    /// Today in the user's time zone (`YYYY-MM-DD`), read once at start:
    /// the day pathways, states and the Atelier's checks are computed for.
    pub today: StoredValue<String>,
    /// The page's heading is to take focus as soon as it appears: a page
    /// change happened while the new page's text was still on its way.
    heading_pending: StoredValue<bool>,
}

/// A message shown at the top of the page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub lines: Vec<String>,
}

/// Whose answers a pathway shows: the user's own, or a share link's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Own,
    Shared,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// The state at start: the route of the address, nothing loaded yet.
    pub fn at_start() -> AppState {
        AppState {
            route: RwSignal::new(Route::parse(&dom::current_hash()).unwrap_or(Route::Home)),
            catalogue: RwSignal::new(CatalogueState::Loading),
            answers: RwSignal::new(Answers::new()),
            step: RwSignal::new(None),
            storage: RwSignal::new(storage::status()),
            notices: RwSignal::new(Vec::new()),
            #[cfg(feature = "atelier")]
            published: RwSignal::new(None),
            #[cfg(feature = "atelier")]
            preview: RwSignal::new(false),
            #[cfg(feature = "atelier")]
            put_aside: StoredValue::new(None),
            #[cfg(feature = "atelier")]
            atelier: RwSignal::new(None),
            today: StoredValue::new(dom::today_iso()),
            heading_pending: StoredValue::new(false),
        }
    }

    /// After a page change, the new page's heading takes focus (RGAA 12.x:
    /// the user knows where the new content starts): now, or when a page
    /// whose heading comes with text fetched later shows it.
    pub fn focus_heading(&self) {
        let found = dom::focus("#contenu h1");
        self.heading_pending.set_value(!found);
    }

    /// Called by a page once its late heading is in the document.
    pub fn heading_shown(&self) {
        if self.heading_pending.get_value() {
            self.heading_pending.set_value(false);
            dom::focus("#contenu h1");
        }
    }

    /// Follows the address: browser back/forward and typed URLs change the
    /// fragment only. An in-page anchor (`#contenu`) keeps the page.
    pub fn follow_location(&self) {
        let route = self.route;
        let _ = window_event_listener(leptos::ev::hashchange, move |_| {
            if let Some(next) = Route::parse(&dom::current_hash()) {
                if route.get_untracked() != next {
                    route.set(next);
                }
            }
        });
    }

    /// Loads the published catalogue, then the answers saved against it.
    pub fn load_catalogue(&self) {
        let app = *self;
        spawn_local(async move {
            let state = match loader::fetch().await {
                Ok(cat) => {
                    // The page that needs the catalogue renders in a task of
                    // its own, not in the one that parsed it.
                    dom::next_task().await;
                    app.restore(&cat);
                    let cat = Arc::new(cat);
                    #[cfg(feature = "atelier")]
                    app.published.set(Some(cat.clone()));
                    CatalogueState::Ready(cat)
                }
                Err(failure) => CatalogueState::Failed(failure),
            };
            app.catalogue.set(state);
        });
    }

    /// Restores saved answers once the catalogue is known, and tells when
    /// the catalogue changed since this browser last used it.
    fn restore(&self, cat: &Catalogue) {
        let seen = storage::read_raw(storage::SEEN_VERSION_KEY);
        if let Some(notice) = catalogue_update_notice(seen.as_deref(), &cat.version) {
            self.notify(notice);
        }
        storage::write_raw(storage::SEEN_VERSION_KEY, &cat.version);
        match storage::read() {
            Ok(Some(saved)) => {
                let answers = self.adopt(cat, &saved.catalogue_version, saved.answers);
                self.answers.set(answers);
                self.step.set(saved.step);
            }
            Ok(None) => {}
            Err(storage::ReadError::Unreadable) => self.notify(unreadable_saved_notice()),
        }
    }

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
        #[cfg(feature = "atelier")]
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
    #[cfg(feature = "atelier")]
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
        let (kept, _) = migrate(&cat, &version, answers);
        self.preview.set(true);
        self.answers.set(kept);
        self.step.set(None);
        self.catalogue.set(CatalogueState::Ready(cat));
    }

    /// Back to the published catalogue and the user's own answers.
    #[cfg(feature = "atelier")]
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

    /// Shows `notice` once (the same notice twice is shown once).
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice)
            }
        });
    }

    pub fn dismiss(&self, index: usize) {
        self.notices.update(|n| {
            if index < n.len() {
                n.remove(index);
            }
        });
    }

    /// Adopts answers given against `version` (saved, shared or imported):
    /// keeps what the current catalogue still knows, tells what was dropped.
    pub fn adopt(&self, cat: &Catalogue, version: &str, answers: Answers) -> Answers {
        let (kept, report) = migrate(cat, version, answers);
        if let Some(notice) = migration_notice(cat, &report) {
            self.notify(notice);
        }
        kept
    }

    /// The answers of a share link, adapted to `cat`. A link that cannot be
    /// read is told in a notice and leads to the questionnaire: `None`.
    pub fn open_share_link(&self, cat: &Catalogue, code: &str) -> Option<Answers> {
        match share::decode(code) {
            Ok(shared) => Some(self.adopt(cat, &shared.version, shared.answers)),
            Err(error) => {
                self.notify(broken_link_notice(&error));
                dom::replace_hash(&Route::Diagnostic(None).href());
                None
            }
        }
    }

    /// Makes a shared pathway's answers the user's own, and shows that
    /// pathway as theirs.
    pub fn adopt_shared(&self, answers: Answers) {
        self.set_answers(answers);
        self.notify(Notice {
            title: "Les réponses du lien sont désormais les vôtres".into(),
            lines: vec!["Elles sont enregistrées dans ce navigateur ; vous pouvez les modifier dans le questionnaire.".into()],
        });
        dom::set_hash(&Route::Pathway(PathwayQuery::default()).href());
    }

    /// One's own pathway opens at the reading level last chosen here: on
    /// opening, and when a link to `#/parcours` is followed on the page.
    pub fn apply_remembered_view(&self, origin: Origin) {
        if origin != Origin::Own {
            return;
        }
        let stored = storage::read_raw(VIEW_KEY);
        if let Some(next) = remembered_view(&self.route.get_untracked(), stored.as_deref()) {
            self.replace_route(next);
        }
    }

    /// « Vue synthétique » or « Vue détaillée », remembered for one's own
    /// pathway (a shared link carries its own).
    pub fn choose_view(&self, detailed: bool, origin: Origin) {
        if origin == Origin::Own {
            storage::write_raw(VIEW_KEY, if detailed { "detail" } else { "synthese" });
        }
        self.replace_route(with_view(&self.route.get_untracked(), detailed));
    }

    /// Takes an imported answers file as one's own answers; the words for
    /// the page's status line. Imported answers are one's own: a shared
    /// pathway is left for one's own.
    pub fn import_answers(&self, cat: &Catalogue, file: AnswersFile, origin: Origin) -> String {
        let count = file.answers.len();
        let has_plan = file.has_plan;
        let answers = self.adopt(cat, &file.catalogue_version, file.answers);
        self.set_answers(answers);
        if origin == Origin::Shared {
            dom::set_hash(&Route::Pathway(PathwayQuery::default()).href());
        }
        let mut status = imported_status(count);
        if has_plan {
            status.push_str(" Ce fichier contient aussi une feuille de route : pour la reprendre, importez-le depuis « Ma feuille de route ».");
        }
        status
    }
}

/// Offers `text` as the file `name` to save; the words for the page's
/// status line.
pub fn download(name: &str, mime: &str, text: &str) -> String {
    if dom::download(name, mime, text) {
        format!("Fichier « {name} » téléchargé")
    } else {
        "Le téléchargement n'a pas pu être lancé dans ce navigateur.".into()
    }
}

/// Copies a share link; where the browser refuses, selects it in the
/// field `input` (below the buttons) for the user to copy. The words for
/// the page's status line.
pub async fn copy_link(link: &str, input: &str) -> String {
    if dom::copy_text(link).await {
        "Lien copié".into()
    } else {
        dom::select_input(input);
        "La copie automatique n'est pas possible dans ce navigateur : le lien est sélectionné plus bas, copiez-le avec Ctrl+C (ou ⌘+C).".into()
    }
}

/// The text of a file chosen to import answers (and a plan): its size is
/// known before it is read, so a huge file is refused without loading it.
/// The error is the sentence the page shows.
pub async fn chosen_file_text(file: &web_sys::File) -> Result<String, String> {
    crate::transfer::check_size(file.size() as usize).map_err(|e| e.to_string())?;
    dom::file_text(file)
        .await
        .ok_or_else(|| crate::transfer::AnswersFileError::NotOurs.to_string())
}

/// What the user is told when answers given against another catalogue
/// version lost some of their content; `None` when nothing was dropped.
pub fn migration_notice(cat: &Catalogue, report: &MigrationReport) -> Option<Notice> {
    if report.is_empty() {
        return None;
    }
    let lines = report.lines(cat);
    Some(Notice {
        title: format!(
            "Vos réponses ont été adaptées à la version {} du catalogue (elles dataient de la version {})",
            report.to_version, report.from_version
        ),
        lines,
    })
}

/// What the user is told of a share link that cannot be read.
pub fn broken_link_notice(error: &share::ShareError) -> Notice {
    Notice {
        title: "Ce lien de parcours n'a pas pu être ouvert".into(),
        lines: vec![
            capitalise(&error.to_string()) + ".",
            "Vous pouvez répondre au questionnaire pour établir votre parcours, ou demander un nouveau lien à la personne qui vous l'a envoyé.".into(),
        ],
    }
}

/// The notice of a catalogue published since this browser last used one
/// (`seen`, the version it saw then).
pub fn catalogue_update_notice(seen: Option<&str>, version: &str) -> Option<Notice> {
    let previous = seen.filter(|v| *v != version)?;
    Some(Notice {
        title: format!("Le catalogue des services a été mis à jour : version {version}"),
        lines: vec![format!(
            "Vous aviez consulté la version {previous}. Les services proposés et leurs raisons peuvent avoir changé ; le journal des modifications est dans « À propos »."
        )],
    })
}

pub fn unreadable_saved_notice() -> Notice {
    Notice {
        title: "Des données illisibles étaient enregistrées pour ce service dans votre navigateur"
            .into(),
        lines: vec!["Elles ont été ignorées ; vos nouvelles réponses les remplaceront.".into()],
    }
}

/// `#/parcours` without `vue` means « as last chosen » (`stored`, the
/// remembered choice): the route to show instead, if any. A share link
/// keeps its own level.
pub fn remembered_view(route: &Route, stored: Option<&str>) -> Option<Route> {
    match route {
        Route::Pathway(q) if q.code.is_none() && !q.detailed && stored == Some("detail") => {
            Some(with_view(route, true))
        }
        _ => None,
    }
}

/// The pathway route at a reading level, keeping its share code.
pub fn with_view(route: &Route, detailed: bool) -> Route {
    let code = match route {
        Route::Pathway(q) => q.code.clone(),
        _ => None,
    };
    Route::Pathway(PathwayQuery { code, detailed })
}

/// The status line after an import of `count` answers.
pub fn imported_status(count: usize) -> String {
    format!(
        "Réponses importées ({}) : le parcours ci-dessous en est issu.",
        plural(count, "réponse", "réponses")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use parcours_core::Answer;

    fn catalogue() -> Catalogue {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/catalogue.json"
        ))
        .unwrap();
        parcours_core::read_catalogue(&text).unwrap()
    }

    fn pathway(code: Option<&str>, detailed: bool) -> Route {
        Route::Pathway(PathwayQuery {
            code: code.map(str::to_string),
            detailed,
        })
    }

    #[test]
    fn answers_that_lose_nothing_need_no_notice() {
        let cat = catalogue();
        let (_, report) = migrate(&cat, "2020.01.0", Answers::new());
        assert_eq!(migration_notice(&cat, &report), None);
    }

    #[test]
    fn a_dropped_answer_is_named_by_its_question() {
        let cat = catalogue();
        let question = cat.questions().next().unwrap();
        let mut answers = Answers::new();
        answers.insert(question.id.clone(), Answer::Option("pas-une-option".into()));
        answers.insert("question-retiree".into(), Answer::Unknown);
        let (kept, report) = migrate(&cat, "2020.01.0", answers);
        assert!(kept.is_empty());
        let notice = migration_notice(&cat, &report).unwrap();
        assert!(notice
            .title
            .contains("elles dataient de la version 2020.01.0"));
        assert!(notice.title.contains(&cat.version));
        assert_eq!(notice.lines.len(), 2);
        assert!(
            notice.lines[0].starts_with(&format!("« {} » (« pas-une-option ») : ", question.label))
        );
        assert!(notice.lines[1].starts_with("la question « question-retiree » : "));
    }

    #[test]
    fn a_broken_link_says_why_as_a_sentence() {
        let notice = broken_link_notice(&share::decode("AAAA").unwrap_err());
        assert_eq!(notice.title, "Ce lien de parcours n'a pas pu être ouvert");
        assert!(
            notice.lines[0].starts_with("Le lien de partage"),
            "{notice:?}"
        );
        assert!(notice.lines[0].ends_with('.'));
    }

    #[test]
    fn a_new_catalogue_is_announced_once() {
        let notice = catalogue_update_notice(Some("2026.11.0"), "2026.12.0").unwrap();
        assert!(notice.title.ends_with("version 2026.12.0"));
        assert!(notice.lines[0].starts_with("Vous aviez consulté la version 2026.11.0."));
        assert_eq!(
            catalogue_update_notice(Some("2026.12.0"), "2026.12.0"),
            None
        );
        assert_eq!(catalogue_update_notice(None, "2026.12.0"), None);
    }

    #[test]
    fn one_s_own_pathway_opens_at_the_level_last_chosen() {
        let plain = pathway(None, false);
        assert_eq!(
            remembered_view(&plain, Some("detail")),
            Some(pathway(None, true))
        );
        assert_eq!(remembered_view(&plain, Some("synthese")), None);
        assert_eq!(remembered_view(&plain, None), None);
        // Already detailed, a shared link, another page: unchanged.
        assert_eq!(remembered_view(&pathway(None, true), Some("detail")), None);
        assert_eq!(
            remembered_view(&pathway(Some("AB"), false), Some("detail")),
            None
        );
        assert_eq!(remembered_view(&Route::Home, Some("detail")), None);
    }

    #[test]
    fn changing_the_level_keeps_the_share_code() {
        assert_eq!(
            with_view(&pathway(Some("AB"), false), true),
            pathway(Some("AB"), true)
        );
        assert_eq!(with_view(&pathway(None, true), false), pathway(None, false));
    }

    #[test]
    fn the_import_status_counts_the_answers() {
        assert_eq!(
            imported_status(1),
            "Réponses importées (1 réponse) : le parcours ci-dessous en est issu."
        );
        assert!(imported_status(3).contains("(3 réponses)"));
    }
}
