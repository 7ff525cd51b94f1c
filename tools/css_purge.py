"""Trims the DSFR stylesheet to what the app can use, for `tools/postbuild.py`.

The app does not run the DSFR's JavaScript, so a selector naming a `fr-`
class that appears nowhere in the sources (Rust, index.html, style/) can
never match: its rule goes, and so does a selector that asks for a class
beginning with a prefix no class of the sources begins with
(`[class^=fr-fi-]`: the DSFR's former icon names, 1.2 KiB). So do the
dark theme (index.html fixes `data-fr-scheme="light"` and nothing sets
`data-fr-theme`), the rules for Internet Explorer's high contrast mode,
then the custom properties nobody reads. A parser of our own because the
standard library has none; it only has to read the DSFR's minified CSS (strings, comments,
nested at-rules).
"""

import re

# At-rules whose body is a list of rules (trimmed like the top level).
NESTED_AT = ("@media", "@supports", "@layer", "@container")
CLASS = re.compile(r"\.(fr-[A-Za-z0-9_-]+)")
SOURCE_CLASS = re.compile(r"fr-[A-Za-z0-9_-]+")
# `[class^=fr-x]`, `[class*=" fr-x"]`: any class that begins with fr-x.
CLASS_PREFIX = re.compile(r"\[class[*^]=\s*[\"']?\s?(fr-[A-Za-z0-9_-]+)")
VAR_REF = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
VAR_DECL = re.compile(r"\s*(--[A-Za-z0-9_-]+)\s*:")


def trim(css, sources):
    """`css` without what `sources` (the app's own text) can never use."""
    used = set(SOURCE_CLASS.findall(sources))
    # A class written as a prefix (`format!("fr-icon-{…}")`) keeps them all.
    prefixes = tuple(sorted(c for c in used if c.endswith("-")))
    items = _keep_rules(parse(css), used, prefixes)
    items = _drop_unused_variables(items, sources)
    items = _drop_unused_faces(items, sources)
    return serialise(items)


FONT_FACE_FAMILY = re.compile(r"font-family:\s*['\"]?([^;'\",]+)")
FONT_FACE_WEIGHT = re.compile(r"font-weight:\s*([0-9]+)")
WEIGHT = re.compile(r"font-weight:\s*([a-z0-9]+)")
NAMED_WEIGHTS = {"normal": "400", "bold": "700", "bolder": "700", "lighter": "300"}


def _drop_unused_faces(items, sources):
    """@font-face of a family or weight no kept rule asks for (Spectral,
    Marianne Light): the browser would never load them, but the service
    worker would, for offline use."""
    rules = serialise([i for i in items if i[0] != "at"]) + sources
    # Browser defaults: headings and <strong> are bold, the rest normal.
    weights = {"400", "700"} | {NAMED_WEIGHTS.get(w, w) for w in WEIGHT.findall(rules)}

    def used(body):
        family = FONT_FACE_FAMILY.search(body)
        weight = FONT_FACE_WEIGHT.search(body)
        return (family is None or family.group(1).strip() in rules) and (
            weight is None or weight.group(1) in weights
        )

    out = []
    for kind, prelude, body in items:
        if kind == "at" and prelude == "@font-face" and not used(body):
            continue
        if kind == "group":
            body = _drop_unused_faces(body, sources)
        out.append((kind, prelude, body))
    return out


def _skip_string(css, i):
    quote = css[i]
    i += 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _block_end(css, i):
    """Index just after the `}` closing the block whose `{` is at i."""
    depth = 0
    while i < len(css):
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
            continue
        if css.startswith("/*", i):
            i = css.index("*/", i) + 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("accolade non fermée dans la feuille de style du DSFR")


