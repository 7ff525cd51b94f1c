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

/// The heaviest answers (as in the engine benchmarks, BENCHMARKS.md):
/// every question answered, every theme, « oui » everywhere, so that every
/// step is shown and the pathway is the longest one.
pub fn full_answers(cat: &parcours_core::Catalogue) -> parcours_core::Answers {
    use parcours_core::{Answer, QuestionKind};
    cat.questions()
        .map(|q| {
            let a = match q.kind {
                QuestionKind::YesNo => Answer::Option("oui".into()),
                QuestionKind::Single => Answer::Option(q.options[0].id.clone()),
                QuestionKind::Multiple => {
                    Answer::Options(q.options.iter().map(|o| o.id.clone()).collect())
                }
                QuestionKind::Scale | QuestionKind::Number => Answer::Number(q.min.unwrap_or(0)),
            };
            (q.id.clone(), a)
        })
        .collect()
}
