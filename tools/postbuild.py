#!/usr/bin/env python3
"""The build's own step: what neither Trunk nor a standard tool does.

Trunk (Trunk.toml, index.html's data-trunk links) builds both bundles,
runs wasm-opt, minifies HTML and CSS in release builds, names files by
their hash, and copies the assets. This script is its two hooks:

`pre_build`, before Trunk reads index.html, writes into target/web/:
- `dsfr_assets`: the DSFR core and the components the app uses in one
  sheet, trimmed to the rules the app can match (css_purge.py: PurgeCSS 8
  keeps Internet Explorer's rules and gave a sheet 0.5 KiB gzip larger,
  BENCHMARKS.md); the Marianne fonts it uses, subset to the characters of
  the app and its catalogue (fontTools), their kerning cut down to the
  letter pairs of that text (kerning.py); the icons it references; the
  favicons and the licence.

`post_build`, in Trunk's staging folder, runs POST_BUILD in order:
- `catalogue`: the published catalogue without indentation, its version
  stamped into index.html (the app's cache-buster);
- `catalogue_digest`: `catalogue check` on content/catalogue.json, then
  the SHA-256 of the published copy stamped into index.html: loader.js
  starts the public bundle, which does not carry the validator, only on
  that very file;
- `minify_scripts`: terser on the scripts of a release build (Trunk's
  minify-js cannot read them);
- `short_names`: release builds: the names the wasm and its glue share
  (imports, closure adapters) shortened in both files (wasm_names.py),
  for both bundles;
- `atelier`: the Atelier's bundle named by its hash (Trunk names a
  "worker" bundle by its binary only), that name written into index.html;
- `offline`: whether the page registers the service worker (release
  builds only: during `make run` it would serve stale files);
- `open_data`: `content/dispositifs-aide.csv`, the catalogue's offers in the
  national schema etalab/schema-dispositif-aide, by `catalogue export`
  (linked from « À propos »);
- `service_worker`: app/web/sw.js with the list of the build's files and a
  version derived from their content. Last: it lists what the others wrote.

index.html is only edited at its placeholders (`__NAME__`, each exactly
once). A new post-build step is a function of `Build` added to POST_BUILD
before `service_worker`.

fontTools and brotli come from Debian (python3-fonttools, python3-brotli,
installed by the Makefile); the rest is the standard library. Tests:
tools/test_postbuild.py (`make test`).
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import css_purge  # noqa: E402
import kerning  # noqa: E402
import wasm_names  # noqa: E402

# Components used by the app (order matters little; core comes first).
DSFR_COMPONENTS = [
    "skiplink", "logo", "header", "navigation", "footer", "button", "link",
    "card", "tag", "badge", "callout", "notice", "alert", "stepper", "radio",
    "checkbox", "form", "input", "select", "breadcrumb", "accordion",
    "summary", "segmented", "search", "content", "highlight", "download",
    "upload", "tile", "table", "toggle", "modal",
]

# What a user may type (ASCII, French letters and punctuation), beside the
# characters of the app and its catalogue. The rest of Latin-1 (¤, Ð, ñ …)
# is in neither: a system font draws it, should it ever appear.
FONT_BASE = set(range(0x20, 0x7F)) | {ord(c) for c in (
    "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»‘’“”–—…€°\u00a0\u202f"
)}

# OpenType features kept: kerning and ligatures. Marianne's others are
# never asked for by the DSFR (fractions, ordinals, alternates: a fifth of
# each file) or do nothing for this subset in French: `locl` is registered
# for Catalan, Romanian, Turkish… only, and no glyph of the subset takes a
# mark (`ccmp`, `mark`, `mkmk`): 0.55 KiB less a weight.
FONT_FEATURES = ["kern", "liga"]


class BuildError(Exception):
    """A French message for whoever runs the build."""


@dataclass
class Build:
    src: Path  # the repository
    staging: Path  # Trunk's staging folder (post_build only)
    release: bool
    public_url: str

    @classmethod
    def from_env(cls):
        return cls(
            src=Path(os.environ.get("TRUNK_SOURCE_DIR") or Path(__file__).resolve().parent.parent),
            staging=Path(os.environ.get("TRUNK_STAGING_DIR", "")),
            release=os.environ.get("TRUNK_PROFILE") == "release",
            public_url=os.environ.get("TRUNK_PUBLIC_URL", "/"),
        )

    @property
    def web(self):
        """Where pre_build writes what index.html's data-trunk links take."""
        return self.src / "target" / "web"

    def fill(self, placeholder: str, value: str):
        """Writes `value` at index.html's `placeholder`, which must be there once."""
        index = self.staging / "index.html"
        html = index.read_text(encoding="utf-8")
        if html.count(placeholder) != 1:
            raise BuildError(f"index.html doit contenir {placeholder} exactement une fois")
        index.write_text(html.replace(placeholder, value), encoding="utf-8")


