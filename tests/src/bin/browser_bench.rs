//! `make bench`, browser half: how fast the release build feels in headless
//! Chromium with the CPU slowed 4× through DevTools (roughly a mid-range
//! phone), served with gzip under its sub-path and the strict CSP. Printed,
//! never asserted: the figures depend on the machine and on its load.
//!
//! Usage: `browser-bench <dist>` (`PARCOURS_PUBLIC_URL`, default
//! `/parcours/ti/`; `BENCH_RUNS`, default 7).

use std::path::PathBuf;

use parcours_e2e::browser::{setup, Browser};
use parcours_e2e::server::{Options, Overrides, StaticServer};
use parcours_e2e::{catalogue, full_answers, public_url};
use serde_json::{json, Value};

const THROTTLE: f64 = 4.0;
/// Lighthouse's mobile viewport, so that both tools look at the same layout.
const WIDTH: u32 = 412;
const HEIGHT: u32 = 823;

/// Installed before the page's own scripts (DevTools
/// `Page.addScriptToEvaluateOnNewDocument`, which the CSP does not block):
/// records paint entries and the moment the app's home actions exist, then
/// the next frame after it (rAF then a task: the frame has been painted).
const PROBE: &str = r#"(() => {
  const b = window.__bench = { fcp: null, lcp: null, app: null, appPaint: null };
  new PerformanceObserver(l => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver(l => {
    for (const e of l.getEntries()) b.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const ready = () => document.querySelector('#actions-accueil a') !== null;
  const seen = () => {
    if (b.app !== null || !ready()) return;
    b.app = performance.now();
    requestAnimationFrame(() => setTimeout(() => { b.appPaint = performance.now(); }, 0));
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();"#;

/// Clicks `arguments[0]` and resolves with the milliseconds until the
/// heading matches `arguments[1]` (and `arguments[2]` cards exist when not
/// null): `dom` when the change is in the document, `paint` one frame later.
const CLICK_AND_TIME: &str = r#"
const [button, needle, cards, done] = arguments;
let t0 = 0, tDom = null;
const ok = () => {
  const h = document.querySelector('main h1');
  return h !== null && h.textContent.includes(needle)
    && (cards === null || document.querySelectorAll('article.parcours-card').length === cards);
};
const check = () => {
  if (tDom !== null || !ok()) return;
  tDom = performance.now();
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => done({ dom: tDom - t0, paint: performance.now() - t0 }), 0));
};
const observer = new MutationObserver(check);
observer.observe(document, { childList: true, subtree: true, characterData: true });
setTimeout(() => { if (tDom === null) { observer.disconnect(); done(null); } }, 20000);
t0 = performance.now();
document.querySelector(button).click();
check();
"#;

/// A fixed amount of JavaScript work, to check that throttling is applied.
const SPIN: &str = "const t = performance.now(); let x = 0; \
for (let i = 0; i < 3e6; i++) x += Math.sqrt(i); return [performance.now() - t, x];";

const RESOURCES: &str = r#"
return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
  .map(e => [e.name, e.transferSize, e.encodedBodySize, e.decodedBodySize]);"#;

#[derive(Default)]
struct Series {
    label: String,
    values: Vec<f64>,
}

impl Series {
    fn new(label: &str) -> Series {
        Series {
            label: label.into(),
            values: Vec::new(),
        }
    }

    fn row(&self) -> String {
        let mut v = self.values.clone();
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            return format!("| {} | — | — | — |", self.label);
        }
        // The median of an even count is the mean of the two middle values.
        let mid = v.len() / 2;
        let median = if v.len() % 2 == 1 {
            v[mid]
        } else {
            (v[mid - 1] + v[mid]) / 2.0
        };
        format!(
            "| {} | {:.0} | {:.0} | {:.0} |",
            self.label,
            median,
            v[0],
            v[v.len() - 1]
        )
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dist = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: browser-bench <dist> (make bench builds it)"),
    );
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html",
        dist.display()
    );
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(7);
    let server = StaticServer::start_with(
        &dist,
        &public_url(),
        Overrides::new(),
        Options { gzip: true },
    );
    // Discarded: fills the server's gzip cache and the system's file cache.
    cold_load(&server).await;

    let mut fcp = Series::new("Accueil : premier contenu affiché (FCP)");
    let mut lcp = Series::new("Accueil : plus grand contenu affiché (LCP)");
    let mut app = Series::new("Accueil : application affichée (« Commencer le diagnostic »)");
    let mut slowdown = Vec::new();
    let mut transfer = None;
    for _ in 0..runs {
        let load = cold_load(&server).await;
        fcp.values.push(load.fcp);
        lcp.values.push(load.lcp);
        app.values.push(load.app_paint);
        slowdown.push(load.slowdown);
        transfer.get_or_insert(load.resources);
    }

    let answers = full_answers(catalogue());
    let cards = parcours_e2e::pathway(&answers).module_count();
    let mut pathway_dom = Series::new("« Voir mon parcours » → parcours dans le DOM");
    let mut pathway = Series::new(&format!(
        "« Voir mon parcours » → parcours affiché ({cards} modules)"
    ));
    let mut step_dom = Series::new("« Suivant » → étape suivante dans le DOM");
    let mut step = Series::new("« Suivant » → étape suivante affichée (Foncier → Compétences)");
    let page = setup().on(&server).size(WIDTH, HEIGHT).start().await;
    page.open_with_answers(&answers, "").await;
    for _ in 0..runs {
        let (dom, paint) = click_and_time(
            &page,
            "#/diagnostic/gouvernance",
            "Voir mon parcours",
            "Votre parcours",
            Some(cards),
        )
        .await;
        pathway_dom.values.push(dom);
        pathway.values.push(paint);
        let (dom, paint) = click_and_time(
            &page,
            "#/diagnostic/foncier",
            "Suivant",
            "Thème 2 sur",
            None,
        )
        .await;
        step_dom.values.push(dom);
        step.values.push(paint);
    }
    drop(page);

    // The browser the sessions start (same variable, same default).
    let chromium = std::process::Command::new(
        std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    )
    .arg("--version")
    .output()
    .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    .unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!();
    println!("## Vitesse dans le navigateur (ms, {runs} mesures)");
    println!();
    println!(
        "{chromium} headless, CPU ralenti ×{THROTTLE} (DevTools), fenêtre {WIDTH}×{HEIGHT}, \
         gzip, sous {}, profil vierge à chaque chargement.",
        public_url()
    );
    println!(
        "Ralentissement CPU vérifié (même script avant / après) : ×{:.1} (médiane) ; charge de la machine : {}",
        median(&mut slowdown),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!();
    println!("| mesure | médiane | min | max |");
    println!("|---|---:|---:|---:|");
    for series in [&fcp, &lcp, &app, &pathway_dom, &pathway, &step_dom, &step] {
        println!("{}", series.row());
    }
    println!();
    println!("Temps depuis le début de la navigation pour l'accueil ; depuis le clic pour les deux autres.");
    if let Some(resources) = transfer {
        print_transfer(&resources, &public_url());
    }
}

struct ColdLoad {
    fcp: f64,
    lcp: f64,
    app_paint: f64,
    /// The same script's time after the load over before throttling: checks
    /// that the throttling survived the navigation to the app's origin.
    slowdown: f64,
    resources: Vec<Value>,
}

/// Accueil in a new session (an empty profile: empty cache, no service
/// worker), throttled from before the navigation.
async fn cold_load(server: &StaticServer) -> ColdLoad {
    let page = setup().on(server).size(WIDTH, HEIGHT).start().await;
    let before = spin(&page).await.min(spin(&page).await);
    throttle(&page).await;
    page.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PROBE }),
    )
    .await;
    page.visit("").await;
    // Until the app has painted, then one more second for the last LCP candidate.
    let result = page
        .script_async(
            r#"const done = arguments[0];
               const started = performance.now();
               const poll = () => {
                 const b = window.__bench;
                 if (!b) return done(null);
                 if (b.appPaint !== null && b.fcp !== null) return setTimeout(() => done(b), 1000);
                 if (performance.now() - started > 30000) return done(b);
                 setTimeout(poll, 50);
               };
               poll();"#,
            vec![],
        )
        .await;
    assert!(
        !result.is_null(),
        "the probe script did not run in the page (DevTools addScriptToEvaluateOnNewDocument)"
    );
    let get = |key: &str| {
        result[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} never recorded: {result}"))
    };
    let resources = page
        .script(RESOURCES, vec![])
        .await
        .as_array()
        .cloned()
        .unwrap_or_default();
    let after = spin(&page).await;
    ColdLoad {
        fcp: get("fcp"),
        lcp: get("lcp"),
        app_paint: get("appPaint"),
        slowdown: after / before,
        resources,
    }
}

