#!/usr/bin/env python3
"""Trunk post-build hook: finishes the static site in Trunk's staging folder.

1. DSFR: only the core and the components the app uses, concatenated in one
   stylesheet and trimmed to the rules the app can match (css_purge.py),
   with the fonts and icons it references (relative paths kept, so `dist/`
   works under any sub-path).
2. Catalogue version: stamped into index.html, so the app can fetch
   `content/catalogue.json?v=<version>` (cache-buster) without being rebuilt
   when only the content changes.
3. Strict CSP: Trunk writes an inline `<script type="module">` loader (with a
   static nonce); `script-src 'self'` blocks it. The loader is moved to a
   hashed file and referenced by `src`.
4. Open data: `content/dispositifs-aide.csv`, the catalogue's offers in the
   national schema etalab/schema-dispositif-aide, written by the
   `catalogue export` command (linked from « À propos »).

Needs fontTools and brotli (Debian's python3-fonttools and python3-brotli,
installed by the Makefile) for the font subsets; the rest is the standard
library.
"""

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path


def _python_with_fonttools():
    """pyenv's python3 may come first on PATH, without Debian's modules:
    run again under the system python, which has them."""
    try:
        import fontTools  # noqa: F401
        import brotli  # noqa: F401
        return
    except ImportError:
        system = "/usr/bin/python3"
        if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system):
            os.execv(system, [system] + sys.argv)
        fail(
            "fontTools ou brotli manque pour réduire les polices : "
            "lancez `make dist` (il installe python3-fonttools et python3-brotli)."
        )


sys.path.insert(0, str(Path(__file__).resolve().parent))
import css_purge  # noqa: E402

# Components used by the app (order matters little; core comes first).
DSFR_COMPONENTS = [
    "skiplink", "logo", "header", "navigation", "footer", "button", "link",
    "card", "tag", "badge", "callout", "notice", "alert", "stepper", "radio",
    "checkbox", "form", "input", "select", "breadcrumb", "accordion",
    "summary", "segmented", "search", "content", "highlight", "download",
    "upload", "tile", "table", "toggle", "modal",
]


def fail(message):
    print(f"postbuild: {message}", file=sys.stderr)
    sys.exit(1)


def source_dir():
    return Path(os.environ.get("TRUNK_SOURCE_DIR") or Path(__file__).resolve().parent.parent)


# What a user may type (ASCII, French letters and punctuation), beside the
# characters of the app and its catalogue. The rest of Latin-1 (¤, Ð, ñ …)
# is in neither: a system font draws it, should it ever appear.
FONT_BASE = set(range(0x20, 0x7F)) | {ord(c) for c in (
    "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»‘’“”–—…€°\u00a0\u202f"
)}

# OpenType features kept: kerning, ligatures, and what composes accents.
# Marianne's others (fractions, ordinals, alternates) are never asked for
# by the DSFR and weigh a fifth of each file.
FONT_FEATURES = ["kern", "liga", "locl", "ccmp", "mark", "mkmk"]