def content_hash(data: bytes) -> str:
    """16 hex digits of SHA-256: what the README's cache rule matches."""
    return hashlib.sha256(data).hexdigest()[:16]


# ---- pre_build: the DSFR ----

def app_sources(src: Path):
    """Every text that can name a DSFR class or read a DSFR variable."""
    paths = sorted((src / "app" / "web" / "src").rglob("*.rs"))
    paths += sorted((src / "app" / "web" / "text").glob("*.html"))
    paths += [src / "index.html", src / "app" / "web" / "shell.js"]
    paths += sorted((src / "style").glob("*.css"))
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


# The Rust crates whose strings reach the screen: the app and its core
# (reasons, labels of changes, messages, headings made by the engine).
SHOWN_CRATES = ("app/web/src", "app/core/src")


def font_text(src: Path):
    """What the app can show in Marianne (kerning.shown_text)."""
    web = src / "app" / "web"
    return kerning.shown_text(
        [p.read_text(encoding="utf-8") for c in SHOWN_CRATES for p in sorted((src / c).rglob("*.rs"))],
        [p.read_text(encoding="utf-8") for p in [src / "index.html", *sorted((web / "text").glob("*.html"))]],
        [(web / name).read_text(encoding="utf-8") for name in ("shell.js", "loader.js")],
        (src / "content" / "catalogue.json").read_text(encoding="utf-8"),
    )


