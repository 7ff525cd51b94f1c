//! Offline use: after a first visit, the app works with the network cut
//! (service worker), and a new catalogue is announced on the next online
//! visit. Run by `make test`.

use std::time::Duration;

use fantoccini::Client;
use parcours_e2e::browser::{wait_for_text, Driver};
use parcours_e2e::serve;
use parcours_e2e::server::Overrides;

/// Waits until the service worker controls the page and has cached the
/// app (reloading once it is active, as a returning visitor would).
async fn wait_until_cached(client: &Client) {
    let mut last = serde_json::Value::Null;
    for _ in 0..300 {
        last = client
            .execute_async(
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
            .await
            .unwrap();
        let active = last[0] == "active";
        let (controlled, cached) = (last[1] == true, last[2] == true);
        if controlled && cached {
            return;
        }
        if active && !controlled {
            client.refresh().await.unwrap();
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the service worker never took control with the app cached: {last}");
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn after_a_first_visit_the_app_works_with_the_network_cut() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(&client, "main h1", "Les services publics").await;
    // The first load installs the worker; a reload puts the page under it.
    client.refresh().await.unwrap();
    wait_for_text(&client, "main h1", "Les services publics").await;
    wait_until_cached(&client).await;

    server.set_offline(true);
    client.goto("about:blank").await.unwrap();
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(&client, "main h1", "Les services publics").await;
    wait_for_text(&client, "#version-catalogue", "version").await;
    // The questionnaire too, with the catalogue from the cache.
    client
        .goto(&server.url("#/diagnostic/profil"))
        .await
        .unwrap();
    wait_for_text(&client, "main h1", "Votre territoire").await;
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_new_catalogue_is_announced_on_the_next_visit() {
    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(&client, "main h1", "Les services publics").await;
    client.refresh().await.unwrap();
    wait_until_cached(&client).await;

    let mut cat: serde_json::Value = serde_json::from_str(&parcours_e2e::catalogue_text()).unwrap();
    let old = cat["version"].as_str().unwrap().to_string();
    cat["version"] = "2099.12.0".into();
    server.set_override("content/catalogue.json", Some(cat.to_string().into_bytes()));
    client.goto("about:blank").await.unwrap();
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(
        &client,
        ".parcours-notice",
        "mis à jour : version 2099.12.0",
    )
    .await;
    wait_for_text(&client, ".parcours-notice", &format!("la version {old}")).await;
    wait_for_text(&client, "#version-catalogue", "version 2099.12.0").await;
    client.close().await.unwrap();
}