def subset_fonts(src: Path, sources: str, fonts, out: Path):
    """Marianne holds ~600 characters (58 KB a weight); the app and its
    catalogue use ~150 (10 KB). A character outside the subset (say, in a
    catalogue previewed in the Atelier) falls back to the system font.
    Subsets are cached in target/ by content: a rebuild costs nothing."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    text = sources + (src / "content" / "catalogue.json").read_text(encoding="utf-8")
    unicodes = sorted(FONT_BASE | {ord(c) for c in text if ord(c) >= 0x20})
    cache = src / "target" / "font-subsets"
    cache.mkdir(parents=True, exist_ok=True)
    for font in fonts:
        data = font.read_bytes()
        key = hashlib.sha256(data + repr((unicodes, FONT_FEATURES)).encode()).hexdigest()[:20]
        cached = cache / f"{font.stem}-{key}.woff2"
        if not cached.exists():
            options = subset.Options()
            options.flavor = "woff2"
            # Hinting only matters to old Windows rasterisers; it is a
            # third of the file.
            options.hinting = False
            options.desubroutinize = True
            options.layout_features = FONT_FEATURES
            face = TTFont(font)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes)
            subsetter.subset(face)
            face.flavor = "woff2"
            tmp = cached.with_suffix(".tmp")
            face.save(tmp)
            tmp.replace(cached)
        shutil.copy2(cached, out / font.name)


def app_sources(src: Path):
    """Every text that can name a DSFR class or read a DSFR variable."""
    paths = sorted((src / "app" / "web" / "src").rglob("*.rs"))
    paths += [src / "index.html", src / "app" / "web" / "shell.js"]
    paths += sorted((src / "style").glob("*.css"))
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def vendor_dsfr(src: Path, staging: Path):
    dsfr = src / "node_modules" / "@gouvfr" / "dsfr" / "dist"
    if not dsfr.is_dir():
        fail(f"{dsfr} manque : lancez `npm ci` (le Makefile le fait).")
    version = json.loads((dsfr.parent / "package.json").read_text())["version"]
    parts = [dsfr / "core" / "core.min.css"]
    parts += [dsfr / "component" / c / f"{c}.min.css" for c in DSFR_COMPONENTS]
    css = []
    for part in parts:
        text = part.read_text(encoding="utf-8")
        # Components sit one folder deeper than core; in the single file
        # (dsfr/css/) both resolve like core does.
        text = text.replace("url(../../icons/", "url(../icons/")
        css.append(text)
    out = staging / "dsfr"
    if out.exists():
        shutil.rmtree(out)
    (out / "css").mkdir(parents=True)
    bundle = "\n".join(css)
    # The whole bundle is kept beside the build (not in it) for the test
    # that renders every page with both and compares the pixels.
    whole = src / "target" / "dsfr-untrimmed.min.css"
    whole.parent.mkdir(exist_ok=True)
    whole.write_text(bundle, encoding="utf-8")
    sources = app_sources(src)
    bundle = css_purge.trim(bundle, sources)
    (out / "css" / "dsfr.min.css").write_text(bundle, encoding="utf-8")

    # Only woff2: every browser that runs WebAssembly reads it, and the
    # woff fallbacks listed after it are then never requested.
    (out / "fonts").mkdir()
    faces = set(re.findall(r"url\(\.\./fonts/([^)\"']+\.woff2)\)", bundle))
    subset_fonts(src, sources, sorted(dsfr / "fonts" / f for f in faces), out / "fonts")
    for rel in sorted(set(re.findall(r"url\(\.\./icons/([^)\"']+)\)", bundle))):
        target = out / "icons" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(dsfr / "icons" / rel, target)
    (out / "favicon").mkdir()
    for name in ("favicon.svg", "favicon.ico", "apple-touch-icon.png"):
        shutil.copy2(dsfr / "favicon" / name, out / "favicon" / name)
    for name in ("LICENSE.md",):
        licence = dsfr.parent / name
        if licence.exists():
            shutil.copy2(licence, out / name)
    return version


def minify_catalogue(staging: Path):
    """The published catalogue without its indentation (−8 % gzip). Editors
    keep the readable content/catalogue.json. Only the blanks between tokens
    go, so every value stays byte for byte; a file that is not JSON is
    published as is, for the app to report its line and column."""
    path = staging / "content" / "catalogue.json"
    try:
        text = path.read_text(encoding="utf-8")
        json.loads(text)
    except (OSError, ValueError):
        return
    out, in_string, escaped = [], False, False
    for c in text:
        if in_string:
            out.append(c)
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif c not in " \t\r\n":
            out.append(c)
    path.write_text("".join(out) + "\n", encoding="utf-8")


def export_open_data(src: Path, staging: Path, release: bool):
    """content/dispositifs-aide.csv, by `catalogue export --format
    dispositif-aide` (the CLI, built natively and offline like the rest of
    the build). The CLI is built with the stable toolchain: the release
    wasm's pinned nightly, build-std and flags (Makefile, RELEASE_WASM_ENV)
    are not passed on to it. A catalogue the export refuses (the modules to
    fix are printed) fails a release build; `make run` goes on without the
    file, so that the app shows the catalogue's own errors while it is
    being edited."""
    env = {
        k: v for k, v in os.environ.items()
        if k not in ("RUSTUP_TOOLCHAIN", "RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_TARGET")
        and not k.startswith("CARGO_UNSTABLE_")
    }
    cargo = [
        "cargo", "run", "--quiet", "--locked", "--offline", "-p", "parcours-cli", "--",
        "export", "--format", "dispositif-aide",
        "--catalogue", str(src / "content" / "catalogue.json"),
        str(staging / "content" / "dispositifs-aide.csv"),
    ]
    if subprocess.run(cargo, cwd=src, env=env).returncode != 0:
        message = "l'export des offres en données ouvertes (catalogue export --format dispositif-aide) a échoué"
        if release:
            fail(message)
        print(f"postbuild: {message} ; content/dispositifs-aide.csv manque à ce build", file=sys.stderr)


def catalogue_version(src: Path):
    path = src / "content" / "catalogue.json"
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("version", ""))
    except (OSError, ValueError, AttributeError):
        # A broken catalogue must still build: the app shows the error in French.
        return ""


def externalise_loader(html: str, staging: Path, atelier):
    pattern = re.compile(r"<script type=\"module\"[^>]*>(.*?)</script>", re.S)
    match = pattern.search(html)
    if not match:
        fail("le chargeur en ligne de Trunk est introuvable dans index.html")
    body = match.group(1).strip() + "\n"
    # Trunk's loader starts the public bundle; on `#/atelier` the bundle with
    # the Atelier starts instead.
    start = re.compile(
        r"import init, \* as bindings from '([^']+\.js)';\s*"
        r"const wasm = await init\(\{ module_or_path: '([^']+_bg\.wasm)' \}\);"
    )
    found = start.search(body)
    if not found:
        fail("le chargeur de Trunk n'a plus la forme attendue (import init … await init)")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    choose = CHOOSE_BUNDLE.format(
        public_js=found.group(1),
        public_wasm=found.group(2),
        atelier_js=public_url + atelier[0],
        atelier_wasm=public_url + atelier[1],
    )
    body = body[: found.start()] + choose + body[found.end():]
    # Paint first, then download: the static page of index.html (Accueil's
    # header and first lines) is painted before the wasm and the catalogue
    # start to load, so they do not share the network with it. On a slow
    # line the page shows ~2 s earlier; Lighthouse's LCP counts that.
    body = PAINT_FIRST + body
    name = f"loader-{content_hash(body.encode())}.js"
    for old in staging.glob("loader-*.js"):
        old.unlink()
    (staging / name).write_text(body, encoding="utf-8")
    tag = f'<script type="module" src="{public_url}{name}"></script>'
    html = html[: match.start()] + tag + html[match.end():]
    # The wasm preload would start the download before the first paint.
    html = re.sub(r'<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>', "", html)
    # The static nonce Trunk adds means nothing without a matching header.
    return re.sub(r'\snonce="[^"]*"', "", html)


# Which bundle starts: the same rule as `Route::parse` for Route::Workshop
# (app/web/src/route.rs). The wasm download starts before its JavaScript
# glue is imported, so the choice costs no round trip.
CHOOSE_BUNDLE = """const atelier = /^#\\/atelier\\/*(\\?.*)?$/.test(location.hash);
const wasmResponse = fetch(atelier ? "{atelier_wasm}" : "{public_wasm}");
const bindings = await import(atelier ? "{atelier_js}" : "{public_js}");
const wasm = await bindings.default({{ module_or_path: wasmResponse }});"""


# wasm-streams' adapters (IntoUnderlyingSource …), exported by
# #[wasm_bindgen] from a dependency of Leptos' server functions, which this
# app has none of: exports are roots, so nothing removed them (11 KB raw).
UNUSED_EXPORTS = re.compile(r"^(__wbg_)?intounderlying(source|sink|bytesource)_")


def _leb(data: bytes, i: int):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def drop_unused_exports(wasm: Path):
    """Removes UNUSED_EXPORTS from the export section, then lets wasm-opt
    remove the code only they reached. Their JavaScript classes stay in
    the glue, never called."""
    data = wasm.read_bytes()
    out, i = bytearray(data[:8]), 8
    dropped = 0
    while i < len(data):
        section, start = data[i], i
        size, i = _leb(data, i + 1)
        end = i + size
        if section != 7:
            out += data[start:end]
            i = end
            continue
        count, j = _leb(data, i)
        kept = []
        for _ in range(count):
            length, j = _leb(data, j)
            name = data[j: j + length].decode()
            j += length
            index_start = j + 1
            _, j = _leb(data, index_start)
            entry = _uleb(length) + name.encode() + data[index_start - 1: j]
            if UNUSED_EXPORTS.match(name):
                dropped += 1
            else:
                kept.append(entry)
        body = _uleb(len(kept)) + b"".join(kept)
        out += bytes([7]) + _uleb(len(body)) + body
        i = end
    if not dropped:
        fail(f"{wasm.name} : aucun export de wasm-streams à retirer (Leptos a changé ? revoir UNUSED_EXPORTS)")
    tmp = wasm.with_suffix(".tmp.wasm")
    tmp.write_bytes(bytes(out))
    subprocess.run(["wasm-opt", f"--output={wasm}", "-Oz", str(tmp)], check=True)
    tmp.unlink()


def build_atelier(src: Path, staging: Path, release: bool):
    """The app with the Atelier du catalogue (feature `atelier`), built like
    Trunk builds the public one: cargo, wasm-bindgen, wasm-opt -Oz in
    release. Returns the names of its JavaScript glue and wasm in staging."""
    cargo = [
        "cargo", "build", "--target", "wasm32-unknown-unknown", "-p", "parcours-web",
        "--bin", "parcours-atelier", "--features", "atelier",
        "--message-format=json-render-diagnostics",
    ] + (["--release"] if release else [])
    run = subprocess.run(cargo, cwd=src, stdout=subprocess.PIPE, text=True)
    if run.returncode != 0:
        fail("la compilation de l'atelier (parcours-atelier) a échoué")
    wasm = None
    for line in run.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "parcours-atelier":
            wasm = next(f for f in message["filenames"] if f.endswith(".wasm"))
    if not wasm:
        fail("cargo n'a pas indiqué le wasm de l'atelier")
    out = src / "target" / "atelier-bundle"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    bindgen = ["wasm-bindgen", "--target=web", f"--out-dir={out}", "--out-name=parcours-atelier", "--no-typescript"]
    # As Trunk does for the public bundle: no DWARF, even in debug (69 MB).
    subprocess.run(bindgen + [wasm], check=True)
    glue, module = out / "parcours-atelier.js", out / "parcours-atelier_bg.wasm"
    if release:
        drop_unused_exports(module)
        minify_js(src, glue, module=True)
    digest = content_hash(glue.read_bytes() + module.read_bytes())
    names = (f"parcours-atelier-{digest}.js", f"parcours-atelier-{digest}_bg.wasm")
    for old in staging.glob("parcours-atelier-*"):
        old.unlink()
    shutil.copy2(glue, staging / names[0])
    shutil.copy2(module, staging / names[1])
    return names


# Prepended to Trunk's loader. The catalogue is preloaded from here, after
# the first paint, with the URL and mode of the app's own fetch (loader.rs).
PAINT_FIRST = """await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
{
  const version = document.querySelector('meta[name="parcours-catalogue-version"]')?.content;
  if (version && /^[A-Za-z0-9.-]{1,32}$/.test(version)) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = "content/catalogue.json?v=" + version;
    document.head.append(link);
  }
}
"""


SERVICE_WORKER = """// Parcours TI offline support, generated by tools/postbuild.py.
// Version {version}: a new build has a new version, so its files replace
// the old cache on the next online visit.
const CACHE = "parcours-ti-{version}";
const FILES = {files};

