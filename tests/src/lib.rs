//! Helpers shared by the scenario and end-to-end tests.

pub mod browser;
pub mod server;

use std::path::PathBuf;

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
