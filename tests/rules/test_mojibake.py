"""mojibake: ftfy repairs only the broken stretches; correct text, curly quotes included, stays."""

from __future__ import annotations

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("mojibake")
# Words a news text about the region might hold, accented and typographic ones included.
WORD = st.sampled_from(
    ["Myanmar’s", "São", "Paulo", "café", "naïve", "Zürich", "–", "“quoted”", "don’t", "École", "€5",
     "the", "talks"]
)


def findings(text: str):
    return run_rules(Document(text), [RULE], Settings())


def fixed(text: str, unsafe: bool = False) -> str:
    return fix_text(text, [RULE], Settings(), unsafe=unsafe).text


def test_utf8_read_as_windows_1252_is_repaired_by_safe_fix():
    text = "The ministerâ€™s visit to SÃ£o Paulo â€“ and the â€œfriendlyâ€\x9d talks"
    assert fixed(text) == "The minister’s visit to São Paulo – and the “friendly” talks"


def test_each_broken_stretch_is_its_own_local_edit():
    text = "He said “yes” â€“ donâ€™t quote me."
    edits = findings(text)
    assert [text[e.start : e.end] for e in edits] == ["â€“", "â€™"]
    assert [e.replacement for e in edits] == ["–", "’"]


def test_curly_quotes_and_correct_accents_are_never_touched():
    for text in (
        "Lavrov’s “reliable partner” – said in Naypyitaw…",
        "Café, naïve, Zürich, São Paulo, ﬁne ligature, ｗｉｄｅ letters",
        "SÃO PAULO e JOÃO",  # Portuguese capitals, not mojibake
    ):
        assert findings(text) == [], text


def test_guessed_repair_is_only_suggested():
    # "Ã " may be a lost no-break space (à) or a real letter: ftfy has to guess.
    text = "the dÃ©jÃ  vu moment"
    edits = findings(text)
    assert edits and any(e.fix is FixKind.SUGGESTED for e in edits)
    assert fixed(text, unsafe=True) == "the déjà vu moment"


def test_crlf_and_other_lines_are_kept():
    text = "clean line\r\nCafÃ© line\r\nanother clean line\r\n"
    assert fixed(text) == "clean line\r\nCafé line\r\nanother clean line\r\n"


@hyp_settings(max_examples=100, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=10), st.sampled_from(["latin-1", "cp1252"]))
def test_any_mojibake_of_correct_text_is_repaired_to_it(words, codec):
    clean = " ".join(words)
    assert findings(clean) == []
    try:
        broken = clean.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return  # cp1252 has holes (0x81, 0x8d, ...): such bytes never reach a text file this way
    if broken != clean:
        assert fixed(broken, unsafe=True) == clean
