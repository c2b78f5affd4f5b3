"""Throughput of the duplication and boilerplate rules on about 2 MB of text.

Prints, per rule, the best of three timings of ``check`` over one large
Document, in MB/s. The goal is that the whole default rule set checks at
least 2 MB/s on one core, so each rule must take a small share of a second.

The text is built from the seed article (read from ../shared/seeds, never
copied into the repository): copies with each long paragraph prefixed by a
copy number, so that copies do not repeat each other (which would turn every
paragraph into a duplicate-paragraph finding) while the seed's own artifacts
and page furniture recur in every copy.

The Document's line index and protected regions are built before timing:
every rule shares them, and they are the core's cost, not a rule's.

Usage: python benchmarks/duplicate_boilerplate_bench.py [--size-mb 2] [--all]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.registry import all_rules

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
MINE = ("boilerplate", "duplicate-fragment", "duplicate-paragraph", "duplicate-sentence", "duplicate-word")


def corpus(seed: str, size: int) -> str:
    """About ``size`` characters of article text, copies that differ from each other."""
    paragraphs = seed.split("\n\n")
    copies = []
    total = k = 0
    while total < size:
        copy = "\n\n".join(f"Copy {k}: {p}" if len(p.split()) >= 8 else p for p in paragraphs)
        copies.append(copy)
        total += len(copy) + 2
        k += 1
    return "\n\n".join(copies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=2.0)
    parser.add_argument("--all", action="store_true", help="time every default rule, not only these five")
    args = parser.parse_args(argv)
    if not SEED.is_file():
        print(f"seed article not found at {SEED}", file=sys.stderr)
        return 2
    text = corpus(SEED.read_text(encoding="utf-8"), int(args.size_mb * 1_000_000))
    mb = len(text.encode("utf-8")) / 1e6
    settings = Settings()
    rules = [r for r in all_rules() if (r.meta.default if args.all else r.name in MINE)]
    print(f"{mb:.2f} MB, {text.count(chr(10)) + 1} lines")
    total = 0.0
    for rule in rules:
        list(rule.check(Document(SEED.read_text(encoding="utf-8")), settings))  # load data, compile
        best = float("inf")
        for _ in range(3):
            doc = Document(text)
            doc.line_starts, doc.protected  # shared by every rule: not this rule's cost
            start = time.perf_counter()
            n = sum(1 for _ in rule.check(doc, settings))
            best = min(best, time.perf_counter() - start)
        total += best
        print(f"{rule.name:30s} {best * 1000:8.1f} ms {mb / best:8.1f} MB/s  {n:6d} findings")
    print(f"{'total':30s} {total * 1000:8.1f} ms {mb / total:8.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