def subset_fonts(src: Path, fonts, out: Path):
    """Marianne holds ~600 characters (58 KB a weight); the app and its
    catalogue use ~150 (10 KB). A character outside the subset (say, in a
    catalogue previewed in the Atelier) falls back to the system font.
    The text is what the app can show (`font_text`: literals of its code,
    its pages, its catalogue, figures); the kerning keeps the letter pairs
    of that text (kerning.py).
    Subsets are cached in target/ by content: a rebuild costs nothing."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    text = font_text(src)
    unicodes = sorted(FONT_BASE | {ord(c) for c in text if ord(c) >= 0x20})
    text_digest = hashlib.sha256(text.encode()).hexdigest()
    char_pairs = None  # computed on the first cache miss only
    cache = src / "target" / "font-subsets"
    cache.mkdir(parents=True, exist_ok=True)
    for font in fonts:
        data = font.read_bytes()
        key = hashlib.sha256(data + repr((unicodes, FONT_FEATURES, text_digest)).encode()).hexdigest()[:20]
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
            try:
                char_pairs = char_pairs or kerning.text_pairs(text)
                kerning.prune(face, kerning.glyph_pairs(face, char_pairs))
            except ValueError as e:
                raise BuildError(f"{font.name} : {e}") from e
            face.flavor = "woff2"
            tmp = cached.with_suffix(".tmp")
            face.save(tmp)
            tmp.replace(cached)
        shutil.copy2(cached, out / font.name)


def dsfr_sheet(dsfr: Path):
    """Core and components in one sheet. Components sit one folder deeper
    than core; in the single file (dsfr/css/) both resolve like core does."""
    parts = [dsfr / "core" / "core.min.css"]
    parts += [dsfr / "component" / c / f"{c}.min.css" for c in DSFR_COMPONENTS]
    return "\n".join(
        p.read_text(encoding="utf-8").replace("url(../../icons/", "url(../icons/") for p in parts
    )


def dsfr_assets(build: Build):
    dsfr = build.src / "node_modules" / "@gouvfr" / "dsfr" / "dist"
    if not dsfr.is_dir():
        raise BuildError(f"{dsfr} manque : lancez `npm ci` (le Makefile le fait).")
    whole = dsfr_sheet(dsfr)
    # The whole sheet is kept beside the build (not in it) for the test
    # that renders every page with both and compares the pixels.
    (build.src / "target").mkdir(exist_ok=True)
    (build.src / "target" / "dsfr-untrimmed.min.css").write_text(whole, encoding="utf-8")
    sources = app_sources(build.src)
    sheet = css_purge.trim(whole, sources)

    for name in ("dsfr-css", "dsfr"):
        shutil.rmtree(build.web / name, ignore_errors=True)
    (build.web / "dsfr-css").mkdir(parents=True)
    (build.web / "dsfr-css" / "dsfr.min.css").write_text(sheet, encoding="utf-8")
    out = build.web / "dsfr"
    # Only woff2: every browser that runs WebAssembly reads it, and the
    # woff fallbacks listed after it are then never requested.
    (out / "fonts").mkdir(parents=True)
    faces = set(re.findall(r"url\(\.\./fonts/([^)\"']+\.woff2)\)", sheet))
    subset_fonts(build.src, sorted(dsfr / "fonts" / f for f in faces), out / "fonts")
    for rel in sorted(set(re.findall(r"url\(\.\./icons/([^)\"']+)\)", sheet))):
        target = out / "icons" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(dsfr / "icons" / rel, target)
    (out / "favicon").mkdir()
    for name in ("favicon.svg", "favicon.ico", "apple-touch-icon.png"):
        shutil.copy2(dsfr / "favicon" / name, out / "favicon" / name)
    shutil.copy2(dsfr.parent / "LICENSE.md", out / "LICENSE.md")


# ---- post_build: in Trunk's staging folder ----

def compact_json(text: str):
    """`text` without the blanks between tokens: every value stays byte for
    byte (json.dumps would rewrite escapes and numbers)."""
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
    return "".join(out) + "\n"


# The published catalogue's members in the order gzip compresses best
# (searched over every placement, the three small headers kept first): 0.9
# KiB less than the editors' order, every value byte for byte. A member
# not listed keeps its place after these.
PUBLISHED_ORDER = (
    "schema", "version", "published", "kinds", "modules", "steps", "providers",
    "sources", "rules", "questionnaire", "themes",
)


def published_order(text: str):
    """`text`, a compacted JSON object, with its members in PUBLISHED_ORDER
    (raw slices of the text: nothing is re-encoded; of repeated names, the
    last stays last, as a JSON reader takes it)."""
    decoder = json.JSONDecoder()
    body = text.strip()
    members, i = [], 1
    while body[i] != "}":
        name, colon = decoder.raw_decode(body, i)
        _, end = decoder.raw_decode(body, colon + 1)
        members.append((name, body[i:end]))
        i = end + 1 if body[end] == "," else end
    rank = {name: n for n, name in enumerate(PUBLISHED_ORDER)}
    members.sort(key=lambda m: rank.get(m[0], len(rank)))
    return "{" + ",".join(m for _, m in members) + "}\n"


def catalogue(build: Build):
    """The published catalogue without indentation (−8 % gzip; editors keep
    the readable content/catalogue.json), its members in PUBLISHED_ORDER,
    and its version in index.html. A
    file that is not JSON is published as is, with an empty version, for the
    app to report its line and column: `make run` must still build a broken
    catalogue (`catalogue_digest` fails a release build on it)."""
    path = build.staging / "content" / "catalogue.json"
    text = path.read_text(encoding="utf-8")
    version = ""
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if parsed is not None:
        compact = compact_json(text)
        if isinstance(parsed, dict):
            compact = published_order(compact)
            version = str(parsed.get("version", ""))
        path.write_text(compact, encoding="utf-8")
    build.fill("__CATALOGUE_VERSION__", version)


# Classic scripts (not modules): terser keeps their top-level names.
CLASSIC_SCRIPTS = ("shell-",)


def minify_scripts(build: Build):
    """Release builds: terser (npm, pinned in package.json) on every script
    but the service worker: both bundles' glue (7.4 -> 5.8 KiB gzip),
    loader.js and shell.js. Trunk's own minifier (minify-js) cannot read
    the glue's `export { … as default }` nor top-level await: it leaves
    them as they are. No integrity digest is written for these files
    (index.html, Trunk.toml), so nothing else changes with them. Names seen
    from outside stay: a module's exports, a classic script's globals."""
    if not build.release:
        return
    terser = build.src / "node_modules" / ".bin" / "terser"
    if not terser.is_file():
        raise BuildError("terser manque : lancez `make tool-npm` (npm ci)")
    for script in sorted(build.staging.glob("*.js")):
        if script.name == "sw.js":
            continue
        args = [str(terser), str(script), "--compress", "--mangle", "--output", str(script)]
        if not script.name.startswith(CLASSIC_SCRIPTS):
            args.append("--module")
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode != 0:
            raise BuildError(f"terser a échoué sur {script.name} :\n{done.stderr}")


def short_names(build: Build):
    """Release builds: each bundle (`X_bg.wasm` beside its glue `X.js`)
    with short names for what the two share (wasm_names.py: about 4 KiB
    gzip off the public bundle). After terser, which leaves the glue's
    keys and properties as they are and renames the glue's own wrappers
    that bear the exports' names (the step refuses an unminified glue, so
    it runs in release builds only, like terser); before `atelier`, whose
    name is the hash of the result."""
    if not build.release:
        return
    for wasm in sorted(build.staging.glob("*_bg.wasm")):
        glue = wasm.with_name(wasm.name[: -len("_bg.wasm")] + ".js")
        if not glue.is_file():
            raise BuildError(f"{wasm.name} n'a pas sa glue JavaScript {glue.name}")
        try:
            short_wasm, short_glue = wasm_names.minify(wasm.read_bytes(), glue.read_text(encoding="utf-8"))
        except wasm_names.RenameError as e:
            raise BuildError(f"{wasm.name} : {e}") from e
        wasm.write_bytes(short_wasm)
        glue.write_text(short_glue, encoding="utf-8")


def atelier(build: Build):
    """Trunk names a "worker" bundle by its binary only (parcours-atelier.js
    and _bg.wasm): named by their hash, they are cached for good like every
    build output, and a new build is never run with an old glue."""
    glue, wasm = build.staging / "parcours-atelier.js", build.staging / "parcours-atelier_bg.wasm"
    if not (glue.is_file() and wasm.is_file()):
        raise BuildError("Trunk n'a pas écrit parcours-atelier.js et parcours-atelier_bg.wasm")
    stem = f"parcours-atelier-{content_hash(glue.read_bytes() + wasm.read_bytes())}"
    glue.replace(build.staging / f"{stem}.js")
    wasm.replace(build.staging / f"{stem}_bg.wasm")
    build.fill("__ATELIER__", build.public_url + stem)


def offline(build: Build):
    build.fill("__OFFLINE__", "on" if build.release else "off")


def run_cli(build: Build, *args: str) -> bool:
    """Runs the `catalogue` command (parcours-cli), built natively and
    offline like the rest of the build, with the stable toolchain: the
    release wasm's pinned nightly, build-std and flags (Makefile,
    RELEASE_WASM_ENV) are not passed on to it. It prints its own messages;
    True when it succeeded."""
    env = {
        k: v for k, v in os.environ.items()
        if k not in ("RUSTUP_TOOLCHAIN", "RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_TARGET")
        and not k.startswith("CARGO_UNSTABLE_")
    }
    cargo = ["cargo", "run", "--quiet", "--locked", "--offline", "-p", "parcours-cli", "--", *args]
    return subprocess.run(cargo, cwd=build.src, env=env).returncode == 0


def check_catalogue(build: Build) -> bool:
    return run_cli(build, "check", str(build.src / "content" / "catalogue.json"))


def catalogue_digest(build: Build, check=check_catalogue):
    """`catalogue check` on the editors' file (the same checks as the
    Atelier's), then the SHA-256 of the published copy (compacted by
    `catalogue`, which must run first) in index.html. The public bundle
    reads the catalogue's types but does not carry the validator (17 KiB of
    wasm, BENCHMARKS.md): loader.js starts it only when the catalogue it
    fetched has this digest, and otherwise starts the Atelier's bundle,
    which validates it and lists its errors in French. A catalogue the
    check refuses fails a release build; `make run` goes on with no digest,
    so that the page shows those errors while the file is being edited."""
    published = build.staging / "content" / "catalogue.json"
    if check(build):
        digest = hashlib.sha256(published.read_bytes()).hexdigest()
    elif build.release:
        raise BuildError("content/catalogue.json n'est pas valide (catalogue check, ci-dessus) : corrigez-le avant de publier")
    else:
        print("postbuild: content/catalogue.json n'est pas valide : l'application affichera ses erreurs", file=sys.stderr)
        digest = ""
    build.fill("__CATALOGUE_DIGEST__", digest)


def open_data(build: Build):
    """content/dispositifs-aide.csv, by `catalogue export --format
    dispositif-aide` (`run_cli`). A catalogue the export refuses (the
    modules to fix are printed) fails a release build; `make run` goes on
    without the file, so that the app shows the catalogue's own errors
    while it is being edited."""
    exported = run_cli(
        build, "export", "--format", "dispositif-aide",
        "--catalogue", str(build.src / "content" / "catalogue.json"),
        str(build.staging / "content" / "dispositifs-aide.csv"),
    )
    if not exported:
        message = "l'export des offres en données ouvertes (catalogue export --format dispositif-aide) a échoué"
        if build.release:
            raise BuildError(message)
        print(f"postbuild: {message} ; content/dispositifs-aide.csv manque à ce build", file=sys.stderr)


SW_PLACEHOLDER = 'const BUILD = { version: "dev", files: [] };'


def precache_list(staging: Path):
    """The files a visit may need offline, and a version from their content."""
    files = []
    digest = hashlib.sha256()
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        rel = path.relative_to(staging).as_posix()
        # Documents the app never reads (changelog, guide, JSON Schema, the
        # open-data CSV) are fetched from the network when asked for.
        if rel == "sw.js" or rel.endswith((".md", ".schema.json", ".csv")) or rel.startswith("dsfr/favicon/"):
            continue
        # Only the fonts the interface uses at all: the others never load.
        if rel.startswith("dsfr/fonts/") and "Italic" in rel:
            continue
        files.append("./" if rel == "index.html" else rel)
        digest.update(rel.encode())
        digest.update(path.read_bytes())
    return files, digest.hexdigest()[:16]


def service_worker(build: Build):
    worker = build.staging / "sw.js"
    text = worker.read_text(encoding="utf-8")
    if text.count(SW_PLACEHOLDER) != 1:
        raise BuildError(f"app/web/sw.js doit contenir une fois : {SW_PLACEHOLDER}")
    files, version = precache_list(build.staging)
    filled = "const BUILD = " + json.dumps({"version": version, "files": files}, indent=2) + ";"
    worker.write_text(text.replace(SW_PLACEHOLDER, filled), encoding="utf-8")


POST_BUILD = [catalogue, catalogue_digest, minify_scripts, short_names, atelier, offline, open_data, service_worker]


def _python_with_fonttools():
    """pyenv's python3 may come first on PATH, without Debian's modules:
    run again under the system python, which has them."""
    try:
        import brotli  # noqa: F401
        import fontTools  # noqa: F401
    except ImportError:
        system = "/usr/bin/python3"
        if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system):
            os.execv(system, [system] + sys.argv)
        raise BuildError(
            "fontTools ou brotli manque pour réduire les polices : "
            "lancez `make dist` (il installe python3-fonttools et python3-brotli)."
        )


def main(stage: str):
    build = Build.from_env()
    if stage == "pre_build":
        _python_with_fonttools()
        dsfr_assets(build)
    elif stage == "post_build":
        if not build.staging.is_dir():
            raise BuildError("TRUNK_STAGING_DIR n'est pas défini : ce script est un hook de Trunk.")
        for step in POST_BUILD:
            step(build)
    else:
        raise BuildError(f"étape inconnue {stage!r} : pre_build ou post_build (Trunk.toml)")


if __name__ == "__main__":
    try:
        main(sys.argv[1] if len(sys.argv) > 1 else "")
    except BuildError as error:
        print(f"postbuild: {error}", file=sys.stderr)
        sys.exit(1)
