//! One module per page; a page that holds several views is a folder.
//! Pages compose views from `components` and call `state`, `present` and
//! the core; they never import `app` or each other.

pub mod about;
#[cfg(feature = "atelier")]
pub mod atelier;
pub mod catalogue;
pub mod home;
pub mod module;
pub mod not_found;
pub mod pathway;
#[cfg(feature = "plan")]
pub mod plan;
pub mod questionnaire;
pub mod text;
