//! Helpers shared by the scenario and end-to-end tests.

pub mod browser;
pub mod server;

use std::path::PathBuf;

use server::{Overrides, StaticServer};

/// Root of the repository (this crate lives in `tests/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The real, published catalogue text.
pub fn catalogue_text() -> String {
    let path = repo_root().join("content/catalogue.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The real catalogue, loaded and checked by the engine.
pub fn catalogue() -> parcours_core::Catalogue {
    parcours_core::load(&catalogue_text()).expect("the real catalogue loads")
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
pub fn pathway(answers: &parcours_core::Answers) -> parcours_core::Pathway {
    parcours_core::pathway(&catalogue(), answers, &today())
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

/// Serves the built site under its sub-path, with `overrides`.
pub fn serve(overrides: Overrides) -> StaticServer {
    StaticServer::start(&dist(), &public_url(), overrides)
}

/// The heaviest answers, the engine benchmarks' own (one definition, so
/// that the browser and engine figures measure the same case).
pub use parcours_fixtures::full_answers;
