"""Unknown spins: a common news phrase with one word swapped for a much rarer "synonym".

What it does:
    Learns the word swaps a spinner makes from the tortured-phrase tables
    (built-in and the user's): "loss of life" for "death", "rustic's" for
    "country's", "curiosity" for "interest". It then applies every swap to
    every established phrase of those tables and of a list of common news
    phrases (``rules/data/news_collocations.txt``), and keeps the
    variants whose swapped-in words are much rarer in English than the words
    they replace (at least ten times, by wordfreq's frequencies). A variant
    that the text contains and the table does not list ("loss of life row"
    when only "loss of life penalty" is listed) is flagged, with the
    established phrase as the suggestion.

Why it's a problem:
    No table lists every spin: spinners apply the same swaps to every phrase
    they meet. A swap that made one phrase nonsense usually makes its
    neighbours nonsense too, and a rare word standing where a common one
    belongs is the statistical fingerprint of a spinner.

Example:
    "the unfamiliar minister" is flagged as a likely spin of "the foreign
    minister": the table lists "unfamiliar policy" for "foreign policy" but
    not this phrase, and "unfamiliar" is about 30 times rarer than "foreign".

Fix safety:
    Flag only: the suggestion is offered to a person (the review UI) but
    never applied by ``fix``, not even with ``--unsafe``, because the variant
    is inferred, not listed. Adding the pair to a phrase table turns it into a
    suggested fix of the ``tortured-phrase`` rule.

References:
    Cabanac, Labbé and Magazinov (2021) on tortured phrases; word frequencies
    from the wordfreq package (Speer, 2022).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from cleaner.edits import FixKind, Severity
from cleaner.rule import FixAvailability, RuleMeta
from cleaner.rules import tortured_phrase
from cleaner.rules.tortured_phrase import PhraseEntry, PhraseTable, normalise
from cleaner.wordstats import zipf as _zipf

META = RuleMeta("CL702", "rare-phrase", "spin", Severity.INFO, FixAvailability.NEVER)

MIN_DROP = 1.0
"""How much rarer (Zipf units, i.e. powers of ten) the swapped-in words must
be than the words they replace. 1.0 = ten times rarer. Measured with
``benchmarks/spin_bench.py --sweep``: at 0.75 the detector made 13 false
flags on the clean paragraphs of the injected set ("psychological health",
"legal consultants"), at 1.0 none, at 1.25 none but a fifth less recall."""
COLLOCATIONS = Path(__file__).resolve().parent / "data" / "news_collocations.txt"
# A swapped-in word this common (Zipf) is ordinary English next to almost
# anything ("subsequent years", "enterprise model", "local authorities"), so
# it is no evidence of a spinner. Measured in benchmarks/spin_bench.py.
_MAX_SPUN_ZIPF = 4.0
# Swaps that are real near-synonyms in news or specialist usage, so the
# variants they make are written by people: "gasoline prices" (US English),
# "breast malignancy" (medicine), "the appeals courtroom", "the national
# workforce", "business pioneers", "electric automobiles", "chief govt whip".
_LEGIT_SWAPS = frozenset({
    ("gas", "gasoline"), ("cancer", "malignancy"), ("court", "courtroom"), ("team", "workforce"),
    ("leaders", "pioneers"), ("leader", "pioneer"), ("vehicles", "automobiles"), ("vehicle", "automobile"),
    ("executive", "govt"), ("products", "merchandise"), ("cancer", "malignancies"),
})


class Swap(NamedTuple):
    """A word swap learnt from a phrase table: ``spun`` stood for ``original``."""

    original: tuple[str, ...]
    spun: tuple[str, ...]


@dataclass(frozen=True)
class Detector:
    """The inferred variants, as a phrase table the tortured-phrase matcher can run."""

    table: PhraseTable
    swaps: frozenset[Swap]
    listed: PhraseTable
    """The table the swaps were learnt from: its matches are the tortured-phrase rule's."""


def learn_swaps(rows: Iterable[PhraseEntry]) -> set[Swap]:
    """The differing middle of each row: "loss of life penalty" / "death penalty"
    gives ("death",) -> ("loss", "of", "life")."""
    swaps: set[Swap] = set()
    for row in rows:
        if row.flag_only:
            continue
        spun, orig = normalise(row.tortured).split(), normalise(row.established).split()
        i = 0
        while i < min(len(spun), len(orig)) and spun[i] == orig[i]:
            i += 1
        j = 0
        while j < min(len(spun), len(orig)) - i and spun[-1 - j] == orig[-1 - j]:
            j += 1
        x, y = tuple(spun[i : len(spun) - j]), tuple(orig[i : len(orig) - j])
        # A swap needs context on at least one side to have been learnt as a
        # swap of words, and stays short so it is a synonym, not a rewrite.
        if x and y and i + j >= 1 and len(x) <= 3 and len(y) <= 2:
            swaps.add(Swap(y, x))
        if len(spun) == len(orig):
            # Same length: word for word ("curiosity charges" for "interest
            # rates" teaches both "curiosity" and "charges"). The frequency
            # test in build_detector decides which swaps are spinner-like.
            for a, b in zip(spun, orig):
                if a != b:
                    swaps.add(Swap((b,), (a,)))
    # Keep the smallest explanation: "palms gross sales" for "arms sales" is
    # "palms" for "arms" plus "gross sales" for "sales", not a swap of "arms"
    # for "palms gross" when "palms" for "arms" is already known.
    return {
        s for s in swaps
        if not any(
            o.original == s.original and o.spun != s.spun and len(o.spun) < len(s.spun)
            and (s.spun[: len(o.spun)] == o.spun or s.spun[-len(o.spun) :] == o.spun)
            for o in swaps
        )
    }


