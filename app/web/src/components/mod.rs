//! DSFR building blocks: thin wrappers over the design system's markup,
//! written without DSFR's JavaScript (the few behaviours it would add are
//! done here in Rust, or in shell.js for the static header). The page's
//! frame (skip links, header, footer) is index.html's: `header` and
//! `footer` only update it.

mod catalogue_error;
mod external_link;
mod fold;
mod footer;
mod header;
mod module_status;
mod notices;
mod preview_notice;
mod storage_notice;
mod way_in;

pub use catalogue_error::{CatalogueError, WithCatalogue};
pub use external_link::ExternalLink;
pub use fold::Fold;
pub use footer::show_catalogue_version;
pub use header::{mark_current_page, navigation};
pub use module_status::ModuleStatus;
pub use notices::Notices;
pub use preview_notice::PreviewNotice;
pub use storage_notice::StorageNotice;
pub use way_in::WayIn;
