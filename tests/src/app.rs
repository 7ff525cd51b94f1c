//! What a person does with this app, one function per action, and what
//! they read on its pages. The app's selectors, ids and storage keys are
//! written here only, so that a change of the interface is followed in one
//! place.

use parcours_core::{Answer, Answers};
use serde_json::json;

use crate::browser::{until, within, Browser, PATIENCE};

/// Where the app keeps the answers, and the last reading level chosen.
const ANSWERS_KEY: &str = "parcours-ti:reponses";
const VIEW_KEY: &str = "parcours-ti:vue";
/// A module's card on the pathway, and on the catalogue page.
const PATHWAY_CARD: &str = "article.parcours-card";
const CATALOGUE_CARD: &str = "article.parcours-catalogue-card";

/// A complete profile, as `fill_profile` answers it.
pub const PROFILE: [(&str, &str); 4] = [
    ("profil-collectivite", "cc"),
    ("profil-ti", "oui"),
    ("profil-taille", "rural"),
    ("profil-avancement", "aucune"),
];

/// The beginning of Accueil's heading.
pub const HOME_HEADING: &str = "Les services publics";

/// « Menu », which opens the folded navigation at a phone's width, and a
/// link of that navigation.
pub const MENU_BUTTON: &str = "bouton-menu";
const MENU_LINK: &str = "#navigation-principale a[href='#/a-propos']";

/// Answers of one option each, (question, option).
pub fn options(answers: &[(&str, &str)]) -> Answers {
    answers
        .iter()
        .map(|(q, o)| (q.to_string(), Answer::Option(o.to_string())))
        .collect()
}

/// The id of the input of `option` for `question`.
pub fn input(question: &str, option: &str) -> String {
    format!("question-{question}-{option}")
}

impl Browser {
    /// Waits until the page's heading contains `needle`; returns it.
    pub async fn heading(&self, needle: &str) -> String {
        self.wait_text("main h1", needle).await
    }

    /// Goes to Accueil and waits for its heading.
    pub async fn visit_home(&self) {
        self.visit("").await;
        self.wait_home().await;
    }

    /// Waits until Accueil is shown.
    pub async fn wait_home(&self) {
        self.heading(HOME_HEADING).await;
    }

    /// Goes to the questionnaire's first step and waits for it.
    pub async fn visit_questionnaire(&self) {
        self.visit("#/diagnostic/profil").await;
        self.heading("Votre territoire").await;
    }

    /// Whether the main navigation shows its links: at a phone's width, only
    /// once « Menu » has opened it.
    pub async fn menu_open(&self) -> bool {
        assert!(self.exists(MENU_LINK).await, "the menu has « À propos »");
        self.shown(MENU_LINK).await
    }

    /// Presses Escape in the open menu: it folds, and the focus is back on
    /// « Menu ».
    pub async fn escape_menu(&self) {
        self.press(fantoccini::key::Key::Escape.into()).await;
        until("Escape folds the menu", async || !self.menu_open().await).await;
        assert_eq!(
            self.focused().await.0,
            MENU_BUTTON,
            "focus back on « Menu »"
        );
    }

    /// Answers `question` with `option` (or ticks it, for a multiple
    /// choice), by clicking its label.
    pub async fn answer(&self, question: &str, option: &str) {
        self.click_label(&input(question, option)).await;
    }

    /// Whether `option` is the answer (or one of them) to `question`.
    pub async fn answered(&self, question: &str, option: &str) -> bool {
        self.is_checked(&format!("#{}", input(question, option)))
            .await
    }

    /// Whether `question` is on the page and shown.
    pub async fn question_shown(&self, question: &str) -> bool {
        self.shown(&format!("#question-{question}")).await
    }

    /// Answers `answers`, each (question, option), in that order.
    pub async fn answer_each(&self, answers: &[(&str, &str)]) {
        for (question, option) in answers {
            self.answer(question, option).await;
        }
    }

    /// Fills the profile step (« Votre territoire ») with a complete profile.
    pub async fn fill_profile(&self) {
        self.answer_each(&PROFILE).await;
    }

    /// Ticks `theme` in « Vos priorités ».
    pub async fn choose_theme(&self, theme: &str) {
        self.answer("themes", theme).await;
    }

    /// The questionnaire's main button: « Suivant », or « Voir mon
    /// parcours » on the last step.
    pub async fn next(&self) {
        self.click(NEXT).await;
    }

