//! Parcours TI in the browser: a thin Leptos layer over `parcours-core`.
//!
//! `app` holds the shell and routing, `pages` one module per page,
//! `components` the DSFR building blocks; everything that can be decided
//! without a browser (routes, URLs, texts) is plain Rust tested natively.

pub mod app;
pub mod components;
pub mod dom;
pub mod loader;
pub mod pages;
pub mod present;
pub mod route;
pub mod storage;
pub mod text;
pub mod transfer;
pub mod workshop;

pub use app::App;

/// Mounts the app in place of the static loading notice of `index.html`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_crash_banner();
    }));
    if let Some(notice) = dom::document().get_element_by_id("app-loading") {
        notice.remove();
    }
    leptos::mount::mount_to_body(App);
    dom::register_service_worker();
}
