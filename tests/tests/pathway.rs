//! End-to-end tests of the pathway, its share link, print, exports and
//! import, and of the catalogue browser and module pages: the release
//! build served under a sub-path with the strict CSP, in headless Chromium.
//! The expected pathway is computed natively by `parcours-core` from the
//! same answers: the browser must show exactly that, in that order.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::wd::PrintConfiguration;
use fantoccini::{Client, Locator};
use parcours_core::export::{CLOSED_HEADING, PROPOSITIONS_HEADING};
use parcours_core::{Answer, Answers, Availability, Pathway, Standing};
use parcours_e2e::browser::{axe_violations, wait_for_text, Driver};
use parcours_e2e::server::{Overrides, StaticServer};
use parcours_e2e::{catalogue, serve};
use serde_json::json;

const SCENARIO: &str = "costly_brownfield_unshared_tax";
/// Answers that point to propositions of the note and to closed offers.
const SCENARIO_APART: &str = "basin_short_of_skilled_workers_without_training";

fn scenario(name: &str) -> Answers {
    let path = parcours_e2e::repo_root().join(format!("tests/scenarios/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("scenario answers")
}

fn expected(answers: &Answers) -> Pathway {
    let p = parcours_e2e::pathway(answers);
    assert!(p.module_count() >= 3, "a scenario with a real pathway");
    p
}

fn ids(p: &Pathway) -> Vec<String> {
    p.modules().map(|m| m.id.clone()).collect()
}

fn axe_source() -> String {
    std::fs::read_to_string(parcours_e2e::repo_root().join("node_modules/axe-core/axe.min.js"))
        .expect("node_modules/axe-core (npm ci)")
}

/// Whitespace folded, so that text wrapped by print or layout compares.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Answers saved in this browser as the questionnaire saves them, then the
/// pathway opened: the journey's end, scripted.
async fn seed_answers(client: &Client, server: &StaticServer, answers: &Answers) {
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(client, "main h1", "Les services publics").await;
    let saved = json!({
        "format": 1,
        "catalogue_version": catalogue().version,
        "answers": answers,
    });
    client
        .execute(
            "localStorage.setItem('parcours-ti:reponses', arguments[0]); localStorage.removeItem('parcours-ti:vue');",
            vec![saved.to_string().into()],
        )
        .await
        .unwrap();
}

async fn open(client: &Client, url: &str) {
    // A fragment-only change would not reload the app: leave the document
    // first, so that each page starts from its URL alone.
    client.goto("about:blank").await.expect("leave the page");
    client.goto(url).await.expect("navigate");
}

/// The modules shown, in page order.
async fn shown_modules(client: &Client) -> Vec<String> {
    let mut out = Vec::new();
    for card in client
        .find_all(Locator::Css("article.parcours-card"))
        .await
        .unwrap()
    {
        out.push(card.attr("data-module").await.unwrap().unwrap_or_default());
    }
    out
}

async fn wait_for_modules(client: &Client, want: &[String]) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let shown = shown_modules(client).await;
        if shown == want {
            return;
        }
        if Instant::now() > deadline {
            assert_eq!(shown, want, "modules shown, in order");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn value_of(client: &Client, selector: &str) -> String {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector}"))
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn click(client: &Client, selector: &str) {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector} missing"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {selector}: {e}"));
}

