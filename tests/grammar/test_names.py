"""The name filter: correct names stay out of grammar output, misspellings do not."""

from __future__ import annotations

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.grammar import run_grammar
from cleaner.grammar.names import NameFilter, looks_glued

# Text written for these tests: names recur, one is mangled once, one
# ordinary word is misspelt.
ARTICLE = (
    "Foreign minister Sergei Lavrov met Min Aung Hlaing in Naypyitaw on Wednesday. "
    "The visit to Naypyitaw was brief.\n\n"
    "Lavrov praised Min Aung Hlaing, and Min Aunging thanked him. "
    "The goverment said little.\n\n"
    "Analyst Sebastian Strangio called the visit symbolic."
)


def span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def test_evidence_for_recurring_names_and_name_parts():
    f = NameFilter(Document(ARTICLE))
    assert f.evidence(*span(ARTICLE, "Naypyitaw")).reason == "recurring"
    assert f.evidence(*span(ARTICLE, "Hlaing")) is not None
    assert f.evidence(*span(ARTICLE, "Lavrov")) is not None


def test_mangled_glued_and_lowercase_words_are_not_names():
    f = NameFilter(Document(ARTICLE))
    assert f.evidence(*span(ARTICLE, "Aunging")) is None  # looks like "Aung": the artifact
    assert f.evidence(*span(ARTICLE, "goverment")) is None
    text = "Talks with Chinahave stalled, said U TezaChairman of the group."
    g = NameFilter(Document(text))
    assert g.evidence(*span(text, "Chinahave")) is None
    assert g.evidence(*span(text, "TezaChairman")) is None


def test_a_full_name_given_once_is_a_name():
    f = NameFilter(Document(ARTICLE))
    assert f.evidence(*span(ARTICLE, "Strangio")).reason == "full-name"
    text = "Total, Chevron, Petronas, Woodside and Eneos have left."
    g = NameFilter(Document(text))
    assert g.evidence(*span(text, "Eneos")).reason == "full-name"
    assert g.evidence(*span(text, "Woodside")).reason == "full-name"


def test_dictionary_matches_exactly_not_by_prefix():
    text = "Hlaig arrived. Hlaing left."
    f = NameFilter(Document(text), frozenset({"Hlaing"}))
    assert f.evidence(*span(text, "Hlaing")).reason == "dictionary"
    assert f.evidence(*span(text, "Hlaig")) is None
    assert NameFilter(Document("the hlaing"), frozenset({"Hlaing"})).evidence(4, 10) is None


def test_possessive_of_a_dictionary_word_is_covered():
    text = "Yesterday Servaes’s book appeared."
    f = NameFilter(Document(text), frozenset({"Servaes"}))
    assert f.evidence(*span(text, "Servaes’s")).reason == "dictionary"


def test_punctuation_after_a_name_is_not_a_rewrite():
    text = "Lavrov met Lavrov."
    f = NameFilter(Document(text))
    a, b = span(text, "Lavrov")
    assert f.rewrites_name(a, b, ("Lavrov,",), spelling=False) is None
    assert f.rewrites_name(a, b, ("Lvov",), spelling=False) is not None
    assert f.rewrites_name(a, b, (), spelling=True) is not None


def test_looks_glued():
    assert looks_glued("Sokhonnwho") and looks_glued("reservedOrigin") and looks_glued("Chinahave")
    assert not looks_glued("Woodside") and not looks_glued("McDonald") and not looks_glued("Strangio")


def test_harper_pass_drops_names_keeps_misspellings_and_mangled_names():
    result = run_grammar(Document(ARTICLE, "a.txt"), Settings(grammar="harper", cache=False))
    flagged = {ARTICLE[e.start : e.end] for e in result.edits if dict(e.data).get("spelling")}
    assert "goverment" in flagged
    assert "Aunging" in flagged
    assert flagged.isdisjoint({"Lavrov", "Naypyitaw", "Hlaing", "Aung", "Strangio"})
    dropped = {ev.word for _, ev in result.names}
    assert {"Naypyitaw", "Hlaing", "Strangio"} <= dropped
    # Harper's own first suggestion for "Min" is "Minimum": the name is left alone.
    assert not any(ARTICLE[e.start : e.end] == "Min" for e in result.edits)


