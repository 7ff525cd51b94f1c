//! The Atelier du catalogue: a broken catalogue and a valid modified one
//! opened through the page (file input and drag and drop), the error list,
//! the preview of a pathway on the modified catalogue, the diff and the
//! coverage view, axe-core on each state.

use std::path::PathBuf;

use parcours_core::coverage::coverage;
use parcours_core::diff::diff;
use parcours_core::{Catalogue, Condition};
use parcours_e2e::browser::{browser, Browser};
use parcours_e2e::{catalogue, catalogue_json, scenario, scratch_dir};
use serde_json::json;

const SCENARIO: &str = "costly_brownfield_unshared_tax";
/// Always visible, answered by the scenario.
const QUESTION: &str = "profil-collectivite";
const NEW_MODULE: &str = "atelier-essai";
const NEW_RULE: &str = "atelier-essai-regle";
const NEW_VERSION: &str = "2099.01.0";

/// `text` in a file named `name`, to be opened by the page.
fn file(name: &str, text: &str) -> PathBuf {
    let path = scratch_dir("atelier").join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The published catalogue with a new module, a rule that recommends it
/// from a question the scenario answers, one rule removed and a new version.
fn modified() -> (String, Catalogue, String) {
    let mut v = catalogue_json();
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
    let mut v = catalogue_json();
    v["rules"][0]["modules"][0] = json!("module-inexistant");
    serde_json::to_string_pretty(&v).unwrap()
}

/// The Atelier, once the published catalogue is loaded (the diff needs it).
async fn open_atelier(page: &Browser) {
    page.visit("#/atelier").await;
    page.heading("Atelier du catalogue").await;
    page.visit("#/a-propos").await;
    page.wait_text("#a-propos-version", &catalogue().version)
        .await;
    page.set_hash("#/atelier").await;
    page.heading("Atelier du catalogue").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_atelier_is_linked_from_about_only() {
    let page = browser().await;
    page.visit("#/a-propos").await;
    let link = "main a[href='#/atelier']";
    page.wait_text(link, "Atelier du catalogue").await;
    assert_eq!(
        page.count("header a[href='#/atelier'], nav a[href='#/atelier']")
            .await,
        0,
        "not in the main navigation"
    );
    // The public bundle has no Atelier: it is not even downloaded until
    // the link is followed, and the page then starts the bundle that has it.
    let before = page.resource_urls().await.join(" ");
    assert!(
        !before.contains("parcours-atelier-"),
        "the Atelier's bundle is loaded by the Atelier only: {before}"
    );
    page.click(link).await;
    page.heading("Atelier du catalogue").await;
    // The file picker comes from the Atelier's own bundle.
    page.wait_text("#atelier-fichier", "").await;
    let after = page.resource_urls().await.join(" ");
    assert!(after.contains("parcours-atelier-"), "{after}");
    page.assert_axe_clean("the empty Atelier").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_broken_catalogue_lists_each_error_with_its_place_and_excerpt() {
    let page = browser().await;
    open_atelier(&page).await;
    let text = broken();
    let want = parcours_core::load(&text).expect_err("broken");
    page.choose_file("#atelier-fichier", &file("casse.json", &text))
        .await;
    page.wait_text("#atelier-erreurs-titre", "casse.json").await;
    let list = page.text("#atelier-erreurs").await;
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
    let excerpt = page.text("#atelier-erreurs pre").await;
    assert!(excerpt.contains("module-inexistant"), "excerpt: {excerpt}");
    // Nothing to preview from a broken file.
    assert!(!page.exists("#atelier-apercu").await);
    page.assert_axe_clean("the error list").await;

    // Drag and drop: a file dropped on the zone is read the same way.
    page.script(
        r#"const dt = new DataTransfer();
           dt.items.add(new File([arguments[0]], 'depose.json', { type: 'application/json' }));
           const zone = document.querySelector('#atelier-depot');
           zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
           zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));"#,
        vec!["{\"schema\": 1, \"version\": ".into()],
    )
    .await;
    page.wait_text("#atelier-erreurs-titre", "depose.json")
        .await;
    let list = page.text("#atelier-erreurs").await;
    assert!(list.contains("ligne 1"), "{list}");
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_modified_catalogue_shows_its_diff_coverage_and_previews_a_pathway() {
    let page = browser().await;
    open_atelier(&page).await;
    let old = catalogue();
    let (text, new, removed_rule) = modified();
    page.choose_file("#atelier-fichier", &file("catalogue.json", &text))
        .await;
    page.wait_text("#atelier-valide", "Catalogue valide").await;

    // Diff: the module and rule added, the rule removed, lost answers.
    let d = diff(old, &new);
    let table = page.wait_text("#atelier-diff", NEW_MODULE).await;
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
    assert_eq!(page.count("#atelier-diff tbody tr").await, d.changes.len());
    let lost = page.text("#atelier-pertes").await;
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
    let modules = page.text("#atelier-couverture-modules").await;
    let row = modules
        .lines()
        .find(|l| l.contains(NEW_MODULE))
        .unwrap_or_else(|| panic!("{modules}"));
    assert!(row.contains(NEW_RULE), "{row}");
    let questions = page.text("#atelier-couverture-questions").await;
    assert_eq!(
        page.count("#atelier-couverture-questions tbody tr").await,
        c.questions.len()
    );
    let q = QUESTION;
    let row = questions
        .lines()
        .find(|l| l.contains(&format!("({q})")))
        .unwrap_or_else(|| panic!("{questions}"));
    assert!(row.contains(NEW_MODULE), "{row}");
    let inert = page.text("#atelier-sans-effet").await;
    for q in &c.inert_questions {
        assert!(inert.contains(q.as_str()), "{inert}");
    }
    page.assert_axe_clean("the diff and coverage").await;

    // Preview: the whole app runs on the file; a pathway from a share link
    // made with the published catalogue shows the new module.
    page.click("#atelier-apercu").await;
    page.wait_text("#avis-apercu", NEW_VERSION).await;
    let answers = scenario(SCENARIO);
    let code = parcours_core::share::encode(&old.version, &answers);
    page.set_hash(&format!("#/parcours?r={code}")).await;
    let (kept, _) = parcours_core::migrate::migrate(&new, &old.version, answers);
    let want: Vec<String> = parcours_core::pathway(&new, &kept, &parcours_e2e::today())
        .modules()
        .map(|m| m.id.clone())
        .collect();
    assert!(
        want.iter().any(|m| m == NEW_MODULE),
        "the new module is recommended"
    );
    page.wait_for_modules(&want).await;
    page.wait_text("#avis-apercu", "Quitter l'aperçu").await;
    page.assert_axe_clean("a pathway in preview").await;
    // Nothing of the preview is saved in this browser.
    assert_eq!(
        page.saved_answers().await,
        None,
        "preview answers are not saved"
    );

    // The catalogue browser runs on the file too.
    page.set_hash(&format!("#/catalogue/{NEW_MODULE}")).await;
    page.heading("Service d'essai de l'atelier").await;

    // « Quitter l'aperçu »: back to the published catalogue.
    page.click("#quitter-apercu").await;
    page.set_hash("#/a-propos").await;
    page.wait_text("#a-propos-version", &old.version).await;
    assert!(!page.exists("#avis-apercu").await);
}
