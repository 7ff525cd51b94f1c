//! The static page of index.html, painted before the wasm arrives, must be
//! the app's own first screen: the header and footer the app keeps, and
//! Accueil's first lines at the places the app's are, so nothing moves when
//! the app replaces them (layout shift) and the largest text is painted
//! early. Elsewhere than Accueil it must not show Accueil's text. Its menu
//! and skip links work before the wasm; the app marks the current page.

use parcours_e2e::app::{HOME_HEADING, MENU_BUTTON};
use parcours_e2e::browser::{browser, setup, until, Browser};
use parcours_e2e::server::{Overrides, StaticServer};
use parcours_e2e::{dist, serve};
use serde_json::{json, Value};

/// The server without the wasm (both bundles: the public one and the
/// Atelier's): the app never starts, the static page stays.
fn without_app() -> StaticServer {
    let blocked: Overrides = std::fs::read_dir(dist())
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
    serve(blocked)
}

/// Waits for the static page's loading line.
async fn loading(page: &Browser) {
    page.wait_text("#app-loading [role=status]", "Chargement")
        .await;
}

/// Text and box (x, y, width, height, rounded) of each selector's first
/// visible match, once the fonts are in.
async fn boxes(page: &Browser, selectors: &[&str]) -> Vec<Value> {
    page.script_async(
        r#"const [selectors, done] = [arguments[0], arguments[arguments.length - 1]];
           document.fonts.ready.then(() => requestAnimationFrame(() => done(selectors.map(s => {
             const e = [...document.querySelectorAll(s)].find(e => e.getClientRects().length);
             if (!e) return null;
             const r = e.getBoundingClientRect();
             return [e.textContent.replace(/\s+/g, ' ').trim(),
                     [r.x, r.y + window.scrollY, r.width, r.height].map(Math.round)];
           }))));"#,
        vec![json!(selectors)],
    )
    .await
    .as_array()
    .unwrap()
    .clone()
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_static_page_is_the_apps_first_screen_in_place() {
    let static_only = without_app();
    for (width, height) in [(375, 812), (1280, 900)] {
        let page = setup().on(&static_only).size(width, height).start().await;
        page.visit("").await;
        loading(&page).await;
        let before = boxes(
            &page,
            &[
                ".fr-header",
                ".fr-header__service",
                "#app-loading h1",
                "#app-loading .fr-text--lead",
            ],
        )
        .await;
        drop(page);

        let page = setup().size(width, height).start().await;
        page.visit_home().await;
        let after = boxes(
            &page,
            &[
                ".fr-header",
                ".fr-header__service",
                "main h1",
                "main .fr-text--lead",
            ],
        )
        .await;
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
    let server = without_app();
    let page = setup().on(&server).size(375, 812).start().await;
    page.visit("#/catalogue").await;
    loading(&page).await;
    page.wait_text("#version-catalogue", "chargement").await;
    let menu = format!("#{MENU_BUTTON}");
    assert!(!page.menu_open().await, "the folded menu is hidden");
    page.click(&menu).await;
    until("« Menu » opens the navigation", async || {
        page.menu_open().await
    })
    .await;
    assert_eq!(
        page.attr(&menu, "aria-expanded").await.as_deref(),
        Some("true")
    );
    until("focus on « Fermer »", async || {
        page.focused().await.2 == "Fermer"
    })
    .await;
    page.escape_menu().await;

    // A skip link moves the focus and keeps the route.
    page.script(
        "document.querySelector(\".fr-skiplinks a[href='#pied-de-page']\").click()",
        vec![],
    )
    .await;
    let in_footer = page
        .script(
            "return document.activeElement.tagName === 'A' && !!document.activeElement.closest('#pied-de-page');",
            vec![],
        )
        .await;
    assert_eq!(in_footer, json!(true), "focus on the footer's first link");
    assert!(
        page.address().await.ends_with("#/catalogue"),
        "the route stays"
    );
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_app_marks_the_current_page_in_the_navigation() {
    let page = browser().await;
    for (route, heading, current) in [
        ("#/catalogue", "Catalogue", vec!["#/catalogue"]),
        ("#/parcours?vue=detail", "parcours", vec!["#/parcours"]),
        ("#/a-propos", "propos", vec!["#/a-propos"]),
        ("#/accessibilite", "accessibilité", vec![]),
        ("#/", HOME_HEADING, vec!["#/"]),
    ] {
        page.visit(route).await;
        page.reload().await;
        page.heading(heading).await;
        let marked = page
            .script(
                "return [...document.querySelectorAll('#navigation-principale a[aria-current=page]')].map(a => a.getAttribute('href'));",
                vec![],
            )
            .await;
        assert_eq!(marked, json!(current), "{route}");
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn elsewhere_the_static_page_shows_only_the_loading_line() {
    let server = without_app();
    let page = setup().on(&server).start().await;
    for (route, shows_home) in [
        ("#/catalogue", false),
        ("#/parcours?r=abc", false),
        ("#/a-propos", false),
        ("#/", true),
        ("", true),
    ] {
        page.visit(route).await;
        page.reload().await;
        loading(&page).await;
        let found = boxes(&page, &["#app-loading h1", "#app-loading .fr-text--lead"]).await;
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