def parse(css, i=0, end=None):
    """[(kind, prelude, body)]: kind `stmt`, `rule`, `at` (body kept as is:
    @font-face, @keyframes) or `group` (@media…: body parsed)."""
    end = len(css) if end is None else end
    items, start = [], i
    while i < end:
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
            continue
        if css.startswith("/*", i):
            j = css.index("*/", i) + 2
            if css[start:i].strip() == "":
                start = j
            i = j
            continue
        if c == ";":
            items.append(("stmt", css[start:i + 1].strip(), None))
            i += 1
            start = i
            continue
        if c == "{":
            prelude = css[start:i].strip()
            close = _block_end(css, i)
            if prelude.startswith(NESTED_AT):
                items.append(("group", prelude, parse(css, i + 1, close - 1)))
            elif prelude.startswith("@"):
                items.append(("at", prelude, css[i + 1:close - 1]))
            else:
                items.append(("rule", prelude, css[i + 1:close - 1]))
            i = close
            start = i
            continue
        i += 1
    return items


def serialise(items):
    out = []
    for kind, prelude, body in items:
        if kind == "group":
            out.append(prelude + "{" + serialise(body) + "}")
        elif kind in ("rule", "at"):
            out.append(prelude + "{" + body + "}")
        else:
            out.append(prelude)
    return "".join(out)


def _split_top_level(text, separator):
    """Splits on `separator` outside strings and brackets."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            j = _skip_string(text, i)
            cur.append(text[i:j])
            i = j
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == separator and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    out.append("".join(cur))
    return [part for part in out if part.strip()]


def _without_arguments(selector):
    """The selector without the arguments of :not(), :is()…: a class there
    may be absent and the selector still match, so they are not counted
    (which keeps more rules, never fewer)."""
    out, depth = [], 0
    for c in selector:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            out.append(c)
    return "".join(out)


def _can_match(selector, used, prefixes):
    if "data-fr-theme=dark" in selector:
        return False
    outside = _without_arguments(selector)
    return all(cls in used or cls.startswith(prefixes) for cls in CLASS.findall(outside)) and all(
        any(cls.startswith(start) for cls in used) or any(p.startswith(start) or start.startswith(p) for p in prefixes)
        for start in CLASS_PREFIX.findall(outside)
    )


def _internet_explorer_only(prelude):
    """`@media … (-ms-high-contrast: …)`: only Internet Explorer and the old
    Edge evaluate it, and neither runs this app's WebAssembly (a fifth of the
    DSFR's rules). Windows' high contrast mode today is `forced-colors`,
    which stays. Dropped only when every query of the list is such."""
    if not prelude.startswith("@media"):
        return False
    queries = _split_top_level(prelude[len("@media"):], ",")
    return all("-ms-high-contrast" in q for q in queries)


def _keep_rules(items, used, prefixes):
    out = []
    for kind, prelude, body in items:
        if kind == "rule":
            kept = [s.strip() for s in _split_top_level(prelude, ",") if _can_match(s, used, prefixes)]
            if kept:
                out.append((kind, ",".join(kept), body))
        elif kind == "group":
            if _internet_explorer_only(prelude):
                continue
            inner = _keep_rules(body, used, prefixes)
            if inner:
                out.append((kind, prelude, inner))
        else:
            out.append((kind, prelude, body))
    return out


def _drop_unused_variables(items, sources):
    """Custom properties nobody reads, until none is left (a variable may be
    read only by another unused one)."""
    while True:
        refs = set(VAR_REF.findall(serialise(items))) | set(VAR_REF.findall(sources))
        changed = False

        def unused(declaration):
            m = VAR_DECL.match(declaration)
            return m is not None and m.group(1) not in refs

        def walk(items):
            nonlocal changed
            out = []
            for kind, prelude, body in items:
                if kind == "rule":
                    declarations = _split_top_level(body, ";")
                    kept = [d for d in declarations if not unused(d)]
                    changed |= len(kept) != len(declarations)
                    if kept:
                        out.append((kind, prelude, ";".join(kept)))
                elif kind == "group":
                    inner = walk(body)
                    changed |= not inner
                    if inner:
                        out.append((kind, prelude, inner))
                else:
                    out.append((kind, prelude, body))
            return out

        items = walk(items)
        if not changed:
            return items
