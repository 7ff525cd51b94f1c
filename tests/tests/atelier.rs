//! End-to-end tests of the Atelier du catalogue: a broken catalogue and a
//! valid modified one opened through the page (file input and drag and
//! drop), the error list, the preview of a pathway on the modified
//! catalogue, the diff and the coverage view, axe-core on each state.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use parcours_core::coverage::coverage;
use parcours_core::diff::diff;
use parcours_core::{Answers, Catalogue, Condition};
use parcours_e2e::browser::{axe_violations, resource_urls, wait_for_text, Driver};
use parcours_e2e::server::{Overrides, StaticServer};
use serde_json::{json, Value};

const SCENARIO: &str = "costly_brownfield_unshared_tax";
/// Always visible, answered by the scenario.
const QUESTION: &str = "profil-collectivite";
const NEW_MODULE: &str = "atelier-essai";
const NEW_RULE: &str = "atelier-essai-regle";
const NEW_VERSION: &str = "2099.01.0";

fn serve() -> StaticServer {
    let dist =
        PathBuf::from(std::env::var("PARCOURS_DIST").expect("PARCOURS_DIST: run `make test`"));
    let prefix = std::env::var("PARCOURS_PUBLIC_URL").unwrap_or_else(|_| "/parcours/ti/".into());
    StaticServer::start(&dist, &prefix, Overrides::new())
}

fn published() -> Catalogue {
    parcours_core::load(&parcours_e2e::catalogue_text()).expect("the real catalogue loads")
}