def test_user_dictionary_hides_a_once_seen_name(tmp_path):
    # At a sentence start the capital proves nothing, so only the dictionary
    # can vouch for the name.
    text = "Teodorix arrived yesterday.\n"
    words = tmp_path / "d.txt"
    settings = Settings(grammar="harper", cache=False, dictionary=words)
    before = run_grammar(Document(text), settings).edits
    assert any(text[e.start : e.end] == "Teodorix" for e in before)
    words.write_text("Teodorix\n")
    after = run_grammar(Document(text), settings).edits
    assert not any(text[e.start : e.end] == "Teodorix" for e in after)


# Written for this test: a British article with an acronym defined in
# brackets, a recurring hyphenated name, a bulleted byline, and one real
# misspelling of an ordinary word.
BRITISH = (
    "Harbour plan approved\n\n"
    "  • Reporting by Ines Carvalho\n"
    "  • Coastal Ledger Service\n\n"
    "Mayor Adaeze Okonkwo-Bright backed the harbour plan of the Port Ellery Harbour Trust (PEHT). "
    "The colour of the new quay was not discussed.\n\n"
    "Mayor Adaeze Okonkwo-Bright said the goverment would pay.\n"
)


def test_acronyms_hyphenated_names_dialect_spellings_and_indentation_are_left_alone():
    result = run_grammar(Document(BRITISH), Settings(grammar="harper", cache=False))
    flagged = {BRITISH[e.start : e.end] for e in result.edits}
    for correct in ("PEHT", "Okonkwo", "harbour", "Harbour", "colour"):
        assert not any(correct in f for f in flagged), (correct, flagged)
    assert not any(BRITISH[e.start : e.end].isspace() for e in result.edits), "indentation is layout"
    assert "goverment" in flagged, "a real misspelling of an ordinary word still comes through"
    reasons = {BRITISH[e.start : e.end]: ev.reason for e, ev in result.names}
    assert reasons.get("PEHT") == "acronym"
    assert reasons.get("Okonkwo") == "recurring"


def test_dialect_spelling_is_a_swap_of_regular_endings_only():
    from cleaner.grammar.run import is_dialect_spelling

    assert is_dialect_spelling("harbourmaster", ("harbormaster",))
    assert is_dialect_spelling("organisation", ("organization",))
    assert is_dialect_spelling("tyres", ("tares", "tires"))  # any alternative, not only the first
    assert not is_dialect_spelling("goverment", ("government",))
    assert not is_dialect_spelling("recieve", ("receive",))


def test_a_capitalised_word_inside_a_sentence_is_a_proper_noun_but_sentence_starts_are_not():
    text = "She will vote in her home village of Skarhamn on Sunday, and the goverment knows it.\n"
    result = run_grammar(Document(text), Settings(grammar="harper", cache=False))
    flagged = {text[e.start : e.end] for e in result.edits}
    assert "Skarhamn" not in flagged
    assert "goverment" in flagged
    assert ("Skarhamn", "proper-noun") in {(ev.word, ev.reason) for _, ev in result.names}


def test_speller_misses_on_frequent_british_words_and_brands_are_dropped():
    # Written for this test: British spellings Harper's American word list
    # lacks, a camel-case brand, and a real misspelling.
    text = (
        "The programme measured the river at 5.6 metres, and afterwards the "
        "director of ScamWatch UK said the goverment must act.\n"
    )
    result = run_grammar(Document(text), Settings(grammar="harper", cache=False))
    flagged = {text[e.start : e.end] for e in result.edits}
    assert flagged.isdisjoint({"programme", "metres", "afterwards", "ScamWatch"}), flagged
    assert "goverment" in flagged
