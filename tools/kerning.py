"""Marianne's kerning cut down to the letter pairs the app can show, for
`tools/postbuild.py`.

Kerning is a table of classes: a cell gives the adjustment between any
glyph of a left class and any glyph of a right class. In the subset, the
two tables of each weight still hold about 4 600 cells, a third of the
file; the app and its catalogue meet fewer than a fifth of them. A cell
that no pair of the app's text reaches is set to 0, then the classes whose
rows (or columns) have become equal are merged: every pair the app and the
catalogue write keeps its exact value, and the file is 1.1 KiB lighter a
weight (BENCHMARKS.md). A pair met only in what a user types (a
territory's name) is drawn without kerning, as in a system font.

Only class-based subtables are cut: a pair subtable that lists glyph pairs
one by one sends the pairs it does not list on to the next subtable, so
emptying one of its pairs could change which value applies.
"""

import copy
import html
import json
import re


_RUST_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"'}


def _unescape(body: str):
    def one(m):
        code = m.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code.startswith("x"):
            return chr(int(code[1:], 16))
        if code.startswith("\n"):  # a line continuation
            return ""
        return _RUST_ESCAPES.get(code, code)

    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|\n\s*|.)", one, body)


_RAW_STRING = re.compile(r'b?r(#*)"')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"', re.S)
_CHAR = re.compile(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'")
_WORD = re.compile(r"[A-Za-z0-9_]")


def rust_strings(source: str):
    """The string and character literals of a Rust source, unescaped: the
    only text of the app's code that can reach the screen (view text,
    attributes, messages). Comments and code are left out."""
    out, i, n = [], 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            end = source.find("*/", i)
            i = n if end < 0 else end + 2
        elif (
            c in "br"
            and (raw := _RAW_STRING.match(source, i))
            and not (i and _WORD.match(source[i - 1]))
        ):
            start = raw.end()
            end = source.index('"' + raw.group(1), start)
            out.append(source[start:end])
            i = end + 1 + len(raw.group(1))
        elif c == '"':
            m = _STRING.match(source, i)
            out.append(_unescape(m.group(1)))
            i = m.end()
        elif c == "'" and (m := _CHAR.match(source, i)):
            out.append(_unescape(m.group(1)))
            i = m.end()
        else:
            i += 1
    return out


def json_strings(value):
    """Every string value of a parsed JSON document (its keys are names,
    never shown)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


# Numbers are written at run time (dates, counts, échéances, versions):
# every pair of digits, and each digit beside a space (French separates
# thousands and units with one), is kept whatever the literals hold. The
# signs written after figures (%, h, €) are in the literals already.
_DIGITS = "0123456789"
FIGURES = "\n".join(
    [a + b for a in _DIGITS for b in _DIGITS]
    + [d + c + d for d in _DIGITS for c in " \u00a0\u202f"]
)


def shown_text(rust_sources, html_pages, scripts, catalogue_json: str):
    """What the app can show in Marianne: the literals of its Rust sources,
    its HTML pages (comments out, entities read), its scripts as they are
    (a few lines of messages), the catalogue's string values and
    `FIGURES`, one per line. Code and comments write pairs of characters
    no screen shows: they are left out."""
    parts = [s for source in rust_sources for s in rust_strings(source)]
    parts += [html.unescape(re.sub(r"<!--.*?-->", "", page, flags=re.S)) for page in html_pages]
    parts += list(scripts)
    parts += list(json_strings(json.loads(catalogue_json)))
    parts.append(FIGURES)
    return "\n".join(parts)


def text_pairs(text: str):
    """The pairs of characters side by side in `text` and in `text` in
    capitals (badges and the République française block are set in
    capitals by the DSFR): computed once for every weight."""
    pairs = set()
    for variant in (text, text.upper()):
        pairs.update(zip(variant, variant[1:]))
    return pairs


def glyph_pairs(face, char_pairs):
    """`char_pairs` as the face's glyphs. A shaper puts each character's own
    glyph: the subset keeps no substitution (Marianne has no `liga`, and
    `calt` is not kept); should a font bring one, the pairs would be wrong,
    so it is refused."""
    gsub = face["GSUB"].table if "GSUB" in face else None
    if gsub is not None and gsub.LookupList is not None and gsub.LookupList.Lookup:
        raise ValueError(
            "le sous-ensemble garde des substitutions : le crénage ne peut pas être réduit aux paires de caractères"
        )
    cmap = face.getBestCmap()
    glyphs = ((cmap.get(ord(a)), cmap.get(ord(b))) for a, b in char_pairs)
    return {(a, b) for a, b in glyphs if a and b}


def _value_key(record):
    """What a cell does, comparable: both value records' fields."""
    return tuple(
        None if v is None else tuple(sorted(vars(v).items()))
        for v in (getattr(record, "Value1", None), getattr(record, "Value2", None))
    )


def _zero(record):
    for name in ("Value1", "Value2"):
        value = getattr(record, name, None)
        if value is not None:
            for field in vars(value):
                setattr(value, field, 0)


def prune(face, pairs):
    """Zero every kerning cell no glyph pair of `pairs` reaches, then merge
    equal classes."""
    if "GPOS" not in face:
        return
    gpos = face["GPOS"].table
    for lookup in gpos.LookupList.Lookup:
        for sub in lookup.SubTable:
            if lookup.LookupType == 9:
                sub = sub.ExtSubTable
            if getattr(sub, "Format", None) != 2 or not hasattr(sub, "Class1Record"):
                continue
            covered = set(sub.Coverage.glyphs)
            left, right = sub.ClassDef1.classDefs, sub.ClassDef2.classDefs
            used = {(left.get(a, 0), right.get(b, 0)) for a, b in pairs if a in covered}
            for i, row in enumerate(sub.Class1Record):
                for j, cell in enumerate(row.Class2Record):
                    if (i, j) not in used:
                        _zero(cell)
            _merge(sub)


def _merge(sub):
    """Equal rows become one class, equal columns too. Class 0 stays class 0
    on both sides (on the left, the covered glyphs no class lists; on the
    right, every glyph no class lists): a class equal to it is dropped from
    its class definition, its glyphs falling into class 0."""
    rows = [[_value_key(c) for c in r.Class2Record] for r in sub.Class1Record]
    columns = _renumber([tuple(r[j] for r in rows) for j in range(sub.Class2Count)])
    kept_columns = sorted(set(columns.values()))
    first_of = {new: old for old, new in sorted(columns.items(), reverse=True)}
    row_classes = _renumber([tuple(r[j] for j in (first_of[n] for n in kept_columns)) for r in rows])
    first_row = {new: old for old, new in sorted(row_classes.items(), reverse=True)}

    records = []
    for new in sorted(first_row):
        old = sub.Class1Record[first_row[new]]
        record = copy.copy(old)
        record.Class2Record = [old.Class2Record[first_of[n]] for n in kept_columns]
        records.append(record)
    sub.Class1Record = records
    sub.Class1Count = len(records)
    sub.Class2Count = len(kept_columns)
    _reclass(sub.ClassDef1.classDefs, row_classes)
    _reclass(sub.ClassDef2.classDefs, columns)


def _renumber(keys):
    """Old index -> new index, equal keys sharing the first one's; the key
    of index 0 keeps 0."""
    seen, out = {}, {}
    for old, key in enumerate(keys):
        out[old] = seen.setdefault(key, len(seen))
    return out


def _reclass(class_defs, mapping):
    for glyph, old in list(class_defs.items()):
        new = mapping[old]
        if new == 0:
            del class_defs[glyph]
        else:
            class_defs[glyph] = new

