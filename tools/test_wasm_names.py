"""Tests of the short import names (tools/wasm_names.py) and of the build
step that applies them (postbuild.short_names). The module is written
byte by byte here; Node (installed by the Makefile for the build's npm
tools) compiles the result and lists its imports."""

import json
import subprocess
import tempfile
import unittest
from pathlib import Path

import postbuild
import wasm_names
from postbuild import Build, BuildError

GLUE_MODULE = b"./parcours-web_bg.js"
LONG = [
    "__wbg_appendChild_dbf7ad2f48413560",
    "__wbg_getItem_49556a3e59cfb688",
    "__wbindgen_init_externref_table",
]


def name(text: bytes) -> bytes:
    return wasm_names._uleb_bytes(len(text)) + text


def section(section_id: int, body: bytes) -> bytes:
    return bytes([section_id]) + wasm_names._uleb_bytes(len(body)) + body


CLOSURE = "wasm_bindgen_3a9918c0847f9d1e___convert__closures_____invoke_______true_"


def module(fields=LONG) -> bytes:
    """Imports `fields` as functions () -> (), a memory import, one function
    calling the first import exported as `main` and as a closure adapter
    of wasm-bindgen's, and a custom section after the code."""
    types = section(1, b"\x01\x60\x00\x00")
    imports = bytearray(wasm_names._uleb_bytes(len(fields) + 1))
    for field in fields:
        imports += name(GLUE_MODULE) + name(field.encode()) + b"\x00\x00"
    imports += name(b"env") + name(b"memory") + b"\x02\x01\x01\x02"
    functions = section(3, b"\x01\x00")
    index = wasm_names._uleb_bytes(len(fields))
    exports = section(7, b"\x02" + name(b"main") + b"\x00" + index + name(CLOSURE.encode()) + b"\x00" + index)
    code = section(10, b"\x01\x04\x00\x10\x00\x0b")
    custom = section(0, name(b"note") + b"kept as it is")
    return b"\0asm\1\0\0\0" + types + section(2, bytes(imports)) + functions + exports + code + custom


def glue(fields=LONG, closure=CLOSURE) -> str:
    keys = ",".join(f"{f}:function(){{return {i}}}" for i, f in enumerate(fields))
    imports = f'function e(){{const n={{__proto__:null,{keys}}};return{{"./parcours-web_bg.js":n}}}}'
    return imports + f";function c(I){{return I.{closure}(1)+I.main()}}"


def node_lists(wasm: bytes):
    """The (module, name) of each import and the name of each export, as a
    JavaScript engine reads them."""
    script = (
        "const m=new WebAssembly.Module(require('fs').readFileSync(0));"
        "console.log(JSON.stringify([WebAssembly.Module.imports(m),WebAssembly.Module.exports(m)]))"
    )
    done = subprocess.run(["node", "-e", script], input=wasm, capture_output=True, check=True)
    imports, exports = json.loads(done.stdout)
    return [(i["module"], i["name"]) for i in imports], [e["name"] for e in exports]


def node_imports(wasm: bytes):
    return node_lists(wasm)[0]