    /// Waits until the main button of the step reads `label`.
    pub async fn wait_next_reads(&self, label: &str) {
        self.wait_text(NEXT, label).await;
    }

    /// Saves `answers` in this browser as the questionnaire saves them
    /// (with the catalogue's version), and no reading level.
    pub async fn save_answers(&self, answers: &Answers) {
        let saved = json!({
            "format": 1,
            "catalogue_version": crate::catalogue().version,
            "answers": answers,
        });
        self.save_raw(&saved.to_string()).await;
    }

    /// Puts `saved`, as it is, where the app keeps its answers.
    pub async fn save_raw(&self, saved: &str) {
        // The storage belongs to the site's origin: be on it first.
        self.visit("").await;
        self.heading("").await;
        self.script(
            &format!(
                "localStorage.setItem('{ANSWERS_KEY}', arguments[0]); localStorage.removeItem('{VIEW_KEY}');"
            ),
            vec![json!(saved)],
        )
        .await;
    }

    /// Saves `answers`, then opens `route` as a new document: the app
    /// starts again and reads them.
    pub async fn open_with_answers(&self, answers: &Answers, route: &str) {
        self.save_answers(answers).await;
        self.open(route).await;
    }

    /// Saves `saved` as it is, then opens `route` as a new document.
    pub async fn open_with_saved(&self, saved: &str, route: &str) {
        self.save_raw(saved).await;
        self.open(route).await;
    }

    /// What the app has saved in this browser (its JSON text), if anything.
    pub async fn saved_answers(&self) -> Option<String> {
        self.script(
            &format!("return localStorage.getItem('{ANSWERS_KEY}')"),
            vec![],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// The answers the app has saved in this browser, if any.
    pub async fn saved(&self) -> Option<Answers> {
        let text = self.saved_answers().await?;
        let file: serde_json::Value = serde_json::from_str(&text).expect("saved answers are JSON");
        Some(serde_json::from_value(file["answers"].clone()).expect("answers"))
    }

    /// The modules of the pathway shown, in page order (their ids).
    pub async fn modules_shown(&self) -> Vec<String> {
        let mut out = Vec::new();
        for card in self.elements(PATHWAY_CARD).await {
            out.push(card.attr("data-module").await.unwrap().unwrap_or_default());
        }
        out
    }

    /// Waits until the pathway shows exactly `want`, in that order.
    pub async fn wait_for_modules(&self, want: &[String]) {
        let shown = within(PATIENCE, async || {
            let shown = self.modules_shown().await;
            (shown == want).then_some(shown)
        })
        .await;
        if shown.is_none() {
            assert_eq!(self.modules_shown().await, want, "modules shown, in order");
        }
    }

    /// Waits until a module card contains `needle`; returns its text.
    pub async fn wait_card(&self, needle: &str) -> String {
        self.wait_text(PATHWAY_CARD, needle).await
    }

    /// Whether the pathway shows any module card.
    pub async fn any_card(&self) -> bool {
        self.exists(PATHWAY_CARD).await
    }

    /// The modules listed on the catalogue page (their ids).
    pub async fn catalogue_shown(&self) -> Vec<String> {
        let mut out = Vec::new();
        for card in self.elements(CATALOGUE_CARD).await {
            out.push(card.attr("data-module").await.unwrap().unwrap_or_default());
        }
        out
    }

    /// Waits until the catalogue page lists a number of modules that
    /// passes `test`; returns it.
    pub async fn wait_for_listed(&self, what: &str, test: impl Fn(usize) -> bool) -> usize {
        let n = within(PATIENCE, async || {
            let n = self.count(CATALOGUE_CARD).await;
            test(n).then_some(n)
        })
        .await;
        match n {
            Some(n) => n,
            None => panic!("{what}: {} cards", self.count(CATALOGUE_CARD).await),
        }
    }

    /// The badges of the modules listed on the catalogue page, as written.
    pub async fn catalogue_badges(&self) -> Vec<String> {
        let mut out = Vec::new();
        for badge in self.elements(&format!("{CATALOGUE_CARD} .fr-badge")).await {
            out.push(badge.prop("textContent").await.unwrap().unwrap_or_default());
        }
        out
    }

    /// Waits until the catalogue is loaded (the footer names its version).
    pub async fn wait_catalogue_loaded(&self) {
        self.wait_text("#version-catalogue", "version").await;
    }
}

/// The questionnaire's main button.
const NEXT: &str = "#bouton-suivant";
