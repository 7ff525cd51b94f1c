#!/usr/bin/env python3
"""Trunk post-build hook: finishes the static site in Trunk's staging folder.

1. DSFR: only the core and the components the app uses, concatenated in one
   stylesheet, with the fonts and icons it references (relative paths kept,
   so `dist/` works under any sub-path).
2. Catalogue version: stamped into index.html, so the app can fetch
   `content/catalogue.json?v=<version>` (cache-buster) without being rebuilt
   when only the content changes.
3. Strict CSP: Trunk writes an inline `<script type="module">` loader (with a
   static nonce); `script-src 'self'` blocks it. The loader is moved to a
   hashed file and referenced by `src`.

Standard library only: it runs on any machine that has python3.
"""

import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

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
    (out / "css" / "dsfr.min.css").write_text(bundle, encoding="utf-8")

    # Only woff2: every browser that runs WebAssembly reads it, and the
    # woff fallbacks listed after it are then never requested.
    (out / "fonts").mkdir()
    for font in sorted((dsfr / "fonts").glob("*.woff2")):
        shutil.copy2(font, out / "fonts" / font.name)
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


def catalogue_version(src: Path):
    path = src / "content" / "catalogue.json"
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("version", ""))
    except (OSError, ValueError, AttributeError):
        # A broken catalogue must still build: the app shows the error in French.
        return ""


def externalise_loader(html: str, staging: Path):
    pattern = re.compile(r"<script type=\"module\"[^>]*>(.*?)</script>", re.S)
    match = pattern.search(html)
    if not match:
        fail("le chargeur en ligne de Trunk est introuvable dans index.html")
    body = match.group(1).strip() + "\n"
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    name = f"loader-{digest}.js"
    for old in staging.glob("loader-*.js"):
        old.unlink()
    (staging / name).write_text(body, encoding="utf-8")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    tag = f'<script type="module" src="{public_url}{name}"></script>'
    html = html[: match.start()] + tag + html[match.end():]
    # The static nonce Trunk adds means nothing without a matching header.
    return re.sub(r'\snonce="[^"]*"', "", html)


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", ""))
    if not staging.is_dir():
        fail("TRUNK_STAGING_DIR n'est pas défini : ce script est un hook de Trunk.")
    src = source_dir()
    dsfr_version = vendor_dsfr(src, staging)
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    html = html.replace("__CATALOGUE_VERSION__", catalogue_version(src))
    html = html.replace("__DSFR_VERSION__", dsfr_version)
    html = externalise_loader(html, staging)
    index.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
