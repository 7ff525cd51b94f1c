//! A headless Debian Chromium session on the site under test, and what a
//! person does with a browser: open an address, click, type, press keys,
//! read the page; and the waits on what the page shows that go with them.
//! The app's own actions (answer a question, go to the next step…) are in
//! `app.rs`. Every wait is on a condition, polled, never a fixed delay.

use std::future::Future;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::wd::{PrintConfiguration, PrintOrientation};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::driver;
use crate::server::StaticServer;

/// How long a wait lasts before the test fails with what it saw.
pub const PATIENCE: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);

/// A browser session with its own empty profile, on one site. Dropping it
/// ends the session and its browser, whether the test passed or panicked.
/// The fantoccini client is reachable through `Deref` for what this file
/// does not cover.
pub struct Browser {
    client: Client,
    session: String,
    base: String,
    origin: String,
}

impl Deref for Browser {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        driver::end(&self.session);
    }
}

/// What a new session is opened with: the site, the window, the profile's
/// preferences. `setup().start().await` is a desktop browser on `site()`.
pub struct Setup {
    /// The site's address and origin; `None`: the shared site.
    site: Option<(String, String)>,
    width: u32,
    height: u32,
    prefs: serde_json::Map<String, Value>,
}

/// A desktop window (1280 × 900) on the shared site.
pub fn setup() -> Setup {
    Setup {
        site: None,
        width: 1280,
        height: 900,
        prefs: serde_json::Map::new(),
    }
}

/// A desktop browser on the shared site.
pub async fn browser() -> Browser {
    setup().start().await
}

impl Setup {
    /// On `server` instead of the shared site.
    pub fn on(mut self, server: &StaticServer) -> Setup {
        self.site = Some((server.url(""), server.origin()));
        self
    }

    pub fn size(mut self, width: u32, height: u32) -> Setup {
        self.width = width;
        self.height = height;
        self
    }

    /// Chromium preferences of the profile (e.g. blocking site data, which
    /// makes every `localStorage` access throw).
    pub fn pref(mut self, key: &str, value: Value) -> Setup {
        self.prefs.insert(key.into(), value);
        self
    }

    /// Downloads land in `dir`, without asking.
    pub fn downloads(self, dir: &Path) -> Setup {
        self.pref(
            "download.default_directory",
            json!(dir.display().to_string()),
        )
        .pref("download.prompt_for_download", json!(false))
        .pref("download.directory_upgrade", json!(true))
    }

    pub async fn start(self) -> Browser {
        let (base, origin) = self.site.unwrap_or_else(|| {
            let site = crate::site();
            (site.url(""), site.origin())
        });
        let profile = profile_dir();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": driver::chromium_path(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--lang=fr-FR",
                    format!("--window-size={},{}", self.width, self.height),
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": self.prefs,
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver::port()))
            .await
            .expect("a Chromium session");
        let session = client
            .session_id()
            .await
            .expect("the session's id")
            .expect("a session was created");
        driver::opened(&session, &profile);
        Browser {
            client,
            session,
            base,
            origin,
        }
    }
}

/// An empty profile folder of this run, unique to one session.
fn profile_dir() -> PathBuf {
    crate::scratch_dir("profile")
}

impl Browser {
    /// The address of `route` (`#/a-propos`, or `""` for Accueil) on this
    /// browser's site.
    pub fn url(&self, route: &str) -> String {
        format!("{}{route}", self.base)
    }

    /// `http://127.0.0.1:<port>`, the site's origin.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Goes to `route` as if typed in the address bar: a change of the
    /// fragment alone stays in the same document (the app routes it).
    pub async fn visit(&self, route: &str) {
        let url = self.url(route);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Opens `route` as a new document: the app starts again from its URL
    /// and what the browser stored.
    pub async fn open(&self, route: &str) {
        self.client
            .goto("about:blank")
            .await
            .expect("leave the page");
        self.visit(route).await;
    }

    /// Changes the fragment from the page itself, as a link of the app
    /// would: nothing is reloaded (what only lives in memory stays).
    pub async fn set_hash(&self, hash: &str) {
        self.script("location.hash = arguments[0];", vec![json!(hash)])
            .await;
    }

    /// Reloads the page.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
    }

