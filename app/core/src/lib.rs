//! Parcours TI domain logic, plain Rust: tested natively, shared by the
//! `catalogue` CLI and the web app.
//!
//! From a catalogue's text to a pathway:
//!
//! - `load` parses (`read`: JSON tree → `model`), then validates
//!   (`validate`); every problem is a `diagnostic::Diagnostic`, located in
//!   the file. `diagnostic` depends on no step of loading.
//! - `flow` decides which questions are shown for the answers so far
//!   (`answers`, `condition`), counting only answers that fit their
//!   question (`answer_check`, which also ticks options); `questionnaire`
//!   walks it step by step and edits answers as the user ticks and types.
//! - `recommend::pathway` turns answers into a `pathway::Pathway`, calling
//!   `priorities` for « Vos priorités » and the fold; `export` writes it as
//!   Markdown or CSV.
//! - `share` carries answers in a link (`percent` escapes ids there and in
//!   the app's URLs); `migrate` brings answers saved with an older
//!   catalogue (a link, the browser's storage, a file) to the one in use.
//! - `plan` is the feuille de route: actions taken from the pathway or of
//!   the territory's own, their statuts, its spreadsheet and what changed
//!   since an earlier export; `deflate` compresses share links.
//! - For editors: `diff` and `coverage` (the Atelier), `schema` and
//!   `open_data` (the CLI only, behind features).

// The release wasm is built with `-Zfmt-debug=none` (Makefile): `{:?}`
// prints nothing there, so no code the app runs may write Debug output
// (the web crate has the same rule). Tests may.
#![warn(clippy::use_debug, clippy::dbg_macro)]
#![cfg_attr(test, allow(clippy::use_debug, clippy::dbg_macro))]

pub mod answer_check;
pub mod answers;
pub mod condition;
pub mod coverage;
pub mod date;
pub mod deflate;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod flow;
pub mod load;
pub mod migrate;
pub mod model;
#[cfg(feature = "open-data")]
pub mod open_data;
pub mod pathway;
pub mod percent;
pub mod plan;
pub mod priorities;
pub mod questionnaire;
pub mod read;
pub mod recommend;
#[cfg(feature = "schema")]
mod schema;
pub mod share;
pub mod validate;

/// The JSON Schema (draft 2020-12) of `content/catalogue.json`, pretty-printed.
#[cfg(feature = "schema")]
pub use schema::json_schema;

pub use answer_check::{toggle_option, AnswerError};
pub use answers::{Answer, Answers};
pub use condition::Truth;
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use load::{load, load_on, read_catalogue};
pub use model::*;
pub use pathway::Pathway;
pub use recommend::pathway;
pub use validate::{unreachable_modules, validate, validate_on};
