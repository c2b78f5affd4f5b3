"""Benchmark: `check` with the artifact rules only, over generated articles.

Prints MB/s (UTF-8 bytes of input per second, one process, so one core) and
peak RSS. The articles are checked ``--repeat`` times, each pass with new
Documents, and the median pass is the figure: on a shared machine single
passes vary by 10-20%. The articles are shuffled paragraphs of the project's samples and
of the seed article (read from ../shared/seeds when present), so they carry
realistic artifacts at a realistic density.

    python benchmarks/check_bench.py [--articles 1000] [--seed 7] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.engine import check_document, rules_for

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def paragraphs() -> list[str]:
    # Samples, then seeds, each sorted by name: the same articles wherever the checkout is.
    files = sorted(p for p in (ROOT / "samples").iterdir() if ".clean." not in p.name)
    files += sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    paras = []
    for f in files:
        text = f.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        paras += [p for p in text.split("\n\n") if p.strip()]
    return paras


def make_articles(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    paras = paragraphs()
    # About 5 KB, a news article's length: 30 paragraphs of ~170 bytes.
    return ["\n\n".join(rng.choice(paras) for _ in range(30)) + "\n" for _ in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the articles (the median is the figure)")
    args = ap.parse_args()
    articles = make_articles(args.articles, args.seed)
    size = sum(len(a.encode("utf-8")) for a in articles)
    settings = Settings(grammar="none")
    rules = rules_for(settings)
    check_document(Document(articles[0]), settings, rules)  # import-time and lazy setup out of the figure
    passes = []  # (CPU seconds, wall seconds) of each pass; every pass builds new Documents
    for _ in range(max(1, args.repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        findings = 0
        for text in articles:
            findings += len(check_document(Document(text), settings, rules))
        passes.append((time.process_time() - c0, time.perf_counter() - t0))
    cpu, elapsed = statistics.median_low(passes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles        {len(articles)}")
    print(f"input           {size / 1e6:.2f} MB")
    print(f"rules           {len(rules)} ({', '.join(r.name for r in rules)})")
    print(f"findings        {findings}")
    print(f"passes          {', '.join(f'{size / 1e6 / c:.2f}' for c, _ in passes)} MB/s CPU")
    print(f"time (median)   {elapsed:.2f} s wall, {cpu:.2f} s CPU")
    print(f"throughput      {size / 1e6 / elapsed:.2f} MB/s wall, {size / 1e6 / cpu:.2f} MB/s CPU (goal >= 2 MB/s, one core)")
    print(f"per article     {cpu / len(articles) * 1000:.2f} ms CPU")
    print(f"peak RSS        {peak:.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