    /// The address shown now.
    pub async fn address(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("the current address")
            .to_string()
    }

    /// The element `selector` matches; fails with the selector.
    pub async fn element(&self, selector: &str) -> Element {
        self.client
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{selector} missing: {e}"))
    }

    pub async fn elements(&self, selector: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
    }

    pub async fn exists(&self, selector: &str) -> bool {
        self.client.find(Locator::Css(selector)).await.is_ok()
    }

    pub async fn count(&self, selector: &str) -> usize {
        self.elements(selector).await.len()
    }

    /// Whether `selector` matches an element that is displayed.
    pub async fn shown(&self, selector: &str) -> bool {
        match self.client.find(Locator::Css(selector)).await {
            Ok(e) => e.is_displayed().await.unwrap_or(false),
            Err(_) => false,
        }
    }

    /// Whether the radio or checkbox `selector` is ticked.
    pub async fn is_checked(&self, selector: &str) -> bool {
        self.element(selector)
            .await
            .is_selected()
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
    }

    /// Clicks what `selector` matches.
    pub async fn click(&self, selector: &str) {
        click(self.element(selector).await, selector).await;
    }

    /// Clicks the button whose text is `label`.
    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space()='{label}']");
        let button = self
            .client
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button « {label} »: {e}"));
        click(button, label).await;
    }

    /// Clicks the link whose text is `text`.
    pub async fn click_link(&self, text: &str) {
        let link = self
            .client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link « {text} »: {e}"));
        click(link, text).await;
    }

    /// Ticks a radio or a checkbox by clicking its label, as a person does.
    pub async fn click_label(&self, input_id: &str) {
        self.click(&format!("label[for='{input_id}']")).await;
    }

    /// Types `text` into the field `selector`.
    pub async fn type_in(&self, selector: &str, text: &str) {
        self.element(selector)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {selector}: {e}"));
    }

    /// Chooses the option of value `value` in the list `selector`.
    pub async fn select(&self, selector: &str, value: &str) {
        self.element(selector)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("{selector}: choose {value}: {e}"));
    }

    /// Picks `file` in the file input `selector`.
    pub async fn choose_file(&self, selector: &str, file: &Path) {
        self.type_in(selector, &file.display().to_string()).await;
    }

    /// Presses and releases one key on whatever has the focus.
    pub async fn press(&self, key: char) {
        let actions = KeyActions::new("clavier".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .expect("key press");
    }

    /// `id`, tag and text of the focused element.
    pub async fn focused(&self) -> (String, String, String) {
        let v = self
            .script(
                "const a = document.activeElement; return [a.id || '', a.tagName, (a.textContent || '').trim()];",
                vec![],
            )
            .await;
        let get = |i: usize| v[i].as_str().unwrap_or("").to_string();
        (get(0), get(1), get(2))
    }

    /// Presses Tab until the focused element satisfies `wanted` (id, text);
    /// fails after 300 presses with the last element reached.
    pub async fn tab_to(&self, what: &str, wanted: impl Fn(&str, &str) -> bool) {
        for _ in 0..300 {
            self.press(fantoccini::key::Key::Tab.into()).await;
            let (id, _, text) = self.focused().await;
            if wanted(&id, &text) {
                return;
            }
        }
        let (id, tag, text) = self.focused().await;
        panic!("Tab never reached {what}; focus ended on <{tag} id={id:?}> « {text} »");
    }

    /// The text shown by `selector` (as rendered: CSS capitals included).
    pub async fn text(&self, selector: &str) -> String {
        self.element(selector)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
    }

    /// The text of `selector` as written, before CSS (the DSFR writes
    /// badges in capitals).
    pub async fn text_content(&self, selector: &str) -> String {
        self.element(selector)
            .await
            .prop("textContent")
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
            .unwrap_or_default()
    }

    /// The current value of the field `selector`.
    pub async fn value(&self, selector: &str) -> String {
        self.element(selector)
            .await
            .prop("value")
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
            .unwrap_or_default()
    }

    pub async fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.element(selector)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
    }

    /// Runs `js` in the page; returns what it returns.
    pub async fn script(&self, js: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(js, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{js}"))
    }

    /// Runs `js`, which calls its last argument with its result.
    pub async fn script_async(&self, js: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(js, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{js}"))
    }

    /// Waits until `selector` matches an element whose text contains
    /// `needle` (`""`: any); returns that text. Fails with what was found.
    pub async fn wait_text(&self, selector: &str, needle: &str) -> String {
        let mut last = String::new();
        let found = within(PATIENCE, async || {
            for element in self.client.find_all(Locator::Css(selector)).await.ok()? {
                if let Ok(text) = element.text().await {
                    if text.contains(needle) {
                        return Some(text);
                    }
                    last = text;
                }
            }
            None
        })
        .await;
        match found {
            Some(text) => text,
            None => {
                let body = self.text("body").await;
                panic!("« {needle} » never appeared in `{selector}` (last text: « {last} »); page text:\n{body}")
            }
        }
    }

    /// Waits until nothing matches `selector`.
    pub async fn wait_gone(&self, selector: &str) {
        until(&format!("{selector} is gone"), async || {
            !self.exists(selector).await
        })
        .await;
    }

    /// Runs `act` and waits until it has replaced the document (a reload,
    /// a form sent): what the page shows next comes from the new one.
    pub async fn replacing_document(&self, act: impl Future<Output = ()>) {
        self.script("window.__documentAvantAction = true;", vec![])
            .await;
        act.await;
        until("a new document", async || {
            // While the new document loads, a script may fail: wait on.
            self.client
                .execute("return window.__documentAvantAction === undefined;", vec![])
                .await
                .is_ok_and(|v| v == json!(true))
        })
        .await;
    }

    /// Waits until the page is still: fonts loaded, no transition or
    /// animation running, two frames painted. For screenshots and layout.
    pub async fn settle(&self) {
        self.script_async(
            r#"const done = arguments[arguments.length - 1];
               document.fonts.ready.then(() => requestAnimationFrame(() => done(true)));"#,
            vec![],
        )
        .await;
        until("transitions and animations are over", async || {
            self.script(
                "return document.getAnimations().filter(a => a.playState === 'running' \
                 && a.effect && a.effect.getComputedTiming().endTime !== Infinity).length === 0;",
                vec![],
            )
            .await
                == json!(true)
        })
        .await;
        self.script_async(
            r#"const done = arguments[arguments.length - 1];
               requestAnimationFrame(() => requestAnimationFrame(() => done(true)));"#,
            vec![],
        )
        .await;
    }

    /// Pixels the page is wider than the window (0: no horizontal scroll).
    pub async fn overflow(&self) -> i64 {
        self.script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .as_i64()
        .expect("a width")
    }

    /// Every URL the page has downloaded so far (Resource Timing), in order.
    pub async fn resource_urls(&self) -> Vec<String> {
        let urls = self
            .script(
                "return performance.getEntriesByType('resource').map(e => e.name)",
                vec![],
            )
            .await;
        serde_json::from_value(urls).expect("a list of URLs")
    }

    /// axe-core's violations on the current page, as readable lines (none:
    /// empty).
    pub async fn axe(&self) -> Vec<String> {
        self.script(axe_source(), vec![]).await;
        let result = self
            .script_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { resultTypes: ['violations'] })
                      .then(r => done(r.violations.map(v => ({
                          id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)
                      }))))
                      .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));"#,
                vec![],
            )
            .await;
        result
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|v: &Value| {
                format!(
                    "{} ({}) : {} — {}",
                    v["id"].as_str().unwrap_or("?"),
                    v["impact"].as_str().unwrap_or("?"),
                    v["help"].as_str().unwrap_or(""),
                    v["nodes"]
                )
            })
            .collect()
    }

    /// Fails with axe-core's violations on the current page, if any.
    pub async fn assert_axe_clean(&self, what: &str) {
        let mut report = Report::default();
        report.axe(self, what).await;
        report.assert_empty();
    }

    /// Prints the page to PDF, as « Imprimer » would; returns its file.
    pub async fn printed_pdf(&self) -> PathBuf {
        self.printed_pdf_oriented(PrintOrientation::Portrait).await
    }

    /// Prints to PDF in landscape, as the print dialog does for a page whose
    /// style asks for it (WebDriver's print sets the paper itself).
    pub async fn printed_pdf_landscape(&self) -> PathBuf {
        self.printed_pdf_oriented(PrintOrientation::Landscape).await
    }

    async fn printed_pdf_oriented(&self, orientation: PrintOrientation) -> PathBuf {
        let pdf = self
            .client
            .print(
                PrintConfiguration::builder()
                    .orientation(orientation)
                    .build()
                    .expect("print settings"),
            )
            .await
            .expect("print to PDF");
        let file = crate::scratch_dir("pdf").join("page.pdf");
        std::fs::write(&file, pdf).expect("write the PDF");
        file
    }

    /// Prints the page to PDF, as « Imprimer » would; returns its text
    /// (pdftotext, Debian's poppler-utils).
    pub async fn printed_text(&self) -> String {
        pdf_text(&self.printed_pdf().await, false)
    }

    /// The browser's day, `YYYY-MM-DD`, in its local time zone.
    pub async fn today(&self) -> String {
        self.script(
            "const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth()+1).padStart(2,'0')}-${String(d.getDate()).padStart(2,'0')}`;",
            vec![],
        )
        .await
        .as_str()
        .expect("a date")
        .to_string()
    }

    /// Runs the DevTools command `cmd` (e.g. `Emulation.setCPUThrottlingRate`)
    /// on the current tab; returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.into(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("DevTools {cmd}: {e}"))
    }
}

