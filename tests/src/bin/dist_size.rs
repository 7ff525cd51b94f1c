//! `make size`: raw, gzip and brotli size of every file of a built `dist/`,
//! and of what the home page loads first.
//!
//! The first load is read from the build itself: `index.html`, everything it
//! references, what the loader imports (JS glue and wasm), the catalogue, and
//! the three Marianne weights the DSFR uses on first paint.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

const FIRST_PAINT_FONTS: [&str; 3] = [
    "dsfr/fonts/Marianne-Regular.woff2",
    "dsfr/fonts/Marianne-Medium.woff2",
    "dsfr/fonts/Marianne-Bold.woff2",
];

#[derive(Default)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl Sizes {
    fn add(&mut self, other: &Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }

    /// One line of the report: `label`, then raw, gzip and brotli sizes.
    fn row(&self, label: &str) -> String {
        format!(
            "{label:<60} {:>12} {:>12} {:>12}",
            kib(self.raw),
            kib(self.gzip),
            kib(self.brotli)
        )
    }
}

fn sizes(bytes: &[u8]) -> Sizes {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("gzip in memory");
    let gzip = gz.finish().expect("gzip in memory").len();
    let mut br = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        writer.write_all(bytes).expect("brotli in memory");
    }
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    }
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Maps a URL found in the build (`/sub/path/app.js?v=1`, `dsfr/x.css`) to
/// a file of `dist`, if it is one.
fn local_file(dist: &Path, url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next()?;
    if url.contains("://") || url.starts_with("data:") || url.is_empty() {
        return None;
    }
    let mut rest = url.trim_start_matches('/');
    loop {
        if !rest.is_empty() && dist.join(rest).is_file() {
            return Some(rest.to_string());
        }
        rest = rest.split_once('/')?.1;
    }
}

/// Every word of `text` that may be a URL: quoted or not (minified HTML
/// drops the quotes it can), and the names in `<meta name="parcours-bundle"
/// content="glue.js app_bg.wasm">`. `local_file` keeps those that are files.
fn references(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "\"'`=<>(),".contains(c))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    if !dist.join("index.html").is_file() {
        eprintln!(
            "{} absent (construisez d'abord avec `make dist`)",
            dist.join("index.html").display()
        );
        std::process::exit(2);
    }

    let mut all = Vec::new();
    files(&dist, &mut all);
    all.sort();
    println!(
        "{:<60} {:>12} {:>12} {:>12}",
        "fichier", "brut", "gzip -9", "brotli 11"
    );
    let mut total = Sizes::default();
    for path in &all {
        let bytes = std::fs::read(path).expect("readable file");
        let s = sizes(&bytes);
        let name = path.strip_prefix(&dist).unwrap().display().to_string();
        println!("{}", s.row(&name));
        total.add(&s);
    }
    println!("{}", total.row("TOTAL dist/"));

    // First load: index.html, what it references, what those reference (the loader).
    let mut first: BTreeSet<String> = BTreeSet::from(["index.html".to_string()]);
    let mut queue: Vec<String> = vec!["index.html".into()];
    while let Some(file) = queue.pop() {
        if !(file.ends_with(".html") || file.ends_with(".js")) {
            continue;
        }
        let text = std::fs::read_to_string(dist.join(&file)).unwrap_or_default();
        for url in references(&text) {
            if let Some(local) = local_file(&dist, &url) {
                // Favicons are not first-load bytes, nor the bundle with the
                // Atelier (the loader starts it on `#/atelier` only).
                let elsewhere = local.contains("favicon") || local.starts_with("parcours-atelier-");
                if !elsewhere && first.insert(local.clone()) {
                    queue.push(local);
                }
            }
        }
    }
    first.insert("content/catalogue.json".into());
    for font in FIRST_PAINT_FONTS {
        first.insert(font.into());
    }
    println!();
    println!("Premier chargement de l'accueil :");
    let mut load = Sizes::default();
    let mut wasm_gzip = 0;
    for file in &first {
        let Ok(bytes) = std::fs::read(dist.join(file)) else {
            continue;
        };
        let s = sizes(&bytes);
        if file.ends_with(".wasm") {
            wasm_gzip += s.gzip;
        }
        println!("{}", s.row(&format!("  {file}")));
        load.add(&s);
    }
    println!("{}", load.row("TOTAL premier chargement"));
    println!("wasm gzip : {}", kib(wasm_gzip));
    // The size bars BENCHMARKS.md records the first load against, so that
    // a report says where it stands.
    println!(
        "objectif premier chargement ≤ 300 KiB gzip : {}",
        versus(load.gzip, 300 * 1024, kib)
    );
    println!(
        "objectif wasm ≤ 250 KB gzip : {}",
        versus(wasm_gzip, 250_000, |n| format!(
            "{:.1} KB",
            n as f64 / 1000.0
        ))
    );
}

fn versus(value: usize, bar: usize, unit: impl Fn(usize) -> String) -> String {
    if value <= bar {
        format!("atteint ({} de marge)", unit(bar - value))
    } else {
        format!("dépassé de {}", unit(value - bar))
    }
}