async fn saved_answers(client: &Client) -> Option<String> {
    client
        .execute(
            "return localStorage.getItem('parcours-ti:reponses')",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .map(str::to_string)
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_pathway_of_a_journey_reopens_identically_from_its_share_link() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let answers = scenario(SCENARIO);
    let want = expected(&answers);
    let client = driver.session(1280, 900).await;
    seed_answers(&client, &server, &answers).await;
    open(&client, &server.url("#/parcours")).await;
    wait_for_text(&client, "main h1", "Votre parcours").await;
    wait_for_modules(&client, &ids(&want)).await;

    // Steps as headings, in order; the summary; the reasons.
    let mut steps = Vec::new();
    for h in client
        .find_all(Locator::Css(".parcours-step h2"))
        .await
        .unwrap()
    {
        steps.push(h.text().await.unwrap());
    }
    let want_steps: Vec<String> = want.steps.iter().map(|s| s.label.clone()).collect();
    assert_eq!(steps, want_steps);
    wait_for_text(
        &client,
        "#parcours-compte",
        &format!("{} services recommandés", want.module_count()),
    )
    .await;
    let summary = wait_for_text(&client, "#parcours-resume", "Pour commencer").await;
    for m in want.top(3) {
        assert!(
            summary.contains(&m.title),
            "« {} » in the summary:\n{summary}",
            m.title
        );
    }
    let first = want.modules().next().unwrap();
    let card = wait_for_text(&client, "article.parcours-card", "Recommandé parce que").await;
    assert!(card.contains(&first.title), "{card}");
    if let Some(reason) = first.reasons.first() {
        assert!(card.contains(&reason.text), "{card}");
    }

    // Détaillée: everything, with the answers behind each reason; the
    // choice is kept in the URL and remembered after a reload.
    wait_for_text(&client, "#niveau-lecture", "Vue synthétique").await;
    click(&client, "label[for='vue-detaillee']").await;
    wait_for_text(&client, "article.parcours-card", "Ce que cela apporte").await;
    let url = client.current_url().await.unwrap();
    assert!(url.as_str().contains("vue=detail"), "{url}");
    if let Some(t) = first.reasons.first().and_then(|r| r.triggers.first()) {
        wait_for_text(&client, ".parcours-triggers", &t.question_label).await;
    }
    open(&client, &server.url("#/parcours")).await;
    wait_for_text(&client, "article.parcours-card", "Ce que cela apporte").await;
    // The menu's « Mon parcours » (`#/parcours`) keeps the chosen level too.
    click(&client, "#navigation-principale a[href='#/parcours']").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    wait_for_text(&client, "article.parcours-card", "Ce que cela apporte").await;
    let url = client.current_url().await.unwrap();
    assert!(url.as_str().contains("vue=detail"), "{url}");

    // « Copier le lien »: copied, with a status message.
    click(&client, "#copier-lien").await;
    let status = wait_for_text(&client, "#parcours-statut", "").await;
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut status = status;
    while status.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        status = client
            .find(Locator::Css("#parcours-statut"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
    }
    // Chromium grants clipboard writes to the focused page: the real path.
    assert_eq!(status, "Lien copié");
    let link = value_of(&client, "#lien-parcours").await;
    assert!(link.starts_with(&server.url("#/parcours?r=")), "{link}");
    assert!(link.contains("vue=detail"), "{link}");
    client.close().await.unwrap();

    // Another browser, empty profile: same modules, same order, same view;
    // nothing saved until the user says so.
    let other = driver.session(1280, 900).await;
    other.goto(&link).await.unwrap();
    wait_for_text(&other, "main h1", "Parcours partagé").await;
    wait_for_modules(&other, &ids(&want)).await;
    wait_for_text(&other, "article.parcours-card", "Ce que cela apporte").await;
    assert_eq!(
        saved_answers(&other).await,
        None,
        "a shared link saves nothing by itself"
    );
    click(&other, "#adopter-reponses").await;
    wait_for_text(&other, "main h1", "Votre parcours").await;
    wait_for_modules(&other, &ids(&want)).await;
    let saved = saved_answers(&other).await.expect("answers adopted");
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let saved: Answers = serde_json::from_value(saved["answers"].clone()).unwrap();
    assert_eq!(saved, answers);
    other.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_tampered_or_truncated_link_shows_a_notice_and_the_questionnaire() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    let code = parcours_core::share::encode(&catalogue().version, &scenario(SCENARIO));
    let mut tampered: Vec<char> = code.chars().collect();
    let middle = tampered.len() / 2;
    tampered[middle] = if tampered[middle] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    let truncated = &code[..code.len() - 3];
    for (bad, why) in [
        (tampered.as_str(), "altéré"),
        (truncated, "lien de partage"),
        ("%%%", "lien de partage"),
    ] {
        open(&client, &server.url(&format!("#/parcours?r={bad}"))).await;
        let notice = wait_for_text(&client, ".parcours-notice", "n'a pas pu être ouvert").await;
        assert!(notice.contains(why), "{notice}");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = client.current_url().await.unwrap();
            if url.as_str().contains("#/diagnostic") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "not sent to the questionnaire: {url}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let h1 = client
            .find(Locator::Css("main h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!h1.is_empty(), "the questionnaire is shown");
        assert!(client
            .find(Locator::Css("article.parcours-card"))
            .await
            .is_err());
    }
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn an_old_version_link_is_migrated_with_a_notice() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    let mut answers = scenario(SCENARIO);
    answers.insert("question-retiree".into(), Answer::Option("oui".into()));
    let code = parcours_core::share::encode("2025.01.0", &answers);
    open(&client, &server.url(&format!("#/parcours?r={code}"))).await;
    wait_for_text(&client, "main h1", "Parcours partagé").await;
    let notice = wait_for_text(&client, ".parcours-notice", "2025.01.0").await;
    assert!(notice.contains("question-retiree"), "{notice}");
    answers.remove("question-retiree");
    wait_for_modules(&client, &ids(&expected(&answers))).await;
    client.close().await.unwrap();
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = temp_dir("pdf");
    let file = dir.join("parcours.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils; `make test` installs it)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).unwrap()
}

fn temp_dir(what: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "parcours-e2e-{what}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_printed_pathway_has_every_module_the_date_and_the_version_and_no_chrome() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let answers = scenario(SCENARIO_APART);
    let want = parcours_e2e::pathway(&answers);
    assert!(want.module_count() >= 1);
    let client = driver.session(1280, 900).await;
    seed_answers(&client, &server, &answers).await;
    open(&client, &server.url("#/parcours?vue=detail")).await;
    wait_for_modules(&client, &ids(&want)).await;
    let territory = client.find(Locator::Css("#territoire")).await.unwrap();
    territory.send_keys("Vallée de l'Essai").await.unwrap();
    let today = client
        .execute(
            "const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth()+1).padStart(2,'0')}-${String(d.getDate()).padStart(2,'0')}`;",
            vec![],
        )
        .await
        .unwrap();
    let today = parcours_core::date::french(today.as_str().unwrap());
    let link = value_of(&client, "#lien-parcours").await;

    let pdf = client
        .print(PrintConfiguration::builder().build().unwrap())
        .await
        .expect("print to PDF");
    let text = squash(&pdf_text(&pdf));
    for m in want.modules() {
        assert!(
            text.contains(&squash(&m.title)),
            "« {} » missing from the PDF:\n{text}",
            m.title
        );
    }
    for needle in [
        today.as_str(),
        catalogue().version.as_str(),
        "Territoire : Vallée de l'Essai",
        "Recommandé parce que",
        "Lien vers ce parcours",
        PROPOSITIONS_HEADING,
        CLOSED_HEADING,
    ] {
        assert!(
            text.contains(needle),
            "« {needle} » missing from the PDF:\n{text}"
        );
    }
    // The share link, in full (it may wrap anywhere: compare without spaces).
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        compact.contains(&link),
        "the full link {link} is not printed:\n{text}"
    );
    // Each module's official page, as an address one can type from paper,
    // and its state.
    let official: Vec<&str> = want.modules().filter_map(|m| m.url.as_deref()).collect();
    assert!(!official.is_empty(), "a pathway with official links");
    // pdftotext drops the hyphen where a line breaks after one.
    let unhyphenated: String = compact.chars().filter(|c| *c != '-').collect();
    for url in official {
        let url = url.replace('-', "");
        assert!(unhyphenated.contains(&url), "{url} is not printed:\n{text}");
    }
    for m in want.modules() {
        let state = m.status.as_ref().map(|s| s.state);
        // In capitals, as the DSFR writes badges.
        let caps = Availability::of(m.nature, state).label().to_uppercase();
        assert!(
            text.contains(&caps),
            "« {caps} » ({}) missing from the PDF",
            m.id
        );
    }
    for chrome in [
        "Mentions légales",
        "legifrance",
        "Données personnelles",
        "Imprimer le parcours",
        "Copier le lien",
        "Vue synthétique",
        "Importer des réponses",
        "Menu principal",
    ] {
        assert!(
            !text.contains(chrome),
            "« {chrome} » should not be printed:\n{text}"
        );
    }
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn cards_show_state_and_official_link_and_what_cannot_be_acted_on_is_apart() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let answers = scenario(SCENARIO_APART);
    let want = expected(&answers);
    let cat = catalogue();
    let client = driver.session(1280, 900).await;
    seed_answers(&client, &server, &answers).await;
    open(&client, &server.url("#/parcours")).await;
    wait_for_modules(&client, &ids(&want)).await;

    // Every card: its state as a badge, and the way in.
    for m in want.modules() {
        let state = m.status.as_ref().map(|s| s.state);
        let card = format!("#module-{}", m.id);
        let badge = text_content(&client, &format!("{card} .fr-badge")).await;
        assert_eq!(badge, Availability::of(m.nature, state).label(), "{}", m.id);
        let way_in = text_of(&client, &format!("{card} .parcours-access")).await;
        assert!(way_in.starts_with("Comment y accéder :"), "{way_in}");
        assert!(squash(&way_in).contains(&squash(&m.access)), "{way_in}");
        if let Some(s) = &m.status {
            let checked = format!("vérifié le {}", parcours_core::date::french(&s.checked));
            wait_for_text(&client, &format!("{card} .parcours-etat"), &checked).await;
        }
    }
    // The official link: the operator's page, in a new window, said so to
    // screen readers.
    let m = want
        .modules()
        .find(|m| m.url.is_some())
        .expect("a step with an official link");
    let link = client
        .find(Locator::Css(&format!(
            "#module-{} .parcours-access a",
            m.id
        )))
        .await
        .unwrap();
    assert_eq!(link.attr("href").await.unwrap(), m.url.clone());
    assert_eq!(
        link.attr("target").await.unwrap().as_deref(),
        Some("_blank")
    );
    assert_eq!(link.attr("rel").await.unwrap().as_deref(), Some("noopener"));
    let spoken = link
        .find(Locator::Css(".fr-sr-only"))
        .await
        .expect("a text for screen readers")
        .prop("textContent")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        spoken.contains("site de l'opérateur") && spoken.contains("nouvelle fenêtre"),
        "{spoken}"
    );

    // After the steps, the two parts apart, each with why and whom to ask.
    for (standing, part, heading) in [
        (
            Standing::Proposition,
            "#demandes-de-la-note",
            PROPOSITIONS_HEADING,
        ),
        (Standing::Closed, "#dispositifs-clos", CLOSED_HEADING),
    ] {
        let items: Vec<_> = want
            .not_actionable
            .iter()
            .filter(|m| m.standing == standing)
            .collect();
        assert!(!items.is_empty(), "{SCENARIO_APART} points to {part}");
        assert_eq!(text_of(&client, &format!("{part} h2")).await, heading);
        for m in items {
            let item = text_of(&client, &format!("{part} [data-module='{}']", m.id)).await;
            for needle in [
                m.title.as_str(),
                "Pourquoi cela vous concerne",
                m.access.as_str(),
            ] {
                assert!(
                    squash(&item).contains(&squash(needle)),
                    "« {needle} » in:\n{item}"
                );
            }
            for r in &m.reasons {
                assert!(squash(&item).contains(&squash(&r.text)), "{item}");
            }
            let module = cat.module(&m.id).unwrap();
            if let Some(closes) = module.status.as_ref().and_then(|s| s.closes.as_deref()) {
                let date = format!("clôture le {}", parcours_core::date::french(closes));
                assert!(item.contains(&date), "« {date} » in:\n{item}");
            }
            if standing == Standing::Closed {
                assert!(item.contains("Pour suivre une prochaine édition"), "{item}");
            }
        }
    }
    // After the steps: propositions, then what is closed.
    let order = client
        .execute(
            "return [...document.querySelectorAll('#demandes-de-la-note, #dispositifs-clos, .parcours-step')].map(e => e.id)",
            vec![],
        )
        .await
        .unwrap();
    let order: Vec<String> = serde_json::from_value(order).unwrap();
    let last = order.len() - 1;
    assert_eq!(
        &order[last - 1..],
        ["demandes-de-la-note", "dispositifs-clos"],
        "{order:?}"
    );
    client.close().await.unwrap();
}

/// The text itself, before CSS (the DSFR writes badges in capitals).
async fn text_content(client: &Client, selector: &str) -> String {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector} missing"))
        .prop("textContent")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn text_of(client: &Client, selector: &str) -> String {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector} missing"))
        .text()
        .await
        .unwrap()
}

/// Waits for a finished download whose name ends with `extension`.
async fn downloaded(dir: &Path, extension: &str) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if name.ends_with(extension) && !name.ends_with(".crdownload") {
                    return path;
                }
            }
        }
        assert!(
            Instant::now() < deadline,
            "no {extension} file downloaded in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn exports_are_produced_and_the_answers_file_reimports_to_the_same_pathway() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let answers = scenario(SCENARIO);
    let want = expected(&answers);
    let downloads = temp_dir("downloads");
    let client = driver.session_with_downloads(1280, 900, &downloads).await;
    seed_answers(&client, &server, &answers).await;
    open(&client, &server.url("#/parcours")).await;
    wait_for_modules(&client, &ids(&want)).await;

    click(&client, "#export-md").await;
    let md = downloaded(&downloads, ".md").await;
    assert!(md
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("parcours-ti-20"));
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.starts_with("# Parcours Territoires d'industrie"), "{md}");
    assert!(md.contains("Lien vers ce parcours : <http"), "{md}");
    // Markdown escapes a few characters of the titles.
    let unescaped = md.replace('\\', "");
    assert!(md.contains("Recommandé parce que"), "{md}");
    for m in want.modules() {
        assert!(
            unescaped.contains(&m.title),
            "« {} » missing:\n{md}",
            m.title
        );
        if let Some(url) = &m.url {
            assert!(
                md.contains(&format!("- Lien officiel : <{url}>")),
                "{url}:\n{md}"
            );
        }
    }
    assert!(md.contains("- Statut : "), "{md}");

    click(&client, "#export-csv").await;
    let csv = std::fs::read_to_string(downloaded(&downloads, ".csv").await).unwrap();
    assert!(csv.trim_start_matches('\u{feff}').starts_with(
        "étape,module,opérateur,nature,état,comment y accéder,lien officiel,score,raisons"
    ));
    assert_eq!(
        csv.lines().count(),
        want.module_count() + want.not_actionable.len() + 1,
        "one row a module:\n{csv}"
    );
    for m in want.modules().filter(|m| m.url.is_some()) {
        assert!(csv.contains(m.url.as_deref().unwrap()), "{}:\n{csv}", m.id);
    }

    click(&client, "#export-json").await;
    let json_path = downloaded(&downloads, ".json").await;
    let name = json_path.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.starts_with("reponses-parcours-ti-20"), "{name}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(file["format"], "parcours-ti/reponses");
    assert_eq!(file["catalogue_version"], catalogue().version.as_str());
    // The pathway too, each module with its nature, status, way in and link.
    let modules: Vec<&serde_json::Value> = file["pathway"]["steps"]
        .as_array()
        .expect("the pathway in the answers file")
        .iter()
        .flat_map(|s| s["modules"].as_array().unwrap())
        .collect();
    assert_eq!(modules.len(), want.module_count());
    for m in modules {
        for key in ["nature", "status", "url", "access"] {
            assert!(m.get(key).is_some(), "« {key} » missing: {m}");
        }
    }
    assert!(file["pathway"]["not_actionable"].is_array());
    client.close().await.unwrap();

    // A fresh browser: nothing yet; a foreign file is refused; ours is
    // imported and gives the same pathway.
    let other = driver.session(1280, 900).await;
    open(&other, &server.url("#/parcours")).await;
    wait_for_text(&other, "#parcours-vide", "pas encore répondu").await;
    let foreign = temp_dir("foreign").join("autre.json");
    std::fs::write(&foreign, r#"{"nom": "un autre fichier"}"#).unwrap();
    let input = other
        .find(Locator::Css("#importer-reponses"))
        .await
        .unwrap();
    input
        .send_keys(&foreign.display().to_string())
        .await
        .unwrap();
    wait_for_text(
        &other,
        "#parcours-erreur",
        "n'est pas un fichier de réponses",
    )
    .await;
    assert_eq!(saved_answers(&other).await, None);
    let input = other
        .find(Locator::Css("#importer-reponses"))
        .await
        .unwrap();
    input
        .send_keys(&json_path.display().to_string())
        .await
        .unwrap();
    wait_for_text(&other, "#transfert-statut", "Réponses importées").await;
    wait_for_modules(&other, &ids(&want)).await;
    assert!(
        saved_answers(&other).await.is_some(),
        "imported answers are kept"
    );
    other.close().await.unwrap();
}

