"""The default grammar path (Harper, embedded) through the CLI and the engine."""

from __future__ import annotations

import pytest

from cleaner import engine
from cleaner.cli import main
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.grammar import run_grammar
from cleaner.grammar.base import MAX_REPLACEMENTS
from cleaner.grammar.cache import GrammarCache

TEXT = (
    "Lavrov arrived on Monday. Lavrov met the minister.\n\n"
    "She have a apple and the goverment agreed.\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_check_uses_harper_by_default_with_prefixed_ids(article, capsys):
    code = main(["check", str(article)])
    out = capsys.readouterr().out
    assert code == 1
    assert "harper:Spelling" in out and "goverment" in out
    assert "harper:Agreement" in out
    assert "Lavrov" not in out  # a recurring name, not a misspelling


def test_edits_are_suggested_grammar_edits_with_at_most_five_alternatives(article):
    doc = Document(TEXT, str(article))
    edits = [e for e in engine.check_document(doc, Settings(cache=False)) if e.category == "grammar"]
    assert edits
    for e in edits:
        assert e.rule.startswith("harper:")
        assert e.fix in (FixKind.SUGGESTED, FixKind.NONE)
        assert len(e.replacements) <= MAX_REPLACEMENTS
    spelling = next(e for e in edits if TEXT[e.start : e.end] == "goverment")
    assert spelling.replacements[0] == "government"


def test_plain_fix_leaves_grammar_alone_unsafe_applies_it(article, capsys):
    assert main(["fix", str(article), "--stdout"]) in (0, 1)
    assert capsys.readouterr().out == TEXT
    main(["fix", str(article), "--stdout", "--unsafe"])
    fixed = capsys.readouterr().out
    assert "the government agreed" in fixed
    assert "an apple" in fixed
    assert fixed.startswith("Lavrov arrived on Monday. Lavrov met")  # names untouched


def test_fix_unsafe_result_replays(article):
    doc = Document(TEXT, str(article))
    result = engine.fix_document(doc, Settings(cache=False), unsafe=True)
    assert result.changed
    assert result.replay() == result.text


def test_select_and_ignore_with_grammar_ids_and_globs(article, capsys):
    main(["check", str(article), "--select", "harper:Spelling"])
    out = capsys.readouterr().out
    assert "harper:Spelling" in out and "harper:Agreement" not in out
    main(["check", str(article), "--ignore", "harper:*"])
    out = capsys.readouterr().out
    assert "harper:" not in out
    main(["check", str(article), "--grammar", "none"])
    assert "harper:" not in capsys.readouterr().out


def test_dictionary_option_hides_exact_words_only(tmp_path, capsys):
    path = tmp_path / "b.txt"
    path.write_text("Yesterday Zorbulak spoke. The zorbulak grew.\n")
    words = tmp_path / "words.txt"
    words.write_text("Zorbulak\n")
    main(["check", str(path), "--select", "harper:Spelling", "--dictionary", str(words)])
    out = capsys.readouterr().out
    assert "1:11" not in out  # "Zorbulak" is in the dictionary
    assert "zorbulak" in out  # the lower-case form is not: exact match only


def test_markdown_code_is_not_checked(tmp_path, capsys):
    path = tmp_path / "a.md"
    line = "Run `goverment --helpp` now. The goverment agreed."
    path.write_text(f"# Title\n\n{line}\n", encoding="utf-8")
    main(["check", str(path), "--select", "harper:*"])
    out = capsys.readouterr().out
    assert out.count("goverment") == 1
    assert f"3:{line.rindex('goverment') + 1}:" in out  # the prose one, not the one in code


def test_seed_has_no_spelling_findings_on_correct_names(seed_text):
    """The seed article: names it establishes are kept out; its glued and mangled words are kept in."""
    result = run_grammar(Document(seed_text, "seed.txt"), Settings(cache=False))
    spelled = {seed_text[e.start : e.end] for e in result.edits if dict(e.data).get("spelling")}
    correct_names = {
        "Lavrov", "Naypyitaw", "Min", "Aung", "Hlaing", "Wunna", "Maung", "Lwin", "ASEAN", "ICG", "Shoigu",
        "Strangio", "Teodori", "Servaes", "Rosneft", "Petronas", "Woodside", "Eneos", "Htoo", "Aureum", "Suu", "Kyi",
    }
    assert spelled.isdisjoint(correct_names), spelled & correct_names
    assert not any(w.startswith("Lavrov") for w in spelled)
    # The artifacts stay visible to a reviewer: lower-case glue and mangled
    # names through the speller; camel-case glue ("TezaChairman") is left to
    # glued-word, which reports it with the document's evidence.
    assert {"Aunging", "Chinahave"} <= spelled
    assert "TezaChairman" not in spelled
    found = engine.check_document(Document(seed_text, "seed.txt"), Settings(cache=False))
    assert any(e.rule == "glued-word" and seed_text[e.start : e.end] == "TezaChairman" for e in found)


def test_cache_sends_only_changed_paragraphs(tmp_path):
    cache = GrammarCache(tmp_path / "g.sqlite3")
    paras = [f"Paragraph {i} has a apple." for i in range(5)]
    text = "\n\n".join(paras)
    settings = Settings()
    first = run_grammar(Document(text), settings, cache=cache)
    assert (first.paragraphs, first.sent) == (5, 5)
    again = run_grammar(Document(text), settings, cache=cache)
    assert again.sent == 0
    assert [(e.start, e.end, e.rule) for e in again.edits] == [(e.start, e.end, e.rule) for e in first.edits]
    changed = text.replace("Paragraph 3 has a apple", "Paragraph 3 has a orange")
    third = run_grammar(Document(changed), settings, cache=cache)
    assert third.sent == 1
    # Findings of cached paragraphs land at their new offsets too.
    assert all(changed[e.start : e.end] in ("a", "an", "a apple", "a orange") for e in third.edits
               if e.rule == "harper:Miscellaneous")


def test_cache_is_on_disk_and_no_cache_skips_it(article, private_cache, capsys):
    main(["check", str(article), "--no-cache"])
    capsys.readouterr()
    assert not (private_cache / "grammar.sqlite3").exists()
    main(["check", str(article)])
    capsys.readouterr()
    assert (private_cache / "grammar.sqlite3").exists()


def test_grammar_runs_on_text_after_safe_fixes(tmp_path):
    # A zero-width space (a safe artifact fix) inside a misspelt word: the
    # grammar finding is made on the cleaned word and mapped back.
    text = "Lavrov spoke. Lavrov said the gover\u200bment agreed.\n"
    doc = Document(text, "x.txt")
    edits = engine.check_document(doc, Settings(cache=False))
    artifact = [e for e in edits if e.category != "grammar"]
    grammar = [e for e in edits if e.rule == "harper:Spelling"]
    assert artifact, "the invisible-characters rule should flag the zero-width space"
    assert len(grammar) == 1
    g = grammar[0]
    assert text[g.start : g.end] == "gover\u200bment"
    # Its replacement was for the cleaned text, so it is kept as a flag only.
    assert g.fix is FixKind.NONE


def test_no_grammar_finding_on_a_span_an_artifact_rule_flags():
    # "Chinahave" is the glued-word rule's (a suggested fix); Harper would add
    # "did you mean Chinaware?" on the same span. Only the artifact is reported.
    text = "China spoke first. China met Russia, and Chinahave agreed since then. The goverment waited.\n"
    edits = engine.check_document(Document(text, "x.txt"), Settings(cache=False))
    on_glued = [e.rule for e in edits if text[e.start : e.end] == "Chinahave"]
    assert "glued-word" in on_glued, on_glued
    assert not any(r.startswith("harper:") for r in on_glued)
    assert any(text[e.start : e.end] == "goverment" and e.rule == "harper:Spelling" for e in edits)


def test_house_style_lints_are_switched_off():
    # Written for this test: no Oxford comma (AP style), a hyphenated prefix
    # and a long sentence, none of which is an error in news copy.
    text = (
        "Officials from France, Germany and Spain met on Monday to discuss economic and non-military aid, "
        "and they agreed that the talks, which had been delayed twice since the spring because of the "
        "elections in two of the three countries, would resume in the autumn in Madrid.\n"
    )
    result = run_grammar(Document(text), Settings(cache=False))
    assert result.edits == [], [(e.rule, e.message) for e in result.edits]
