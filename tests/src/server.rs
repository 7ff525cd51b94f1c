//! A plain static file server for the end-to-end tests: serves one folder
//! under a sub-path, with no rewrite rule (an unknown path is a 404), and
//! the strict Content-Security-Policy the README recommends, so that every
//! test also proves the app runs under it. It records each request so tests
//! can assert that nothing was missing. Optionally it compresses with gzip,
//! as the README's recommended configuration does, for the speed measures.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use flate2::write::GzEncoder;
use flate2::Compression;

/// The policy the README recommends to the site's web team.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub path: String,
    pub status: u16,
}

pub struct StaticServer {
    pub port: u16,
    pub prefix: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    overrides: Arc<Mutex<Overrides>>,
    offline: Arc<AtomicBool>,
}

/// How the server answers, beyond the files themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// `Content-Encoding: gzip` for text, JSON and wasm when the browser
    /// accepts it, like a production host; the tests keep raw bodies.
    pub gzip: bool,
}

/// A replacement body for one path, or `None` to answer 404 for it.
pub type Overrides = HashMap<String, Option<Vec<u8>>>;

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>` (prefix like `/a/b/`).
    pub fn start(root: &Path, prefix: &str, overrides: Overrides) -> StaticServer {
        StaticServer::start_with(root, prefix, overrides, Options::default())
    }

    /// Like `start`, with `options`.
    pub fn start_with(
        root: &Path,
        prefix: &str,
        overrides: Overrides,
        options: Options,
    ) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().unwrap().port();
        let hits = Arc::new(Mutex::new(Vec::new()));
        let overrides = Arc::new(Mutex::new(overrides));
        let offline = Arc::new(AtomicBool::new(false));
        let gzip_cache: Arc<GzipCache> = Arc::default();
        let state = Arc::new((root.to_path_buf(), prefix.to_string(), options));
        let (recorded, shared, cut) = (hits.clone(), overrides.clone(), offline.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if cut.load(Ordering::SeqCst) {
                    // As if the network were down: no answer at all.
                    drop(stream);
                    continue;
                }
                let state = state.clone();
                let recorded = recorded.clone();
                let gzip_cache = gzip_cache.clone();
                let overrides = shared.lock().unwrap().clone();
                thread::spawn(move || {
                    let (root, prefix, options) = &*state;
                    let served = Served {
                        overrides: &overrides,
                        hits: &recorded,
                        gzip_cache: &gzip_cache,
                    };
                    let _ = serve(stream, root, prefix, *options, served);
                });
            }
        });
        StaticServer {
            port,
            prefix: prefix.to_string(),
            hits,
            overrides,
            offline,
        }
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// URL of the app, with an optional fragment route (`#/a-propos`).
    pub fn url(&self, fragment: &str) -> String {
        format!("{}{}{}", self.origin(), self.prefix, fragment)
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    pub fn clear_hits(&self) {
        self.hits.lock().unwrap().clear();
    }

    /// Simulates a cut network (`true`) or restores it.
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// Serves `body` (or a 404 for `None`) at `path` from now on.
    pub fn set_override(&self, path: &str, body: Option<Vec<u8>>) {
        self.overrides
            .lock()
            .unwrap()
            .insert(path.to_string(), body);
    }
}

/// What one request reads and records, shared with the server.
struct Served<'a> {
    overrides: &'a Overrides,
    hits: &'a Mutex<Vec<Hit>>,
    gzip_cache: &'a GzipCache,
}

fn serve(
    stream: TcpStream,
    root: &Path,
    prefix: &str,
    options: Options,
    served: Served,
) -> std::io::Result<()> {
    let Served {
        overrides,
        hits,
        gzip_cache,
    } = served;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; only Accept-Encoding matters, and only with gzip on.
    let mut accepts_gzip = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("accept-encoding:") {
            accepts_gzip = value.split(',').any(|v| v.trim().starts_with("gzip"));
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let (status, body, content_type) = if method != "GET" && method != "HEAD" {
        (405, b"405".to_vec(), "text/plain")
    } else {
        resolve(root, prefix, overrides, &path)
    };
    hits.lock().unwrap().push(Hit {
        path: path.clone(),
        status,
    });
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let (body, encoding) = if options.gzip && accepts_gzip && compressible(content_type) {
        (
            gzip(&body, gzip_cache)?,
            "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
        )
    } else {
        (body, "")
    };
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {encoding}Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        out.write_all(&body)?;
    }
    out.flush()
}

fn resolve(
    root: &Path,
    prefix: &str,
    overrides: &Overrides,
    path: &str,
) -> (u16, Vec<u8>, &'static str) {
    let not_found = (404, b"404 Not Found".to_vec(), "text/plain; charset=utf-8");
    let Some(rest) = path.strip_prefix(prefix) else {
        return not_found;
    };
    let rest = if rest.is_empty() { "index.html" } else { rest };
    if let Some(replacement) = overrides.get(rest) {
        return match replacement {
            Some(body) => (200, body.clone(), content_type(rest)),
            None => not_found,
        };
    }
    let mut file = PathBuf::from(root);
    for component in Path::new(rest).components() {
        match component {
            Component::Normal(part) => file.push(part),
            _ => return not_found,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => (200, body, content_type(rest)),
        Err(_) => not_found,
    }
}

/// What nginx's `gzip_types` in the README lists (fonts and images are
/// already compressed).
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("image/svg+xml")
}

/// Compressed once per distinct body (level 6, a common production
/// setting): compressing the wasm on every request would add tens of
/// milliseconds of server time to what the measures attribute to the app.
fn gzip(body: &[u8], cache: &GzipCache) -> std::io::Result<Vec<u8>> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    let key = hasher.finish();
    if let Some(done) = cache.lock().unwrap().get(&key) {
        return Ok(done.clone());
    }
    let mut encoder = GzEncoder::new(Vec::with_capacity(body.len() / 3), Compression::new(6));
    encoder.write_all(body)?;
    let done = encoder.finish()?;
    cache.lock().unwrap().insert(key, done.clone());
    Ok(done)
}

type GzipCache = Mutex<HashMap<u64, Vec<u8>>>;

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "woff2" => "font/woff2",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}
