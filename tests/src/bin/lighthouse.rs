//! `make lighthouse`: Lighthouse (npm, `tools/lighthouse`) with Debian's
//! Chromium, mobile (its default: simulated slow 4G and 4× CPU), on Accueil
//! and on a pathway opened from a share link, against the release build
//! served with gzip under its sub-path and the strict CSP. Prints the scores
//! and metrics; the JSON and HTML reports go to the output folder.
//!
//! Usage: `lighthouse <dist> <out>` with `LIGHTHOUSE` the CLI to run
//! (`PARCOURS_PUBLIC_URL`, default `/parcours/ti/`; `CHROME_PATH`, default
//! `/usr/bin/chromium`; `LIGHTHOUSE_RUNS` per page, default 3).

use std::path::{Path, PathBuf};
use std::process::Command;

use parcours_e2e::server::{Options, Overrides, StaticServer};
use parcours_e2e::{catalogue, full_answers, public_url};
use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: lighthouse <dist> <out> (make lighthouse)";
    let dist = PathBuf::from(args.next().expect(usage));
    let out = PathBuf::from(args.next().expect(usage));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html",
        dist.display()
    );
    let cli =
        std::env::var("LIGHTHOUSE").expect("LIGHTHOUSE: the lighthouse CLI (make lighthouse)");
    std::fs::create_dir_all(&out).expect("create the report folder");

    let server = StaticServer::start_with(
        &dist,
        &public_url(),
        Overrides::new(),
        Options { gzip: true },
    );
    let code = parcours_core::share::encode(&catalogue().version, &full_answers(catalogue()));
    let pages = [
        ("accueil", "Accueil", server.url("")),
        (
            "parcours",
            "Parcours (lien de partage)",
            server.url(&format!("#/parcours?r={code}")),
        ),
    ];

    let runs: usize = std::env::var("LIGHTHOUSE_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3);
    let mut rows = Vec::new();
    let mut versions = String::new();
    let mut notes = Vec::new();
    for (file, name, url) in &pages {
        // One run varies a lot (CLS, TBT) on a shared machine: keep the
        // median run by performance score, as Lighthouse's docs advise.
        let mut reports: Vec<(f64, PathBuf, Value)> = (1..=runs)
            .map(|i| {
                let base = out.join(format!("{file}-{i}"));
                run_lighthouse(&cli, url, &base);
                let report = read_report(&base, url);
                let score = report["categories"]["performance"]["score"]
                    .as_f64()
                    .unwrap_or(0.0);
                (score, base, report)
            })
            .collect();
        let scores: Vec<String> = reports
            .iter()
            .map(|(s, _, _)| format!("{:.0}", s * 100.0))
            .collect();
        reports.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (_, base, report) = &reports[reports.len() / 2];
        for ext in ["json", "html"] {
            let from = base.with_extension(format!("report.{ext}"));
            let to = out.join(format!("{file}.report.{ext}"));
            std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
        }
        versions = format!(
            "Lighthouse {}, {}",
            report["lighthouseVersion"].as_str().unwrap_or("?"),
            report["environment"]["hostUserAgent"]
                .as_str()
                .unwrap_or("?")
        );
        // Lighthouse's own CPU estimate: a loaded machine scores lower.
        notes.push(format!(
            "{name} : scores des {runs} passages {} ; indice CPU de Lighthouse (benchmarkIndex) du passage médian {}",
            scores.join(", "),
            report["environment"]["benchmarkIndex"]
        ));
        for warning in report["runWarnings"].as_array().into_iter().flatten() {
            notes.push(format!(
                "{name} : avertissement : {}",
                warning.as_str().unwrap_or("?")
            ));
        }
        rows.push(row(name, report));
    }

    println!();
    println!("## Lighthouse, mobile (simulé : 4G lente, CPU ×4), passage médian sur {runs}");
    println!();
    println!("{versions}");
    println!("Servi avec gzip sous {}.", public_url());
    println!();
    println!("| page | performance | accessibilité | FCP (ms) | LCP (ms) | TBT (ms) | CLS | Speed Index (ms) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        println!("{r}");
    }
    println!();
    for note in notes {
        println!("{note}");
    }
    println!(
        "Rapports du passage médian : {}/{{accueil,parcours}}.report.{{html,json}} (tous : *-N.report.*)",
        out.display()
    );
}

fn read_report(base: &Path, url: &str) -> Value {
    let path = base.with_extension("report.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let report: Value = serde_json::from_str(&text).expect("a Lighthouse JSON report");
    if let Some(error) = report["runtimeError"]["message"].as_str() {
        panic!("Lighthouse failed on {url}: {error}");
    }
    report
}

fn run_lighthouse(cli: &str, url: &str, base: &Path) {
    let chrome = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let status = Command::new(cli)
        .arg(url)
        .args([
            "--quiet",
            "--only-categories=performance,accessibility",
            "--output=json",
            "--output=html",
            // No `--headless=old`: Chromium 156 only has the new one.
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
             --no-first-run --disable-background-networking --disable-component-update \
             --disable-sync --disable-extensions --lang=fr-FR",
        ])
        .arg(format!("--output-path={}", base.display()))
        .env("CHROME_PATH", chrome)
        .status()
        .unwrap_or_else(|e| panic!("{cli}: {e} (make lighthouse installs it)"));
    assert!(status.success(), "Lighthouse failed on {url}");
}

fn row(name: &str, report: &Value) -> String {
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .map(|s| format!("{:.0}", s * 100.0))
            .unwrap_or_else(|| "—".into())
    };
    let metric = |audit: &str, digits: usize| {
        report["audits"][audit]["numericValue"]
            .as_f64()
            .map(|v| format!("{v:.digits$}"))
            .unwrap_or_else(|| "—".into())
    };
    format!(
        "| {name} | {} | {} | {} | {} | {} | {} | {} |",
        score("performance"),
        score("accessibility"),
        metric("first-contentful-paint", 0),
        metric("largest-contentful-paint", 0),
        metric("total-blocking-time", 0),
        metric("cumulative-layout-shift", 3),
        metric("speed-index", 0),
    )
}
