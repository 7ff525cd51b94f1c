//! DSFR building blocks: thin wrappers over the design system's markup,
//! written without DSFR's JavaScript (the few behaviours it would add are
//! done here in Rust).

mod catalogue_error;
mod footer;
mod header;
mod notices;
mod preview_notice;
mod skiplinks;
mod storage_notice;

pub use catalogue_error::{CatalogueError, WithCatalogue};
pub use footer::Footer;
pub use header::Header;
pub use notices::Notices;
pub use preview_notice::PreviewNotice;
pub use skiplinks::SkipLinks;
pub use storage_notice::StorageNotice;
