//! Parcours TI domain logic, plain Rust: tested natively, shared by the
//! `catalogue` CLI and the web app.

pub mod answers;
pub mod model;

pub use answers::{Answer, Answers};
pub use model::*;
