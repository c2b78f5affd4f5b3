"""Document: line index, protected regions and the lexicon."""

from cleaner.document import Document


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
