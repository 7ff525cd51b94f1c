//! Bad inputs, end to end: a broken catalogue, damaged saved data, content
//! that looks like HTML, a crash, a full storage. Each must give a clear
//! French message and lose nothing — never a blank page.

use parcours_e2e::browser::{browser, setup, within, Browser, PATIENCE};
use parcours_e2e::server::{Overrides, StaticServer};
use parcours_e2e::{catalogue_json, serve};
use serde_json::json;

fn with_catalogue(text: &str) -> StaticServer {
    serve(Overrides::from([(
        "content/catalogue.json".to_string(),
        Some(text.as_bytes().to_vec()),
    )]))
}

/// Opens the home page on a broken catalogue and checks that the error's
/// folded details contain each of `expected`.
async fn home_error(text: &str, expected: &[&str]) {
    let server = with_catalogue(text);
    let page = setup().on(&server).start().await;
    page.visit_home().await;
    page.wait_text("#erreur-catalogue", "Détails techniques")
        .await;
    // The details are folded for the web team: in the page, shown on demand.
    let details = async || page.text_content("#erreur-catalogue").await;
    for needle in expected {
        let found = within(PATIENCE, async || {
            details().await.contains(needle).then_some(())
        })
        .await;
        assert!(
            found.is_some(),
            "« {needle} » missing from the error: {}",
            details().await
        );
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn invalid_json_names_the_line() {
    home_error("{\n  \"schema\": 1,\n  oups\n}", &["erreur", "ligne 3"]).await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_catalogue_failing_validation_lists_its_errors() {
    let mut cat = catalogue_json();
    let first_id = cat["modules"][0]["id"].clone();
    cat["modules"][1]["id"] = first_id;
    cat["modules"][2]["provider"] = json!("operateur-inconnu");
    home_error(
        &serde_json::to_string_pretty(&cat).unwrap(),
        &["erreurs", "/modules/1/id", "/modules/2/provider"],
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn content_that_looks_like_html_is_shown_as_text() {
    let mut cat = catalogue_json();
    cat["themes"][0]["label"] = json!("<img src=x onerror=\"window.__xss=1\">Foncier");
    cat["steps"][0]["description"] = json!("<script>window.__xss=2</script>Observer");
    let server = with_catalogue(&cat.to_string());
    let page = setup().on(&server).start().await;
    page.visit("").await;
    page.wait_text("main", "<img src=x onerror=\"window.__xss=1\">Foncier")
        .await;
    page.wait_text("main", "<script>window.__xss=2</script>Observer")
        .await;
    let injected = page
        .script(
            "return [typeof window.__xss, document.querySelectorAll('main img, main script').length]",
            vec![],
        )
        .await;
    assert_eq!(injected, json!(["undefined", 0]));
}

/// Puts `saved` where the app keeps its answers, then opens Accueil anew.
async fn saved_then_home(saved: &str) -> Browser {
    let page = browser().await;
    page.open_with_saved(saved, "").await;
    page
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn corrupted_saved_answers_are_reported_and_the_app_works() {
    let page = saved_then_home("{ceci n'est pas du JSON").await;
    page.wait_text(".parcours-notice", "Des données illisibles")
        .await;
    page.wait_text("#actions-accueil", "Commencer le diagnostic")
        .await;
    page.visit("#/diagnostic").await;
    page.heading("Votre territoire").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn answers_saved_against_an_older_catalogue_are_migrated_with_a_notice() {
    let saved = json!({
        "format": 1,
        "catalogue_version": "2025.01.0",
        "answers": {
            "profil-collectivite": "cc",
            "question-disparue": "oui",
            "profil-ti": "option-disparue",
        },
    });
    let page = saved_then_home(&saved.to_string()).await;
    page.wait_text(".parcours-notice", "version 2025.01.0")
        .await;
    page.wait_text(".parcours-notice", "question-disparue")
        .await;
    // What is still valid is kept.
    page.wait_text("#actions-accueil", "Reprendre mon diagnostic")
        .await;
    page.visit_questionnaire().await;
    assert!(
        page.answered("profil-collectivite", "cc").await,
        "the still-valid answer was kept"
    );
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_crash_shows_a_banner_with_a_way_back() {
    let page = browser().await;
    page.visit_home().await;
    page.visit("#/verification/arret").await;
    page.wait_text("#erreur-application", "Une erreur inattendue")
        .await;
    page.replacing_document(page.click_button("Recharger la page"))
        .await;
    page.wait_home().await;
    assert!(!page.exists("#erreur-application").await);
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_full_storage_is_reported_and_the_questionnaire_goes_on() {
    let page = browser().await;
    page.visit_questionnaire().await;
    // Fill the origin's storage to the last byte, as another app could have.
    page.script(
        r#"let chunk = 'x'.repeat(1 << 20), i = 0;
           while (chunk.length > 0) {
             try { localStorage.setItem('remplissage-' + i++, chunk); }
             catch (e) { chunk = chunk.slice(0, chunk.length >> 1); }
           }"#,
        vec![],
    )
    .await;
    page.answer("profil-collectivite", "cc").await;
    page.wait_text("#avis-stockage", "plein").await;
    // The answer is still there and the journey goes on.
    assert!(page.answered("profil-collectivite", "cc").await);
    page.fill_profile().await;
    page.next().await;
    page.heading("Vos priorités").await;
}