self.addEventListener("install", (event) => {{
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting())
  );
}});

self.addEventListener("activate", (event) => {{
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("parcours-ti-") && k !== CACHE).map((k) => caches.delete(k))
      ))
      .then(() => self.clients.claim())
  );
}});

// The page and the catalogue: network first (a new catalogue is picked up
// as soon as the network is there), cache when offline. Everything else is
// content-addressed or versioned: cache first.
self.addEventListener("fetch", (event) => {{
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const isPage = request.mode === "navigate";
  const isCatalogue = new URL(request.url).pathname.endsWith("/content/catalogue.json");
  if (isPage || isCatalogue) {{
    event.respondWith(
      fetch(request)
        .then((response) => {{
          if (response.ok) {{
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(isPage ? "./" : "content/catalogue.json", copy));
          }}
          return response;
        }})
        .catch(() => caches.match(isPage ? "./" : "content/catalogue.json")
          .then((hit) => hit || Response.error()))
    );
    return;
  }}
  event.respondWith(
    caches.match(request, {{ ignoreSearch: true }}).then((hit) => hit || fetch(request))
  );
}});
"""


def content_hash(data: bytes) -> str:
    """16 hex digits of SHA-256: the build outputs' names end with them, and
    the README's cache rule (`-[0-9a-f]{16}`) matches exactly that."""
    return hashlib.sha256(data).hexdigest()[:16]


