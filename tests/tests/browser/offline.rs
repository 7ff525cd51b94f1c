//! Offline use: after a first visit, the app works with the network cut
//! (service worker), and a new catalogue is announced on the next online
//! visit. Each test has its own server: it cuts or changes what is served.

use std::time::Duration;

use parcours_e2e::browser::{setup, within, Browser};
use parcours_e2e::server::{Overrides, StaticServer};
use parcours_e2e::{catalogue, catalogue_json, serve};

/// Waits until the service worker controls the page and has cached the
/// app (reloading once it is active, as a returning visitor would).
async fn wait_until_cached(page: &Browser) {
    let mut last = serde_json::Value::Null;
    let cached = within(Duration::from_secs(60), async || {
        last = page
            .script_async(
                r#"const done = arguments[arguments.length - 1];
                   if (!navigator.serviceWorker) { done(['unsupported', false, false]); return; }
                   navigator.serviceWorker.getRegistration().then(reg => {
                     const state = !reg ? 'unregistered' : reg.active ? 'active'
                       : reg.waiting ? 'waiting' : reg.installing ? 'installing' : 'none';
                     return caches.keys()
                       .then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))
                       .then(lists => done([state, !!navigator.serviceWorker.controller,
                         lists.flat().some(r => r.url.includes('content/catalogue.json'))]));
                   }).catch(e => done(['error ' + e, false, false]));"#,
                vec![],
            )
            .await;
        let active = last[0] == "active";
        let (controlled, cached) = (last[1] == true, last[2] == true);
        if active && !controlled {
            page.reload().await;
        }
        (controlled && cached).then_some(())
    })
    .await;
    assert!(
        cached.is_some(),
        "the service worker never took control with the app cached: {last}"
    );
}

/// A browser on `server` after a first visit: the first load installs the
/// worker, a reload puts the page under it, and the app is cached.
async fn visited(server: &StaticServer) -> Browser {
    let page = setup().on(server).start().await;
    page.visit_home().await;
    page.reload().await;
    page.wait_home().await;
    wait_until_cached(&page).await;
    page
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn after_a_first_visit_the_app_works_with_the_network_cut() {
    let server = serve(Overrides::new());
    let page = visited(&server).await;

    server.set_offline(true);
    page.open("").await;
    page.wait_home().await;
    page.wait_catalogue_loaded().await;
    // The questionnaire too, with the catalogue from the cache.
    page.visit_questionnaire().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_new_catalogue_is_announced_on_the_next_visit() {
    let server = serve(Overrides::new());
    let page = visited(&server).await;

    let mut cat = catalogue_json();
    cat["version"] = "2099.12.0".into();
    server.set_override("content/catalogue.json", Some(cat.to_string().into_bytes()));
    page.open("").await;
    page.wait_text(".parcours-notice", "mis à jour : version 2099.12.0")
        .await;
    page.wait_text(
        ".parcours-notice",
        &format!("la version {}", catalogue().version),
    )
    .await;
    page.wait_text("#version-catalogue", "version 2099.12.0")
        .await;
}
