"""The rare-phrase detector: swaps learnt from a table, inferred variants, precision on clean prose."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule
from cleaner.rules import rare_phrase
from cleaner.rules.rare_phrase import Swap, build_detector, learn_swaps
from cleaner.rules.tortured_phrase import PhraseEntry

RULE = get_rule("rare-phrase")
CLEAN_PROSE = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "spin_clean.txt"


def row(tortured: str, established: str, note: str = "") -> PhraseEntry:
    return PhraseEntry(tortured, established, note, "test")


def test_swaps_are_the_differing_middle_and_word_for_word():
    swaps = learn_swaps([
        row("loss of life penalty", "death penalty"),
        row("curiosity charges", "interest rates"),
        row("purple card", "red card", "flag-only: innocent readings"),
    ])
    assert Swap(("death",), ("loss", "of", "life")) in swaps
    assert Swap(("interest",), ("curiosity",)) in swaps
    assert Swap(("rates",), ("charges",)) in swaps
    # Flag-only rows teach nothing: their swap is not certain.
    assert not any(s.original == ("red",) for s in swaps)


def test_smallest_explanation_wins():
    swaps = learn_swaps([row("palms race", "arms race"), row("palms gross sales", "arms sales")])
    assert Swap(("arms",), ("palms",)) in swaps
    assert Swap(("arms",), ("palms", "gross")) not in swaps


def test_detector_flags_an_unlisted_variant_with_the_established_phrase():
    detector = build_detector([row("hearth brigade", "fire brigade")], ["fire department"])
    found = list(rare_phrase.find(Document("Crews of the Hearth department came."), detector))
    assert [(e.replacements, e.fix) for e in found] == [(("Fire department",), FixKind.NONE)]
    # The listed row itself is the table rule's finding, not the detector's.
    assert list(rare_phrase.find(Document("The hearth brigade came."), detector)) == []


def test_a_common_swapped_in_word_is_no_evidence():
    # "international" is as common as "foreign", so "international policy" is English.
    detector = build_detector([row("international minister", "foreign minister")], ["foreign policy"])
    assert "international policy" not in detector.table.entries
    assert list(rare_phrase.find(Document("Its international policy changed."), detector)) == []


def test_threshold_controls_what_counts_as_rare():
    rows = [row("unfamiliar policy", "foreign policy")]
    strict = build_detector(rows, ["foreign minister"], min_drop=3.0)
    loose = build_detector(rows, ["foreign minister"], min_drop=1.0)
    assert "unfamiliar minister" not in strict.table.entries
    assert "unfamiliar minister" in loose.table.entries


def test_fix_never_applies_a_rare_phrase_suggestion():
    text = "Lavrov, the unfamiliar minister, arrived."
    assert run_rules(Document(text), [RULE], Settings())
    assert fix_text(text, [RULE], Settings(), unsafe=True).text == text


def test_user_tables_teach_the_detector_new_swaps(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("zorbling minister\tforeign minister\n", encoding="utf-8")
    text = "A zorbling policy was announced."
    assert run_rules(Document(text), [RULE], Settings()) == []
    (edit,) = run_rules(Document(text), [RULE], Settings(phrase_files=(user,)))
    assert edit.replacements == ("foreign policy",)


def test_no_flags_on_clean_prose_that_uses_the_swapped_in_words():
    # Written to use "unfamiliar", "vitality", "courtroom", "celebration",
    # "local authorities", "gasoline prices" ... in their ordinary senses.
    text = CLEAN_PROSE.read_text(encoding="utf-8")
    assert "unfamiliar face" in text and "gasoline prices" in text.lower()
    assert run_rules(Document(text), [RULE], Settings()) == []


PIECES = ["unfamiliar minister", "unfamiliar", "minister", "human privileges groups", "human privileges", "groups",
          "breast most cancers", "most cancers", "vitality crisis", "the", "a", " ", " ", "  ", "\n", "\n\n", "’s", "-",
          ", ", "(", "é", "\u0301"]


@hyp_settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_findings_are_the_table_matches_that_overlap_no_listed_match(text):
    # The plain way: each table's own pattern over the whole text (the rule
    # searches the listed table only in the blocks around its own matches).
    detector = rare_phrase.load_detector(())
    lower = text.lower()
    spans = [m.span() for m in detector.table.lower_pattern.finditer(lower)]
    listed = [m.span() for m in detector.listed.lower_pattern.finditer(lower)]
    expected = [(s, e) for s, e in spans if not any(ls < e and s < le for ls, le in listed)]
    assert [(e.start, e.end) for e in rare_phrase.find(Document(text), detector)] == expected
