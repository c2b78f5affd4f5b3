"""Score findings and fixes against the gold artifacts of a corpus.

Two questions, each with precision, recall and F0.5 (the grammatical error
correction convention: precision weighs more, since a wrong edit is worse
than a missed one):

* detection: does a finding overlap the artifact's span in the damaged text?
* correction: after the fix, is the text at the artifact equal to gold?

Correction needs an alignment between the fixed text and the clean text:
rapidfuzz's Levenshtein opcodes give the places where they still differ,
and an artifact counts as repaired when no such difference falls within a
few characters of it. Differences made only of line breaks are layout (a
deleted furniture line leaving one blank line too many) and are ignored.

A finding or an applied edit that touches no artifact at all touched clean
text; those are counted on their own, since they are what users fear most.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, NamedTuple, Sequence

import regex
from rapidfuzz.distance import Levenshtein

from benchmarks.eval import classes as C
from benchmarks.eval.corpus import Artifact, Sample

ALIGN_SLACK = 12
"""How far (in characters) an unrepaired leftover may sit from its artifact's
clean span: a leftover doubled word or furniture line can align on either
side of its twin. Artifacts are injected further apart than this."""

_LAYOUT = regex.compile(r"[\r\n]*")


class Span(NamedTuple):
    """A finding or an applied edit, in damaged-text offsets, with who made it."""

    start: int
    end: int
    rule: str
    cls: str
    """The class the rule claims (:func:`classes.class_of_rule`); peers use their own name."""


@dataclass
class ToolRun:
    """What one tool did to one sample."""

    findings: list[Span]
    """What it reported on the damaged text."""
    fixed: str | None = None
    """The text after its fixes, or None for a tool that only reports."""
    edits: list[Span] | None = None
    """Its applied edits in damaged-text offsets; None to derive them from a diff."""


@dataclass
class ClassScore:
    """Counts for one class (or overall) in one mode, detection or correction."""

    artifacts: int = 0
    """Gold artifacts of this class."""
    hit: int = 0
    """Of those, found (detection) or repaired (correction)."""
    claimed: int = 0
    """Findings or edits whose rule belongs to this class."""
    claimed_ok: int = 0
    """Of those, on an artifact (detection) or on an artifact they repaired (correction)."""
    on_clean: int = 0
    """Of those, touching no artifact at all: clean text flagged or changed."""

    @property
    def precision(self) -> float | None:
        return self.claimed_ok / self.claimed if self.claimed else None

    @property
    def recall(self) -> float | None:
        return self.hit / self.artifacts if self.artifacts else None

    @property
    def f05(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p == 0 and r == 0 else 1.25 * p * r / (0.25 * p + r)

    def add(self, other: ClassScore) -> None:
        self.artifacts += other.artifacts
        self.hit += other.hit
        self.claimed += other.claimed
        self.claimed_ok += other.claimed_ok
        self.on_clean += other.on_clean


@dataclass
class Scores:
    """Detection and correction scores per class, and overall."""

    detection: dict[str, ClassScore] = field(default_factory=dict)
    correction: dict[str, ClassScore] = field(default_factory=dict)
    words: int = 0
    """Words of damaged text scored, for rates per 10,000 words."""
    missed: dict[str, list[str]] = field(default_factory=dict)
    """A few unrepaired artifacts per class, as ``damaged -> gold`` text, for reading."""
    clean_edits: list[str] = field(default_factory=list)
    """A few applied edits that touched no artifact, with their context, for reading."""

    def overall(self, mode: str) -> ClassScore:
        total = ClassScore()
        for score in getattr(self, mode).values():
            total.add(score)
        return total


def touches(start: int, end: int, a_start: int, a_end: int) -> bool:
    """True when ``[start, end)`` overlaps ``[a_start, a_end)``; an insertion
    (``start == end``) touches a span it sits in or at the edge of."""
    if start == end:
        return a_start <= start <= a_end
    return start < a_end and a_start < end


def leftovers(clean: str, fixed: str) -> list[tuple[int, int]]:
    """Clean-text ranges where the fixed text still differs, layout aside."""
    out = []
    for op in Levenshtein.opcodes(clean, fixed):
        if op.tag == "equal":
            continue
        a, b = clean[op.src_start : op.src_end], fixed[op.dest_start : op.dest_end]
        if _LAYOUT.fullmatch(a) and _LAYOUT.fullmatch(b):
            continue
        out.append((op.src_start, op.src_end))
    return out


def repaired(artifact: Artifact, rest: Sequence[tuple[int, int]]) -> bool:
    """True when no leftover difference lies within ``ALIGN_SLACK`` of the artifact."""
    # The slack is the size of the damage: a leftover doubled "said " can
    # align five characters to either side of the gold "said".
    slack = min(ALIGN_SLACK, max(1, abs((artifact.end - artifact.start) - len(artifact.gold))))
    lo, hi = artifact.clean_start - slack, artifact.clean_end + slack
    return not any(i1 <= hi and i2 >= lo for i1, i2 in rest)


def diff_edits(damaged: str, fixed: str, rule: str, cls: str) -> list[Span]:
    """The changes between two texts as edits on the first (for tools that only return text)."""
    return [
        Span(op.src_start, op.src_end, rule, cls)
        for op in Levenshtein.opcodes(damaged, fixed)
        if op.tag != "equal"
    ]


def _claim(scores: dict[str, ClassScore], spans: Iterable[Span], artifacts: Sequence[Artifact],
           good: Sequence[bool]) -> list[Span]:
    """Count each span for its class; return those that touch no artifact."""
    stray = []
    for s in spans:
        score = scores.setdefault(s.cls, ClassScore())
        score.claimed += 1
        hits = [i for i, a in enumerate(artifacts) if touches(s.start, s.end, a.start, a.end)]
        if not hits:
            score.on_clean += 1
            stray.append(s)
        elif any(good[i] for i in hits):
            score.claimed_ok += 1
    return stray


def score(samples: Sequence[Sample], runs: Sequence[ToolRun], *, keep_missed: int = 5) -> Scores:
    """Score one tool's runs (one per sample, same order) against the gold."""
    result = Scores()
    for cls in C.CLASSES:
        result.detection[cls] = ClassScore()
        result.correction[cls] = ClassScore()
    for sample, run in zip(samples, runs, strict=True):
        arts = sample.artifacts
        result.words += len(sample.damaged.split())
        found = [any(touches(f.start, f.end, a.start, a.end) for f in run.findings) for a in arts]
        for a, ok in zip(arts, found):
            d = result.detection.setdefault(a.kind, ClassScore())
            d.artifacts += 1
            d.hit += ok
        # A finding is right when it is on any artifact: which rule names a
        # given piece of damage is the tool's business.
        _claim(result.detection, run.findings, arts, [True] * len(arts))
        if run.fixed is None:
            continue
        rest = leftovers(sample.clean, run.fixed)
        fixed_ok = [repaired(a, rest) for a in arts]
        for a, ok in zip(arts, fixed_ok):
            c = result.correction.setdefault(a.kind, ClassScore())
            c.artifacts += 1
            c.hit += ok
            if not ok and len(result.missed.setdefault(a.kind, [])) < keep_missed:
                result.missed[a.kind].append(f"{sample.damaged[a.start:a.end]!r} -> {a.gold!r}")
        edits = run.edits if run.edits is not None else diff_edits(sample.damaged, run.fixed, "diff", C.OTHER)
        for e in _claim(result.correction, edits, arts, fixed_ok):
            if len(result.clean_edits) < keep_missed:
                around = sample.damaged[max(0, e.start - 20) : e.end + 20]
                result.clean_edits.append(f"{e.rule} on {sample.damaged[e.start:e.end]!r} in {around!r}")
    return result
