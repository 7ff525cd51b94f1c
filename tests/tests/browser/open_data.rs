//! The offers' open-data file in the release build: linked from « À propos »
//! by a same-site link that resolves under the sub-path, served whole, and
//! deliberately left out of the service worker's cache (its bytes are
//! `catalogue export`'s, checked in app/cli/tests/open_data.rs).

use parcours_e2e::browser::browser;
use parcours_e2e::{dist, public_url};

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

    let page = browser().await;
    page.visit("#/a-propos").await;
    page.wait_text("main", "Licence Ouverte 2.0").await;
    let link = format!("main a[href='{FILE}']");
    assert_eq!(page.text(&link).await, "télécharger les offres (CSV)");
    let text = page.text("main").await;
    assert!(text.contains("etalab/schema-dispositif-aide"), "{text}");
    // Resolved against the page's <base>, as the browser follows it.
    let got = page
        .script_async(
            r#"const done = arguments[arguments.length - 1];
               const a = document.querySelector(arguments[0]);
               fetch(a.href).then(r => r.text().then(t => done([a.href, r.status, t])))
                 .catch(e => done([a.href, 0, String(e)]));"#,
            vec![serde_json::json!(link)],
        )
        .await;
    assert_eq!(
        got[0].as_str().unwrap(),
        format!("{}{}{FILE}", page.origin(), public_url())
    );
    assert_eq!(got[1], 200);
    assert_eq!(got[2].as_str().unwrap(), built);
}