def read_collocations(path: Path = COLLOCATIONS) -> list[str]:
    """The established phrases of a collocation list, one a line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def build_detector(
    rows: list[PhraseEntry], collocations: Iterable[str] = (), min_drop: float = MIN_DROP
) -> Detector:
    """Variants of established phrases (the rows' and ``collocations``) under
    the rows' swaps, minus the rows themselves."""
    swaps = learn_swaps(rows)
    by_original: dict[tuple[str, ...], list[Swap]] = {}
    for swap in swaps:
        by_original.setdefault(swap.original, []).append(swap)
    listed = {normalise(r.tortured) for r in rows}
    established: dict[tuple[str, ...], str] = {}
    targets = [r.established for r in rows if not r.flag_only] + list(collocations)
    for phrase in targets:
        words = tuple(normalise(phrase).split())
        if 2 <= len(words) <= 4:
            established.setdefault(words, phrase)
    known = {" ".join(w) for w in established} | listed
    variants: dict[str, PhraseEntry] = {}
    for words, written in established.items():
        for k in range(len(words)):
            for size in (1, 2):
                for swap in by_original.get(words[k : k + size], ()):
                    if k + size > len(words):
                        continue
                    new = words[:k] + swap.spun + words[k + size :]
                    key = " ".join(new)
                    if key in known or key in variants:
                        continue
                    if (" ".join(swap.original), " ".join(swap.spun)) in _LEGIT_SWAPS:
                        continue
                    drop = _zipf(" ".join(swap.original)) - _zipf(" ".join(swap.spun))
                    if drop < min_drop or _zipf(" ".join(swap.spun)) > _MAX_SPUN_ZIPF:
                        continue
                    note = f"inferred: {' '.join(swap.spun)!r} for {' '.join(swap.original)!r}, {drop:.1f} Zipf rarer"
                    variants[key] = PhraseEntry(key, written, note, "rare-phrase")
    # Plural forms of listed rows are the tortured-phrase rule's findings, not ours.
    listed_table = tortured_phrase.build_table(rows)
    kept = [e for e in tortured_phrase.build_table(variants.values()).entries.values()
            if normalise(e.tortured) not in listed_table.entries]
    return Detector(tortured_phrase.build_table(kept), frozenset(swaps), listed_table)


@lru_cache(maxsize=4)
def load_detector(extra_files: tuple[Path, ...] = ()) -> Detector:
    """The detector for the built-in table plus the user's tables, built once."""
    rows = tortured_phrase.read_table(tortured_phrase.BUILTIN_TABLE)
    for path in extra_files:
        rows += tortured_phrase.read_table(Path(path))
    return build_detector(rows, read_collocations())


FAILS = [
    # "unfamiliar" for "foreign" is learnt from "unfamiliar policy", here applied to "foreign minister".
    ("Lavrov, the unfamiliar minister, arrived.", "Lavrov, the unfamiliar minister, arrived."),
    # "vitality" for "energy" is learnt from the energy rows; "vitality crisis" is not listed.
    ("The vitality crisis deepened.", "The vitality crisis deepened."),
    ("Crews of the hearth department came.", "Crews of the hearth department came."),
]
PASSES = [
    "Inmates on death row wait.",
    "The international community and foreign policy experts met.",
    "The loss of life penalty was debated.",  # listed: the tortured-phrase rule's finding
    "The vitality disaster deepened.",  # listed too
    "Human privileges groups protested.",  # holds the listed "human privileges"
    "A rustic cabin, a loss of life, an unfamiliar face and a curiosity shop.",
]


def check(doc, settings) -> Iterator:
    yield from find(doc, load_detector(tuple(settings.phrase_files)))


def find(doc, detector: Detector) -> Iterator:
    """The findings of one detector in ``doc`` (the benchmark runs held-out detectors through this)."""
    text = doc.text
    spans = list(detector.table.spans(doc))
    if spans:
        # "Human privileges groups" holds the listed "human privileges": the
        # tortured-phrase rule reports it with a fix, so say nothing here.
        listed = list(detector.listed.spans(doc, near=spans))
        spans = [(s, e) for s, e in spans if not any(ls < e and s < le for ls, le in listed)]
    for start, end in spans:
        matched = text[start:end]
        entry = detector.table.lookup(matched)
        if entry is None:
            continue
        yield META.edit(
            start,
            end,
            f'"{matched}" looks spun: rare words where "{entry.established}" is the usual phrase',
            tortured_phrase.restore_case(matched, entry.established),
            FixKind.NONE,
            data={"established": entry.established, "evidence": entry.note},
        )
