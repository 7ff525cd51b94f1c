"""Tests of tools/kerning.py on the DSFR's own Marianne (node_modules, which
the Makefile installs before the tests) with Debian's fontTools: run by
`make test` under the system python."""

import io
import unittest
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

import kerning

FONTS = Path(__file__).resolve().parent.parent / "node_modules" / "@gouvfr" / "dsfr" / "dist" / "fonts"
TEXT = "Territoires d’industrie : « Vos priorités », Avenir, VTE, TO DO. Étape 1"


def subset_face(weight, text):
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["kern", "liga"]
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


class KerningTest(unittest.TestCase):
    def test_every_pair_of_the_text_keeps_its_value_and_others_go(self):
        for weight in ("Regular", "Bold"):
            face = subset_face(weight, TEXT + " VaWo")
            glyphs = face.getGlyphOrder()
            before = {(a, b): kerning.pair_value(face, a, b) for a in glyphs for b in glyphs}
            pairs = kerning.glyph_pairs(face, TEXT)
            whole = len(saved(face))
            kerning.prune(face, pairs)
            cut = saved(face)
            after_face = TTFont(io.BytesIO(cut))
            for a, b in pairs:
                self.assertEqual(kerning.pair_value(after_face, a, b), before[a, b], (weight, a, b))
            # « Va » is kerned by Marianne but is not in TEXT: it goes.
            self.assertNotEqual(before["V", "a"], 0)
            self.assertEqual(kerning.pair_value(after_face, "V", "a"), 0)
            self.assertLess(len(cut), whole)

    def test_capitals_count_as_the_text(self):
        face = subset_face("Medium", "to")
        pairs = kerning.glyph_pairs(face, "to")
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
            kerning.glyph_pairs(face, "2026")


if __name__ == "__main__":
    unittest.main()
