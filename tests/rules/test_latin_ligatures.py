"""latin-ligatures: presentation-form ligatures become plain letters, safely."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("latin-ligatures")
WORD = st.sampled_from(["financial", "flights", "official", "staff", "office", "affluent", "first", "the", "army"])
LIGATE = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}


def ligate(word: str) -> str:
    for plain, lig in LIGATE.items():
        word = word.replace(plain, lig)
    return word


def test_pdf_copy_is_repaired_by_safe_fix():
    text = "The \ufb01nance o\ufb03ce said \ufb02ights were cut."
    assert {e.fix for e in run_rules(Document(text), [RULE], Settings())} == {FixKind.SAFE}
    assert fix_text(text, [RULE], Settings()).text == "The finance office said flights were cut."


def test_other_presentation_forms_and_plain_text_stay():
    for text in ("financial flows", "\ufb13 Armenian", "\ufb1d Hebrew"):
        assert run_rules(Document(text), [RULE], Settings()) == [], text


@hyp_settings(max_examples=60, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=10))
def test_ligated_words_come_back_as_the_words(words):
    clean = " ".join(words)
    broken = ligate(clean)
    assert unicodedata.normalize("NFKC", broken) == clean
    assert fix_text(broken, [RULE], Settings()).text == clean