async fn throttle(page: &Browser) {
    page.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": THROTTLE }),
    )
    .await;
}

async fn spin(page: &Browser) -> f64 {
    let v = page.script(SPIN, vec![]).await;
    v[0].as_f64().expect("spin time")
}

/// Opens `route` as a new document, waits for its button `label`, then
/// times the click up to the heading containing `needle` (dom, painted).
async fn click_and_time(
    page: &Browser,
    route: &str,
    label: &str,
    needle: &str,
    cards: Option<usize>,
) -> (f64, f64) {
    // A new document each time: every run starts from the same state.
    page.open(route).await;
    throttle(page).await;
    page.wait_next_reads(label).await;
    // Let the page settle (fonts, catalogue, first frames) before the click.
    page.settle().await;
    let result = page
        .script_async(
            CLICK_AND_TIME,
            vec![json!("#bouton-suivant"), json!(needle), json!(cards)],
        )
        .await;
    assert!(
        !result.is_null(),
        "« {needle} » never appeared after clicking « {label} » on {route}"
    );
    (
        result["dom"].as_f64().unwrap(),
        result["paint"].as_f64().unwrap(),
    )
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// What the home page's load brought over the network, per file.
fn print_transfer(resources: &[Value], prefix: &str) {
    println!();
    println!("### Premier chargement de l'accueil (Resource Timing, 1er chargement mesuré)");
    println!();
    println!("| fichier | transféré (Kio) | corps compressé (Kio) | décompressé (Kio) |");
    println!("|---|---:|---:|---:|");
    let kib = |v: &Value| v.as_f64().unwrap_or(0.0) / 1024.0;
    let mut totals = [0.0; 3];
    for r in resources {
        let name = r[0].as_str().unwrap_or("?");
        let short = name
            .split_once(prefix)
            .map(|(_, rest)| rest)
            .unwrap_or(name);
        let short = if short.is_empty() {
            "index.html"
        } else {
            short
        };
        let sizes = [kib(&r[1]), kib(&r[2]), kib(&r[3])];
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
        println!(
            "| {short} | {:.1} | {:.1} | {:.1} |",
            sizes[0], sizes[1], sizes[2]
        );
    }
    println!(
        "| **total ({} fichiers)** | **{:.1}** | **{:.1}** | **{:.1}** |",
        resources.len(),
        totals[0],
        totals[1],
        totals[2]
    );
    println!();
    println!(
        "« Transféré » compte les en-têtes HTTP ; le service worker précharge ensuite le reste \
         du site en arrière-plan (non compté ici)."
    );
}
