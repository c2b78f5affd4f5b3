"""Benchmark: `cleaner check` over a folder of many articles, as CI runs it.

Writes N generated articles (shuffled paragraphs of the project's samples and
of the seed article, about 5 KB each; see check_bench.py) to a temporary
folder, then runs the real command line in a subprocess for each setting:

    cleaner check DIR --jobs J --grammar G --format json-lines > /dev/null

and prints files per second (wall clock, start-up included) and peak memory:
the largest sum of RSS over the process tree (the parent plus its workers,
sampled every 20 ms from /proc, so Linux only) and the largest single process.

    python benchmarks/batch_bench.py [--articles 10000] [--grammar-articles 1000]
                                     [--jobs 1 2] [--grammar none harper]

The grammar runs pass --no-cache (see --cache): the generated articles reuse
a small pool of paragraphs, which the paragraph cache would otherwise serve.
Fewer articles can be given for them with --grammar-articles; the printed
"10,000 est." column extrapolates linearly from each run's files per second.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from check_bench import make_articles  # noqa: E402  (a sibling script, not a package)


@dataclass
class Figure:
    """One measured run."""

    articles: int
    jobs: int
    grammar: str
    seconds: float
    exit_code: int
    peak_tree_mb: float
    peak_process_mb: float

    @property
    def files_per_second(self) -> float:
        return self.articles / self.seconds


def _tree_rss_mb(root: int) -> tuple[float, float]:
    """Sum and maximum of VmRSS (MB) over ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:  # the process ended while we looked
            continue
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip() or 0)
        children.setdefault(ppid, []).append(pid)
        kb = fields.get("VmRSS", "0 kB").split()[0]
        rss[pid] = int(kb) if kb.isdigit() else 0
    total, largest, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        todo.extend(children.get(pid, []))
    return total / 1024, largest / 1024


def measure(folder: Path, articles: int, jobs: int, grammar: str, cache: bool = False) -> Figure:
    """Run the CLI once over ``folder`` and sample its memory while it runs."""
    cmd = [
        sys.executable, "-c", "import sys; from cleaner.cli import main; sys.exit(main())",
        "check", str(folder), "--jobs", str(jobs), "--grammar", grammar, "--format", "json-lines",
    ]
    if grammar != "none" and not cache:
        # The generated articles reuse a small pool of paragraphs, so with the
        # paragraph cache on nearly every paragraph after the first few
        # articles is a hit and the figure would not be the grammar pass's.
        cmd.append("--no-cache")
    env = {**os.environ, "CI": "true"}  # no progress bar in the figures
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, env=env)
        peak_tree = peak_one = 0.0
        while proc.poll() is None:
            tree, one = _tree_rss_mb(proc.pid)
            peak_tree, peak_one = max(peak_tree, tree), max(peak_one, one)
            time.sleep(0.02)
        err = proc.stderr.read().decode("utf-8", "replace")
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"cleaner failed ({proc.returncode}): {err.strip()}")
    return Figure(articles, jobs, grammar, seconds, proc.returncode, peak_tree, peak_one)


def write_articles(folder: Path, n: int, seed: int) -> None:
    for i, text in enumerate(make_articles(n, seed)):
        sub = folder / f"section{i % 20:02}"
        sub.mkdir(exist_ok=True)
        (sub / f"article{i:05}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000, help="articles for the artifact-rules runs")
    ap.add_argument("--grammar-articles", type=int, default=1_000, help="articles for the grammar runs")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--grammar", nargs="+", default=["none", "harper"], help="backends: none, harper, languagetool")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cache", action="store_true",
                    help="keep the grammar cache on (measures cache hits, not the grammar pass)")
    args = ap.parse_args()

    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}")
    print(f"{'grammar':<8} {'jobs':>4} {'articles':>8} {'seconds':>8} {'files/s':>8} {'10,000 est.':>11} "
          f"{'peak tree MB':>12} {'peak proc MB':>12}")
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        folders: dict[int, Path] = {}
        for grammar in args.grammar:
            n = args.articles if grammar == "none" else args.grammar_articles
            if n not in folders:
                folders[n] = Path(tmp, f"n{n}")
                folders[n].mkdir()
                write_articles(folders[n], n, args.seed)
            for jobs in args.jobs:
                f = measure(folders[n], n, jobs, grammar, args.cache)
                est = 10_000 / f.files_per_second
                print(f"{grammar:<8} {jobs:>4} {n:>8} {f.seconds:>8.1f} {f.files_per_second:>8.1f} "
                      f"{est:>10.0f}s {f.peak_tree_mb:>12.0f} {f.peak_process_mb:>12.0f}", flush=True)


if __name__ == "__main__":
    main()