fn scenario() -> Answers {
    let path = parcours_e2e::repo_root().join(format!("tests/scenarios/{SCENARIO}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn axe_source() -> String {
    std::fs::read_to_string(parcours_e2e::repo_root().join("node_modules/axe-core/axe.min.js"))
        .expect("node_modules/axe-core (npm ci)")
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parcours-e2e-atelier-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The published catalogue with a new module, a rule that recommends it
/// from a question the scenario answers, one rule removed and a new version.
fn modified() -> (String, Catalogue, String) {
    let mut v: Value = serde_json::from_str(&parcours_e2e::catalogue_text()).unwrap();
    v["version"] = json!(NEW_VERSION);
    let mut module = v["modules"][0].clone();
    module["id"] = json!(NEW_MODULE);
    module["title"] = json!("Service d'essai de l'atelier");
    module["prerequisites"] = json!([]);
    module["exclusions"] = json!([]);
    v["modules"].as_array_mut().unwrap().push(module);
    let question = QUESTION.to_string();
    let when = serde_json::to_value(Condition::Answered(question.clone())).unwrap();
    let removed = v["rules"][0]["id"].as_str().unwrap().to_string();
    let rules = v["rules"].as_array_mut().unwrap();
    rules.remove(0);
    rules.push(json!({
        "id": NEW_RULE,
        "when": when,
        "modules": [NEW_MODULE],
        "weight": 50,
        "reason": "Règle ajoutée dans l'atelier."
    }));
    let text = serde_json::to_string_pretty(&v).unwrap();
    let cat = parcours_core::load(&text).expect("the modified catalogue is valid");
    (text, cat, removed)
}

/// The published catalogue, pretty-printed, with a rule naming an unknown
/// module: an error the validator locates on a line of its own.
fn broken() -> String {
    let mut v: Value = serde_json::from_str(&parcours_e2e::catalogue_text()).unwrap();
    v["rules"][0]["modules"][0] = json!("module-inexistant");
    serde_json::to_string_pretty(&v).unwrap()
}

async fn open_atelier(client: &Client, server: &StaticServer) {
    client.goto(&server.url("#/atelier")).await.unwrap();
    wait_for_text(client, "main h1", "Atelier du catalogue").await;
    // The published catalogue is loaded (the diff needs it).
    client.goto(&server.url("#/a-propos")).await.unwrap();
    wait_for_text(client, "#a-propos-version", &published().version).await;
    set_hash(client, "#/atelier").await;
    wait_for_text(client, "main h1", "Atelier du catalogue").await;
}

async fn set_hash(client: &Client, hash: &str) {
    client
        .execute("location.hash = arguments[0];", vec![hash.into()])
        .await
        .unwrap();
}

async fn choose_file(client: &Client, path: &std::path::Path) {
    let input = client.find(Locator::Css("#atelier-fichier")).await.unwrap();
    input.send_keys(&path.display().to_string()).await.unwrap();
}

async fn assert_axe_clean(client: &Client, what: &str) {
    let violations = axe_violations(client, &axe_source()).await;
    assert!(
        violations.is_empty(),
        "axe-core on {what}:\n{}",
        violations.join("\n")
    );
}

async fn text_of(client: &Client, selector: &str) -> String {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector}"))
        .text()
        .await
        .unwrap()
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_atelier_is_linked_from_about_only() {
    let server = serve();
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    client.goto(&server.url("#/a-propos")).await.unwrap();
    let link = client
        .wait()
        .for_element(Locator::Css("main a[href='#/atelier']"))
        .await
        .expect("a link to the Atelier on À propos");
    assert!(link.text().await.unwrap().contains("Atelier du catalogue"));
    let in_nav = client
        .find_all(Locator::Css(
            "header a[href='#/atelier'], nav a[href='#/atelier']",
        ))
        .await
        .unwrap();
    assert!(in_nav.is_empty(), "not in the main navigation");
    // The public bundle has no Atelier: it is not even downloaded until
    // the link is followed, and the page then starts the bundle that has it.
    let before = resource_urls(&client).await.join(" ");
    assert!(
        !before.contains("parcours-atelier-"),
        "the Atelier's bundle is loaded by the Atelier only: {before}"
    );
    link.click().await.unwrap();
    wait_for_text(&client, "main h1", "Atelier du catalogue").await;
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#atelier-fichier"))
        .await
        .expect("the Atelier's file picker, from its own bundle");
    let after = resource_urls(&client).await.join(" ");
    assert!(after.contains("parcours-atelier-"), "{after}");
    assert_axe_clean(&client, "the empty Atelier").await;
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_broken_catalogue_lists_each_error_with_its_place_and_excerpt() {
    let server = serve();
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    open_atelier(&client, &server).await;
    let text = broken();
    let want = parcours_core::load(&text).expect_err("broken");
    choose_file(&client, &temp_file("casse.json", &text)).await;
    wait_for_text(&client, "#atelier-erreurs-titre", "casse.json").await;
    let list = text_of(&client, "#atelier-erreurs").await;
    for d in &want {
        assert!(
            list.contains(&d.message),
            "message « {} » in\n{list}",
            d.message
        );
        assert!(
            list.contains(&d.pointer),
            "pointer {} in\n{list}",
            d.pointer
        );
    }
    assert!(list.contains("/rules/0/modules/0"), "{list}");
    assert!(list.contains("ligne "), "{list}");
    let excerpt = text_of(&client, "#atelier-erreurs pre").await;
    assert!(excerpt.contains("module-inexistant"), "excerpt: {excerpt}");
    // Nothing to preview from a broken file.
    assert!(client.find(Locator::Css("#atelier-apercu")).await.is_err());
    assert_axe_clean(&client, "the error list").await;

    // Drag and drop: a file dropped on the zone is read the same way.
    client
        .execute(
            r#"const dt = new DataTransfer();
               dt.items.add(new File([arguments[0]], 'depose.json', { type: 'application/json' }));
               const zone = document.querySelector('#atelier-depot');
               zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
               zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));"#,
            vec!["{\"schema\": 1, \"version\": ".into()],
        )
        .await
        .unwrap();
    wait_for_text(&client, "#atelier-erreurs-titre", "depose.json").await;
    let list = text_of(&client, "#atelier-erreurs").await;
    assert!(list.contains("ligne 1"), "{list}");
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_modified_catalogue_shows_its_diff_coverage_and_previews_a_pathway() {
    let server = serve();
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    open_atelier(&client, &server).await;
    let old = published();
    let (text, new, removed_rule) = modified();
    choose_file(&client, &temp_file("catalogue.json", &text)).await;
    wait_for_text(&client, "#atelier-valide", "Catalogue valide").await;

    // Diff: the module and rule added, the rule removed, lost answers.
    let d = diff(&old, &new);
    let table = wait_for_text(&client, "#atelier-diff", NEW_MODULE).await;
    assert!(
        table.contains(NEW_VERSION) && table.contains(&old.version),
        "{table}"
    );
    assert!(table.contains(NEW_RULE), "{table}");
    assert!(table.contains(&removed_rule), "{table}");
    assert!(
        table.contains("ajouté") && table.contains("supprimé"),
        "{table}"
    );
    let rows = client
        .find_all(Locator::Css("#atelier-diff tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), d.changes.len());
    let lost = text_of(&client, "#atelier-pertes").await;
    if d.lost_answers.is_empty() {
        assert!(lost.contains("Aucune réponse"), "{lost}");
    } else {
        for l in &d.lost_answers {
            assert!(lost.contains(&l.question), "{lost}");
        }
    }

    // Coverage: the new module is reached by the new rule; the scenario's
    // question leads to it.
    let c = coverage(&new);
    let modules = text_of(&client, "#atelier-couverture-modules").await;
    let row = modules
        .lines()
        .find(|l| l.contains(NEW_MODULE))
        .unwrap_or_else(|| panic!("{modules}"));
    assert!(row.contains(NEW_RULE), "{row}");
    let questions = text_of(&client, "#atelier-couverture-questions").await;
    assert_eq!(
        client
            .find_all(Locator::Css("#atelier-couverture-questions tbody tr"))
            .await
            .unwrap()
            .len(),
        c.questions.len()
    );
    let q = QUESTION;
    let row = questions
        .lines()
        .find(|l| l.contains(&format!("({q})")))
        .unwrap_or_else(|| panic!("{questions}"));
    assert!(row.contains(NEW_MODULE), "{row}");
    let inert = text_of(&client, "#atelier-sans-effet").await;
    for q in &c.inert_questions {
        assert!(inert.contains(q.as_str()), "{inert}");
    }
    assert_axe_clean(&client, "the diff and coverage").await;

    // Preview: the whole app runs on the file; a pathway from a share link
    // made with the published catalogue shows the new module.
    client
        .find(Locator::Css("#atelier-apercu"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, "#avis-apercu", NEW_VERSION).await;
    let answers = scenario();
    let code = parcours_core::share::encode(&old.version, &answers);
    set_hash(&client, &format!("#/parcours?r={code}")).await;
    let (kept, _) = parcours_core::share::migrate(&new, &old.version, answers);
    let want: Vec<String> = parcours_core::pathway(&new, &kept, &parcours_e2e::today())
        .modules()
        .map(|m| m.id.clone())
        .collect();
    assert!(
        want.iter().any(|m| m == NEW_MODULE),
        "the new module is recommended"
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let mut shown = Vec::new();
        for card in client
            .find_all(Locator::Css("article.parcours-card"))
            .await
            .unwrap()
        {
            shown.push(card.attr("data-module").await.unwrap().unwrap_or_default());
        }
        if shown == want {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "pathway in preview: {shown:?} != {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    wait_for_text(&client, "#avis-apercu", "Quitter l'aperçu").await;
    assert_axe_clean(&client, "a pathway in preview").await;
    // Nothing of the preview is saved in this browser.
    let saved = client
        .execute(
            "return localStorage.getItem('parcours-ti:reponses');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(saved, Value::Null, "preview answers are not saved");

    // The catalogue browser runs on the file too.
    set_hash(&client, &format!("#/catalogue/{NEW_MODULE}")).await;
    wait_for_text(&client, "main h1", "Service d'essai de l'atelier").await;

    // « Quitter l'aperçu »: back to the published catalogue.
    client
        .find(Locator::Css("#quitter-apercu"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    set_hash(&client, "#/a-propos").await;
    wait_for_text(&client, "#a-propos-version", &old.version).await;
    assert!(client.find(Locator::Css("#avis-apercu")).await.is_err());
    client.close().await.unwrap();
}
