"""glued-word: what it splits, on what evidence, how safely, and what it leaves alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule

RULE = get_rule("glued-word")
# No user dictionary: the results must not depend on the machine the tests run on.
SETTINGS = Settings(grammar="none", dictionary=Path(os.devnull))

# Written for this test: news-style sentences dense with names and brand
# spellings that look glued or misspelled to a naive checker but are right.
NEGATIVE_CORPUS = """\
Apple unveiled the new iPhone on Tuesday, and the launch video passed ten million views on YouTube by evening.
McDonald's said its franchisees would raise wages, a move researchers at the MacArthur Foundation welcomed.
Recruiters on LinkedIn and sellers on eBay said PayPal outages delayed payments over the weekend.
Florida Governor Ron DeSantis signed the bill in Tallahassee on Friday, his office said.
The library is written in JavaScript and hosted on GitHub, where its maintainers answer questions.
Sony cut the price of the PlayStation in Japan; Microsoft kept its PowerPoint and SharePoint prices.
Shaquille O'Neal met Tip O'Neill's grandson; Syrian President Bashar al-Assad met Xi Jinping in Hangzhou.
Vietnam's party chief Nguyen Phu Trong received the delegation in Hanoi before flying to Naypyitaw.
Ukrainian President Volodymyr Zelenskyy addressed lawmakers, and Zelenskyy thanked allies for their support.
BlackRock, SoftBank, AstraZeneca, ExxonMobil, FedEx, WordPress, WhatsApp, TikTok and WeChat all reported results.
LeBron James and Leonardo DiCaprio attended; HarperCollins and McKinsey sent executives; the iPad and iOS update shipped.
Senior General Min Aung Hlaing met Sergei Lavrov and Sergei Shoigu in Moscow; Lavrov's aides confirmed it.
The activist Min Ko Naing and Daw Aung San Suu Kyi were named in the report by the Htoo Group's critics.
Rosneft and Petronas drilled wells; ASEAN envoys met in Phnom Penh, and ASEAN ministers issued a statement.
"""


def edits(text: str):
    return run_rules(Document(text), [RULE], SETTINGS)


def test_negative_corpus_of_names_and_brands_has_no_findings():
    assert edits(NEGATIVE_CORPUS) == []


def test_camel_case_join_inside_a_name_is_split_with_evidence():
    text = "The hotel is run by U TezaChairman of Htoo Group."
    [edit] = edits(text)
    assert text[edit.start : edit.end] == "TezaChairman"
    assert edit.replacement == "Teza Chairman"
    # A name is involved, so only a person (or --unsafe) applies it.
    assert edit.fix is FixKind.SUGGESTED
    assert '"Chairman" is a common word' in edit.message


def test_capitalised_camel_join_without_a_name_before_it_is_left_alone():
    # "ZentaCorp" could be a brand the word lists do not know: with no name
    # before it and neither part used alone, there is no evidence of a join.
    assert edits("Shares of ZentaCorp rose on Monday.") == []


def test_name_run_into_a_common_word_cites_the_document_count():
    text = "Trade with China grew. Ties with China deepened. Neighbours like Chinahave also been asked."
    [edit] = edits(text)
    assert edit.replacement == "China have"
    assert '"China" occurs 2 times on its own' in edit.message
    assert edit.fix is FixKind.SUGGESTED


def test_name_run_into_a_word_needs_evidence_for_the_name():
    # "Zorbla" is neither in the word lists nor elsewhere in the document.
    assert edits("Neighbours like Zorblahave also been asked.") == []
    # "Wednesday" is a known word and "that" ends no name: frequency alone suffices.
    [edit] = edits("Officials said on Wednesdaythat talks would resume.")
    assert edit.replacement == "Wednesday that"
    assert '"Wednesday" is a common word' in edit.message
    # An unknown surname seen on its own once, followed by a clause word.
    text = "Desmond Okafor chairs the board. Desmond Okaforsaid the vote was fair."
    assert [e.replacement for e in edits(text)] == ["Okafor said"]


def test_two_names_the_document_writes_apart_elsewhere():
    text = "Rafael Okonjo spoke first. Later RafaelOkonjo and the minister left."
    [edit] = edits(text)
    assert edit.replacement == "Rafael Okonjo"
    assert 'writes "Rafael Okonjo" elsewhere' in edit.message


def test_a_word_glued_to_a_name_or_title():
    text = "Ingrid Halloway arrived. The ministerIngrid spoke, whereDr Lena Ruiz agreed."
    assert [e.replacement for e in edits(text)] == ["minister Ingrid", "where Dr"]


def test_a_garbled_name_is_left_to_entity_variant():
    # "Élodiehand" is "Élodie Marchand" losing letters, not "Élodie" + "hand".
    text = "Élodie Marchand painted. Élodie Marchand sold. Élodie Marchand left. Élodiehand wrote."
    assert edits(text) == []


def test_unknown_name_glued_to_who_is_split_only_inside_a_run_of_names():
    assert [e.replacement for e in edits("The envoy Prak Sokhonnwho has visited twice.")] == ["Sokhonn who"]
    assert edits("The envoy Sokhonnwho has visited twice.") == []


def test_lower_and_capital_join_of_common_words_seen_alone_is_safe():
    text = "The seats were reserved. Its origin is old. All rights reservedOrigin: a wire."
    [edit] = edits(text)
    assert edit.fix is FixKind.SAFE
    # `cleaner fix` without --unsafe applies it.
    assert fix_text(text, [RULE], SETTINGS).text.endswith("All rights reserved Origin: a wire.")


def test_lower_and_capital_join_without_document_evidence_is_only_suggested():
    text = "All rights reservedOrigin: a wire."
    [edit] = edits(text)
    assert edit.fix is FixKind.SUGGESTED
    assert fix_text(text, [RULE], SETTINGS).text == text
    assert fix_text(text, [RULE], SETTINGS, unsafe=True).text == "All rights reserved Origin: a wire."


def test_all_lower_case_join_needs_a_function_word_and_an_unknown_whole():
    assert [e.replacement for e in edits("Officials said thecountry would vote.")] == ["the country"]
    # Real words that happen to be made of two words are words.
    assert edits("They often inform the forum and atone for it.") == []


def test_acronym_run_into_a_word():
    text = "The ASEAN envoy said ASEAN would meet and ASEANhas agreed."
    assert [e.replacement for e in edits(text)] == ["ASEAN has"]
    # Plural acronyms are not joins.
    assert edits("The NGOs and CEOs met the MPs.") == []


def test_possessive_ending_stays_on_the_right_part():
    [edit] = edits("It is owned by U TezaChairman’s family.")
    assert edit.replacement == "Teza Chairman’s"


def test_a_word_the_document_repeats_is_its_own_word():
    text = "Owned by U TezaChairman. Later U TezaChairman said so."
    assert edits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Follow @TezaChairman for updates.",
        "Tagged #FreeMyanmar today.",
        "Set user_reservedOrigin in the file.",
        "Call getElementById then read innerHTML.",
    ],
)
def test_identifiers_handles_and_hashtags_are_left_alone(text):
    assert edits(text) == []


def test_protected_regions_are_not_split():
    text = "See https://example.com/reservedOrigin and `reservedOrigin` in the code."
    # Markdown: the URL and the code span are both off limits.
    assert run_rules(Document(text, "a.md"), [RULE], SETTINGS) == []
    # Plain text: URLs are still protected, and a word quoted on its own is a literal.
    assert edits(text) == []
    text = "See https://example.com/reservedOrigin and reservedOrigin in the code."
    assert [e.start for e in edits(text)] == [text.rindex("reservedOrigin")]


def test_documents_that_write_code_identifiers_keep_them():
    text = "Call createServer, then set maxLength and zeroFill, and read remoteAddress. The reservedOrigin flag."
    assert edits(text) == []
    # One lower-camel join among plain prose is still a join.
    assert [e.replacement for e in edits("All rights reservedOrigin: a wire.")] == ["reserved Origin"]


def test_brands_made_of_two_everyday_words_are_left_alone():
    text = "Staff at CodeFactory and FontTools met ScamWatch and the Sharif Institute."
    assert edits(text) == []


def test_every_split_keeps_every_letter():
    # Splitting inserts one space and nothing else, so no text is lost.
    text = "U TezaChairman, China, China, Chinahave, thecountry and reservedOrigin."
    for edit in edits(text):
        original = text[edit.start : edit.end]
        assert edit.replacement.replace(" ", "") == original
        assert edit.replacement.count(" ") == 1


# Words to build random documents from: names, brands, glue candidates, filler.
_VOCAB = (
    "China Chinahave have who Prak Sokhonnwho U TezaChairman Chairman reserved Origin reservedOrigin "
    "the country thecountry iPhone YouTube McDonald's Lavrov Lavrov’s Myanmar’s ASEAN ASEANhas has of "
    "said and a new deal was signed in Naypyitaw by DeSantis"
).split()


@given(st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=40), st.sampled_from([" ", ". ", ", ", "\n"]))
@settings(max_examples=150, deadline=None)
def test_splits_only_ever_insert_one_space(words, sep):
    text = sep.join(words)
    for edit in edits(text):
        assert edit.replacement.replace(" ", "", 1) == text[edit.start : edit.end]
    fixed = fix_text(text, [RULE], SETTINGS, unsafe=True).text
    assert fixed.replace(" ", "") == text.replace(" ", "")


def test_words_in_the_user_dictionary_are_left_alone(tmp_path):
    text = "The hotel is run by U TezaChairman of Htoo Group."
    words = tmp_path / "dictionary.txt"
    words.write_text("# names we checked\nTezaChairman\n", encoding="utf-8")
    assert run_rules(Document(text), [RULE], Settings(grammar="none", dictionary=words)) == []
    # Matched exactly: another entry does not hide it.
    words.write_text("Tezachairman\n", encoding="utf-8")
    assert len(run_rules(Document(text), [RULE], Settings(grammar="none", dictionary=words))) == 1


def test_rare_inflections_of_known_words_are_words():
    # wordfreq does not list "formatters", but it lists "formatter": not "for matters".
    assert edits("Output formatters and parsers were rewritten.") == []


def test_name_prefixes_and_known_words_are_not_joins():
    # "Roux" is a name here, yet "LaRoux" is a surname, not "La" + "Roux".
    assert edits("Roux spoke. Then Roux left, and Roux returned. Coach LaRoux agreed.") == []
    # "New" is part of a recurring name, yet "Newcastle" is a word the lists know.
    assert edits("New York voted. Then New York spoke. Fans in Newcastle cheered.") == []
