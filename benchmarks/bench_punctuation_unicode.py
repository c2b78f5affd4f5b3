"""Throughput of the punctuation, spacing and unicode rules (CL5xx, CL602-CL607).

Prints MB/s per rule and for the group, checking a corpus built from the seed
article (read from the shared folder beside the repository, never copied)
with some artifacts of each kind mixed in, on one core. The goal is that
the whole default rule set checks at least 2 MB/s; this script shows what
these rules cost of that budget. Run: python benchmarks/bench_punctuation_unicode.py [copies]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.pipeline import run_rules
from cleaner.registry import all_rules

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
MINE = {
    "space-before-punctuation", "repeated-spaces", "missing-space-after-punctuation", "stranded-punctuation",
    "unbalanced-brackets", "unbalanced-quotes", "mixed-quotes", "mojibake", "non-breaking-space", "html-entities",
    "html-tags", "replacement-character", "latin-ligatures",
}
# Artifacts of each kind, so no rule is measured only on its fast "nothing here" path.
NOISE = (
    "\nThe minister , who arrived .Updated daily, said \"yes\" and left..\n"
    "Officials in Naypyitaw said the CafÃ© owner donâ€™t know.The talks went on. It wasn\ufffdt \ufb01nal.\n"
    "Flights to SÃ£o Paulo&nbsp;and AT&amp;T (since 2013. The\u00a0regime  said so.</p><p>More.\n"
)


def corpus(copies: int) -> str:
    base = SEED.read_text(encoding="utf-8")
    return (base + NOISE) * copies


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str]) -> int:
    if not SEED.exists():
        print(f"seed article not found at {SEED}; nothing to measure", file=sys.stderr)
        return 2
    copies = int(argv[0]) if argv else 100
    text = corpus(copies)
    mb = len(text.encode("utf-8")) / 1e6
    settings = Settings()
    rules = [r for r in all_rules() if r.name in MINE]
    # Warm lazy state (wordfreq tables, ftfy) outside the timings.
    run_rules(Document(text[:20000]), rules, settings)
    print(f"corpus: {copies} copies of the seed plus artifacts, {mb:.2f} MB")
    # One Document, its shared lazy parts (protected regions, line index)
    # built once, as they are when the whole rule set runs: each rule is
    # timed on its own work.
    doc = Document(text)
    t = time.perf_counter()
    doc.protected, doc.line_starts
    print(f"  document set-up (protected regions, line index): {(time.perf_counter() - t) * 1000:.0f} ms")
    total = 0.0
    for rule in rules:
        secs = best_of(lambda: list(rule.check(doc, settings)))
        total += secs
        print(f"  {rule.code} {rule.name:34s} {mb / secs:8.1f} MB/s  ({secs * 1000:.0f} ms)")
    print(f"these {len(rules)} rules, checks only: {mb / total:.2f} MB/s ({total * 1000:.0f} ms)")
    fresh = best_of(lambda: run_rules(Document(text), rules, settings))
    print(f"these {len(rules)} rules end to end (new Document each time): {mb / fresh:.2f} MB/s "
          f"({fresh * 1000:.0f} ms, {len(run_rules(Document(text), rules, settings))} findings)")
    every = all_rules()
    whole = best_of(lambda: run_rules(Document(text), every, settings), repeat=1)
    print(f"whole default rule set ({len(every)} rules) end to end: {mb / whole:.2f} MB/s ({whole * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
