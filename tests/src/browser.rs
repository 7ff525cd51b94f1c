//! Headless Debian Chromium driven through its own chromedriver.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    /// Starts chromedriver on a free loopback port and waits until it answers.
    pub fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let child = Command::new(chromedriver_path())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (`make test` installs Debian's chromium-driver)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }

    /// A fresh browser session (its own empty profile).
    pub async fn session(&self, width: u32, height: u32) -> Client {
        self.session_with(width, height, json!({})).await
    }

    /// A fresh session whose downloads land in `downloads`, without asking.
    pub async fn session_with_downloads(
        &self,
        width: u32,
        height: u32,
        downloads: &std::path::Path,
    ) -> Client {
        let prefs = json!({
            "download.default_directory": downloads.display().to_string(),
            "download.prompt_for_download": false,
            "download.directory_upgrade": true,
        });
        self.session_with(width, height, prefs).await
    }

    /// A fresh session whose Chromium preferences include `prefs` (e.g. to
    /// block site data, which makes `localStorage` throw).
    pub async fn session_with(&self, width: u32, height: u32, prefs: Value) -> Client {
        let profile = fresh_profile_dir();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium_path(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--lang=fr-FR",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": prefs,
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a Chromium session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An empty Chromium profile folder, unique to this session.
fn fresh_profile_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "parcours-e2e-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a Chromium profile folder");
    dir
}

fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

fn chromedriver_path() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
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

/// Runs the DevTools command `cmd` (e.g. `Emulation.setCPUThrottlingRate`)
/// on the session's current tab; returns its result.
pub async fn cdp(client: &Client, cmd: &str, params: Value) -> Value {
    client
        .issue_cmd(Cdp {
            cmd: cmd.into(),
            params,
        })
        .await
        .unwrap_or_else(|e| panic!("DevTools {cmd}: {e}"))
}

/// Every URL the page has downloaded so far (Resource Timing), in order.
pub async fn resource_urls(client: &Client) -> Vec<String> {
    let urls = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name)",
            vec![],
        )
        .await
        .expect("Resource Timing");
    serde_json::from_value(urls).expect("a list of URLs")
}

/// Waits until `selector` matches an element whose text contains `needle`;
/// returns that text. Fails with what was found instead.
pub async fn wait_for_text(client: &Client, selector: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut last = String::new();
    loop {
        if let Ok(elements) = client.find_all(Locator::Css(selector)).await {
            for element in elements {
                if let Ok(text) = element.text().await {
                    if text.contains(needle) {
                        return text;
                    }
                    last = text;
                }
            }
        }
        if Instant::now() > deadline {
            let body = client.find(Locator::Css("body")).await.ok();
            let body = match body {
                Some(b) => b.text().await.unwrap_or_default(),
                None => String::new(),
            };
            panic!("« {needle} » never appeared in `{selector}` (last text: « {last} »); page text:\n{body}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Runs axe-core (from node_modules) on the current page and returns its
/// violations as readable lines (empty when there are none).
pub async fn axe_violations(client: &Client, axe_source: &str) -> Vec<String> {
    client
        .execute(axe_source, vec![])
        .await
        .expect("inject axe-core");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)
                  }))))
                  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));"#,
            vec![],
        )
        .await
        .expect("run axe-core");
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

/// Presses and releases one key on whatever has the focus, as a person would.
pub async fn press(client: &Client, key: char) {
    let actions = KeyActions::new("clavier".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    client.perform_actions(actions).await.expect("key press");
}

/// `id`, tag and text of the focused element.
pub async fn focused(client: &Client) -> (String, String, String) {
    let v = client
        .execute(
            "const a = document.activeElement; return [a.id || '', a.tagName, (a.textContent || '').trim()];",
            vec![],
        )
        .await
        .expect("read the focus");
    let get = |i: usize| v[i].as_str().unwrap_or("").to_string();
    (get(0), get(1), get(2))
}

/// Presses Tab until the focused element satisfies `wanted` (id, text);
/// fails after 300 presses with the last element reached.
pub async fn tab_to(client: &Client, what: &str, wanted: impl Fn(&str, &str) -> bool) {
    for _ in 0..300 {
        press(client, fantoccini::key::Key::Tab.into()).await;
        let (id, _, text) = focused(client).await;
        if wanted(&id, &text) {
            return;
        }
    }
    let (id, tag, text) = focused(client).await;
    panic!("Tab never reached {what}; focus ended on <{tag} id={id:?}> « {text} »");
}

/// Clicks the label of an input, as a person ticks a radio or a checkbox.
pub async fn click_label(client: &Client, input_id: &str) {
    client
        .find(Locator::Css(&format!("label[for='{input_id}']")))
        .await
        .unwrap_or_else(|_| panic!("label for {input_id} missing"))
        .click()
        .await
        .unwrap();
}

pub async fn is_checked(client: &Client, id: &str) -> bool {
    client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|_| panic!("#{id} missing"))
        .is_selected()
        .await
        .unwrap()
}

pub async fn is_displayed(client: &Client, id: &str) -> bool {
    match client.find(Locator::Id(id)).await {
        Ok(e) => e.is_displayed().await.unwrap_or(false),
        Err(_) => false,
    }
}

/// Polls `check` for up to 5 seconds.
pub async fn eventually(what: &str, mut check: impl AsyncFnMut() -> bool) {
    for _ in 0..100 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never true: {what}");
}

/// Puts answers in the browser's storage as the app saves them, then opens
/// `route` as a new document.
pub async fn open_with_answers(
    client: &Client,
    server: &crate::server::StaticServer,
    answers: &parcours_core::Answers,
    route: &str,
) {
    let saved = json!({
        "format": 1,
        "catalogue_version": crate::catalogue().version,
        "answers": answers,
    });
    open_with_saved(client, server, &saved.to_string(), route).await;
}

/// Puts `saved` in the browser's storage under the app's key, then opens
/// `route` as a new document so that the app starts again and reads it.
pub async fn open_with_saved(
    client: &Client,
    server: &crate::server::StaticServer,
    saved: &str,
    route: &str,
) {
    client.goto(&server.url("")).await.unwrap();
    wait_for_text(client, "main h1", "").await;
    client
        .execute(
            "localStorage.setItem('parcours-ti:reponses', arguments[0]);",
            vec![json!(saved)],
        )
        .await
        .unwrap();
    client.goto("about:blank").await.unwrap();
    client.goto(&server.url(route)).await.unwrap();
}
