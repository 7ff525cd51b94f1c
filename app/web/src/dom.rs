//! The few direct DOM accesses the app needs, in one place.

use wasm_bindgen::JsCast;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// `location.hash`, empty when unavailable.
pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Content of `<meta name=…>`, if present and stamped.
pub fn meta(name: &str) -> Option<String> {
    let element = document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    let content = element.get_attribute("content")?;
    // The unstamped template (a plain `trunk serve` without the hook) is not a value.
    (!content.starts_with("__")).then_some(content)
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Moves keyboard and screen-reader focus to an element, if it exists.
pub fn focus(selector: &str) -> bool {
    let Ok(Some(element)) = document().query_selector(selector) else {
        return false;
    };
    match element.dyn_into::<web_sys::HtmlElement>() {
        Ok(element) => element.focus().is_ok(),
        Err(_) => false,
    }
}

pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Runs `f` after the next paint, when the new page's DOM exists.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let closure = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = window().request_animation_frame(closure.unchecked_ref());
}

pub fn reload() {
    let _ = window().location().reload();
}

/// Navigates to a route (a new history entry).
pub fn set_hash(href: &str) {
    let _ = window().location().set_hash(href);
}

/// Navigates to a route without a new history entry (redirects).
pub fn replace_hash(href: &str) {
    let location = window().location();
    let current = location.href().unwrap_or_default();
    let base = current.split('#').next().unwrap_or("");
    let _ = location.replace(&format!("{base}{href}"));
}
