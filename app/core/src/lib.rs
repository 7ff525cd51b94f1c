//! Parcours TI domain logic, plain Rust: tested natively, shared by the
//! `catalogue` CLI and the web app.
//!
//! `load` (parse + validate) → `flow` (questionnaire state) →
//! `recommend::pathway` → `export` / `share`.

pub mod answers;
pub mod condition;
pub mod coverage;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod flow;
pub mod load;
pub mod model;
#[cfg(feature = "open-data")]
pub mod open_data;
pub mod percent;
pub mod read;
pub mod recommend;
#[cfg(feature = "schema")]
mod schema;
pub mod share;
pub mod validate;

/// The JSON Schema (draft 2020-12) of `content/catalogue.json`, pretty-printed.
#[cfg(feature = "schema")]
pub use schema::json_schema;

pub use answers::{Answer, Answers};
pub use condition::Truth;
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use load::{load, load_on, read_catalogue};
pub use model::*;
pub use recommend::{pathway, Pathway};
pub use validate::{unreachable_modules, validate, validate_on};