def rename_by_hash(path: Path, stem: str, suffix: str) -> str:
    """Renames `path` (in place) to `<stem>-<hash><suffix>`; returns the name."""
    name = f"{stem}-{content_hash(path.read_bytes())}{suffix}"
    path.replace(path.with_name(name))
    return name


def minify_js(src: Path, path: Path, module: bool):
    """Terser (npm, pinned in package.json) on a script of a release build:
    wasm-bindgen's glue is 44 KB of readable JavaScript, 7.4 KiB gzip, and
    2.0 KiB less minified. Names seen from outside stay: a module's exports,
    a classic script's globals (terser mangles top-level names only in a
    module)."""
    terser = src / "node_modules" / ".bin" / "terser"
    if not terser.is_file():
        fail("terser manque : lancez `make tool-npm` (npm ci)")
    args = [str(terser), str(path), "--compress", "--mangle", "--output", str(path)]
    if module:
        args.append("--module")
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"terser a échoué sur {path.name} :\n{done.stderr}")


def set_integrity(html: str, name: str, data: bytes):
    """Trunk's Subresource Integrity for a file changed after it: with the
    old digest the browser would discard the preload and fetch it again."""
    digest = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
    tag = re.compile(r'(<link[^>]*' + re.escape(name) + r'[^>]*\sintegrity=")[^"]*(")')
    return tag.sub(lambda m: m.group(1) + digest + m.group(2), html)


