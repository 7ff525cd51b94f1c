//! Helpers shared by the scenario tests, the browser tests
//! (`tests/tests/browser/`) and the browser measures (`src/bin/`): the real
//! content, the built site and its server, and a browser driven as a
//! person would (`browser`: generic actions; `app`: this app's own;
//! `plan`: the feuille de route's).

pub mod app;
pub mod browser;
mod driver;
pub mod plan;
pub mod server;

use std::path::PathBuf;
use std::sync::OnceLock;

use parcours_core::{Catalogue, Pathway};
pub use parcours_fixtures::{catalogue_text, full_answers, repo_root, scenario};
use server::{Overrides, StaticServer};

/// The real catalogue, loaded and checked by the engine once per run; its
/// diagnostics, if any, name what is wrong in the content.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| match parcours_core::load(&catalogue_text()) {
        Ok(cat) => cat,
        Err(diagnostics) => {
            let lines: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
            panic!("content/catalogue.json is invalid:\n{}", lines.join("\n"));
        }
    })
}

/// The real catalogue as plain JSON, to be altered by a test.
pub fn catalogue_json() -> serde_json::Value {
    serde_json::from_str(&catalogue_text()).expect("content/catalogue.json is JSON")
}

/// Today on this machine, `YYYY-MM-DD`, in its local time zone: the day
/// the browser's pathway is computed for (the app reads the local date).
pub fn today() -> String {
    let out = std::process::Command::new("date")
        .arg("+%F")
        .output()
        .expect("date +%F");
    let day = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .trim()
        .to_string();
    assert!(
        parcours_core::date::is_date(&day),
        "date +%F gave « {day} »"
    );
    day
}

/// The pathway the app shows for `answers` today.
pub fn pathway(answers: &parcours_core::Answers) -> Pathway {
    parcours_core::pathway(catalogue(), answers, &today())
}

/// The ids of a pathway's modules, step by step, in order.
pub fn ids(p: &Pathway) -> Vec<String> {
    p.modules().map(|m| m.id.clone()).collect()
}

/// The built site under test (`make test` sets `PARCOURS_DIST`).
pub fn dist() -> PathBuf {
    let dist = std::env::var("PARCOURS_DIST").expect("PARCOURS_DIST: run `make test`");
    let dist = PathBuf::from(dist);
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html",
        dist.display()
    );
    dist
}

/// The sub-path the site was built for.
pub fn public_url() -> String {
    std::env::var("PARCOURS_PUBLIC_URL").unwrap_or_else(|_| "/parcours/ti/".into())
}

/// A server of its own for the built site, answering `overrides` in place
/// of some files: for a test that alters what is served, cuts the network
/// or reads the requests made.
pub fn serve(overrides: Overrides) -> StaticServer {
    StaticServer::start(&dist(), &public_url(), overrides)
}

/// The built site as it is, one server for the whole run: tests only read
/// from it (each browser has its own profile, storage and service worker).
pub fn site() -> &'static StaticServer {
    static SITE: OnceLock<StaticServer> = OnceLock::new();
    SITE.get_or_init(|| serve(Overrides::new()))
}

/// A new, empty folder for this run's files (downloads, files to upload,
/// PDFs), removed when the run ends.
pub fn scratch_dir(what: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = driver::run_dir().join(format!("{what}-{}", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// Whitespace folded, so that text wrapped by print or layout compares.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
