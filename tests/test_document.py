"""Document: line index, protected regions and the lexicon."""

from hypothesis import given, strategies as st

from cleaner.document import (
    _BEYOND_LATIN_RE,
    _WORD_SPLIT_RE,
    Document,
    _is_letter,
    _latin_word_split,
    _split_words,
)


def test_positions_count_code_points_and_every_kind_of_line_break():
    doc = Document("a😀b\r\nsecond\rthird\nfourth")
    assert doc.position(0).line == 1
    assert doc.position(2) == doc.position(2)
    assert (doc.position(2).line, doc.position(2).column) == (1, 3)  # 'b' after one emoji
    assert (doc.position(5).line, doc.position(5).column) == (2, 1)  # after CRLF
    assert doc.position(doc.text.index("third")).line == 3  # after a lone CR
    assert doc.position(doc.text.index("fourth")).line == 4
    assert doc.text[slice(*doc.line_span(0))] == "a😀b"
    assert doc.text[slice(*doc.line_span(0, with_newline=True))] == "a😀b\r\n"


def test_urls_and_emails_are_protected_in_plain_text():
    doc = Document("See https://example.org/a_b,c?x=1 or write to desk@example.org now.")
    url = doc.text.index("https")
    assert doc.is_protected(url + 5)
    assert doc.is_protected(doc.text.index("desk@"))
    assert not doc.is_protected(doc.text.index("See"))
    assert not doc.is_protected(doc.text.index("now"))


def test_markdown_code_front_matter_html_and_link_targets_are_protected():
    text = (
        "---\ntitle: x  y\n---\n\nSome `code  span` and <span class=\"a\">tag</span>.\n\n"
        "```\nthe the\n```\n\n[link](http://e.org/x) text\n"
    )
    doc = Document(text, "a.md")
    assert doc.markdown
    for needle in ("title", "code  span", "class=", "the the", "http://e.org"):
        assert doc.is_protected(text.index(needle)), needle
    assert not doc.is_protected(text.index("Some"))
    assert not doc.is_protected(text.index("tag</span>"))  # the element's text is prose
    assert not Document(text, "a.txt").is_protected(text.index("the the"))


def test_lexicon_counts_names_and_capitalised_words_away_from_sentence_starts():
    text = (
        "Prime Minister Min Aung Hlaing met Lavrov. Later Min Aung Hlaing spoke. "
        "The talks ended when Min Aung Hlaing left. Lavrov stayed and Lavrov ate."
    )
    lex = Document(text).lexicon
    assert lex.recurring_names()["Min Aung Hlaing"] == 3
    assert "Hlaing" in lex.name_parts()
    assert lex.is_name("Lavrov")  # capitalised mid-sentence twice
    assert not lex.is_name("Later")  # capitalised only because a sentence starts there
    assert lex.count_lower("lavrov") == 3
    # "The talks" at a sentence start is not a name.
    assert "The" not in lex.name_parts()


def test_tokens_are_built_on_demand_and_behave_as_a_list():
    doc = Document("Lavrov met Min Aung Hlaing. Then he left Naypyitaw’s airport.")
    tokens = doc.tokens
    whole = list(tokens)  # iteration builds every Token
    assert [t.text for t in whole] == doc.words
    assert len(tokens) == len(whole)
    assert tokens[0] == whole[0] and tokens[-1] == whole[-1]
    assert tokens[2:4] == whole[2:4]
    assert [t.sentence_start for t in whole if t.sentence_start] == [True, True]
    assert all(doc.text[t.start : t.end] == t.text for t in whole)
    then = doc.text.index("Then")
    assert tokens.index_at(then) == doc.words.index("Then")
    assert tokens.index_at(then + 1) is None  # inside a word, not at its start


def test_token_indices_by_rare_words_agree_with_the_full_test():
    doc = Document("Lavorv spoke. Lavorv’s aide and Lavorvian hosts met; xLavorv stayed.")
    forms = {"Lavorv", "Lavorv’s"}
    assert doc.token_indices(forms, words={"Lavorv"}) == doc.token_indices(forms) == [0, 2]


def test_protected_words_leave_the_tokens_and_break_names():
    doc = Document("Anna Lee wrote to anna@example.org about Anna Lee and www.Lee.org Lee.")
    assert "example" not in doc.words and "org" not in doc.words
    assert doc.lexicon.names["Anna Lee"] == 2


# Letters of several scripts, combining marks, apostrophes, hyphens, digits,
# curly quotes, spaces and line breaks: the word split must not depend on
# which engine (see document._split_words) does it.
_SPLIT_ALPHABET = "aZé’'-–\u0301\u0308ßİıſ\u212a𝐀ДжΩ日1 _\n\r\t.,“”\u00a0\u00ad\u200b"


