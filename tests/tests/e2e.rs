//! End-to-end tests: the release build of `dist/`, served under a sub-path
//! by a plain static server (no rewrite rule, strict CSP), driven in
//! headless Debian Chromium. Run by `make test`, which builds that `dist/`
//! and passes its path in `PARCOURS_DIST`.

use fantoccini::{Client, Locator};
use parcours_e2e::browser::{axe_violations, resource_urls, wait_for_text, Driver};
use parcours_e2e::server::Overrides;
use parcours_e2e::{dist, public_url, serve};

/// Every page: its route, its `<h1>` and the first part of its `<title>`.
const PAGES: [(&str, &str, &str); 6] = [
    ("", "Les services publics pour l'industrie", "Accueil"),
    ("#/a-propos", "À propos", "À propos"),
    (
        "#/accessibilite",
        "Déclaration d'accessibilité",
        "Déclaration d'accessibilité",
    ),
    ("#/mentions-legales", "Mentions légales", "Mentions légales"),
    (
        "#/donnees-personnelles",
        "Données personnelles",
        "Données personnelles",
    ),
    (
        "#/page-qui-n-existe-pas",
        "Page introuvable",
        "Page introuvable",
    ),
];

fn catalogue_version() -> String {
    let text = parcours_e2e::catalogue_text();
    let value: serde_json::Value = serde_json::from_str(&text).expect("catalogue is JSON");
    value["version"].as_str().expect("a version").to_string()
}

async fn open(client: &Client, url: &str) {
    client.goto(url).await.expect("navigate");
}

