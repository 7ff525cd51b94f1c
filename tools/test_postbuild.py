"""Tests of the build's own step (tools/postbuild.py) and of the DSFR trim
(tools/css_purge.py). Standard library only; run by `make test`:

    python3 -m unittest discover -s tools
"""

import hashlib
import json
import tempfile
import unittest
from pathlib import Path

import css_purge
import postbuild
from postbuild import Build, BuildError

INDEX = """<!doctype html><html><meta content=__CATALOGUE_VERSION__ name=parcours-catalogue-version>
<meta content=__CATALOGUE_DIGEST__ name=parcours-catalogue-digest>
<meta content=__OFFLINE__ name=parcours-offline><meta content=__ATELIER__ name=parcours-atelier>
<script src=/sub/loader-1.js type=module></script></html>
"""


class StagingTest(unittest.TestCase):
    """A staging folder as Trunk leaves it for the post_build hook."""

    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.staging = Path(self._dir.name)
        self.write("index.html", INDEX)
        self.write("content/catalogue.json", '{\n  "version": "2026.12.0",\n  "a": "x  y\\" z"\n}\n')
        self.write("content/README.md", "# guide")
        self.write("parcours-atelier.js", "export default 1;")
        self.write("parcours-atelier_bg.wasm", "\0asm")
        self.write("parcours-web-1.js", "export default 2;")
        self.write("dsfr/favicon/favicon.svg", "<svg/>")
        self.write("dsfr/fonts/Marianne-Regular.woff2", "r")
        self.write("dsfr/fonts/Marianne-Regular_Italic.woff2", "i")
        self.write("sw.js", (Path(__file__).parent.parent / "app" / "web" / "sw.js").read_text())
        self.build = Build(src=Path("/nonexistent"), staging=self.staging, release=True, public_url="/sub/")

    def tearDown(self):
        self._dir.cleanup()

    def write(self, rel, text):
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, rel):
        return (self.staging / rel).read_text(encoding="utf-8")


class Catalogue(StagingTest):
    def test_blanks_between_tokens_go_and_every_value_stays(self):
        postbuild.catalogue(self.build)
        self.assertEqual(self.read("content/catalogue.json"), '{"version":"2026.12.0","a":"x  y\\" z"}\n')
        self.assertIn("content=2026.12.0 name=parcours-catalogue-version", self.read("index.html"))

    def test_members_are_published_in_their_order_byte_for_byte(self):
        self.write("content/catalogue.json", '{"questionnaire": {"a": [1, 2.50]}, "extra": "\\u00e9",\n'
                   ' "rules": [], "modules": [{"id": "m"}], "schema": 2, "rules": [3]}')
        postbuild.catalogue(self.build)
        self.assertEqual(self.read("content/catalogue.json"),
                         '{"schema":2,"modules":[{"id":"m"}],"rules":[],"rules":[3],'
                         '"questionnaire":{"a":[1,2.50]},"extra":"\\u00e9"}\n')

    def test_a_catalogue_that_is_not_json_is_published_as_is(self):
        self.write("content/catalogue.json", '{"version": "1",')
        postbuild.catalogue(self.build)
        self.assertEqual(self.read("content/catalogue.json"), '{"version": "1",')
        self.assertIn("content= name=parcours-catalogue-version", self.read("index.html"))

    def test_a_catalogue_that_is_not_an_object_has_no_version(self):
        self.write("content/catalogue.json", "[1, 2]")
        postbuild.catalogue(self.build)
        self.assertEqual(self.read("content/catalogue.json"), "[1,2]\n")
        self.assertIn("content= name=parcours-catalogue-version", self.read("index.html"))


class CatalogueDigest(StagingTest):
    def test_a_checked_catalogue_is_stamped_with_the_digest_of_its_published_copy(self):
        postbuild.catalogue(self.build)
        postbuild.catalogue_digest(self.build, check=lambda build: True)
        published = (self.staging / "content" / "catalogue.json").read_bytes()
        self.assertIn(f"content={hashlib.sha256(published).hexdigest()} name=parcours-catalogue-digest",
                      self.read("index.html"))

    def test_a_refused_catalogue_fails_a_release_build(self):
        with self.assertRaises(BuildError):
            postbuild.catalogue_digest(self.build, check=lambda build: False)

    def test_a_refused_catalogue_gets_no_digest_while_editing(self):
        self.build.release = False
        postbuild.catalogue_digest(self.build, check=lambda build: False)
        self.assertIn("content= name=parcours-catalogue-digest", self.read("index.html"))

    def test_the_digest_is_taken_after_the_compaction(self):
        steps = postbuild.POST_BUILD
        self.assertLess(steps.index(postbuild.catalogue), steps.index(postbuild.catalogue_digest))


class Placeholders(StagingTest):
    def test_a_missing_placeholder_fails_the_build(self):
        self.write("index.html", "<html></html>")
        with self.assertRaises(BuildError):
            postbuild.offline(self.build)

    def test_offline_only_in_release_builds(self):
        postbuild.offline(self.build)
        self.assertIn("content=on name=parcours-offline", self.read("index.html"))
        self.write("index.html", INDEX)
        self.build.release = False
        postbuild.offline(self.build)
        self.assertIn("content=off name=parcours-offline", self.read("index.html"))


