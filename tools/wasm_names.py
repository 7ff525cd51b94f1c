"""Short names between a wasm-bindgen bundle and its glue, for
`tools/postbuild.py`.

wasm-bindgen names each function the wasm imports from its JavaScript glue
after the Rust item and a 16-digit hash (`__wbg_appendChild_dbf7ad2f…`),
and the adapters of Rust closures the wasm exports to the glue after their
full Rust types (up to 330 characters); both files spell every name out:
about 120 names whose hashes gzip cannot shorten. Renaming them `a`, `b` …
in the wasm's import and export sections and in the glue takes about 4 KiB
gzip off the public bundle (BENCHMARKS.md). Nothing else changes: every
other section is copied byte for byte, and the glue changes only at those
names. Exports anyone else may read (`memory`, `main`, `__wbindgen_start`
…) keep theirs.

binaryen's own pass (`wasm-opt --minify-imports-and-exports-and-modules`)
renames them as well, but it decodes and writes the whole module again,
which costs 1.1 KB gzip more than the imports' names save, and its map
would still have to be carried into the glue.

The glue must name each import exactly once, as a key (`name:`), and each
renamed export only as a property (`.name`), or the build stops: a
wasm-bindgen that wrote them otherwise would get a wasm whose names the
glue no longer matches.
"""

import re


class RenameError(Exception):
    """A French message: the bundle cannot be renamed safely."""


def _uleb(data: bytes, i: int):
    """(value, next index) of the unsigned LEB128 at `data[i]`."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _uleb_bytes(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _name(data: bytes, i: int):
    length, i = _uleb(data, i)
    return data[i:i + length], i + length


def _skip_limits(data: bytes, i: int):
    flags = data[i]
    _, i = _uleb(data, i + 1)
    if flags & 1:
        _, i = _uleb(data, i)
    return i


def _value_type_end(body: bytes, i: int):
    """Where the value type at `body[i]` ends: one byte, or a reference
    type of the typed-references proposal (0x63, 0x64) and its heap type."""
    if body[i] in (0x63, 0x64):
        return _uleb(body, i + 1)[1]  # an s33, as long as a LEB128
    return i + 1


def _import_end(body: bytes, i: int):
    """Where the import description at `body[i]` (its kind byte) ends."""
    kind = body[i]
    i += 1
    if kind == 0:  # function: a type index
        return _uleb(body, i)[1]
    if kind == 1:  # table: element type, limits
        return _skip_limits(body, i + 1)
    if kind == 2:  # memory: limits
        return _skip_limits(body, i)
    if kind == 3:  # global: value type, mutability
        return _value_type_end(body, i) + 1
    if kind == 4:  # tag: attribute, type index
        return _uleb(body, i + 1)[1]
    raise RenameError(f"type d'import wasm inconnu : {kind}")


# wasm-bindgen's adapters of Rust closures, exported for its glue alone,
# named after their full Rust types (up to 330 characters): the glue reads
# them as properties of the instance's exports (`x.name`) and nothing else.
PRIVATE_EXPORTS = ("wasm_bindgen_",)

_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$_"
_NEXT = _FIRST + "0123456789"


def short_names():
    """`a` … `_`, then `aa`, `ab` …: identifiers a JavaScript object
    literal takes as bare keys (none is `__proto__`)."""
    length = 1
    while True:
        for n in range(len(_FIRST) * len(_NEXT) ** (length - 1)):
            name, n = _FIRST[n % len(_FIRST)], n // len(_FIRST)
            for _ in range(length - 1):
                name, n = name + _NEXT[n % len(_NEXT)], n // len(_NEXT)
            yield name
        length += 1


def _sections(wasm: bytes):
    """(id, body) of each section, in order."""
    if wasm[:8] != b"\0asm\1\0\0\0":
        raise RenameError("ce fichier n'est pas un module wasm (version 1)")
    i = 8
    while i < len(wasm):
        size, start = _uleb(wasm, i + 1)
        if start + size > len(wasm):
            raise RenameError("module wasm tronqué : une section dépasse la fin du fichier")
        yield wasm[i], wasm[start:start + size]
        i = start + size


def _rename_imports(body: bytes, glue: str, names, renamed):
    count, i = _uleb(body, 0)
    new = bytearray(_uleb_bytes(count))
    for _ in range(count):
        start = i
        module, i = _name(body, i)
        field, i = _name(body, i)
        end = _import_end(body, i)
        key = field.decode("utf-8")
        if f'"{module.decode("utf-8")}"' not in glue:
            # Not the glue's (say, the memory from "env"): kept.
            new += body[start:end]
        else:
            if key not in renamed:
                renamed[key] = next(names)
            short = renamed[key].encode()
            new += _uleb_bytes(len(module)) + module + _uleb_bytes(len(short)) + short + body[i:end]
        i = end
    return bytes(new)


def _rename_exports(body: bytes, names, renamed):
    count, i = _uleb(body, 0)
    entries = []
    for _ in range(count):
        field, i = _name(body, i)
        _, end = _uleb(body, i + 1)
        entries.append((field.decode("utf-8"), body[i:end]))
        i = end
    taken = {field for field, _ in entries}
    new = bytearray(_uleb_bytes(count))
    for field, rest in entries:
        if field.startswith(PRIVATE_EXPORTS):
            short = next(n for n in names if n not in taken)
            renamed[field] = short
            field = short
        new += _uleb_bytes(len(field.encode())) + field.encode() + rest
    return bytes(new)


def _replace_each(glue: str, renamed, written, how: str, once: bool):
    """`glue` with each key of `renamed` replaced by its short name.
    `written(key)`: the pattern of the only way the glue may write it
    (`how`, in the message); `once`: it must be written exactly once."""
    for key, short in renamed.items():
        word = re.compile(rf"(?<![\w$]){re.escape(key)}(?![\w$])")
        uses = len(word.findall(glue))
        expected = len(re.findall(written(re.escape(key)), glue))
        if uses == 0 or uses != expected or (once and uses != 1):
            raise RenameError(
                f"la glue JavaScript doit nommer {key} {how} (trouvé {uses} fois) : "
                "wasm-bindgen a changé d'écriture"
            )
        glue = word.sub(short, glue)
    return glue


def minify(wasm: bytes, glue: str):
    """(wasm, glue) with every import of the glue's module (the module
    the glue names, quoted, as its import object's key) and every export
    in PRIVATE_EXPORTS renamed to a short name."""
    try:
        return _minify(wasm, glue)
    except (IndexError, UnicodeDecodeError) as e:
        raise RenameError(f"module wasm illisible ({e})") from e


def _minify(wasm: bytes, glue: str):
    imports, exports = {}, {}
    out = bytearray(wasm[:8])
    for section, body in _sections(wasm):
        if section == 2:
            body = _rename_imports(body, glue, short_names(), imports)
        elif section == 7:
            body = _rename_exports(body, short_names(), exports)
        out += bytes([section]) + _uleb_bytes(len(body)) + body
    glue = _replace_each(
        glue, imports, lambda k: rf"(?<![\w$]){k}\s*:", "(un import) une seule fois, comme clé", once=True
    )
    glue = _replace_each(
        glue, exports, lambda k: rf"\.{k}(?![\w$])", "(un export) seulement comme propriété", once=False
    )
    return bytes(out), glue
