"""Tests of tools/kerning.py on the DSFR's own Marianne (node_modules, which
the Makefile installs before the tests) with Debian's fontTools: run by
`make test` under the system python."""

import io
import unittest
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

import kerning
import postbuild
from postbuild import FONT_FEATURES

FONTS = Path(__file__).resolve().parent.parent / "node_modules" / "@gouvfr" / "dsfr" / "dist" / "fonts"
TEXT = "Territoires d’industrie : « Vos priorités », Avenir, VTE, TO DO. Étape 1"


def subset_face(weight, text):
    options = subset.Options()
    options.hinting = False
    options.layout_features = FONT_FEATURES
    face = TTFont(FONTS / f"Marianne-{weight}.woff2")
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + text.upper())
    subsetter.subset(face)
    return face


def saved(face):
    face.flavor = "woff2"
    out = io.BytesIO()
    face.save(out)
    return out.getvalue()



def pair_value(face, first, second):
    """The horizontal adjustment kerning gives `first` then `second`: each
    lookup of `kern` in turn, in each the first subtable that covers
    `first` (and, listing pairs one by one, lists this pair)."""
    gpos = face["GPOS"].table
    lookups = set()
    for record in gpos.FeatureList.FeatureRecord:
        if record.FeatureTag == "kern":
            lookups.update(record.Feature.LookupListIndex)
    total = 0
    for index in sorted(lookups):
        lookup = gpos.LookupList.Lookup[index]
        for sub in lookup.SubTable:
            if lookup.LookupType == 9:
                sub = sub.ExtSubTable
            glyphs = sub.Coverage.glyphs
            if first not in glyphs:
                continue
            if sub.Format == 1:
                pair_set = sub.PairSet[glyphs.index(first)]
                found = [r for r in pair_set.PairValueRecord if r.SecondGlyph == second]
                if not found:
                    continue
                cell = found[0]
            else:
                row = sub.Class1Record[sub.ClassDef1.classDefs.get(first, 0)]
                cell = row.Class2Record[sub.ClassDef2.classDefs.get(second, 0)]
            value = getattr(cell, "Value1", None)
            total += getattr(value, "XAdvance", 0) or 0
            break
    return total


class KerningTest(unittest.TestCase):
    def test_every_pair_of_the_text_keeps_its_value_and_others_go(self):
        for weight in ("Regular", "Bold"):
            face = subset_face(weight, TEXT + " VaWo")
            glyphs = face.getGlyphOrder()
            before = {(a, b): pair_value(face, a, b) for a in glyphs for b in glyphs}
            pairs = kerning.glyph_pairs(face, kerning.text_pairs(TEXT))
            whole = len(saved(face))
            kerning.prune(face, pairs)
            cut = saved(face)
            after_face = TTFont(io.BytesIO(cut))
            for a, b in pairs:
                self.assertEqual(pair_value(after_face, a, b), before[a, b], (weight, a, b))
            # « Va » is kerned by Marianne but is not in TEXT: it goes.
            self.assertNotEqual(before["V", "a"], 0)
            self.assertEqual(pair_value(after_face, "V", "a"), 0)
            self.assertLess(len(cut), whole)

    def test_capitals_count_as_the_text(self):
        face = subset_face("Medium", "to")
        pairs = kerning.glyph_pairs(face, kerning.text_pairs("to"))
        self.assertIn(("t", "o"), pairs)
        self.assertIn(("T", "O"), pairs)
        self.assertNotIn(("T", "o"), pairs)

    def test_equal_classes_merge_and_class_zero_stays(self):
        face = subset_face("Regular", TEXT)
        sub = next(
            s for lookup in face["GPOS"].table.LookupList.Lookup for s in lookup.SubTable if s.Format == 2
        )
        rows = sub.Class1Count
        kerning.prune(face, set())
        self.assertEqual((sub.Class1Count, sub.Class2Count), (1, 1))
        self.assertLess(sub.Class1Count, rows)
        self.assertEqual((sub.ClassDef1.classDefs, sub.ClassDef2.classDefs), ({}, {}))

    def test_a_font_with_substitutions_is_refused(self):
        options = subset.Options()
        options.layout_features = ["kern", "tnum"]
        face = TTFont(FONTS / "Marianne-Regular.woff2")
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="0123456789")
        subsetter.subset(face)
        with self.assertRaisesRegex(ValueError, "substitutions"):
            kerning.glyph_pairs(face, kerning.text_pairs("2026"))


RUST = r"""
//! « Pas à l'écran » : a doc comment.
/* nor « this » */
fn view<'a>(x: &'a str) -> &'static str {
    let url = "https://example.org/a//b"; // « not this »
    let c = '«';
    let nbsp = '\u{a0}';
    let both = "Étape\u{202f}:\n\"Suivant\"";
    let raw = r#"Il dit "oui""#;
    view! { <p class="fr-text">"Précédent"</p> }
}
"""


class ShownTextTest(unittest.TestCase):
    def test_rust_literals_without_code_nor_comments(self):
        self.assertEqual(
            kerning.rust_strings(RUST),
            ["https://example.org/a//b", "«", "\u00a0", "Étape\u202f:\n\"Suivant\"", 'Il dit "oui"', "fr-text", "Précédent"],
        )

    def test_pages_scripts_and_the_catalogue_values(self):
        text = kerning.shown_text(
            ["fn f() { g(\"Voir\") } // Écarté"],
            ["<!-- Commentaire --><p>Données&nbsp;ouvertes</p>"],
            ["alert('Erreur')"],
            '{"checked_at": "x", "modules": [{"title": "Foncier"}], "n": 3}',
        )
        self.assertEqual(
            text,
            "Voir\n<p>Données\u00a0ouvertes</p>\nalert('Erreur')\nx\nFoncier\n" + kerning.FIGURES,
        )

    def test_figures_written_at_run_time_keep_their_pairs(self):
        pairs = kerning.text_pairs(kerning.FIGURES)
        for pair in ["07", "99", "3\u00a0", "\u202f2", "4 ", " 6"]:
            self.assertIn(tuple(pair), pairs)

    def test_the_fonts_have_every_character_of_the_crates_in_the_wasm(self):
        """The engine writes text too (reasons, « a → b » in the changes
        since the last committee): the literals of both crates the wasm is
        built from reach the subset's text."""
        repo = Path(__file__).resolve().parent.parent
        text = set(postbuild.font_text(repo))
        for crate in ("app/web/src", "app/core/src"):
            for path in sorted((repo / crate).rglob("*.rs")):
                for literal in kerning.rust_strings(path.read_text(encoding="utf-8")):
                    self.assertLessEqual(set(literal), text, f"{path}: {literal!r}")
        self.assertIn("→", text)


if __name__ == "__main__":
    unittest.main()
