//! The offers' open-data file in the release build: linked from « À propos »
//! by a same-site link that resolves under the sub-path, served whole, and
//! deliberately left out of the service worker's cache. Run by `make test`
//! (its bytes are `catalogue export`'s, checked in app/cli/tests/open_data.rs).

use fantoccini::Locator;
use parcours_e2e::browser::{wait_for_text, Driver};
use parcours_e2e::server::Overrides;
use parcours_e2e::{dist, public_url, serve};

const FILE: &str = "content/dispositifs-aide.csv";

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn about_links_the_open_data_file_of_the_build() {
    let built = std::fs::read_to_string(dist().join(FILE)).expect("the build writes the file");
    assert!(
        built.starts_with("id,titre,promesse,description,"),
        "{built:.80}"
    );
    let sw = std::fs::read_to_string(dist().join("sw.js")).expect("sw.js");
    assert!(!sw.contains("dispositifs-aide"), "not precached");

    let server = serve(Overrides::new());
    let driver = Driver::start();
    let client = driver.session(1280, 900).await;
    client.goto(&server.url("#/a-propos")).await.unwrap();
    wait_for_text(&client, "main", "Licence Ouverte 2.0").await;
    let selector = format!("main a[href='{FILE}']");
    let link = client
        .find(Locator::Css(&selector))
        .await
        .expect("the link");
    assert_eq!(link.text().await.unwrap(), "télécharger les offres (CSV)");
    let text = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("etalab/schema-dispositif-aide"), "{text}");
    // Resolved against the page's <base>, as the browser follows it.
    let got = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const a = document.querySelector(arguments[0]);
               fetch(a.href).then(r => r.text().then(t => done([a.href, r.status, t])))
                 .catch(e => done([a.href, 0, String(e)]));"#,
            vec![serde_json::json!(selector)],
        )
        .await
        .unwrap();
    assert_eq!(
        got[0].as_str().unwrap(),
        format!("{}{}{FILE}", server.origin(), public_url())
    );
    assert_eq!(got[1], 200);
    assert_eq!(got[2].as_str().unwrap(), built);
}
