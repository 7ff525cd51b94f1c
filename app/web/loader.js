// Parcours TI's loader, a module script of index.html (external: the strict
// CSP allows no inline script). Trunk names it by its hash and writes the
// public bundle's glue and wasm into <meta name="parcours-bundle">
// (Trunk.toml, pattern_script); tools/postbuild.py writes the Atelier's into
// <meta name="parcours-atelier"> and the digest of the catalogue it checked
// into <meta name="parcours-catalogue-digest">.

// Paint first, then download: the static page of index.html (Accueil's
// header and first lines) is painted before the wasm and the catalogue
// start to load, so they do not share the network with it. On a slow line
// the page shows ~2 s earlier; Lighthouse's LCP counts that.
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? "";

// The catalogue, fetched once, alongside the wasm: the app reads this
// response (app/web/src/loader.rs) instead of fetching it again. Its
// version, stamped by the build, busts the caches of an older one.
const version = meta("parcours-catalogue-version");
const catalogue = fetch("content/catalogue.json" + (/^[A-Za-z0-9.-]{1,32}$/.test(version) ? "?v=" + version : ""));
globalThis.parcoursCatalogue = catalogue;
// Read later by the app, or not at all: a failure is the app's to report.
catalogue.catch(() => {});

// Whether the public bundle may read this catalogue: it carries the
// reader but not the validator, the build having validated the catalogue
// whose digest it stamped. Any other body (a file edited on the server
// without a rebuild, a damaged one) goes to the Atelier's bundle, which
// validates it and says in French what is wrong; so does a browser
// without crypto.subtle (insecure contexts). With no body to read (an
// HTTP error, no network), the public bundle reports the failure itself.
async function published() {
  const digest = meta("parcours-catalogue-digest");
  let response;
  try {
    response = await catalogue;
  } catch {
    return true;
  }
  if (!response.ok) return true;
  if (!digest || !globalThis.crypto?.subtle) return false;
  const hash = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  const hex = Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, "0")).join("");
  return hex === digest;
}

// Which bundle starts: the second one (the Atelier and the feuille de
// route) on `#/atelier` and `#/feuille-de-route` (the same rule as
// `Route::in_second_bundle`, app/web/src/route.rs) or for a
// catalogue the build did not check, the public one otherwise. The public
// wasm's download starts before the catalogue is checked, and is abandoned
// if it is not the one.
const atelier = [meta("parcours-atelier") + ".js", meta("parcours-atelier") + "_bg.wasm"];
const start = (js, wasm, signal) => ({ wasm: fetch(wasm, { signal }), bindings: import(js) });
let bundle;
if (/^#\/(atelier|feuille-de-route)\/*(\?.*)?$/.test(location.hash)) {
  bundle = start(...atelier);
} else {
  const abandon = new AbortController();
  bundle = start(...meta("parcours-bundle").split(" "), abandon.signal);
  if (!(await published())) {
    abandon.abort();
    bundle.wasm.catch(() => {});
    bundle = start(...atelier);
  }
}
const bindings = await bundle.bindings;
const instance = await bindings.default({ module_or_path: bundle.wasm });

// What Trunk's own loader does once the app has started.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