def minify_glue(src: Path, html: str, staging: Path):
    """The public bundle's JavaScript glue, minified and named by its hash."""
    for glue in staging.glob("parcours-web-*.js"):
        minify_js(src, glue, module=True)
        name = rename_by_hash(glue, "parcours-web", ".js")
        html = set_integrity(html.replace(glue.name, name), name, (staging / name).read_bytes())
    return html


def merge_styles(html: str, staging: Path):
    """style/app.css and style/pathway.css, two files for their readers, as
    one without comments or indentation: 2.4 -> 1.2 KiB gzip on the first
    load. Indentation only goes: every rule reads as written."""
    tags = list(re.finditer(
        r'<link rel="stylesheet" href="([^"]*?)((?:app|pathway)-[0-9a-f]+\.css)"[^>]*>\n?', html))
    if [m.group(2).split("-")[0] for m in tags] != ["app", "pathway"]:
        fail("les feuilles app.css et pathway.css de Trunk sont introuvables dans index.html")
    css = []
    for m in tags:
        css.append((staging / m.group(2)).read_text(encoding="utf-8"))
        (staging / m.group(2)).unlink()
    text = re.sub(r"/\*.*?\*/", "", "\n".join(css), flags=re.S)
    text = re.sub(r"\s*\n\s*", "\n", text).strip() + "\n"
    name = f"app-{content_hash(text.encode())}.css"
    (staging / name).write_text(text, encoding="utf-8")
    first, second = tags
    tag = f'<link rel="stylesheet" href="{first.group(1)}{name}" integrity="">\n'
    html = html[: first.start()] + tag + html[first.end(): second.start()] + html[second.end():]
    return set_integrity(html, name, text.encode())


