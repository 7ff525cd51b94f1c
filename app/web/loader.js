// Parcours TI's loader, a module script of index.html (external: the strict
// CSP allows no inline script). Trunk names it by its hash and writes the
// public bundle's glue and wasm into <meta name="parcours-bundle">
// (Trunk.toml, pattern_script); tools/postbuild.py writes the Atelier's into
// <meta name="parcours-atelier">.

// Paint first, then download: the static page of index.html (Accueil's
// header and first lines) is painted before the wasm and the catalogue
// start to load, so they do not share the network with it. On a slow line
// the page shows ~2 s earlier; Lighthouse's LCP counts that.
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? "";

// The catalogue, preloaded alongside the wasm with the URL and mode of the
// app's own fetch (loader.rs).
const version = meta("parcours-catalogue-version");
if (/^[A-Za-z0-9.-]{1,32}$/.test(version)) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = "content/catalogue.json?v=" + version;
  document.head.append(link);
}

// Which bundle starts: the same rule as `Route::parse` for Route::Workshop
// (app/web/src/route.rs). The wasm download starts before its JavaScript
// glue is imported, so the choice costs no round trip.
const atelier = /^#\/atelier\/*(\?.*)?$/.test(location.hash);
const [js, wasm] = atelier
  ? [meta("parcours-atelier") + ".js", meta("parcours-atelier") + "_bg.wasm"]
  : meta("parcours-bundle").split(" ");
const wasmResponse = fetch(wasm);
const bindings = await import(js);
const instance = await bindings.default({ module_or_path: wasmResponse });

// What Trunk's own loader does once the app has started.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
