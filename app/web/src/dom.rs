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

/// The file chosen in the `<input type="file">` an event comes from; the
/// input is emptied, so that choosing the same file again fires again.
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// The text of a file the user chose; `None` when the browser cannot read it.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    let text: js_sys::JsString = settle(file.text()).await.ok()?;
    Some(text.into())
}

/// Runs `f` in a task of its own, `ms` milliseconds from now.
pub fn later(ms: i32, f: impl FnOnce() + 'static) {
    let closure = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ =
        window().set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
}

/// Resolves in a later task: long work split this way leaves the page
/// responsive in between (Lighthouse's total blocking time counts each
/// task's excess over 50 ms).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Takes a promise a script of the page left on `globalThis` for the app
/// (loader.js's `parcoursCatalogue`): once, the property is removed.
pub fn take_global_promise(name: &str) -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str(name);
    let value = js_sys::Reflect::get(&global, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    value.dyn_into().ok()
}

/// Awaits a promise; a rejection as the browser words it (« TypeError:
/// Failed to fetch »).
pub async fn settle<T: JsCast>(promise: js_sys::Promise) -> Result<T, String> {
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(value) => Ok(value.unchecked_into()),
        Err(error) => Err(match error.dyn_ref::<js_sys::Error>() {
            Some(e) => String::from(e.to_string()),
            None => error
                .as_string()
                .unwrap_or_else(|| "erreur inconnue".into()),
        }),
    }
}

/// `fetch(url)`, relative to the document.
pub async fn fetch(url: &str) -> Result<web_sys::Response, String> {
    settle(window().fetch_with_str(url)).await
}

/// The body of a response, as text.
pub async fn body_text(response: &web_sys::Response) -> Result<String, String> {
    let promise = response.text().map_err(|_| "corps déjà lu".to_string())?;
    let text: js_sys::JsString = settle(promise).await?;
    Ok(text.into())
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

/// Rewrites the URL's fragment in place: no history entry, no `hashchange`.
pub fn replace_state(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// The document URL without its fragment (the page under its sub-path).
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or("").to_string()
}

/// Today's date in the user's time zone, `YYYY-MM-DD` (read once, into
/// `AppState::today`).
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// Prints with `class` on `<body>` (what the print style shows), removed
/// once the print is done.
pub fn print_with_body_class(class: &str) {
    let Some(body) = document().body() else {
        return print();
    };
    let _ = body.class_list().add_1(class);
    let class = class.to_string();
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(body) = document().body() {
            let _ = body.class_list().remove_1(&class);
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "afterprint",
        done.unchecked_ref(),
        &options,
    );
    print();
}

/// Offers `content` as a file to save: a Blob behind a temporary
/// `<a download>`, clicked then removed.
pub fn download(file_name: &str, mime: &str, content: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let done = (|| {
        let anchor = document()
            .create_element("a")
            .ok()?
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_class_name("parcours-hidden");
        document().body()?.append_child(&anchor).ok()?;
        anchor.click();
        anchor.remove();
        Some(())
    })()
    .is_some();
    // Revoked later: some browsers read the blob after the click returns.
    let closure = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), 10_000);
    done
}

/// Copies text to the clipboard; `false` when the browser refuses (no
/// permission, insecure context, no Clipboard API).
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    // `navigator.clipboard` is undefined outside secure contexts.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok();
    if clipboard.as_ref().is_none_or(|c| c.is_undefined()) {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Selects the text of an input (the fallback when copying failed).
pub fn select_input(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector) {
        if let Ok(input) = element.dyn_into::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        }
    }
}

/// Registers the offline service worker written by release builds (its
/// scope is the folder of the page, so it works under any sub-path).
pub fn register_service_worker() {
    if meta("parcours-offline").as_deref() != Some("on") {
        return;
    }
    let navigator = window().navigator();
    // Absent in insecure contexts and some private modes: the app works without.
    let has_worker = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if has_worker {
        let _ = navigator.service_worker().register("sw.js");
    }
}
