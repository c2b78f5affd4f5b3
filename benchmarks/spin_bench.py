"""Precision, recall and false flags of the spin rules; prints figures.

Run from the repository root::

    python benchmarks/spin_bench.py            # all figures
    python benchmarks/spin_bench.py --folds 10 # finer cross-validation
    python benchmarks/spin_bench.py --sweep    # rare-phrase thresholds compared

What it measures:

1. The phrase table (``tortured-phrase``), in sample: every suggested row of
   ``rules/data/tortured_phrases.tsv`` is injected into a paragraph of clean
   prose (singular or plural, lower case or opening the sentence); a hit is a
   finding on exactly the injected span whose replacement is the established
   phrase with the right capitals. Every other finding is a false positive.
   In sample means this checks the matcher (words, case, plurals,
   boundaries), not the table's coverage of spins it has never seen.
2. The statistical detector (``rare-phrase``), held out: the rows are split
   into folds; for each fold a detector is learnt from the other folds and
   run on the held-out fold's spins, which it can only find by inference.
   Also shown: how many held-out spins the rest of the table plus the
   detector find together.
3. False flags per 10,000 words of clean text for each spin rule: the
   benchmark's own clean prose (benchmarks/data/spin_clean.txt, written to
   use the words spinners swap in, in their ordinary senses), the clean
   sample counterparts, the evaluation corpus texts, the seed article when
   ../shared is present, and the licence texts in /usr/share/common-licenses
   when present (ordinary, non-news English).
   Then, out of domain, the docstrings of the Python standard library:
   code-heavy English where acronyms and braces abound.
4. Throughput of each spin rule on the clean text, in MB/s on one core.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.config import Settings  # noqa: E402
from cleaner.document import WORD_RE, Document  # noqa: E402
from cleaner.pipeline import run_rules  # noqa: E402
from cleaner.registry import all_rules  # noqa: E402
from cleaner.rules import rare_phrase, tortured_phrase  # noqa: E402
from cleaner.rules.tortured_phrase import PhraseEntry, restore_case  # noqa: E402
from cleaner.wordstats import zipf  # noqa: E402

CLEAN_PROSE = ROOT / "benchmarks" / "data" / "spin_clean.txt"
SEED = ROOT / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
LICENCES = Path("/usr/share/common-licenses")
# Sentences the spun phrase is put into; {p} is the phrase, {P} the phrase
# opening the sentence.
CARRIERS = (
    "Officials discussed the {p} on Monday.",
    "{P} was the main subject of the debate.",
    "Critics said reports about {p} had been exaggerated.",
)


@dataclass
class Score:
    """Counts for one detector on one injected set."""

    injected: int = 0
    hits: int = 0
    right_suggestion: int = 0
    false_positives: int = 0

    @property
    def precision(self) -> float:
        found = self.hits + self.false_positives
        return self.hits / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.injected if self.injected else 0.0


class Injected:
    """A paragraph with one spun phrase put in, and where it is."""

    def __init__(self, paragraph: str, phrase: str, carrier: str) -> None:
        capital = phrase[:1].upper() + phrase[1:]
        sentence = carrier.replace("{p}", phrase).replace("{P}", capital)
        self.text = paragraph + " " + sentence
        shown = capital if "{P}" in carrier else phrase
        self.start = len(paragraph) + 1 + sentence.index(shown)
        self.end = self.start + len(shown)
        self.shown = shown


def clean_paragraphs() -> list[str]:
    text = CLEAN_PROSE.read_text(encoding="utf-8")
    paras = [p.strip() for p in text.split("\n\n")]
    return [p for p in paras if p and not p.startswith("#")]


def clean_corpora() -> dict[str, str]:
    corpora = {"spin_clean.txt (own, adversarial)": CLEAN_PROSE.read_text(encoding="utf-8")}
    samples = sorted((ROOT / "samples").glob("*.clean.*"))
    corpora["samples/*.clean.*"] = "\n\n".join(p.read_text(encoding="utf-8") for p in samples)
    texts = sorted((ROOT / "benchmarks" / "eval" / "texts").glob("*.txt"))
    if texts:
        corpora["benchmarks/eval/texts"] = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    if SEED.exists():
        corpora["seed article"] = SEED.read_text(encoding="utf-8")
    if LICENCES.is_dir():
        seen: set[str] = set()
        parts = []
        for p in sorted(LICENCES.iterdir()):
            real = os.path.realpath(p)
            if p.is_file() and real not in seen:
                seen.add(real)
                parts.append(p.read_text(encoding="utf-8", errors="replace"))
        corpora["/usr/share/common-licenses"] = "\n\n".join(parts)
    return corpora


def stdlib_docstrings() -> list[str]:
    """The docstrings of each standard-library module, joined per module."""
    root = Path(sysconfig.get_paths()["stdlib"])
    texts = []
    for path in sorted(root.rglob("*.py")):
        if "test" in path.parts or "tests" in path.parts or "site-packages" in path.parts:
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        nodes = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        docs = [ast.get_docstring(n) for n in ast.walk(tree) if isinstance(n, nodes)]
        text = "\n\n".join(d for d in docs if d)
        if text:
            texts.append(text)
    return texts


def injection_cases(rows: list[PhraseEntry], rng: random.Random, paragraphs: list[str]):
    """One injected paragraph per row: (row, Injected, expected replacement)."""
    for i, row in enumerate(rows):
        use = row
        if i % 3 == 2:
            plural = tortured_phrase._plural_row(row)
            use = plural or row
        carrier = CARRIERS[i % len(CARRIERS)]
        # Rows that carry their own article ("the rustic's") read oddly after
        # "the"; the matcher does not care, and neither does the score.
        inj = Injected(rng.choice(paragraphs), use.tortured, carrier)
        yield row, inj, restore_case(inj.shown, use.established)


def score(findings, inj: Injected, expected: str, s: Score) -> None:
    """Count one injected case: the first finding overlapping the injected
    span is the hit (its suggestion is right when applying it gives the text
    with the established phrase in place); every other finding is false.
    Findings on the same span from two detectors count once."""
    s.injected += 1
    want = inj.text[: inj.start] + expected + inj.text[inj.end :]
    hit = False
    spans: set[tuple[int, int]] = set()
    for e in findings:
        if (e.start, e.end) in spans:
            continue
        spans.add((e.start, e.end))
        if e.start < inj.end and inj.start < e.end and not hit:
            hit = True
            s.hits += 1
            if e.replacements and inj.text[: e.start] + e.replacements[0] + inj.text[e.end :] == want:
                s.right_suggestion += 1
        else:
            s.false_positives += 1


def bench_table(rows, paragraphs) -> Score:
    table = tortured_phrase.build_table(rows)
    s = Score()
    rng = random.Random(1)
    for row, inj, expected in injection_cases([r for r in rows if not r.flag_only], rng, paragraphs):
        score(list(tortured_phrase.find(Document(inj.text), table)), inj, expected, s)
    return s


def bench_detector(rows, paragraphs, folds: int, min_drop: float) -> tuple[Score, Score]:
    """Held-out scores: the detector alone, and the rest of the table plus the detector."""
    usable = [r for r in rows if not r.flag_only]
    rng = random.Random(0)
    order = usable[:]
    rng.shuffle(order)
    alone, combined = Score(), Score()
    for k in range(folds):
        held = order[k::folds]
        held_keys = {tortured_phrase.normalise(r.tortured) for r in held}
        train = [r for r in rows if tortured_phrase.normalise(r.tortured) not in held_keys]
        detector = rare_phrase.build_detector(train, rare_phrase.read_collocations(), min_drop)
        table = tortured_phrase.build_table(train)
        for row, inj, expected in injection_cases(held, random.Random(k), paragraphs):
            doc = Document(inj.text)
            inferred = list(rare_phrase.find(doc, detector))
            score(inferred, inj, expected, alone)
            listed = list(tortured_phrase.find(doc, table))
            score(inferred + listed, inj, expected, combined)
    return alone, combined


def words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sweep", action="store_true", help="try several rare-phrase thresholds")
    args = parser.parse_args(argv)

    rows = tortured_phrase.read_table(tortured_phrase.BUILTIN_TABLE)
    paragraphs = clean_paragraphs()
    flag_only = sum(r.flag_only for r in rows)
    print(f"phrase table: {len(rows)} rows ({flag_only} flag-only, not injected), "
          f"{len(tortured_phrase.load_table(()).entries)} forms with plurals")

    t = bench_table(rows, paragraphs)
    print("\n1. tortured-phrase table, in sample (injected into clean paragraphs)")
    print(f"   injected {t.injected}  hits {t.hits}  right replacement {t.right_suggestion}  "
          f"false positives {t.false_positives}")
    print(f"   precision {t.precision:.3f}  recall {t.recall:.3f}  "
          f"replacement exact {t.right_suggestion / max(t.hits, 1):.3f}")

    corpora = clean_corpora()
    clean_docs = [Document(t) for t in corpora.values()]
    clean_words = sum(words(t) for t in corpora.values())
    drops = (0.5, 0.75, 1.0, 1.25, 1.5) if args.sweep else (rare_phrase.MIN_DROP,)
    print(f"\n2. rare-phrase detector, held out ({args.folds}-fold over the table's suggested rows);")
    print(f"   false flags of the detector learnt from the whole table, on {clean_words} words of clean text")
    for drop in drops:
        alone, combined = bench_detector(rows, paragraphs, args.folds, drop)
        full = rare_phrase.build_detector(rows, rare_phrase.read_collocations(), drop)
        false_flags = sum(len(list(rare_phrase.find(d, full))) for d in clean_docs)
        print(f"   min_drop {drop:.2f} ({len(full.table.entries)} inferred forms):")
        print(f"     detector alone:   injected {alone.injected}  hits {alone.hits}  "
              f"right suggestion {alone.right_suggestion}  false positives {alone.false_positives}  "
              f"precision {alone.precision:.3f}  recall {alone.recall:.3f}")
        print(f"     rest of table + detector: hits {combined.hits}  precision {combined.precision:.3f}  "
              f"recall {combined.recall:.3f}")
        print(f"     clean text: {false_flags} flags = {false_flags * 10000 / clean_words:.2f} per 10,000 words")

    print("\n3. false flags on clean text (every finding on clean text is false)")
    spin_rules = [r for r in all_rules() if r.meta.category == "spin"]
    settings = Settings()
    total_words = 0
    totals = {r.name: 0 for r in spin_rules}
    for name, text in corpora.items():
        n = words(text)
        total_words += n
        found = run_rules(Document(text), spin_rules, settings)
        for e in found:
            totals[e.rule] += 1
        shown = ", ".join(f"{e.rule}: {text[e.start:e.end]!r}" for e in found[:5])
        print(f"   {name:<38} {n:>7} words  {len(found):>3} flags  {shown}")
    for rule, n in totals.items():
        print(f"   {rule:<16} {n} flags on {total_words} words = {n * 10000 / total_words:.2f} per 10,000 words")

    docs = stdlib_docstrings()
    doc_words = sum(words(t) for t in docs)
    doc_found: dict[str, int] = {r.name: 0 for r in spin_rules}
    examples = []
    for text in docs:
        for e in run_rules(Document(text), spin_rules, settings):
            doc_found[e.rule] += 1
            examples.append(f"{e.rule}: {text[e.start:e.end]!r}")
    print(f"\n3b. out of domain: docstrings of the Python standard library, one document per module "
          f"({doc_words} words; code-heavy, so acronyms and braces abound)")
    for rule, n in doc_found.items():
        print(f"   {rule:<16} {n} flags = {n * 10000 / max(doc_words, 1):.2f} per 10,000 words")
    print(f"   e.g. {', '.join(examples[:6])}")

    print("\n4. throughput, one core, CPU time (tables built and wordfreq loaded beforehand)")
    news = [t for name, t in corpora.items() if "licenses" not in name]
    news += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("spun_*.txt"))]
    texts = {"news prose with the spun samples": "\n\n".join(news)}
    if LICENCES.is_dir():
        texts["licence texts (many capitals)"] = corpora["/usr/share/common-licenses"]
    zipf("warm")  # wordfreq's tables load once per process, shared with other rules
    for label, text in texts.items():
        while len(text) < 2_000_000:
            text += "\n\n" + text
        doc = Document(text)
        doc.tokens  # shared by all rules; built once per document by the core
        size = len(text.encode("utf-8"))
        print(f"   {label}, {size / 1e6:.1f} MB:")
        for rule in spin_rules:
            list(rule.check(Document("warm up {a|b}"), settings))
            # CPU time of this process: the machine is shared, and wall time
            # would measure the neighbours as much as the rule.
            start = time.process_time()
            n = len(list(rule.check(doc, settings)))
            elapsed = time.process_time() - start
            print(f"     {rule.name:<16} {size / 1e6 / elapsed:7.1f} MB/s  ({n} findings)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
