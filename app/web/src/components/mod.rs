//! The DSFR layer: one component per design-system element (button,
//! alert, callout, notice, card, tag, breadcrumb, table, form field), each
//! with its props documented, written without DSFR's JavaScript (the few
//! behaviours it would add are done here in Rust, or in shell.js for the
//! static header); then the app's own blocks built from them. The page's
//! frame (skip links, header, footer) is index.html's: `header` and
//! `footer` only update it.
//!
//! Classes are written out in full, never assembled from parts: the DSFR
//! trim (tools/css_purge.py) keeps the rules whose classes it finds in the
//! sources.

mod alert;
mod banner;
mod breadcrumb;
mod button;
mod callout;
mod card;
mod field;
mod table;
mod tag;

mod add_to_plan;
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

pub use alert::{Alert, AlertKind};
pub use banner::Banner;
pub use breadcrumb::Breadcrumb;
pub use button::{button_class, Button, ButtonLink, ButtonsGroup, Priority};
pub use callout::Callout;
pub use card::Card;
pub use field::Field;
pub use table::Table;
pub use tag::{Tag, TagsGroup};

pub use add_to_plan::AddToPlan;
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

/// `base`, then the caller's extra classes, if any.
fn classes(base: &str, extra: &str) -> String {
    if extra.is_empty() {
        base.to_string()
    } else {
        format!("{base} {extra}")
    }
}
