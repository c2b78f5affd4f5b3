"""entity-variant: which garbled names it restores, and which real names it never touches."""

from __future__ import annotations

import os
from pathlib import Path

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("entity-variant")
# No user dictionary: the results must not depend on the machine the tests run on.
SETTINGS = Settings(grammar="none", dictionary=Path(os.devnull))

MIN = "Min Aung Hlaing met the envoy. Later Min Aung Hlaing spoke, and Min Aung Hlaing left. "
LAV = "Lavrov arrived. Then Lavrov spoke and Lavrov left, and Lavrov flew home. "


def edits(text: str):
    return run_rules(Document(text), [RULE], SETTINGS)


def test_garbled_multi_word_name_gets_the_documents_form():
    text = MIN + "Regime leader Min Aunging said so."
    [edit] = edits(text)
    assert text[edit.start : edit.end] == "Min Aunging"
    assert edit.replacements == ("Min Aung Hlaing",)
    assert edit.fix is FixKind.SUGGESTED
    assert '"Min Aung Hlaing" 3 times' in edit.message


def test_a_misspelled_single_name_and_its_possessive():
    [edit] = edits(LAV + "Reporters asked Lavorv’s aides.")
    assert edit.replacements == ("Lavrov’s",)
    assert '"Lavrov" 4 times' in edit.message


def test_fix_only_with_unsafe():
    text = LAV + "Reporters asked Lavorv."
    assert fix_text(text, [RULE], SETTINGS).text == text
    assert fix_text(text, [RULE], SETTINGS, unsafe=True).text == LAV + "Reporters asked Lavrov."


def test_people_who_share_a_first_name_are_different_people():
    assert edits(MIN + "The activist Min Ko Naing was freed, and Min Thet Kyawzin spoke.") == []
    sergei = "Sergei Lavrov spoke. Sergei Lavrov left. Sergei Lavrov returned. "
    assert edits(sergei + "Sergei Shoigu stayed, and Sergei Lavrentyev wrote.") == []


def test_inflected_and_possessive_forms_are_the_name():
    assert edits(LAV + "Lavrov’s visit, Lavrov's aides and the Lavrovs' dinner.") == []
    assert edits("Myanmar voted. Myanmar’s envoy and Myanmarese troops met in Myanmar.") == []


def test_two_spellings_used_twice_each_are_both_left_alone():
    assert edits("Tun Myint spoke. Tun Mynt spoke. Tun Myint left. Tun Mynt left.") == []


def test_a_rare_variant_that_is_a_dictionary_word_is_never_touched():
    # "Bidet" and "Tramp" are one letter from names used four times, but they are words.
    text = "Biden spoke. Biden left. Then Biden and Trump met; Trump and Trump aides and Trump. "
    assert edits(text + "A bidet, a Bidet and a Tramp steamer. Biden smiled.") == []


def test_a_name_needs_two_uses_before_it_corrects_another():
    assert edits("They met Lavrov. Lavorv stayed.") == []
    # Seen twice, a name corrects only a close variant: a lost letter, not a swap.
    text = "Diplomats flew to Naypyitaw and stayed in Naypyitaw. Reporters reached Naypyitw later."
    assert [e.replacement for e in edits(text)] == ["Naypyitaw"]
    assert edits("Diplomats met Lavrov and then Lavrov again. Reporters asked Lavorv.") == []


def test_ambiguous_evidence_suggests_nothing():
    # "Brandni" is one lost letter from both "Brandoni" and "Brandini", each used three times.
    text = (
        "Coach Brandoni spoke. Then Brandoni and Brandoni left. "
        "Mayor Brandini came, Brandini went, Brandini stayed. Then Brandni sang."
    )
    assert edits(text) == []
    # With one of them gone the evidence picks the other.
    assert [e.replacement for e in edits(text.replace("Brandini", "Kessler"))] == ["Brandoni"]


def test_edits_keep_the_rest_of_the_text():
    text = MIN + "Regime leader Min Aunging said so. " + LAV + "Reporters asked Lavorv."
    fixed = fix_text(text, [RULE], SETTINGS, unsafe=True).text
    assert fixed == (MIN + "Regime leader Min Aung Hlaing said so. " + LAV + "Reporters asked Lavrov.")


def test_a_name_merged_into_the_garble_of_the_next_word():
    text = "Élodie Marchand painted. Élodie Marchand sold. Élodie Marchand left. Later Élodiehand wrote."
    [edit] = edits(text)
    assert text[edit.start : edit.end] == "Élodiehand"
    assert edit.replacement == "Élodie Marchand"


def test_a_whole_name_with_a_word_glued_on_is_not_a_variant():
    # "Marchettiwrote" is "Marchetti wrote": replacing it by the name would delete "wrote".
    text = "Ola Marchetti spoke. Ola Marchetti left. Ola Marchetti ate. Then Ola Marchettiwrote to us."
    assert edits(text) == []


def test_the_lexicon_counts_possessives_as_uses_of_the_name():
    lex = Document("Lavrov’s visit. Then Lavrov's aide met Min Aung Hlaing’s envoy and Min Aung Hlaing.").lexicon
    assert lex.count("Lavrov") == 2
    assert lex.count("Lavrov’s") == 1  # the form itself is still counted
    assert lex.capitalised_counts["Lavrov"] == 1  # once mid-sentence; the other opens a sentence
    # The possessive closes the name, and counts without its ending.
    assert lex.recurring_names()["Min Aung Hlaing"] == 2
    assert not any("’s" in name for name in lex.names)


