"""Benchmark the grammar pass: words per second, cold and warm cache, and a one-paragraph re-check.

Usage:
    python benchmarks/grammar_bench.py [--articles 1000] [--lt-articles 100] [--lt-server URL]

For each backend (harper, and languagetool when a server is given or
scripts/languagetool-server can start one) it prints:

* seed, cold: the seed article through an empty cache;
* seed, warm: the same again, every paragraph from the cache;
* re-check: the seed with one paragraph changed, warm cache otherwise;
* corpus, cold / warm: N articles made from the seed at run time.

The corpus is generated in memory, never written to the repository: each
article is the seed with its paragraphs in a different order and an
article-specific tag on every paragraph, so no paragraph repeats across
articles and the cold run cannot lean on the cache.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"
SCRIPT = REPO / "scripts" / "languagetool-server"


def make_corpus(seed: str, n: int) -> list[str]:
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    rng = random.Random(1234)
    articles = []
    for i in range(n):
        order = paragraphs[:]
        rng.shuffle(order)
        articles.append("\n\n".join(f"{p} Ref {i}-{j}." for j, p in enumerate(order)))
    return articles


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(texts: list[str], settings, cache) -> tuple[float, int]:
    from cleaner.document import Document
    from cleaner.grammar.run import run_grammar

    sent = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        sent += run_grammar(Document(text, f"a{i}.txt"), settings, cache=cache).sent
    return time.perf_counter() - t0, time.process_time() - c0, sent


def row(label: str, texts: list[str], seconds: float, cpu: float, sent: int) -> None:
    n = words(texts)
    print(f"  {label:<28} {len(texts):>5} docs {n:>9} words {seconds:>9.3f} s {n / seconds:>11,.0f} words/s"
          f"  (this process's CPU {cpu:.3f} s; {sent} paragraphs sent)")


def bench(name: str, settings, seed: str, corpus: list[str]) -> None:
    from cleaner.grammar.base import Paragraph
    from cleaner.grammar.cache import GrammarCache
    from cleaner.grammar.run import get_backend

    print(f"{name}:")
    t0 = time.perf_counter()
    backend = get_backend(settings)
    # Harper defers most of its set-up to the first real text: warm it on
    # the seed itself (outside the cache) so "cold" below means a cold cache.
    backend.check([Paragraph(p) for p in seed.split("\n\n") if p.strip()])
    print(f"  start-up (build, first check of the seed, uncached)  {time.perf_counter() - t0:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        cache = GrammarCache(Path(tmp) / "seed.sqlite3")
        row("seed, cold cache", [seed], *timed([seed], settings, cache))
        row("seed, warm cache", [seed], *timed([seed], settings, cache))
        paras = seed.split("\n\n")
        k = max(range(len(paras)), key=lambda i: len(paras[i]))
        paras[k] = paras[k].replace(" the ", " a ", 1) + " One more sentence was added here."
        changed = "\n\n".join(paras)
        row("seed, one paragraph changed", [changed], *timed([changed], settings, cache))
        cache.close()
        if corpus:
            cache = GrammarCache(Path(tmp) / "corpus.sqlite3")
            row("corpus, cold cache", corpus, *timed(corpus, settings, cache))
            row("corpus, warm cache", corpus, *timed(corpus, settings, cache))
            cache.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size for harper")
    parser.add_argument("--lt-articles", type=int, default=20, help="corpus size for languagetool (slower)")
    parser.add_argument("--lt-server", help="a running LanguageTool server; default: start one with the script")
    parser.add_argument("--skip-lt", action="store_true")
    parser.add_argument("--skip-harper", action="store_true")
    args = parser.parse_args()
    if not SEED.exists():
        print(f"seed not found at {SEED}", file=sys.stderr)
        return 2
    seed = SEED.read_text(encoding="utf-8")
    from cleaner.config import Settings

    print(f"seed: {words([seed])} words, {len(seed)} characters; load average {os.getloadavg()[0]:.1f}")
    if not args.skip_harper:
        bench("harper", Settings(grammar="harper"), seed, make_corpus(seed, args.articles))
    if args.skip_lt:
        return 0
    url, state = args.lt_server, None
    if url is None:
        state = tempfile.mkdtemp(prefix="lt-bench-")
        proc = subprocess.run([sys.executable, str(SCRIPT), "start", "--state-dir", state],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"languagetool: skipped ({proc.stderr.strip()})")
            return 0
        url = proc.stdout.strip()
    try:
        bench(f"languagetool ({url})", Settings(grammar="languagetool", lt_server=url), seed,
              make_corpus(seed, args.lt_articles))
    finally:
        if state:
            subprocess.run([sys.executable, str(SCRIPT), "stop", "--state-dir", state], capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
