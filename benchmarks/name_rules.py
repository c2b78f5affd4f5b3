"""Speed and edit quality of the name-aware rules (glued-word, entity-variant).

By default prints MB/s on two 2 MB texts, one core, one process:

* ``seed``: the seed article repeated (read from ../shared/seeds beside the
  repository; skipped when absent). Every word recurs, so this is the cheap case.
* ``synthetic``: sentences of common English words mixed with invented
  names, misspelt names and glued words, generated with a fixed seed. Most
  capitalised words are unique, which is the expensive case for both rules.

``--quality`` instead scores both rules on the damaged articles of
``benchmarks.eval`` (glued names and garbled names injected into clean
articles, each with its gold repair): exact repairs, wrong edits, misses.

``--scan DIR`` runs both rules over every text file under DIR (text that has
no glued or garbled names, e.g. /usr/share/doc) and prints each finding, to
read for false positives.

Usage: python benchmarks/name_rules.py [--mb 2] [--quality [--docs 300]] [--scan DIR]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.engine import rules_for
from cleaner.pipeline import run_rules
from cleaner.registry import get_rule

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"


def synthetic(size: int, rng: random.Random) -> str:
    """About ``size`` characters of name-heavy news-like text."""
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 3000) if w.isalpha()]
    syllables = "ka lo mi ran tu sev aung hla zin dor pe vak ri mon ta ng".split()

    def name() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()

    people = [f"{name()} {name()}" for _ in range(400)]
    parts: list[str] = []
    total = 0
    while total < size:
        sentence = [rng.choice(words) for _ in range(rng.randint(8, 20))]
        roll = rng.random()
        if roll < 0.5:
            sentence.insert(rng.randint(0, len(sentence)), rng.choice(people))
        if roll < 0.1:
            sentence.insert(rng.randint(0, len(sentence)), name())  # a one-off name
        if roll < 0.02:
            person = rng.choice(people)
            sentence.insert(1, person[:-2] + person[-1] + person[-2])  # a transposition
        if roll < 0.02:
            sentence.insert(1, rng.choice(people).split()[0] + rng.choice(["have", "who", "said"]))
        s = " ".join(sentence)
        s = s[0].upper() + s[1:] + "."
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts)


def best_of(repeat: int, fn) -> float:
    """The fastest of ``repeat`` runs of ``fn()``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def build(text: str) -> Document:
    """A Document with its tokens and lexicon built, as every rule run needs."""
    doc = Document(text)
    doc.lexicon  # noqa: B018 - building it is the point
    return doc


def quality(docs: int) -> None:
    """Exact repairs, wrong edits and misses of both rules on the eval corpus."""
    import sys
    from collections import Counter

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for benchmarks.eval
    from benchmarks.eval import classes, corpus

    settings = Settings(grammar="none")
    pairs = ((get_rule("glued-word"), classes.GLUED_NAME), (get_rule("entity-variant"), classes.TRUNCATED_NAME))
    tally: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    for sample in corpus.generate(0, docs):
        doc = build(sample.damaged)
        repaired = set()
        for rule, kind in pairs:
            for e in run_rules(doc, [rule], settings):
                hits = [a for a in sample.artifacts if a.start < e.end and e.start < a.end]
                exact = [
                    a for a in hits if a.kind == kind and (a.start, a.end, a.gold) == (e.start, e.end, e.replacement)
                ]
                if exact:
                    tally[rule.name, "exact repair"] += 1
                    repaired.add(exact[0])
                else:
                    tally[rule.name, "wrong edit"] += 1
                    wrong.append(f"  {sample.id} {rule.name}: {sample.damaged[e.start:e.end]!r} -> {e.replacement!r}")
        for a in sample.artifacts:
            for rule, kind in pairs:
                if a.kind == kind:
                    tally[rule.name, "injected"] += 1
                    tally[rule.name, "missed"] += a not in repaired
    print(f"eval corpus: {docs} damaged articles (benchmarks.eval, seed 0)")
    for rule, _ in pairs:
        n, ok, bad = tally[rule.name, "injected"], tally[rule.name, "exact repair"], tally[rule.name, "wrong edit"]
        precision = ok / (ok + bad) if ok + bad else 1.0
        print(f"  {rule.name:<15} injected {n:4}  exact repairs {ok:4} ({ok / max(n, 1):.1%})  "
              f"wrong edits {bad:3}  precision {precision:.1%}")
    print("\n".join(wrong[:20]))


def scan(folder: str) -> None:
    """Every finding of both rules on the text files under ``folder``."""
    settings = Settings(grammar="none")
    rules = [get_rule("glued-word"), get_rule("entity-variant")]
    size = found = 0
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        size += len(text)
        doc = Document(text, str(path))
        for e in run_rules(doc, rules, settings):
            found += 1
            context = text[max(0, e.start - 25) : e.end + 25].replace("\n", " ")
            print(f"{e.rule:<15} {e.fix.value:<9} {context!r} -> {e.replacement!r}  [{path}]")
    print(f"{found} findings in {size / 1e6:.1f} MB of text under {folder}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--quality", action="store_true", help="score edit quality on the eval corpus instead")
    ap.add_argument("--docs", type=int, default=300, help="articles for --quality")
    ap.add_argument("--scan", metavar="DIR", help="print every finding on the text files under DIR instead")
    args = ap.parse_args()
    if args.quality:
        quality(args.docs)
        return
    if args.scan:
        scan(args.scan)
        return
    size = int(args.mb * 1_000_000)
    settings = Settings(grammar="none")
    texts = {"synthetic": synthetic(size, random.Random(7))}
    if SEED.is_file():
        seed = SEED.read_text(encoding="utf-8")
        texts["seed"] = (seed + "\n\n") * (size // len(seed) + 1)
    else:
        print(f"(seed not found at {SEED}; seed corpus skipped)")
    glued, variant = get_rule("glued-word"), get_rule("entity-variant")
    default = rules_for(settings)
    for label, text in texts.items():
        mb = len(text.encode("utf-8")) / 1e6
        doc = build(text)
        print(f"{label}: {mb:.2f} MB")
        rows = {
            "document (tokens + lexicon)": best_of(3, lambda: build(text)),
            "glued-word alone (built doc)": best_of(3, lambda: run_rules(doc, [glued], settings)),
            "entity-variant alone (built doc)": best_of(3, lambda: run_rules(doc, [variant], settings)),
            f"default rule set, {len(default)} rules, end to end": best_of(
                1, lambda: run_rules(build(text), default, settings)
            ),
        }
        for name, seconds in rows.items():
            print(f"  {name:<42} {mb / seconds:7.2f} MB/s  ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