async fn h1(client: &Client, needle: &str) -> String {
    wait_for_text(client, "main h1", needle).await
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn every_page_renders_with_its_title_and_the_catalogue_version() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    let version = catalogue_version();
    for (route, heading, title) in PAGES {
        open(&client, &server.url(route)).await;
        h1(&client, heading).await;
        wait_for_text(&client, "#version-catalogue", &format!("version {version}")).await;
        let page_title = client.title().await.unwrap();
        assert_eq!(
            page_title,
            format!("{title} — Parcours Territoires d'industrie")
        );
        let lang = client
            .find(Locator::Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap();
        assert_eq!(lang.as_deref(), Some("fr"));
        // The shell is there on every page.
        for selector in [".fr-skiplinks", "header.fr-header", "footer.fr-footer"] {
            client
                .find(Locator::Css(selector))
                .await
                .unwrap_or_else(|_| panic!("{selector} missing on {route:?}"));
        }
    }
    wait_for_text(&client, "footer", "Accessibilité : non conforme").await;
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn deep_links_survive_a_reload_and_history_works() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;

    open(&client, &server.url("#/mentions-legales")).await;
    h1(&client, "Mentions légales").await;
    client.refresh().await.unwrap();
    h1(&client, "Mentions légales").await;

    // Following a link changes page and moves focus to the new heading.
    client
        .find(Locator::Css("footer a[href='#/donnees-personnelles']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    h1(&client, "Données personnelles").await;
    let url = client.current_url().await.unwrap();
    assert!(
        url.as_str()
            .ends_with(&format!("{}#/donnees-personnelles", public_url())),
        "{url}"
    );
    let mut focused = String::new();
    for _ in 0..40 {
        focused = client.active_element().await.unwrap().text().await.unwrap();
        if focused == "Données personnelles" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        focused, "Données personnelles",
        "focus should be on the new page's h1"
    );

    client.back().await.unwrap();
    h1(&client, "Mentions légales").await;

    // Nothing requested was missing: every path the app uses is in dist/.
    let missing: Vec<_> = server
        .hits()
        .into_iter()
        .filter(|h| h.status != 200)
        .collect();
    assert!(missing.is_empty(), "requests that failed: {missing:?}");
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn axe_finds_no_violation_on_any_page() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let axe =
        std::fs::read_to_string(parcours_e2e::repo_root().join("node_modules/axe-core/axe.min.js"))
            .expect("node_modules/axe-core (npm ci)");
    let mut report = Vec::new();
    // Desktop and the narrowest phone width the RGAA asks for.
    for (width, height) in [(1280, 900), (320, 640)] {
        let client = driver.session(width, height).await;
        for (route, heading, _) in PAGES {
            open(&client, &server.url(route)).await;
            h1(&client, heading).await;
            wait_for_text(&client, "#version-catalogue", "version").await;
            for violation in axe_violations(&client, &axe).await {
                report.push(format!("{width}px {route:?}: {violation}"));
            }
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
async fn every_request_stays_on_the_origin() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    let origin = server.origin();
    // The shell pages and the app's own: questionnaire, pathway, catalogue, module.
    let app_pages = [
        ("#/diagnostic/profil", "Votre territoire", ""),
        ("#/parcours", "arcours", ""),
        ("#/catalogue", "Catalogue", ""),
        ("#/catalogue/inventaire-zae", "Inventaire", ""),
    ];
    for (route, heading, _) in PAGES.into_iter().chain(app_pages) {
        open(&client, &server.url(route)).await;
        h1(&client, heading).await;
        wait_for_text(&client, "#version-catalogue", "version").await;
        let urls = resource_urls(&client).await;
        assert!(
            urls.iter().any(|u| u.ends_with(".wasm")),
            "the wasm was loaded: {urls:?}"
        );
        for url in urls {
            assert!(
                url.starts_with(&origin),
                "{route:?} requested {url}, outside {origin}"
            );
        }
    }
    client.close().await.unwrap();
}

/// The build rewrites files after Trunk (minified glue, merged styles):
/// with a stale integrity digest, the browser throws the preload away and
/// downloads the file a second time.
#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn nothing_is_downloaded_twice() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    open(&client, &server.url("")).await;
    h1(&client, "Les services publics").await;
    wait_for_text(&client, "#version-catalogue", "version").await;
    let mut urls = resource_urls(&client).await;
    assert!(urls.iter().any(|u| u.ends_with(".js")), "{urls:?}");
    urls.sort();
    let twice: Vec<&String> = urls
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| &w[0])
        .collect();
    assert!(twice.is_empty(), "downloaded twice: {twice:?}");
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_app_runs_under_the_strict_csp() {
    // The server sends the strict policy: the app only renders if the
    // loader is external and nothing inline is needed.
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    open(&client, &server.url("")).await;
    h1(&client, "Les services publics").await;
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    assert!(
        !index.contains("<script type=\"module\">") && !index.contains("nonce="),
        "index.html still has an inline loader:\n{index}"
    );
    client.close().await.unwrap();
}

/// A catalogue problem: the page names it in French; nothing is blank.
async fn shows_catalogue_error(overrides: Overrides, expected: &str) {
    let server = serve(overrides);
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    open(&client, &server.url("")).await;
    h1(&client, "Les services publics").await;
    wait_for_text(&client, "#erreur-catalogue", expected).await;
    wait_for_text(&client, "#version-catalogue", "non chargé").await;
    // Pages that do not need the catalogue still work.
    open(&client, &server.url("#/mentions-legales")).await;
    h1(&client, "Mentions légales").await;
    client.close().await.unwrap();
}

fn catalogue_override(body: Option<&str>) -> Overrides {
    Overrides::from([(
        "content/catalogue.json".to_string(),
        body.map(|b| b.as_bytes().to_vec()),
    )])
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_missing_catalogue_is_explained() {
    shows_catalogue_error(catalogue_override(None), "introuvable sur le serveur").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_truncated_catalogue_is_explained() {
    let text = parcours_e2e::catalogue_text();
    let truncated = &text[..text.len() / 2];
    shows_catalogue_error(catalogue_override(Some(truncated)), "erreur").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn an_unknown_schema_is_explained() {
    let mut value: serde_json::Value =
        serde_json::from_str(&parcours_e2e::catalogue_text()).unwrap();
    value["schema"] = 999.into();
    shows_catalogue_error(
        catalogue_override(Some(&value.to_string())),
        "format que cette version de l'application ne sait pas lire",
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn on_a_phone_the_menu_folds_and_opens_by_keyboard() {
    use fantoccini::key::Key;
    use parcours_e2e::browser::{focused, press, tab_to};
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(320, 700).await;
    open(&client, &server.url("")).await;
    h1(&client, "Les services publics").await;
    let about = "#navigation-principale a[href='#/a-propos']";
    let shown = async |client: &Client| {
        client
            .find(Locator::Css(about))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap()
    };
    assert!(!shown(&client).await, "the folded menu is hidden");
    tab_to(&client, "the « Menu » button", |id, _| {
        id == "bouton-menu"
    })
    .await;
    press(&client, Key::Enter.into()).await;
    for _ in 0..40 {
        if shown(&client).await {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(shown(&client).await, "« Menu » opens the navigation");
    press(&client, Key::Escape.into()).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(!shown(&client).await, "Escape folds it again");
    assert_eq!(
        focused(&client).await.0,
        "bouton-menu",
        "focus returns to « Menu »"
    );
    client.close().await.unwrap();
}