def test_names_in_the_user_dictionary_are_left_alone(tmp_path):
    text = LAV + "Reporters asked Lavorv."
    words = tmp_path / "dictionary.txt"
    words.write_text("Lavorv\n", encoding="utf-8")
    assert run_rules(Document(text), [RULE], Settings(grammar="none", dictionary=words)) == []


# Written for this test: names that recur beside real, different names that
# look like variants of them. None of these is a garble.
NEGATIVE_CORPUS = """\
Kim Jong Un inspected the site. Analysts said Kim Jong Un wanted talks, and Kim Jong Un's sister Kim Yo Jong agreed; Kim Jong Il had tried before.
Fidel Castro ruled for decades. Fidel Castro's brother Raúl Castro took over, and Fidel Castro retired.
Nguyen Phu Trong met Nguyen Xuan Phuc. Later Nguyen Phu Trong spoke, and Nguyen Phu Trong left Hanoi.
President Xi Jinping flew to Xi'an. Xi Jinping met Hun Sen, and Xi Jinping praised Hun Sen while Hun Manet listened; Hun Sen smiled.
Volodymyr Zelenskyy spoke. Zelenskyy thanked allies, Zelenskyy said, and a Zelensky aide agreed.
Sergei Lavrov met Sergei Shoigu. Lavrov spoke, Lavrov left, and Maria Lavrova stayed.
Joe Biden met Hunter Biden. Biden spoke, Biden left. Erdogan called, Erdogan waited, Erdogan hung up; Recep Tayyip Erdoğan's office confirmed.
Min Aung Hlaing met Min Ko Naing. Min Aung Hlaing spoke, and Min Aung Hlaing left; Daw Aung San Suu Kyi was absent.
"""


def test_negative_corpus_of_related_but_different_names_has_no_findings():
    assert edits(NEGATIVE_CORPUS) == []


def test_a_spelling_without_accents_is_the_same_name():
    text = "Coach Brzęczek spoke. Then Brzęczek left, and Brzęczek returned. Fans cheered Brzeczek."
    assert edits(text) == []
    text = "Coach Wałęsak spoke. Then Wałęsak left, and Wałęsak returned. Fans cheered Walesak."
    assert edits(text) == []


def test_a_word_inside_a_full_name_of_its_own_is_another_person():
    text = "Coach Kowalczyk spoke. Then Kowalczyk left, and Kowalczyk returned."
    assert [e.replacement for e in edits(text + " Fans cheered Kowalczek.")] == ["Kowalczyk"]
    assert edits(text + " Fans cheered Anna Kowalczek.") == []


def test_another_ending_of_the_same_name_is_not_a_misspelling():
    text = "Coach Tomasko spoke. Then Tomasko left, and Tomasko returned. Fans cheered Tomaska."
    assert edits(text) == []


def test_short_names_one_letter_apart_are_different_names():
    text = "Coach Colin spoke. Then Colin left, and Colin returned. Fans cheered Cotin."
    assert edits(text) == []
    # Two letters swapped is a slip at any length.
    assert [e.replacement for e in edits(text.replace("Cotin", "Colni"))] == ["Colin"]


# The fast paths of check() and the plain tests they stand for.
from hypothesis import given, settings as hyp_settings, strategies as st  # noqa: E402

from cleaner.rules import entity_variant  # noqa: E402

_NAMES = ["Min Aung Hlaing", "Lavrov", "Sergei Lavrov", "Élodie Marchand", "Naypyitaw", "Kowalczyk", "Colin", "Kim Jong Un"]
_GARBLES = ["Min Aunging", "Lavorv", "Lavrv", "Élodiehand", "Naypyitw", "Kowalczek", "Cotin", "Colni", "Kim Jongun", "Aung Hliang"]
_FILLER = ["the", "said", "and", "Then", "Mr", "asked", "However", "Reporters", "met", "in"]
_SEPARATORS = [" ", " ", ", ", ". ", ".\n", "’s ", " (", "\r\n"]


def _texts():
    piece = st.one_of(st.sampled_from(_NAMES), st.sampled_from(_GARBLES), st.sampled_from(_FILLER))
    return st.lists(st.tuples(piece, st.sampled_from(_SEPARATORS)), max_size=40).map(
        lambda parts: "".join(word + sep for word, sep in parts)
    )


@hyp_settings(max_examples=150, deadline=None)
@given(_texts())
def test_words_turned_away_before_their_token_is_looked_at_never_fire(text):
    # Looking at every odd word's token, as if _part_garbles let all pass,
    # must find the same.
    plain = entity_variant._part_garbles
    try:
        entity_variant._part_garbles = lambda odd, recurring: set(odd)
        everything = edits(text)
    finally:
        entity_variant._part_garbles = plain
    assert edits(text) == everything


@hyp_settings(max_examples=80, deadline=None)
@given(_texts())
def test_the_names_under_test_are_the_lexicons(text):
    # check() tests names with the words of the recurring names split from
    # the names themselves: the same as Lexicon.is_name.
    lex = Document(text).lexicon
    recurring = lex.recurring_names(entity_variant.MIN_CANONICAL)
    parts = set(" ".join(recurring).split(" ")) if recurring else set()
    assert parts == lex.name_parts(entity_variant.MIN_CANONICAL)
    for w in lex.counts:
        assert (lex.capitalised_counts.get(w, 0) >= entity_variant.MIN_CANONICAL or w in parts) == lex.is_name(w)
