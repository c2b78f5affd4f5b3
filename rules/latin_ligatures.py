"""Latin ligature characters ("ﬁnancial", "ﬂights") from PDF or print copy.

What it does:
    Flags the presentation-form ligatures U+FB00-U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ)
    and replaces each with the letters it stands for.

Why it's a problem:
    Text copied from PDFs keeps the typesetter's ligature glyphs as single
    characters: "ﬁnancial" looks right but does not match "financial" in
    search, spell checking or the grammar pass, and some fonts show it as a
    box.

Example:
    "the ﬁnancial ﬂows" becomes "the financial flows".

References:
    Unicode code chart "Alphabetic Presentation Forms" (FB00-FB4F);
    ftfy's fix_latin_ligatures.
"""

from __future__ import annotations

import re
import unicodedata

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules._text import present

META = RuleMeta("CL607", "latin-ligatures", "unicode", Severity.WARNING, FixAvailability.ALWAYS)

_CHARS = "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
_LIGATURES = re.compile(f"[{_CHARS}]+")

FAILS = [
    ("the \ufb01nancial \ufb02ows", "the financial flows"),
    ("an o\ufb03cial sta\ufb00 list", "an official staff list"),
]
PASSES = ["the financial flows", "ﬗ Armenian ligature stays"]


def check(doc, settings):
    text = doc.text
    # Seven character tests are much faster than a regex scan of a text
    # that, almost always, has no ligature at all.
    if not present(text, _CHARS):
        return
    for m in _LIGATURES.finditer(text):
        letters = unicodedata.normalize("NFKC", m.group())
        yield META.edit(m.start(), m.end(), f"Ligature {m.group()!r}: write {letters!r}", letters, FixKind.SAFE)
