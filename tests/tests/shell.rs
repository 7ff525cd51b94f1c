//! The static page of index.html, painted before the wasm arrives, must be
//! the app's own first screen: the header and footer the app keeps, and
//! Accueil's first lines at the places the app's are, so nothing moves when
//! the app replaces them (layout shift) and the largest text is painted
//! early. Elsewhere than Accueil it must not show Accueil's text. Its menu
//! and skip links work before the wasm; the app marks the current page.
//! Run by `make test`.

use fantoccini::Client;
use parcours_e2e::browser::{wait_for_text, Driver};
use parcours_e2e::serve;
use parcours_e2e::server::Overrides;
use serde_json::Value;

/// The server without the wasm (both bundles: the public one and the
/// Atelier's): the app never starts, the static page stays.
fn without_app() -> Overrides {
    let dist = parcours_e2e::dist();
    let blocked: Overrides = std::fs::read_dir(&dist)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("_bg.wasm"))
        .map(|n| (n, None))
        .collect();
    assert_eq!(
        blocked.len(),
        2,
        "the public and the Atelier's wasm: {blocked:?}"
    );
    blocked
}

/// Text and box (x, y, width, height, rounded) of each selector's first
/// visible match, once the fonts are in.
async fn boxes(client: &Client, selectors: &[&str]) -> Vec<Value> {
    client
        .execute_async(
            r#"const [selectors, done] = [arguments[0], arguments[arguments.length - 1]];
               document.fonts.ready.then(() => requestAnimationFrame(() => done(selectors.map(s => {
                 const e = [...document.querySelectorAll(s)].find(e => e.getClientRects().length);
                 if (!e) return null;
                 const r = e.getBoundingClientRect();
                 return [e.textContent.replace(/\s+/g, ' ').trim(),
                         [r.x, r.y + window.scrollY, r.width, r.height].map(Math.round)];
               }))));"#,
            vec![serde_json::json!(selectors)],
        )
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_static_page_is_the_apps_first_screen_in_place() {
    let driver = Driver::start();
    let static_only = serve(without_app());
    let app = serve(Overrides::new());
    for (width, height) in [(375, 812), (1280, 900)] {
        let client = driver.session(width, height).await;
        client.goto(&static_only.url("")).await.unwrap();
        wait_for_text(&client, "#app-loading [role=status]", "Chargement").await;
        let before = boxes(
            &client,
            &[
                ".fr-header",
                ".fr-header__service",
                "#app-loading h1",
                "#app-loading .fr-text--lead",
            ],
        )
        .await;
        client.close().await.unwrap();

        let client = driver.session(width, height).await;
        client.goto(&app.url("")).await.unwrap();
        wait_for_text(&client, "main h1", "Les services publics").await;
        let after = boxes(
            &client,
            &[
                ".fr-header",
                ".fr-header__service",
                "main h1",
                "main .fr-text--lead",
            ],
        )
        .await;
        client.close().await.unwrap();
        for (what, (b, a)) in ["en-tête", "nom du service", "titre", "chapeau"]
            .iter()
            .zip(before.iter().zip(&after))
        {
            assert!(
                !b.is_null(),
                "{what} absent de la page statique à {width} px"
            );
            assert_eq!(
                b[1], a[1],
                "{what} déplacé : page statique ≠ application à {width} px"
            );
            assert_eq!(b[0], a[0], "{what} : texte différent à {width} px");
        }
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn before_the_app_arrives_the_menu_and_skip_links_work() {
    use fantoccini::key::Key;
    use fantoccini::Locator;
    use parcours_e2e::browser::{eventually, focused, press};
    let driver = Driver::start();
    let server = serve(without_app());
    let client = driver.session(375, 812).await;
    client.goto(&server.url("#/catalogue")).await.unwrap();
    wait_for_text(&client, "#app-loading [role=status]", "Chargement").await;
    wait_for_text(&client, "#version-catalogue", "chargement").await;
    let menu_shown = async |client: &Client| {
        client
            .find(Locator::Css("#navigation-principale a[href='#/a-propos']"))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap()
    };
    assert!(!menu_shown(&client).await, "the folded menu is hidden");
    client
        .find(Locator::Id("bouton-menu"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("« Menu » opens the navigation", async || {
        menu_shown(&client).await
    })
    .await;
    let expanded = client
        .find(Locator::Id("bouton-menu"))
        .await
        .unwrap()
        .attr("aria-expanded")
        .await
        .unwrap();
    assert_eq!(expanded.as_deref(), Some("true"));
    eventually("focus on « Fermer »", async || {
        focused(&client).await.2 == "Fermer"
    })
    .await;
    press(&client, Key::Escape.into()).await;
    eventually("Escape folds the menu", async || !menu_shown(&client).await).await;
    assert_eq!(
        focused(&client).await.0,
        "bouton-menu",
        "focus back on « Menu »"
    );

    // A skip link moves the focus and keeps the route.
    client
        .execute(
            "document.querySelector(\".fr-skiplinks a[href='#pied-de-page']\").click()",
            vec![],
        )
        .await
        .unwrap();
    let in_footer = client
        .execute(
            "return document.activeElement.tagName === 'A' && !!document.activeElement.closest('#pied-de-page');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        in_footer,
        serde_json::json!(true),
        "focus on the footer's first link"
    );
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .ends_with("#/catalogue"),
        "the route stays"
    );
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_app_marks_the_current_page_in_the_navigation() {
    let driver = Driver::start();
    let server = serve(Overrides::new());
    let client = driver.session(1280, 900).await;
    for (route, heading, current) in [
        ("#/catalogue", "Catalogue", vec!["#/catalogue"]),
        ("#/parcours?vue=detail", "parcours", vec!["#/parcours"]),
        ("#/a-propos", "propos", vec!["#/a-propos"]),
        ("#/accessibilite", "accessibilité", vec![]),
        ("#/", "Les services publics", vec!["#/"]),
    ] {
        client.goto(&server.url(route)).await.unwrap();
        client.refresh().await.unwrap();
        wait_for_text(&client, "main h1", heading).await;
        let marked = client
            .execute(
                "return [...document.querySelectorAll('#navigation-principale a[aria-current=page]')].map(a => a.getAttribute('href'));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(marked, serde_json::json!(current), "{route}");
    }
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn elsewhere_the_static_page_shows_only_the_loading_line() {
    let driver = Driver::start();
    let server = serve(without_app());
    let client = driver.session(1280, 900).await;
    for (route, shows_home) in [
        ("#/catalogue", false),
        ("#/parcours?r=abc", false),
        ("#/a-propos", false),
        ("#/", true),
        ("", true),
    ] {
        client.goto(&server.url(route)).await.unwrap();
        client.refresh().await.unwrap();
        wait_for_text(&client, "#app-loading [role=status]", "Chargement").await;
        let found = boxes(&client, &["#app-loading h1", "#app-loading .fr-text--lead"]).await;
        assert_eq!(
            found.iter().all(|b| !b.is_null()),
            shows_home,
            "{route}: {found:?}"
        );
        assert_eq!(
            found.iter().all(Value::is_null),
            !shows_home,
            "{route}: {found:?}"
        );
    }
}
