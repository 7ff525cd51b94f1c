//! One module per page.

pub mod about;
pub mod accessibility;
pub mod apart;
pub mod catalogue;
pub mod home;
pub mod legal;
pub mod module;
pub mod not_found;
pub mod pathway;
pub mod priorities;
pub mod privacy;
pub mod questionnaire;
pub mod workshop;
