//! DSFR building blocks: thin wrappers over the design system's markup,
//! written without DSFR's JavaScript (the few behaviours it would add are
//! done here in Rust, or in shell.js for the static header). The page's
//! frame (skip links, header, footer) is index.html's: `header` and
//! `footer` only update it.

mod catalogue_error;
mod footer;
mod header;
mod notices;
mod preview_notice;
mod storage_notice;

pub use catalogue_error::{CatalogueError, WithCatalogue};
pub use footer::show_catalogue_version;
pub use header::{mark_current_page, navigation};
pub use notices::Notices;
pub use preview_notice::PreviewNotice;
pub use storage_notice::StorageNotice;