async fn card_count(client: &Client) -> usize {
    client
        .find_all(Locator::Css("article.parcours-catalogue-card"))
        .await
        .unwrap()
        .len()
}

async fn wait_for_count(client: &Client, test: impl Fn(usize) -> bool, what: &str) -> usize {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let n = card_count(client).await;
        if test(n) {
            return n;
        }
        assert!(Instant::now() < deadline, "{what}: {n} cards");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn catalogue_filters_and_search_narrow_the_list_and_modules_have_deep_links() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let cat = catalogue();
    let total = cat.modules.len();
    let client = driver.session(1280, 900).await;
    open(&client, &server.url("#/catalogue")).await;
    wait_for_text(&client, "main h1", "Catalogue des services").await;
    wait_for_count(&client, |n| n == total, "every module listed").await;
    wait_for_text(&client, "#catalogue-compte", &format!("{total} services")).await;

    // Typing narrows the list as one types; focus stays in the field.
    let search = client
        .find(Locator::Css("#recherche-catalogue"))
        .await
        .unwrap();
    search.send_keys("friche").await.unwrap();
    let by_text = wait_for_count(&client, |n| n > 0 && n < total, "search narrows").await;
    wait_for_text(&client, "#catalogue-compte", &format!("sur {total}")).await;
    let active = client
        .active_element()
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap();
    assert_eq!(
        active.as_deref(),
        Some("recherche-catalogue"),
        "focus kept while typing"
    );
    assert_eq!(value_of(&client, "#recherche-catalogue").await, "friche");
    let url = client.current_url().await.unwrap();
    assert!(url.as_str().contains("q=friche"), "{url}");

    // A filter narrows further (or keeps); the URL keeps every filter.
    client
        .find(Locator::Css("#filtre-etape"))
        .await
        .unwrap()
        .select_by_value("diagnostiquer")
        .await
        .unwrap();
    let by_step = wait_for_count(&client, |n| n <= by_text, "step filter").await;
    let url = client.current_url().await.unwrap();
    assert!(url.as_str().contains("etape=diagnostiquer"), "{url}");
    for card in client
        .find_all(Locator::Css("article.parcours-catalogue-card"))
        .await
        .unwrap()
    {
        let id = card.attr("data-module").await.unwrap().unwrap();
        assert_eq!(cat.module(&id).unwrap().step, "diagnostiquer", "{id}");
    }
    // Reloading the filtered URL gives the same list.
    client.refresh().await.unwrap();
    wait_for_count(&client, |n| n == by_step, "same list after reload").await;

    // Theme filter alone, through a fresh URL.
    open(&client, &server.url("#/catalogue?theme=foncier")).await;
    let foncier = cat
        .modules
        .iter()
        .filter(|m| m.themes.iter().any(|t| t == "foncier"))
        .count();
    wait_for_count(&client, |n| n == foncier, "theme filter").await;
    click(&client, "#effacer-filtres").await;
    wait_for_count(&client, |n| n == total, "filters cleared").await;

    // Nothing matches: said so.
    let search = client
        .find(Locator::Css("#recherche-catalogue"))
        .await
        .unwrap();
    search.send_keys("zzzqqqxxx").await.unwrap();
    wait_for_text(&client, "#catalogue-aucun", "Aucun service").await;

    // Deep link to a module page: everything about it, and what leads to it.
    let module = cat
        .modules
        .iter()
        .find(|m| cat.rules.iter().any(|r| r.modules.contains(&m.id)))
        .unwrap();
    open(&client, &server.url(&format!("#/catalogue/{}", module.id))).await;
    wait_for_text(&client, "main h1", &module.title).await;
    let page = wait_for_text(&client, "main", "Les réponses qui mènent à ce service").await;
    assert!(squash(&page).contains(&squash(&module.benefits)), "{page}");
    let rule = cat
        .rules
        .iter()
        .find(|r| r.modules.contains(&module.id))
        .unwrap();
    wait_for_text(&client, "#module-regles", &rule.reason).await;
    wait_for_text(&client, "#module-regles", "Quand : «").await;
    let title = client.title().await.unwrap();
    assert!(title.starts_with(&module.title), "{title}");
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_catalogue_filters_on_state_and_the_filter_survives_a_reload() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let cat = catalogue();
    let today = parcours_e2e::today();
    let count = |a: Availability| {
        cat.modules
            .iter()
            .filter(|m| m.availability_on(&today) == a)
            .count()
    };
    let client = driver.session(1280, 900).await;
    open(&client, &server.url("#/catalogue")).await;
    wait_for_count(&client, |n| n == cat.modules.len(), "every module listed").await;
    let options = text_of(&client, "#filtre-etat").await;
    for a in [
        Availability::Proposition,
        Availability::Action,
        Availability::Clos,
    ] {
        assert!(
            options.contains(&format!("{} ({})", a.label(), count(a))),
            "{options}"
        );
    }
    for (a, label) in [
        (Availability::Proposition, "Proposition de la note"),
        (Availability::Clos, "Clos"),
    ] {
        client
            .find(Locator::Css("#filtre-etat"))
            .await
            .unwrap()
            .select_by_value(a.id())
            .await
            .unwrap();
        let n = count(a);
        wait_for_count(&client, |k| k == n, label).await;
        let url = client.current_url().await.unwrap();
        assert!(url.as_str().contains(&format!("etat={}", a.id())), "{url}");
        for badge in client
            .find_all(Locator::Css("article.parcours-catalogue-card .fr-badge"))
            .await
            .unwrap()
        {
            // The DSFR shows badges in capitals: compare the text itself.
            let text = badge.prop("textContent").await.unwrap();
            assert_eq!(text.as_deref(), Some(label));
        }
        // The filtered URL reloads to the same list, the select still set.
        client.refresh().await.unwrap();
        wait_for_count(&client, |k| k == n, "same list after reload").await;
        assert_eq!(value_of(&client, "#filtre-etat").await, a.id());
    }
    // Combined with another filter, cleared with the others.
    open(
        &client,
        &server.url("#/catalogue?etat=action&theme=foncier"),
    )
    .await;
    let both = cat
        .modules
        .iter()
        .filter(|m| m.availability_on(&today) == Availability::Action)
        .filter(|m| m.themes.iter().any(|t| t == "foncier"))
        .count();
    wait_for_count(&client, |n| n == both, "state and theme").await;
    click(&client, "#effacer-filtres").await;
    wait_for_count(&client, |n| n == cat.modules.len(), "filters cleared").await;
    assert!(!client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains("etat="));
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn axe_finds_no_violation_on_pathway_catalogue_and_module_pages() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let axe = axe_source();
    let answers = scenario(SCENARIO);
    let code = parcours_core::share::encode(&catalogue().version, &answers);
    let apart = parcours_core::share::encode(&catalogue().version, &scenario(SCENARIO_APART));
    let module = &catalogue().modules[0].id.clone();
    let pages: Vec<(String, &str)> = vec![
        (format!("#/parcours?r={apart}"), "#dispositifs-clos"),
        (
            format!("#/parcours?r={apart}&vue=detail"),
            "#demandes-de-la-note",
        ),
        (
            "#/catalogue?etat=clos".into(),
            "article.parcours-catalogue-card",
        ),
        ("#/parcours".into(), "article.parcours-card"),
        ("#/parcours?vue=detail".into(), "article.parcours-card"),
        (
            format!("#/parcours?r={code}&vue=detail"),
            "#parcours-partage",
        ),
        ("#/catalogue".into(), "article.parcours-catalogue-card"),
        (
            "#/catalogue?q=friche&theme=foncier".into(),
            "article.parcours-catalogue-card",
        ),
        (format!("#/catalogue/{module}"), "#module-regles"),
    ];
    let mut report = Vec::new();
    for (width, height) in [(1280, 900), (320, 640)] {
        let client = driver.session(width, height).await;
        seed_answers(&client, &server, &answers).await;
        for (route, ready) in &pages {
            open(&client, &server.url(route)).await;
            wait_for_text(&client, ready, "").await;
            for violation in axe_violations(&client, &axe).await {
                report.push(format!("{width}px {route:?}: {violation}"));
            }
            // RGAA 10.11: reflow at 320 px without horizontal scrolling.
            let overflow = client
                .execute(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
                    vec![],
                )
                .await
                .unwrap();
            if overflow.as_i64().unwrap_or(0) > 0 {
                report.push(format!(
                    "{width}px {route:?}: {overflow} px of horizontal overflow"
                ));
            }
        }
        // An empty pathway too.
        client
            .execute("localStorage.clear()", vec![])
            .await
            .unwrap();
        open(&client, &server.url("#/parcours")).await;
        wait_for_text(&client, "#parcours-vide", "").await;
        for violation in axe_violations(&client, &axe).await {
            report.push(format!("{width}px empty pathway: {violation}"));
        }
        client.close().await.unwrap();
    }
    assert!(
        report.is_empty(),
        "axe-core violations:\n{}",
        report.join("\n")
    );
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn when_nothing_is_detected_the_page_says_so_and_invites_to_browse_the_catalogue() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let answers: Answers = serde_json::from_value(json!({
        "profil-collectivite": "ca",
        "themes": ["foncier"],
        "fon-refus": "non",
        "fon-saturation": 1,
        "fon-inventaire": "fait",
        "fon-observatoire": "oui",
        "fon-besoins": ["aucun"],
        "fon-eviction": "non",
        "fon-urbanisme": "oui",
        "fon-zan-etat": "non",
        "fon-friches": "non",
        "fon-taxe": "oui",
        "fon-qualite": 5,
        "fon-site-historique": "non"
    }))
    .unwrap();
    assert!(parcours_e2e::pathway(&answers).is_empty());
    let client = driver.session(1280, 900).await;
    seed_answers(&client, &server, &answers).await;
    open(&client, &server.url("#/parcours")).await;
    wait_for_text(&client, "#parcours-vide", "Aucun besoin particulier").await;
    assert!(shown_modules(&client).await.is_empty());
    click(&client, "#parcours-vide a[href='#/catalogue']").await;
    wait_for_text(&client, "main h1", "Catalogue des services").await;
    client.close().await.unwrap();
}
