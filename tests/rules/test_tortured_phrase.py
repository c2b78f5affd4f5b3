"""The tortured-phrase rule: its table, its matcher, user tables and the CLI path."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.cli import main
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.errors import UsageError
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import all_rules, get_rule
from cleaner.rules import tortured_phrase
from cleaner.rules.tortured_phrase import PhraseEntry, build_table, normalise, read_table, restore_case

RULE = get_rule("tortured-phrase")
SPIN_RULES = [r for r in all_rules() if r.meta.category == "spin"]
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
ROWS = read_table(tortured_phrase.BUILTIN_TABLE)


def findings(text: str, settings: Settings | None = None, markdown: bool = False):
    return run_rules(Document(text, markdown=markdown), [RULE], settings or Settings())


def fixed(text: str, settings: Settings | None = None) -> str:
    return fix_text(text, [RULE], settings or Settings(), unsafe=True).text


# ------------------------------------------------------------------ the table
def test_table_has_several_hundred_rows_across_news_fields():
    assert len(ROWS) >= 400
    assert len({normalise(r.tortured) for r in ROWS}) == len(ROWS), "duplicate tortured phrases"
    established = {normalise(r.established) for r in ROWS}
    for phrase in ("death penalty", "foreign minister", "arms deals", "artificial intelligence",
                   "interest rates", "court of appeal", "penalty kick", "breast cancer", "climate change"):
        assert phrase in established


def test_every_suggested_row_is_found_and_restored_in_a_sentence():
    for row in ROWS:
        text = f"Officials discussed {row.tortured} on Monday."
        found = findings(text)
        start = text.index(row.tortured)
        hits = [e for e in found if (e.start, e.end) == (start, start + len(row.tortured))]
        assert hits, f"{row.source}: {row.tortured!r} not found as a whole phrase"
        if row.flag_only:
            assert hits[0].fix is FixKind.NONE and not hits[0].replacements
        else:
            assert hits[0].replacement == restore_case(row.tortured, row.established)


def test_no_established_phrase_is_itself_flagged():
    # Otherwise a fix would create a new finding, and `fix` would never settle.
    for row in ROWS:
        text = f"Officials discussed {row.established} on Monday."
        assert findings(text) == [], f"{row.source}: the fix {row.established!r} is flagged again"


# ---------------------------------------------------------------- matching
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Loss of life penalty cases rose.", "Death penalty cases rose."),
        ("LOSS OF LIFE PENALTY", "DEATH PENALTY"),
        ("The Chief Government Officer resigned.", "The Chief Executive Officer resigned."),
        ("the rustic’s president", "the country’s president"),
        ("Two international ministers met.", "Two foreign ministers met."),
        ("Three loss of life penalties were handed down.", "Three death penalties were handed down."),
        ("the curiosity\ncharges rose", "the interest\nrates rose"),
        ("the curiosity   charges rose", "the interest   rates rose"),
        ("a preeminent court ruling", "a Supreme Court ruling"),
        ("the palms transactions' value", "the arms deals' value"),
    ],
)
def test_replacement_keeps_case_plural_apostrophes_and_spacing(text, expected):
    assert fixed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The international ministerial meeting was cancelled.",  # "ministerial" is not "minister"
        "pushconvention and palmstransactions are glued, not spun",
        "an inter-international minister",  # part of a hyphenated word
        "A data protection lawyer and the social protection minister spoke.",
        "The rustic charm and the loss of life were both mentioned.",
    ],
)
def test_whole_words_and_qualified_compounds_are_left_alone(text):
    assert findings(text) == []


def test_markdown_code_and_urls_are_not_touched():
    text = "Use `palms transactions` here, see https://example.com/palms-transactions and palms transactions."
    found = findings(text, markdown=True)
    assert [text[e.start : e.end] for e in found] == ["palms transactions"]
    assert found[0].start == text.rindex("palms transactions")


def test_text_whose_lower_case_changes_length_still_matches_at_the_right_offsets():
    # "İ".lower() is two code points, so the lower-cased fast path cannot be
    # used; the case-insensitive pattern must find the same phrase.
    text = "İzmir: the demise toll rose."
    assert len(text.lower()) != len(text)
    (edit,) = findings(text)
    assert text[edit.start : edit.end] == "demise toll"
    assert fixed(text) == "İzmir: the death toll rose."


def test_flag_only_rows_are_reported_but_never_applied():
    text = "A purple card was shown."
    (edit,) = findings(text)
    assert edit.fix is FixKind.NONE
    assert fixed(text) == text


def test_messages_name_the_established_phrase_and_the_row():
    (edit,) = findings("He won the World Mug.")
    assert '"World Cup"' in edit.message
    assert dict(edit.data)["source"].endswith(".tsv:" + dict(edit.data)["source"].rsplit(":", 1)[1])


# ------------------------------------------------------------- user tables
def test_user_table_adds_and_overrides_rows(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my newsroom's spins\n"
        "mixture martial arts\tmixed martial arts\n"
        "purple card\tred card\n",  # no flag-only note: the user trusts this one
        encoding="utf-8",
    )
    settings = Settings(phrase_files=(user,))
    assert fixed("A mixture martial arts bout.", settings) == "A mixed martial arts bout."
    assert fixed("A purple card was shown.", settings) == "A red card was shown."
    # The built-in rows still apply next to the user's.
    assert fixed("the demise toll rose", settings) == "the death toll rose"


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        ("ok phrase\tfine phrase\nonly one column\n", 2, "columns"),
        ("a\tb\tc\td\n", 1, "columns"),
        ("\tempty\n", 1, "empty"),
        ("same thing\tSame  Thing\n", 1, "itself"),
    ],
)
def test_malformed_user_table_is_a_usage_error_naming_file_and_line(tmp_path, content, line, what):
    user = tmp_path / "bad.tsv"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        read_table(user)
    assert f"{user}:{line}:" in str(err.value)
    assert what in str(err.value)


def test_cli_reads_phrase_files_from_config(tmp_path, capsys):
    (tmp_path / "mine.tsv").write_text("mixture martial arts\tmixed martial arts\n", encoding="utf-8")
    config = tmp_path / ".cleaner.toml"
    config.write_text('phrase-files = ["mine.tsv"]\ngrammar = "none"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("A mixture martial arts bout drew crowds.\n", encoding="utf-8")
    assert main(["check", str(article), "--config", str(config)]) == 1
    assert "mixed martial arts" in capsys.readouterr().out
    assert main(["fix", "--unsafe", "--in-place", str(article), "--config", str(config)]) in (0, 1)
    assert article.read_text(encoding="utf-8") == "A mixed martial arts bout drew crowds.\n"


def test_cli_malformed_phrase_file_exits_2_and_leaves_the_file(tmp_path, capsys):
    (tmp_path / "bad.tsv").write_text("one column only\n", encoding="utf-8")
    config = tmp_path / ".cleaner.toml"
    config.write_text('phrase-files = ["bad.tsv"]\ngrammar = "none"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    original = "The demise toll rose.\r\n"
    article.write_bytes(original.encode("utf-8"))
    assert main(["fix", "--unsafe", "--in-place", str(article), "--config", str(config)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.tsv:1:" in err[0]
    assert article.read_bytes() == original.encode("utf-8")


# ---------------------------------------------------------------- real text
def test_seed_article_gets_no_spin_findings():
    # The seed is machine-translated and scraped, but not spun: it writes
    # "death penalty", "foreign minister" and "arms deals" correctly.
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    doc = Document(SEED.read_text(encoding="utf-8"))
    assert run_rules(doc, SPIN_RULES, Settings()) == []


def test_restore_case_doctest_examples():
    assert restore_case("Loss of life penalty", "death penalty") == "Death penalty"
    assert restore_case("chief government officer", "chief executive officer") == "chief executive officer"
    assert restore_case("Joined Nations", "United Nations") == "United Nations"


# ------------------------------------------------- fast paths, held to the plain ones
TABLE = tortured_phrase.load_table()
# Pieces of text that make the scan's corners: phrases wrapped over a line
# break, phrases right after one another and inside one another, curly
# apostrophes, non-ASCII letters, combining marks, and hyphens around.
PIECES = [
    "loss of life penalty", "life penalty", "breast most cancers", "most cancers", "human privileges groups",
    "human privileges", "rustic’s president", "rustic's", "palms transactions", "the", "a", "of",
    " ", " ", " ", "  ", "\n", "\t", " \n ", "\r\n", "\n\n", "-", "'", "’", ".", ", ", "(", "é", "\u0301", "1", "_", "İ",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@hyp_settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_lower_spans_finds_what_the_plain_pattern_finds(text):
    lower = text.lower()
    assert TABLE.lower_spans(lower) == [m.span() for m in TABLE.lower_pattern.finditer(lower)]


@hyp_settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(-2, 200), st.integers(-2, 200))
def test_lower_spans_between_pos_and_endpos_finds_what_the_plain_pattern_finds(text, pos, endpos):
    # The phrase at pos is judged on the character before it, as the
    # pattern's lookbehind judges it; endpos cuts the text for both.
    lower = text.lower()
    pos, endpos = min(pos, len(lower)), min(endpos, len(lower) + 2)
    expected = [m.span() for m in TABLE.lower_pattern.finditer(lower, pos, endpos)]
    assert TABLE.lower_spans(lower, pos, endpos) == expected


def test_a_phrase_wrapped_over_a_line_break_inside_another_match_is_found_as_finditer_does():
    # "charges sheet" starts after the line break, inside the match of
    # "curiosity charges": finditer goes on after that match.
    table = build_table([PhraseEntry("curiosity charges", "interest rates", "", "t"),
                         PhraseEntry("charges sheet", "charge sheet", "", "t")])
    for text in ("the curiosity\ncharges sheet", "curiosity\ncharges sheet", "x charges sheet", "(curiosity charges"):
        assert table.lower_spans(text) == [m.span() for m in table.lower_pattern.finditer(text)]


@pytest.mark.parametrize(
    "before",
    ["social ", "Social ", "SOCIAL ", "social  ", "social\t", "data ", "the ", "a ", "(", "", "x\u0301 ", "labour ",
     "refugee ", "rEfUgEe ", "plants ", "socia ", "\u212aocial "],
)
def test_qualifier_fast_path_agrees_with_the_regex(before):
    text = f"{before}protection minister"
    start = len(before)
    found = tortured_phrase._WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    expected = bool(found) and found.group(1).lower() in tortured_phrase._QUALIFIERS
    assert tortured_phrase._after_qualifier(text, start) == expected


def test_findings_kept_per_text_are_the_findings_made_afresh():
    text = "Loss of life penalty. LOSS OF LIFE PENALTY! loss of life\npenalty, loss of life penalty; a purple card."
    table = build_table(ROWS)
    first = list(tortured_phrase.find(Document(text), table))  # fills the table's cache
    again = list(tortured_phrase.find(Document(text + " The demise toll."), table))[:-1]  # reads it
    assert first == again and [e.data for e in first] == [e.data for e in again]
    assert [e.replacement for e in first] == ["Death penalty", "DEATH PENALTY", "death penalty", "death penalty", None]
