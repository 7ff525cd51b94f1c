//! Parcours TI in the browser: a thin Leptos layer over `parcours-core`.
//!
//! `app` is the shell and router; `state` the shared state and the rules
//! that change it; `pages` one module (or folder) per page, composing the
//! DSFR layer of `components`; `loader`, `storage` and `dom` talk to the
//! browser; `route`, `present`, `transfer` and `atelier` decide without it
//! (plain Rust, tested natively). ARCHITECTURE.md says what may import
//! what.

// The release wasm is built with `-Zfmt-debug=none` (Makefile): `{:?}`
// prints nothing there, so no code the app runs may write Debug output
// (the core has the same rule). Tests may.
#![warn(clippy::use_debug, clippy::dbg_macro)]
#![cfg_attr(test, allow(clippy::use_debug, clippy::dbg_macro))]

pub mod app;
pub mod atelier;
pub mod components;
pub mod dom;
pub mod loader;
pub mod pages;
#[cfg(feature = "plan")]
pub mod plan_state;
pub mod plan_store;
pub mod present;
pub mod route;
pub mod state;
pub mod storage;
pub mod transfer;

pub use app::App;

/// Mounts the app in place of the static loading notice of `index.html`,
/// between its header and footer.
pub fn start() {
    // The panic's message in the console (debug builds: the release wasm
    // aborts without running hooks). The banner that tells the user is
    // shown by shell.js, which sees the abort as a WebAssembly.RuntimeError.
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    // Instantiating the wasm and rendering the first page are two tasks,
    // not one long one: a phone stays responsive in between (Lighthouse's
    // total blocking time counts each task's excess over 50 ms).
    dom::later(0, || {
        use wasm_bindgen::JsCast;
        let document = dom::document();
        if let Some(notice) = document.get_element_by_id("app-loading") {
            notice.remove();
        }
        // Between index.html's header and footer.
        match document.get_element_by_id("application") {
            Some(place) => leptos::mount::mount_to(place.unchecked_into(), App).forget(),
            None => leptos::mount::mount_to_body(App),
        }
        // The worker's precaching downloads the whole site again: not while
        // the first page still needs the network.
        dom::later(3000, dom::register_service_worker);
    });
}

#[cfg(test)]
mod tests {
    /// The release wasm is built with `-Zfmt-debug=none` (Makefile): `{:?}`
    /// prints nothing there. So no code outside tests may write Debug
    /// output, in the app or in the core it runs (test modules sit at the
    /// end of each file). Clippy's `use_debug` (set above and in the core)
    /// sees the `print!` and `write!` families only, not `format!`,
    /// `format_args!` or `panic!`: this scan covers them.
    #[test]
    fn no_text_is_written_with_debug() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let mut offenders = Vec::new();
        for dir in ["web/src", "core/src"] {
            let mut stack = vec![std::path::PathBuf::from(format!("{root}/{dir}"))];
            while let Some(path) = stack.pop() {
                if path.is_dir() {
                    stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                for (n, line) in code.lines().enumerate() {
                    let comment = line.trim_start().starts_with("//");
                    if !comment
                        && (line.contains(":?}") || line.contains(":#?}") || line.contains("dbg!("))
                    {
                        offenders.push(format!("{}:{}: {line}", path.display(), n + 1));
                    }
                }
            }
        }
        assert!(offenders.is_empty(), "{}", offenders.join("\n"));
    }
}