class Atelier(StagingTest):
    def test_the_bundle_is_named_by_its_hash_and_the_page_knows_the_name(self):
        postbuild.atelier(self.build)
        stem = "parcours-atelier-" + postbuild.content_hash(b"export default 1;\0asm")
        self.assertTrue((self.staging / f"{stem}.js").is_file())
        self.assertTrue((self.staging / f"{stem}_bg.wasm").is_file())
        self.assertFalse((self.staging / "parcours-atelier.js").exists())
        self.assertIn(f"content=/sub/{stem} name=parcours-atelier", self.read("index.html"))
        self.assertRegex(stem, r"-[0-9a-f]{16}$")

    def test_a_missing_bundle_fails_the_build(self):
        (self.staging / "parcours-atelier_bg.wasm").unlink()
        with self.assertRaises(BuildError):
            postbuild.atelier(self.build)


TERSER = Path(__file__).resolve().parent.parent / "node_modules" / ".bin" / "terser"


@unittest.skipUnless(TERSER.is_file(), "terser (npm ci) is not installed")
class MinifyScripts(StagingTest):
    def setUp(self):
        super().setUp()
        self.build.src = TERSER.parent.parent.parent
        self.write("loader-1.js", "// comment\nawait new Promise((resolve) => setTimeout(resolve, 0));\n"
                   "const bindings = await import(\"./x.js\");\nexport const started = bindings;\n")
        self.write("shell-1.js", "// comment\nfunction visibleToOthers(argument) { return argument; }\n")

    def test_modules_and_classic_scripts_are_minified_with_their_names_seen_from_outside(self):
        worker = self.read("sw.js")
        postbuild.minify_scripts(self.build)
        loader, shell = self.read("loader-1.js"), self.read("shell-1.js")
        self.assertNotIn("comment", loader + shell)
        self.assertIn('await(import("./x.js"))', loader)
        self.assertIn("export const started=", loader)
        self.assertIn("function visibleToOthers(", shell)
        self.assertEqual(self.read("sw.js"), worker)

    def test_debug_builds_keep_their_scripts(self):
        self.build.release = False
        postbuild.minify_scripts(self.build)
        self.assertIn("// comment", self.read("loader-1.js"))


class ServiceWorker(StagingTest):
    def files_and_version(self):
        text = self.read("sw.js")
        start = text.index("const BUILD = ") + len("const BUILD = ")
        build = json.loads(text[start: text.index(";\n", start)])
        return build["files"], build["version"]

    def test_every_file_a_visit_needs_and_nothing_else(self):
        postbuild.service_worker(self.build)
        files, version = self.files_and_version()
        self.assertEqual(files, [
            "content/catalogue.json",
            "dsfr/fonts/Marianne-Regular.woff2",
            "./",
            "parcours-atelier.js",
            "parcours-atelier_bg.wasm",
            "parcours-web-1.js",
        ])
        self.assertRegex(version, r"^[0-9a-f]{16}$")
        self.assertNotIn('version: "dev"', self.read("sw.js"))

    def test_the_version_follows_the_content(self):
        first, _ = postbuild.precache_list(self.staging)
        _, before = postbuild.precache_list(self.staging)
        self.write("parcours-web-1.js", "export default 3;")
        again, after = postbuild.precache_list(self.staging)
        self.assertEqual(first, again)
        self.assertNotEqual(before, after)

    def test_the_worker_must_hold_its_placeholder(self):
        self.write("sw.js", "const BUILD = {};")
        with self.assertRaises(BuildError):
            postbuild.service_worker(self.build)

    def test_steps_run_in_order_with_the_worker_last(self):
        self.assertIs(postbuild.POST_BUILD[-1], postbuild.service_worker)


class CssPurge(unittest.TestCase):
    def test_rules_the_app_cannot_match_go(self):
        css = ".fr-btn{a:1}.fr-tile{b:2}.fr-btn .fr-tile{c:3}p{d:4}"
        self.assertEqual(css_purge.trim(css, 'class="fr-btn"'), ".fr-btn{a:1}p{d:4}")

    def test_a_selector_list_keeps_what_can_match(self):
        self.assertEqual(css_purge.trim(".fr-a,.fr-b{x:1}", "fr-b"), ".fr-b{x:1}")

    def test_classes_inside_not_are_not_required(self):
        css = ".fr-a:not(.fr-b){x:1}"
        self.assertEqual(css_purge.trim(css, "fr-a"), css)

    def test_dark_theme_and_internet_explorer_go(self):
        css = ":root[data-fr-theme=dark]{x:1}@media (-ms-high-contrast:active){.fr-a{y:2}}" \
              "@media (forced-colors:active){.fr-a{z:3}}"
        self.assertEqual(css_purge.trim(css, "fr-a"), "@media (forced-colors:active){.fr-a{z:3}}")

    def test_unused_custom_properties_go_until_none_is_left(self):
        css = ":root{--a:1;--b:var(--a);--c:2}.fr-x{color:var(--c)}"
        self.assertEqual(css_purge.trim(css, "fr-x"), ":root{--c:2}.fr-x{color:var(--c)}")

    def test_a_class_prefix_selector_needs_a_class_it_starts(self):
        css = '[class*=" fr-fi-"]:before,[class^=fr-icon-]:before{x:1}[class^=fr-col-]{y:2}a:not([class^=fr-z]){z:3}'
        self.assertEqual(css_purge.trim(css, "fr-icon-info-line"), "[class^=fr-icon-]:before{x:1}a:not([class^=fr-z]){z:3}")
        self.assertEqual(css_purge.trim(css, 'format!("fr-col-{n}")'), "[class^=fr-col-]{y:2}a:not([class^=fr-z]){z:3}")

    def test_a_prefix_in_the_sources_keeps_every_class_it_starts(self):
        css = ".fr-icon-a{x:1}.fr-icon-b{y:2}.fr-other{z:3}"
        self.assertEqual(css_purge.trim(css, 'format!("fr-icon-{name}")'), ".fr-icon-a{x:1}.fr-icon-b{y:2}")


if __name__ == "__main__":
    unittest.main()
