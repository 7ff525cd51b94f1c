//! The DSFR stylesheet is trimmed at build time (tools/css_purge.py) to the
//! rules the app can match. Trimming must change bytes, never pixels: every
//! page (and the states a click opens: a missing answer, the folded menu),
//! on a desktop and a phone, is rendered once with the trimmed sheet
//! and once with the whole DSFR bundle (kept by the build in
//! target/dsfr-untrimmed.min.css), and the two screenshots must be
//! identical.

use parcours_e2e::app::HOME_HEADING;
use parcours_e2e::browser::setup;
use parcours_e2e::server::Overrides;
use parcours_e2e::{catalogue, repo_root, scenario, serve};

/// The trimmed sheet in `dist/`, named by its hash (`dsfr/css/dsfr.min-<hash>.css`).
fn sheet() -> String {
    let dir = parcours_e2e::dist().join("dsfr/css");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".css"))
        .collect();
    assert_eq!(
        names.len(),
        1,
        "one DSFR sheet in {}: {names:?}",
        dir.display()
    );
    format!("dsfr/css/{}", names[0])
}

/// After the page is shown: nothing, or a click that reaches a state of its
/// own (an answer missing, the folded menu opened).
#[derive(Clone, Copy)]
enum Then {
    Nothing,
    /// Click `.0`, then wait for `.1` to match (the state is reached).
    Click(&'static str, &'static str),
}

/// States shown only after a click, with the heading of their page.
fn states() -> Vec<(String, &'static str, Then)> {
    vec![
        (
            "#/diagnostic".into(),
            "",
            Then::Click("#bouton-suivant", ".fr-fieldset--error"),
        ),
        (
            "#/".into(),
            HOME_HEADING,
            Then::Click("#bouton-menu", ".fr-modal--opened"),
        ),
    ]
}

/// (route, heading expected once the page is rendered).
fn pages() -> Vec<(String, &'static str)> {
    let code = parcours_core::share::encode(&catalogue().version, &scenario("no_difficulty"));
    let module = &catalogue().modules[0].id;
    vec![
        ("#/".into(), HOME_HEADING),
        ("#/diagnostic".into(), ""),
        (format!("#/parcours?r={code}"), "arcours"),
        (format!("#/parcours?r={code}&vue=detail"), "arcours"),
        ("#/catalogue".into(), "atalogue"),
        (format!("#/catalogue/{module}"), ""),
        ("#/a-propos".into(), ""),
        ("#/accessibilite".into(), "ccessibilité"),
        ("#/mentions-legales".into(), "entions"),
        ("#/donnees-personnelles".into(), "onnées"),
        ("#/atelier".into(), "telier"),
        ("#/nulle-part".into(), ""),
    ]
}

/// Screenshots of every page, in one fresh profile (the service worker of
/// another profile cannot hand back the other sheet).
async fn shots(overrides: Overrides, width: u32, height: u32) -> Vec<Vec<u8>> {
    let server = serve(overrides);
    let page = setup().on(&server).size(width, height).start().await;
    let mut out = Vec::new();
    let all = pages()
        .into_iter()
        .map(|(r, h)| (r, h, Then::Nothing))
        .chain(states());
    for (route, heading, then) in all {
        // A new document each time: no state left by the previous page,
        // nor its scroll position (a reload restores it, at a moment that
        // races the page's own rendering).
        page.open(&route).await;
        page.heading(heading).await;
        if let Then::Click(selector, reached) = then {
            assert!(page.exists(selector).await, "{route}: no {selector}");
            // The folded menu's button is hidden on a desktop.
            if page.shown(selector).await {
                page.click(selector).await;
                page.wait_text(reached, "").await;
            }
        }
        // No focus ring or caret in the picture.
        page.script("document.activeElement?.blur()", vec![]).await;
        page.settle().await;
        out.push(page.screenshot().await.unwrap());
    }
    out
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_trimmed_dsfr_sheet_renders_every_page_like_the_whole_one() {
    let whole_path = repo_root().join("target/dsfr-untrimmed.min.css");
    let whole = std::fs::read(&whole_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (written by the build: `make dist`)",
            whole_path.display()
        )
    });
    let sheet = sheet();
    let trimmed = std::fs::read(parcours_e2e::dist().join(&sheet)).unwrap();
    assert!(
        trimmed.len() * 2 < whole.len(),
        "the sheet is not trimmed: {} bytes of {}",
        trimmed.len(),
        whole.len()
    );
    let names: Vec<String> = pages()
        .into_iter()
        .map(|(r, _)| r)
        .chain(
            states()
                .into_iter()
                .map(|(r, _, _)| format!("{r} (après un clic)")),
        )
        .collect();
    let dir = repo_root().join("target/e2e-screens/styles");
    std::fs::create_dir_all(&dir).unwrap();
    let mut differ = Vec::new();
    for (width, height) in [(1280, 900), (375, 812)] {
        let mut with_whole = Overrides::new();
        with_whole.insert(sheet.clone(), Some(whole.clone()));
        let a = shots(Overrides::new(), width, height).await;
        let b = shots(with_whole, width, height).await;
        for (i, ((name, a), b)) in names.iter().zip(&a).zip(&b).enumerate() {
            if a != b {
                std::fs::write(dir.join(format!("{width}-{i:02}-reduite.png")), a).unwrap();
                std::fs::write(dir.join(format!("{width}-{i:02}-entiere.png")), b).unwrap();
                let short: String = name.chars().take(40).collect();
                differ.push(format!("{short} à {width} px ({width}-{i:02}-*.png)"));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "rendu différent avec la feuille réduite (captures dans {}) : {}",
        dir.display(),
        differ.join(", ")
    );
}