def strip_html_comments(html: str):
    """index.html's comments explain it to its readers, not to browsers
    (0.6 KiB gzip); leading indentation goes too. No <pre> or inline
    script there: every text and rule reads as written."""
    html = re.sub(r"[ \t]*<!--.*?-->[ \t]*\n?", "", html, flags=re.S)
    return re.sub(r"\n[ \t]+", "\n", html)


def hash_shell(src: Path, html: str, staging: Path, release: bool):
    """shell.js drives index.html's menu and skip links: a copy cached from
    an older build would leave a newer page's menu dead. Named by its hash,
    it is cached for good like the other build outputs (README)."""
    shell = staging / "shell.js"
    tag = '<script src="shell.js"></script>'
    if not shell.is_file() or tag not in html:
        fail("shell.js ou sa balise <script> manque dans index.html")
    if release:
        minify_js(src, shell, module=False)
    return html.replace(tag, f'<script src="{rename_by_hash(shell, "shell", ".js")}"></script>')


def write_service_worker(staging: Path):
    """Lists every file of the build for the cache, but the worker itself
    and the documents the app never reads (changelog, guide, JSON Schema,
    the open-data CSV): fetched from the network when asked for."""
    files = []
    digest = hashlib.sha256()
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        rel = path.relative_to(staging).as_posix()
        if rel in ("sw.js",) or rel.endswith((".md", ".schema.json", ".csv")) or rel.startswith("dsfr/favicon/"):
            continue
        # Only the fonts the interface uses at all: the others never load.
        if rel.startswith("dsfr/fonts/") and "Italic" in rel:
            continue
        files.append("./" if rel == "index.html" else rel)
        digest.update(rel.encode())
        digest.update(path.read_bytes())
    version = digest.hexdigest()[:16]
    (staging / "sw.js").write_text(
        SERVICE_WORKER.format(version=version, files=json.dumps(files, indent=2)),
        encoding="utf-8",
    )


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", ""))
    if not staging.is_dir():
        fail("TRUNK_STAGING_DIR n'est pas défini : ce script est un hook de Trunk.")
    _python_with_fonttools()
    src = source_dir()
    release = os.environ.get("TRUNK_PROFILE") == "release"
    dsfr_version = vendor_dsfr(src, staging)
    minify_catalogue(staging)
    export_open_data(src, staging, release)
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    html = html.replace("__CATALOGUE_VERSION__", catalogue_version(src))
    html = html.replace("__DSFR_VERSION__", dsfr_version)
    if release:
        # Renamed by the hash of what is served: hashed files are cached
        # for good (README, recommended headers).
        for wasm in staging.glob("parcours-web-*_bg.wasm"):
            drop_unused_exports(wasm)
            html = html.replace(wasm.name, rename_by_hash(wasm, "parcours-web", "_bg.wasm"))
        html = minify_glue(src, html, staging)
        html = merge_styles(html, staging)
    html = hash_shell(src, html, staging, release)
    html = externalise_loader(html, staging, build_atelier(src, staging, release))
    # Offline support only for release builds: during `make run` a worker
    # would serve stale files to the live-reloading page.
    html = html.replace("__OFFLINE__", "on" if release else "off")
    if release:
        html = strip_html_comments(html)
    index.write_text(html, encoding="utf-8")
    if release:
        write_service_worker(staging)


if __name__ == "__main__":
    main()