class Minify(unittest.TestCase):
    def test_the_original_module_is_valid(self):
        self.assertEqual(
            node_imports(module()),
            [("./parcours-web_bg.js", f) for f in LONG] + [("env", "memory")],
        )

    def test_imports_are_renamed_in_both_files_alike(self):
        wasm, js = wasm_names.minify(module(), glue())
        imports = node_imports(wasm)
        self.assertEqual(imports, [("./parcours-web_bg.js", n) for n in "abc"] + [("env", "memory")])
        for field in LONG:
            self.assertNotIn(field, js)
        self.assertEqual(js, glue(["a", "b", "c"], "a"))

    def test_closure_adapters_are_renamed_and_other_exports_kept(self):
        self.assertEqual(node_lists(module())[1], ["main", CLOSURE])
        wasm, js = wasm_names.minify(module(), glue())
        self.assertEqual(node_lists(wasm)[1], ["main", "a"])
        self.assertIn("I.a(1)+I.main()", js)

    def test_a_closure_adapter_read_otherwise_stops_the_build(self):
        with self.assertRaises(wasm_names.RenameError):
            wasm_names.minify(module(), glue() + f';const k="{CLOSURE}"')
        with self.assertRaises(wasm_names.RenameError):
            wasm_names.minify(module(), glue(closure="main"))

    def test_every_other_section_is_copied_byte_for_byte(self):
        before = dict((i, b) for i, b in wasm_names._sections(module()) if i not in (2, 7))
        wasm, _ = wasm_names.minify(module(), glue())
        after = dict((i, b) for i, b in wasm_names._sections(wasm) if i not in (2, 7))
        self.assertEqual(before, after)
        self.assertLess(len(wasm), len(module()))

    def test_a_glue_that_lacks_an_import_stops_the_build(self):
        with self.assertRaises(wasm_names.RenameError) as raised:
            wasm_names.minify(module(), glue(LONG[:2]))
        self.assertIn(LONG[2], str(raised.exception))

    def test_a_glue_that_names_an_import_twice_stops_the_build(self):
        twice = glue() + f";n.{LONG[0]}()"
        with self.assertRaises(wasm_names.RenameError):
            wasm_names.minify(module(), twice)

    def test_a_longer_name_holding_another_is_left_alone(self):
        fields = ["__wbg_x", "__wbg_x_y"]
        wasm, js = wasm_names.minify(module(fields), glue(fields))
        self.assertEqual(js, glue(["a", "b"], "a"))
        self.assertEqual([n for _, n in node_imports(wasm)], ["a", "b", "memory"])

    def test_not_a_module(self):
        with self.assertRaises(wasm_names.RenameError):
            wasm_names.minify(b"\0asm", "")

    def test_a_truncated_module_stops_the_build(self):
        for end in (len(module()) - 1, 30, 9):
            with self.assertRaises(wasm_names.RenameError):
                wasm_names.minify(module()[:end], glue())

    def test_a_global_of_a_typed_reference_is_read_whole(self):
        # (import "env" "g" (global (ref null 5))): 0x63 then heap type 5.
        imports = b"\x01" + name(b"env") + name(b"g") + b"\x03\x63\x05\x00"
        self.assertEqual(wasm_names._import_end(imports, len(imports) - 4), len(imports))

    def test_short_names_are_distinct_bare_keys(self):
        names = [n for _, n in zip(range(5000), wasm_names.short_names())]
        self.assertEqual(len(set(names)), len(names))
        self.assertEqual(names[:3], ["a", "b", "c"])
        self.assertEqual(len(names[53]), 1)
        self.assertEqual(len(names[54]), 2)
        self.assertNotIn("__proto__", names)
        for n in names:
            self.assertRegex(n, r"^[A-Za-z$_][A-Za-z0-9$_]*$")


class Step(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.staging = Path(self._dir.name)
        self.build = Build(src=Path("/nonexistent"), staging=self.staging, release=True, public_url="/")
        (self.staging / "parcours-web-1_bg.wasm").write_bytes(module())
        (self.staging / "parcours-web-1.js").write_text(glue(), encoding="utf-8")

    def tearDown(self):
        self._dir.cleanup()

    def test_release_builds_shorten_each_bundle(self):
        postbuild.short_names(self.build)
        self.assertEqual((self.staging / "parcours-web-1.js").read_text(encoding="utf-8"), glue(["a", "b", "c"], "a"))
        self.assertNotIn(LONG[0].encode(), (self.staging / "parcours-web-1_bg.wasm").read_bytes())

    def test_other_builds_keep_the_names(self):
        self.build.release = False
        postbuild.short_names(self.build)
        self.assertEqual((self.staging / "parcours-web-1_bg.wasm").read_bytes(), module())

    def test_a_bundle_without_its_glue_stops_the_build(self):
        (self.staging / "parcours-web-1.js").unlink()
        with self.assertRaises(BuildError):
            postbuild.short_names(self.build)

    def test_it_runs_after_terser_and_before_the_atelier_is_named(self):
        steps = postbuild.POST_BUILD
        self.assertLess(steps.index(postbuild.minify_scripts), steps.index(postbuild.short_names))
        self.assertLess(steps.index(postbuild.short_names), steps.index(postbuild.atelier))


if __name__ == "__main__":
    unittest.main()
