//! The site as a whole: every page renders with its title, deep links and
//! history, axe-core, requests that stay on the origin, the strict CSP,
//! catalogue errors explained, the phone menu by keyboard.

use fantoccini::key::Key;
use parcours_e2e::app::MENU_BUTTON;
use parcours_e2e::browser::{browser, setup, until, Report};
use parcours_e2e::server::Overrides;
use parcours_e2e::{catalogue, catalogue_json, catalogue_text, dist, public_url, serve};

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

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn every_page_renders_with_its_title_and_the_catalogue_version() {
    let page = browser().await;
    let version = &catalogue().version;
    for (route, heading, title) in PAGES {
        page.visit(route).await;
        page.heading(heading).await;
        page.wait_text("#version-catalogue", &format!("version {version}"))
            .await;
        let page_title = page.title().await.unwrap();
        assert_eq!(
            page_title,
            format!("{title} — Parcours Territoires d'industrie")
        );
        assert_eq!(page.attr("html", "lang").await.as_deref(), Some("fr"));
        // The shell is there on every page.
        for selector in [".fr-skiplinks", "header.fr-header", "footer.fr-footer"] {
            assert!(
                page.exists(selector).await,
                "{selector} missing on {route:?}"
            );
        }
    }
    page.wait_text("footer", "Accessibilité : non conforme")
        .await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn deep_links_survive_a_reload_and_history_works() {
    // Its own server: the requests it records are this test's only.
    let server = serve(Overrides::new());
    let page = setup().on(&server).start().await;

    page.visit("#/mentions-legales").await;
    page.heading("Mentions légales").await;
    page.reload().await;
    page.heading("Mentions légales").await;

    // Following a link changes page and moves focus to the new heading.
    page.click("footer a[href='#/donnees-personnelles']").await;
    page.heading("Données personnelles").await;
    let url = page.address().await;
    assert!(
        url.ends_with(&format!("{}#/donnees-personnelles", public_url())),
        "{url}"
    );
    until("focus is on the new page's h1", async || {
        page.focused().await.2 == "Données personnelles"
    })
    .await;

    page.back().await.unwrap();
    page.heading("Mentions légales").await;

    // Nothing requested was missing: every path the app uses is in dist/.
    let missing: Vec<_> = server
        .hits()
        .into_iter()
        .filter(|h| h.status != 200)
        .collect();
    assert!(missing.is_empty(), "requests that failed: {missing:?}");
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn axe_finds_no_violation_on_any_page() {
    let mut report = Report::default();
    // Desktop and the narrowest phone width the RGAA asks for.
    for (width, height) in [(1280, 900), (320, 640)] {
        let page = setup().size(width, height).start().await;
        for (route, heading, _) in PAGES {
            page.visit(route).await;
            page.heading(heading).await;
            page.wait_catalogue_loaded().await;
            report.axe(&page, &format!("{width}px {route:?}")).await;
        }
    }
    report.assert_empty();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn every_request_stays_on_the_origin() {
    let page = browser().await;
    // The shell pages and the app's own: questionnaire, pathway, catalogue, module.
    let app_pages = [
        ("#/diagnostic/profil", "Votre territoire", ""),
        ("#/parcours", "arcours", ""),
        ("#/catalogue", "Catalogue", ""),
        ("#/catalogue/inventaire-zae", "Inventaire", ""),
    ];
    for (route, heading, _) in PAGES.into_iter().chain(app_pages) {
        page.visit(route).await;
        page.heading(heading).await;
        page.wait_catalogue_loaded().await;
        let urls = page.resource_urls().await;
        assert!(
            urls.iter().any(|u| u.ends_with(".wasm")),
            "the wasm was loaded: {urls:?}"
        );
        for url in urls {
            assert!(
                url.starts_with(page.origin()),
                "{route:?} requested {url}, outside {}",
                page.origin()
            );
        }
    }
}

/// The build rewrites files after Trunk (minified glue, merged styles):
/// with a stale integrity digest, the browser throws the preload away and
/// downloads the file a second time.
#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn nothing_is_downloaded_twice() {
    let page = browser().await;
    page.visit_home().await;
    page.wait_catalogue_loaded().await;
    let mut urls = page.resource_urls().await;
    assert!(urls.iter().any(|u| u.ends_with(".js")), "{urls:?}");
    urls.sort();
    let twice: Vec<&String> = urls
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| &w[0])
        .collect();
    assert!(twice.is_empty(), "downloaded twice: {twice:?}");
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_app_runs_under_the_strict_csp() {
    // The server sends the strict policy: the app only renders if the
    // loader is external and nothing inline is needed.
    let page = browser().await;
    page.visit_home().await;
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    assert!(
        !index.contains("<script type=\"module\">") && !index.contains("nonce="),
        "index.html still has an inline loader:\n{index}"
    );
}

/// A catalogue problem: the page names it in French; nothing is blank.
async fn shows_catalogue_error(body: Option<&str>, expected: &str) {
    let server = serve(Overrides::from([(
        "content/catalogue.json".to_string(),
        body.map(|b| b.as_bytes().to_vec()),
    )]));
    let page = setup().on(&server).start().await;
    page.visit_home().await;
    page.wait_text("#erreur-catalogue", expected).await;
    page.wait_text("#version-catalogue", "non chargé").await;
    // Pages that do not need the catalogue still work.
    page.visit("#/mentions-legales").await;
    page.heading("Mentions légales").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_missing_catalogue_is_explained() {
    shows_catalogue_error(None, "introuvable sur le serveur").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_truncated_catalogue_is_explained() {
    let text = catalogue_text();
    shows_catalogue_error(Some(&text[..text.len() / 2]), "erreur").await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn an_unknown_schema_is_explained() {
    let mut value = catalogue_json();
    value["schema"] = 999.into();
    shows_catalogue_error(
        Some(&value.to_string()),
        "format que cette version de l'application ne sait pas lire",
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn on_a_phone_the_menu_folds_and_opens_by_keyboard() {
    let page = setup().size(320, 700).start().await;
    page.visit_home().await;
    assert!(!page.menu_open().await, "the folded menu is hidden");
    page.tab_to("the « Menu » button", |id, _| id == MENU_BUTTON)
        .await;
    page.press(Key::Enter.into()).await;
    until("« Menu » opens the navigation", async || {
        page.menu_open().await
    })
    .await;
    page.escape_menu().await;
}