@given(st.text(alphabet=_SPLIT_ALPHABET, max_size=40))
def test_fast_word_split_is_the_unicode_split(text):
    assert _split_words(text) == _WORD_SPLIT_RE.split(text)


@given(st.text(alphabet="aZé’'-–\u0301ø ,.\n", max_size=40))
def test_latin_texts_take_the_fast_split_and_agree(text):
    # No letter beyond the Latin ranges: the standard engine splits these.
    assert not any(_is_letter(ch) for ch in _BEYOND_LATIN_RE.findall(text))
    assert _latin_word_split().split(text) == _WORD_SPLIT_RE.split(text)


def test_lower_is_the_lower_cased_text_once():
    doc = Document("The NBA and İstanbul")
    assert doc.lower == doc.text.lower()
    assert doc.lower is doc.lower


def test_characters_the_fast_split_lets_through_split_alike():
    # Every character the Latin gate does not stop splits the same way in
    # both engines: no letter or mark hides in the punctuation and currency
    # blocks it lets through (checked against regex's own tables).
    for code in range(0x110000):
        ch = chr(code)
        if not 0xD800 <= code <= 0xDFFF and _BEYOND_LATIN_RE.match(ch) is None:
            assert _latin_word_split().split(f"a{ch}b") == _WORD_SPLIT_RE.split(f"a{ch}b"), hex(code)


def _reference_lexicon(words, opens, gaps):
    """The lexicon's counts as first defined, one word at a time, for comparison."""
    from collections import Counter

    from cleaner.document import _FUNCTION_WORDS, _FUNCTION_WORDS_INSIDE_NAMES, possessive_base

    counts = Counter(words)
    lower_counts = Counter(w.lower() for w in words)
    for form, n in list(counts.items()):
        if possessive_base(form) != form:
            counts[form[:-2]] += n
            lower_counts[form[:-2].lower()] += n
    capitalised = Counter(possessive_base(w) for w, o in zip(words, opens) if w[0].isupper() and not o)
    names = Counter()
    run = []

    def close(possessive=False):
        texts = [words[i] for i in run]
        if possessive:
            texts[-1] = texts[-1][:-2]
        for size in range(2, min(4, len(texts)) + 1):
            for k in range(len(texts) - size + 1):
                if not (opens[run[k]] and texts[k].lower() in _FUNCTION_WORDS):
                    names[" ".join(texts[k : k + size])] += 1

    for i, word in enumerate(words):
        in_name = word[0].isupper() and word.lower() not in _FUNCTION_WORDS_INSIDE_NAMES
        if not in_name or (run and (run[-1] != i - 1 or gaps[i] != " ")):
            close()
            run = []
        if in_name:
            run.append(i)
            if possessive_base(word) != word:
                close(possessive=True)
                run = []
    close()
    return counts, lower_counts, capitalised, names


_LEXICON_WORDS = st.sampled_from(
    "Min Aung Hlaing Hlaing’s Lavrov Lavrov's LAVROV'S X’s’s X’s And OF The However In "
    "ΟΔΟΣ's ΟΔΟΣ İstanbul's met the and of it's talks".split()
)
_LEXICON_GAPS = st.sampled_from([" ", " ", " ", "  ", ". ", ", ", "\n", "\n\n", "\r\n", " “", "” "])


@given(st.lists(st.tuples(_LEXICON_WORDS, _LEXICON_GAPS), max_size=40))
def test_lexicon_agrees_with_its_word_by_word_definition(pairs):
    doc = Document("".join(w + g for w, g in pairs))
    cols = doc._words
    lex = doc.lexicon
    counts, lower_counts, capitalised, names = _reference_lexicon(cols.words, cols.opens, cols.gaps)
    # counts and names are iterated by rules, so their order is part of the answer.
    assert list(lex.counts.items()) == list(counts.items())
    assert list(lex.names.items()) == list(names.items())
    assert lex.lower_counts == lower_counts and lex.capitalised_counts == capitalised
    assert lex.capitalised_forms == [form for form in lex.counts if form[0].isupper()]


def test_possessives_move_their_own_count_to_their_base():
    lex = Document("Then X’s’s met X’s, and ΟΔΟΣ's aide met X.").lexicon
    assert lex.counts["X’s"] == 2 and lex.counts["X"] == 2  # X’s once alone, once as the base of X’s’s
    assert lex.capitalised_counts["X’s"] == 1 and lex.capitalised_counts["X"] == 2
    assert lex.lower_counts["οδος"] == 1  # the base lower-cased alone ends in a final sigma
