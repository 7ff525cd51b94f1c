//! End-to-end tests of the questionnaire (the élu's journey), in headless
//! Chromium against the release `dist/` served under a sub-path. Run by
//! `make test`.

use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::Locator;
use parcours_core::{Answer, Answers};
use parcours_e2e::browser::{
    axe_violations, click_label, eventually, focused, is_checked, is_displayed, open_with_answers,
    press, tab_to, wait_for_text, Driver,
};
use parcours_e2e::server::Overrides;
use parcours_e2e::{catalogue, serve};
use serde_json::json;

/// A filled profile, and the themes given.
fn profile(themes: &[&str]) -> Answers {
    let mut a = Answers::new();
    for (q, o) in [
        ("profil-collectivite", "cc"),
        ("profil-ti", "oui"),
        ("profil-taille", "rural"),
        ("profil-avancement", "plan"),
    ] {
        a.insert(q.into(), Answer::Option(o.into()));
    }
    a.insert(
        "themes".into(),
        Answer::Options(themes.iter().map(|t| t.to_string()).collect()),
    );
    a
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_complete_journey_by_keyboard_alone_reaches_the_pathway() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(&client, "main h1", "Les services publics").await;

    tab_to(&client, "« Commencer le diagnostic »", |_, text| {
        text == "Commencer le diagnostic"
    })
    .await;
    press(&client, Key::Enter.into()).await;
    wait_for_text(&client, "main h1", "Étape 1 sur 2").await;

    // Profile: the first option of each required question, with Space.
    for question in [
        "profil-collectivite",
        "profil-ti",
        "profil-taille",
        "profil-avancement",
    ] {
        let prefix = format!("question-{question}-");
        tab_to(&client, question, |id, _| id.starts_with(&prefix)).await;
        press(&client, Key::Space.into()).await;
    }
    tab_to(&client, "« Suivant »", |id, _| id == "bouton-suivant").await;
    press(&client, Key::Enter.into()).await;

    // Themes: foncier only.
    wait_for_text(&client, "main h1", "Étape 2 sur 2").await;
    tab_to(&client, "the foncier theme", |id, _| {
        id == "question-themes-foncier"
    })
    .await;
    press(&client, Key::Space.into()).await;
    wait_for_text(&client, "main h1", "Étape 2 sur 3").await;
    tab_to(&client, "« Suivant »", |id, _| id == "bouton-suivant").await;
    press(&client, Key::Enter.into()).await;

    // Foncier: « Oui » to refused implantations, then « Voir mon parcours ».
    wait_for_text(&client, "main h1", "Étape 3 sur 3").await;
    eventually("focus moves to the step heading", async || {
        focused(&client).await.1 == "H1"
    })
    .await;
    tab_to(&client, "« Oui » for fon-refus", |id, _| {
        id == "question-fon-refus-oui"
    })
    .await;
    press(&client, Key::Space.into()).await;
    tab_to(&client, "« Voir mon parcours »", |_, text| {
        text == "Voir mon parcours"
    })
    .await;
    press(&client, Key::Enter.into()).await;

    wait_for_text(&client, "main h1", "Votre parcours").await;
    // The same answers, natively, give the modules the page must show.
    let mut answers = profile(&["foncier"]);
    for (q, o) in [
        ("profil-collectivite", "cc"),
        ("profil-ti", "oui"),
        ("profil-taille", "rural"),
        ("profil-avancement", "aucune"),
    ] {
        answers.insert(q.into(), Answer::Option(o.into()));
    }
    answers.insert("fon-refus".into(), Answer::Option("oui".into()));
    let expected = parcours_e2e::pathway(&answers);
    assert!(!expected.is_empty());
    for module in expected.modules() {
        wait_for_text(&client, "main", &module.title).await;
    }
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_missing_required_answer_is_shown_on_its_fieldset_and_focused() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    client
        .goto(&server.url("#/diagnostic/profil"))
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Votre territoire").await;
    client
        .find(Locator::Id("bouton-suivant"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    let fieldset = client
        .find(Locator::Id("question-profil-collectivite"))
        .await
        .unwrap();
    wait_for_text(
        &client,
        "#question-profil-collectivite-messages",
        "Répondez à cette question",
    )
    .await;
    let class = fieldset.attr("class").await.unwrap().unwrap_or_default();
    assert!(class.contains("fr-fieldset--error"), "{class}");
    let labelled = fieldset
        .attr("aria-labelledby")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        labelled.contains("question-profil-collectivite-messages"),
        "{labelled}"
    );
    let first = client
        .find(Locator::Id("question-profil-collectivite-cc"))
        .await
        .unwrap();
    assert_eq!(
        first.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    let (id, _, _) = focused(&client).await;
    assert_eq!(
        id, "question-profil-collectivite-cc",
        "focus moves to the first unanswered question"
    );
    // Still on the same step.
    wait_for_text(&client, "main h1", "Étape 1 sur 2").await;

    // Answering clears that question's error.
    click_label(&client, "question-profil-collectivite-ca").await;
    eventually("the error is gone", async || {
        client
            .find(Locator::Css(
                "#question-profil-collectivite-messages .fr-message--error",
            ))
            .await
            .is_err()
    })
    .await;
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn conditional_questions_appear_and_disappear_without_losing_answers() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    let mut answers = profile(&["foncier"]);
    answers.insert("fon-refus".into(), Answer::Option("oui".into()));
    open_with_answers(&client, &server, &answers, "#/diagnostic/foncier").await;
    wait_for_text(&client, "main h1", "Foncier").await;

    assert!(!is_displayed(&client, "question-fon-friches-cout").await);
    click_label(&client, "question-fon-friches-oui").await;
    eventually("the follow-up question appears", async || {
        is_displayed(&client, "question-fon-friches-cout").await
    })
    .await;
    click_label(&client, "question-fon-friches-cout-oui").await;
    click_label(&client, "question-fon-friches-non").await;
    eventually("the follow-up question disappears", async || {
        !is_displayed(&client, "question-fon-friches-cout").await
    })
    .await;
    // The other answers stay, the hidden one too (it comes back as it was).
    assert!(is_checked(&client, "question-fon-refus-oui").await);
    click_label(&client, "question-fon-friches-oui").await;
    eventually("the follow-up question is back, answered", async || {
        is_displayed(&client, "question-fon-friches-cout").await
            && is_checked(&client, "question-fon-friches-cout-oui").await
    })
    .await;
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_reload_resumes_at_the_same_step_with_the_same_answers() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    open_with_answers(
        &client,
        &server,
        &profile(&["foncier", "competences"]),
        "#/diagnostic/foncier",
    )
    .await;
    wait_for_text(&client, "main h1", "Foncier").await;
    click_label(&client, "question-fon-refus-oui").await;
    client.refresh().await.unwrap();
    wait_for_text(&client, "main h1", "Foncier").await;
    wait_for_text(&client, "main h1", "Étape 3 sur 4").await;
    eventually("the answer is restored", async || {
        is_checked(&client, "question-fon-refus-oui").await
    })
    .await;

    // « Reprendre » from the home page comes back to this step.
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(&client, "#actions-accueil", "Reprendre mon diagnostic").await;
    client
        .find(Locator::LinkText("Reprendre mon diagnostic"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Foncier").await;

    // Browser back and forward move between steps.
    client
        .find(Locator::Id("bouton-suivant"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Compétences").await;
    client.back().await.unwrap();
    wait_for_text(&client, "main h1", "Foncier").await;
    client.forward().await.unwrap();
    wait_for_text(&client, "main h1", "Compétences").await;

    // « Recommencer » asks first, then forgets everything.
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(&client, "#actions-accueil", "Recommencer").await;
    client
        .find(Locator::XPath("//button[normalize-space()='Recommencer']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "#confirmation-recommencer", "Effacer vos réponses").await;
    client
        .find(Locator::XPath(
            "//button[normalize-space()='Effacer et recommencer']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Étape 1 sur 2").await;
    assert!(!is_checked(&client, "question-profil-collectivite-cc").await);
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn with_storage_disabled_the_journey_still_completes() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    // Blocking site data makes every localStorage access throw.
    let client = driver
        .session_with(
            1280,
            900,
            json!({ "profile.default_content_setting_values.cookies": 2 }),
        )
        .await;
    client.goto(&server.url("#/diagnostic")).await.unwrap();
    wait_for_text(&client, "#avis-stockage", "ne seront pas conservées").await;
    wait_for_text(&client, "main h1", "Votre territoire").await;
    for input in [
        "question-profil-collectivite-cc",
        "question-profil-ti-oui",
        "question-profil-taille-rural",
        "question-profil-avancement-aucune",
    ] {
        click_label(&client, input).await;
    }
    client
        .find(Locator::Id("bouton-suivant"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Vos priorités").await;
    click_label(&client, "question-themes-gouvernance").await;
    client
        .find(Locator::Id("bouton-suivant"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Gouvernance").await;
    click_label(&client, "question-gouv-binome-dissous").await;
    wait_for_text(&client, "#bouton-suivant", "Voir mon parcours").await;
    client
        .find(Locator::Id("bouton-suivant"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Votre parcours").await;
    wait_for_text(&client, "main", "Recommandé parce que").await;
    client.close().await.unwrap();
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
    for (q, o) in [
        ("fon-refus", "oui"),
        ("fon-friches", "oui"),
        ("eco-filiere-verte", "oui"),
        ("gouv-chef-projet", "oui"),
    ] {
        a.insert(q.into(), Answer::Option(o.into()));
    }
    a.insert("comp-recrutement".into(), Answer::Number(4));
    a
}

fn visible_steps() -> Vec<String> {
    let cat = catalogue();
    parcours_core::flow::Flow::new(&cat, &everything())
        .groups
        .iter()
        .map(|g| g.group.id.clone())
        .collect()
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn axe_finds_no_violation_on_any_step() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let axe =
        std::fs::read_to_string(parcours_e2e::repo_root().join("node_modules/axe-core/axe.min.js"))
            .expect("node_modules/axe-core (npm ci)");
    let client = driver.session(1280, 900).await;
    open_with_answers(&client, &server, &everything(), "#/diagnostic/profil").await;
    let mut report = Vec::new();
    let steps = visible_steps();
    assert_eq!(steps.len(), 7, "profile, themes and five themes: {steps:?}");
    for step in &steps {
        client
            .goto(&server.url(&format!("#/diagnostic/{step}")))
            .await
            .unwrap();
        wait_for_text(&client, "main h1", "Étape").await;
        for v in axe_violations(&client, &axe).await {
            report.push(format!("{step}: {v}"));
        }
    }
    // The error state too.
    open_with_answers(&client, &server, &Answers::new(), "#/diagnostic/profil").await;
    wait_for_text(&client, "main h1", "Votre territoire").await;
    client
        .find(Locator::Id("bouton-suivant"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "main", "Répondez à cette question").await;
    for v in axe_violations(&client, &axe).await {
        report.push(format!("profil (erreurs) : {v}"));
    }
    assert!(
        report.is_empty(),
        "axe-core violations:\n{}",
        report.join("\n")
    );
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn at_320_px_nothing_overflows_horizontally() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(320, 700).await;
    let screens = parcours_e2e::repo_root().join("target/e2e-screens");
    std::fs::create_dir_all(&screens).unwrap();
    open_with_answers(&client, &server, &everything(), "#/diagnostic/profil").await;
    let mut pages: Vec<String> = visible_steps()
        .iter()
        .map(|s| format!("#/diagnostic/{s}"))
        .collect();
    pages.insert(0, String::new());
    for page in pages {
        client.goto(&server.url(&page)).await.unwrap();
        wait_for_text(&client, "main h1", "").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let widths = client
            .execute(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                vec![],
            )
            .await
            .unwrap();
        let (scroll, client_width) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
        let name = if page.is_empty() {
            "accueil".to_string()
        } else {
            page.replace("#/", "").replace('/', "-")
        };
        let png = client.screenshot().await.unwrap();
        std::fs::write(screens.join(format!("320-{name}.png")), png).unwrap();
        assert!(
            scroll <= client_width,
            "{name}: content is {scroll}px wide in a {client_width}px viewport (screenshot in {})",
            screens.display()
        );
    }
    client.close().await.unwrap();
}
