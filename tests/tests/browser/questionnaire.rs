//! The questionnaire (the élu's journey): by keyboard alone, required
//! answers, branching questions, reload and resume, storage disabled,
//! axe-core on every step, no horizontal overflow at 320 px.

use fantoccini::key::Key;
use parcours_core::{Answer, Answers};
use parcours_e2e::app::{input, options, PROFILE};
use parcours_e2e::browser::{browser, setup, until, Report};
use parcours_e2e::catalogue;
use serde_json::json;

/// A filled profile, and the themes given.
fn profile(themes: &[&str]) -> Answers {
    let mut a = options(&[
        ("profil-collectivite", "cc"),
        ("profil-ti", "oui"),
        ("profil-taille", "rural"),
        ("profil-avancement", "plan"),
    ]);
    a.insert(
        "themes".into(),
        Answer::Options(themes.iter().map(|t| t.to_string()).collect()),
    );
    a
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_complete_journey_by_keyboard_alone_reaches_the_pathway() {
    let page = browser().await;
    page.visit_home().await;

    page.tab_to("« Commencer le diagnostic »", |_, text| {
        text == "Commencer le diagnostic"
    })
    .await;
    page.press(Key::Enter.into()).await;
    page.heading("Étape 1 sur 2").await;

    // Profile: the first option of each required question, with Space.
    for question in [
        "profil-collectivite",
        "profil-ti",
        "profil-taille",
        "profil-avancement",
    ] {
        let prefix = format!("question-{question}-");
        page.tab_to(question, |id, _| id.starts_with(&prefix)).await;
        page.press(Key::Space.into()).await;
    }
    page.tab_to("« Suivant »", |id, _| id == "bouton-suivant")
        .await;
    page.press(Key::Enter.into()).await;

    // Themes: foncier only.
    page.heading("Étape 2 sur 2").await;
    let foncier = input("themes", "foncier");
    page.tab_to("the foncier theme", |id, _| id == foncier)
        .await;
    page.press(Key::Space.into()).await;
    // The count stays while themes are ticked.
    until("the foncier theme is ticked", async || {
        page.answered("themes", "foncier").await
    })
    .await;
    page.heading("Étape 2 sur 2").await;
    page.tab_to("« Suivant »", |id, _| id == "bouton-suivant")
        .await;
    page.press(Key::Enter.into()).await;

    // Foncier: « Oui » to refused implantations, then « Voir mon parcours ».
    page.heading("Thème 1 sur 1").await;
    until("focus moves to the step heading", async || {
        page.focused().await.1 == "H1"
    })
    .await;
    let refused = input("fon-refus", "oui");
    page.tab_to("« Oui » for fon-refus", |id, _| id == refused)
        .await;
    page.press(Key::Space.into()).await;
    page.tab_to("« Voir mon parcours »", |_, text| {
        text == "Voir mon parcours"
    })
    .await;
    page.press(Key::Enter.into()).await;

    page.heading("Votre parcours").await;
    // The same answers, natively, give the modules the page must show.
    let mut answers = profile(&["foncier"]);
    // The first option of each profile question, as ticked above.
    answers.extend(options(&PROFILE));
    answers.insert("fon-refus".into(), Answer::Option("oui".into()));
    let expected = parcours_e2e::pathway(&answers);
    assert!(!expected.is_empty());
    for module in expected.modules() {
        page.wait_text("main", &module.title).await;
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_missing_required_answer_is_shown_on_its_fieldset_and_focused() {
    let page = browser().await;
    page.visit_questionnaire().await;
    page.next().await;

    let fieldset = "#question-profil-collectivite";
    page.wait_text(
        "#question-profil-collectivite-messages",
        "Répondez à cette question",
    )
    .await;
    let class = page.attr(fieldset, "class").await.unwrap_or_default();
    assert!(class.contains("fr-fieldset--error"), "{class}");
    let labelled = page
        .attr(fieldset, "aria-labelledby")
        .await
        .unwrap_or_default();
    assert!(
        labelled.contains("question-profil-collectivite-messages"),
        "{labelled}"
    );
    let first = input("profil-collectivite", "cc");
    assert_eq!(
        page.attr(&format!("#{first}"), "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        page.focused().await.0,
        first,
        "focus moves to the first unanswered question"
    );
    // Still on the same step.
    page.heading("Étape 1 sur 2").await;

    // Answering clears that question's error.
    page.answer("profil-collectivite", "ca").await;
    page.wait_gone("#question-profil-collectivite-messages .fr-message--error")
        .await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn conditional_questions_appear_and_disappear_without_losing_answers() {
    let page = browser().await;
    let mut answers = profile(&["foncier"]);
    answers.insert("fon-refus".into(), Answer::Option("oui".into()));
    page.open_with_answers(&answers, "#/diagnostic/foncier")
        .await;
    page.heading("Foncier").await;

    assert!(!page.question_shown("fon-friches-cout").await);
    page.answer("fon-friches", "oui").await;
    until("the follow-up question appears", async || {
        page.question_shown("fon-friches-cout").await
    })
    .await;
    page.answer("fon-friches-cout", "oui").await;
    page.answer("fon-friches", "non").await;
    until("the follow-up question disappears", async || {
        !page.question_shown("fon-friches-cout").await
    })
    .await;
    // The other answers stay, the hidden one too (it comes back as it was).
    assert!(page.answered("fon-refus", "oui").await);
    page.answer("fon-friches", "oui").await;
    until("the follow-up question is back, answered", async || {
        page.question_shown("fon-friches-cout").await
            && page.answered("fon-friches-cout", "oui").await
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_reload_resumes_at_the_same_step_with_the_same_answers() {
    let page = browser().await;
    page.open_with_answers(
        &profile(&["foncier", "competences"]),
        "#/diagnostic/foncier",
    )
    .await;
    page.heading("Foncier").await;
    page.answer("fon-refus", "oui").await;
    page.reload().await;
    page.heading("Foncier").await;
    page.heading("Thème 1 sur 2").await;
    until("the answer is restored", async || {
        page.answered("fon-refus", "oui").await
    })
    .await;

    // « Reprendre » from the home page comes back to this step.
    page.visit("").await;
    page.wait_text("#actions-accueil", "Reprendre mon diagnostic")
        .await;
    page.click_link("Reprendre mon diagnostic").await;
    page.heading("Foncier").await;

    // Browser back and forward move between steps.
    page.next().await;
    page.heading("Compétences").await;
    page.back().await.unwrap();
    page.heading("Foncier").await;
    page.forward().await.unwrap();
    page.heading("Compétences").await;

    // « Recommencer » asks first, then forgets everything.
    page.visit("").await;
    page.wait_text("#actions-accueil", "Recommencer").await;
    page.click_button("Recommencer").await;
    page.wait_text("#confirmation-recommencer", "Effacer vos réponses")
        .await;
    page.click_button("Effacer et recommencer").await;
    page.heading("Étape 1 sur 2").await;
    assert!(!page.answered("profil-collectivite", "cc").await);
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn with_storage_disabled_the_journey_still_completes() {
    // Blocking site data makes every localStorage access throw.
    let page = setup()
        .pref("profile.default_content_setting_values.cookies", json!(2))
        .start()
        .await;
    page.visit("#/diagnostic").await;
    page.wait_text("#avis-stockage", "ne seront pas conservées")
        .await;
    page.heading("Votre territoire").await;
    page.fill_profile().await;
    page.next().await;
    page.heading("Vos priorités").await;
    page.choose_theme("gouvernance").await;
    page.next().await;
    page.heading("Gouvernance").await;
    page.answer("gouv-binome", "dissous").await;
    page.wait_next_reads("Voir mon parcours").await;
    page.next().await;
    page.heading("Votre parcours").await;
    page.wait_text("main", "Recommandé parce que").await;
}

/// Answers that show every step and most conditional questions.
fn everything() -> Answers {
    let mut a = profile(&[
        "foncier",
        "competences",
        "transition-ecologique",
        "transition-numerique",
        "gouvernance",
    ]);
    a.extend(options(&[
        ("fon-refus", "oui"),
        ("fon-friches", "oui"),
        ("eco-filiere-verte", "oui"),
        ("gouv-chef-projet", "oui"),
    ]));
    a.insert("comp-recrutement".into(), Answer::Number(4));
    a
}

fn visible_steps() -> Vec<String> {
    parcours_core::flow::Flow::new(catalogue(), &everything())
        .groups
        .iter()
        .map(|g| g.group.id.clone())
        .collect()
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn axe_finds_no_violation_on_any_step() {
    let page = browser().await;
    page.open_with_answers(&everything(), "#/diagnostic/profil")
        .await;
    let mut report = Report::default();
    let steps = visible_steps();
    assert_eq!(steps.len(), 7, "profile, themes and five themes: {steps:?}");
    let outline = parcours_core::questionnaire::Outline::new(catalogue(), &everything());
    for step in &steps {
        page.visit(&format!("#/diagnostic/{step}")).await;
        page.heading(&outline.count(step).to_string()).await;
        report.axe(&page, step).await;
    }
    // The error state too.
    page.open_with_answers(&Answers::new(), "#/diagnostic/profil")
        .await;
    page.heading("Votre territoire").await;
    page.next().await;
    page.wait_text("main", "Répondez à cette question").await;
    report.axe(&page, "profil (erreurs)").await;
    report.assert_empty();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn at_320_px_nothing_overflows_horizontally() {
    let page = setup().size(320, 700).start().await;
    let screens = parcours_e2e::repo_root().join("target/e2e-screens");
    std::fs::create_dir_all(&screens).unwrap();
    page.open_with_answers(&everything(), "#/diagnostic/profil")
        .await;
    let mut routes: Vec<String> = visible_steps()
        .iter()
        .map(|s| format!("#/diagnostic/{s}"))
        .collect();
    routes.insert(0, String::new());
    for route in routes {
        page.visit(&route).await;
        page.heading("").await;
        page.settle().await;
        let overflow = page.overflow().await;
        let name = if route.is_empty() {
            "accueil".to_string()
        } else {
            route.replace("#/", "").replace('/', "-")
        };
        let png = page.screenshot().await.unwrap();
        std::fs::write(screens.join(format!("320-{name}.png")), png).unwrap();
        assert!(
            overflow <= 0,
            "{name}: content is {overflow}px wider than the viewport (screenshot in {})",
            screens.display()
        );
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn an_exclusive_option_unticks_the_others_and_is_unticked_by_them() {
    let page = browser().await;
    page.open_with_answers(&profile(&["foncier"]), "#/diagnostic/foncier")
        .await;
    page.heading("Thème 1 sur 1").await;
    page.answer("fon-besoins", "grands-sites").await;
    page.answer("fon-besoins", "ateliers").await;
    until("two needs ticked", async || {
        page.answered("fon-besoins", "ateliers").await
    })
    .await;
    // « Aucun » stands alone: the others are unticked on screen and saved.
    page.answer("fon-besoins", "aucun").await;
    until("« Aucun » unticks the others", async || {
        page.answered("fon-besoins", "aucun").await
            && !page.answered("fon-besoins", "grands-sites").await
            && !page.answered("fon-besoins", "ateliers").await
    })
    .await;
    let alone = Some(Answer::Options(vec!["aucun".into()]));
    until("« Aucun » saved alone", async || {
        page.saved()
            .await
            .and_then(|a| a.get("fon-besoins").cloned())
            == alone
    })
    .await;
    // Ticking another need unticks « Aucun ».
    page.answer("fon-besoins", "petits-locaux").await;
    until("another need unticks « Aucun »", async || {
        page.answered("fon-besoins", "petits-locaux").await
            && !page.answered("fon-besoins", "aucun").await
    })
    .await;
}
