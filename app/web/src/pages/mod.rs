//! One module per page.

pub mod about;
pub mod accessibility;
pub mod home;
pub mod legal;
pub mod not_found;
pub mod privacy;