/// What is wrong across several pages, each line naming its page, asserted
/// empty at the end: one failure lists every page's problems.
#[derive(Default)]
pub struct Report(Vec<String>);

impl Report {
    /// Records axe-core's violations on `page`'s current page, as `place`.
    pub async fn axe(&mut self, page: &Browser, place: &str) {
        for violation in page.axe().await {
            self.0.push(format!("{place}: {violation}"));
        }
    }

    /// Records one problem found otherwise.
    pub fn note(&mut self, problem: String) {
        self.0.push(problem);
    }

    pub fn assert_empty(self) {
        assert!(self.0.is_empty(), "problems found:\n{}", self.0.join("\n"));
    }
}

async fn click(element: Element, what: &str) {
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {what}: {e}"));
}

/// The text of `pdf` (pdftotext, Debian's poppler-utils); `raw`: in the
/// order it was drawn, so that a table cell's wrapped lines stay together.
pub fn pdf_text(pdf: &Path, raw: bool) -> String {
    let mut command = std::process::Command::new("pdftotext");
    if raw {
        command.arg("-raw");
    }
    let out = command
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils; `make test` installs it)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).expect("UTF-8 from pdftotext")
}

/// Polls `check` until it is true; fails with `what` after `PATIENCE`.
pub async fn until(what: &str, mut check: impl AsyncFnMut() -> bool) {
    let done = within(PATIENCE, async || check().await.then_some(())).await;
    assert!(done.is_some(), "never true: {what}");
}

/// Polls `probe` until it gives something, for at most `patience`.
pub async fn within<T>(patience: Duration, mut probe: impl AsyncFnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + patience;
    loop {
        if let Some(found) = probe().await {
            return Some(found);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Waits for a finished download in `dir` whose name ends with `extension`.
pub async fn downloaded(dir: &Path, extension: &str) -> PathBuf {
    let found = within(PATIENCE, async || {
        std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .find(|path| {
                let name = path.to_string_lossy();
                name.ends_with(extension) && !name.ends_with(".crdownload")
            })
    })
    .await;
    found.unwrap_or_else(|| panic!("no {extension} file downloaded in {}", dir.display()))
}

/// axe-core's script (node_modules, `npm ci`), read once.
fn axe_source() -> &'static str {
    static AXE: OnceLock<String> = OnceLock::new();
    AXE.get_or_init(|| {
        std::fs::read_to_string(crate::repo_root().join("node_modules/axe-core/axe.min.js"))
            .expect("node_modules/axe-core (npm ci)")
    })
}

/// A Chrome DevTools Protocol command, sent through chromedriver's
/// `goog/cdp/execute` endpoint: WebDriver itself has no CPU throttling nor
/// script-before-the-page hook, which the speed measures need.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
