"""Review UI speed on a large document: time to open, and latency of each key.

The goal (issue 4): a 50,000-word file with 2,000 edits opens in under a
second and every key answers in under 50 ms. The document is generated
(seeded, so runs compare): sentences of common words with 2,000 invisible
characters spread through it, which the real invisible-characters rule
finds; the real pipeline proposes the edits. The app runs headless at
100x30, so rendering and compositing are included; only the terminal's
own drawing is not.

Run: ``python benchmarks/tui_bench.py [--words 50000] [--edits 2000] [--keys 200]``
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

WORDS = (
    "the minister said talks would resume next week after a meeting in the capital where "
    "officials from both countries discussed trade security and the border region while "
    "observers noted that the agreement remained fragile and that further rounds were expected"
).split()


def make_text(words: int, edits: int, seed: int = 7) -> str:
    """``words`` words in sentences and paragraphs, with ``edits`` zero-width spaces inside words."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(words):
        w = rng.choice(WORDS)
        out.append(w.capitalize() if i % 14 == 0 else w)
        out.append(".\n\n" if i % 140 == 139 else ". " if i % 14 == 13 else " ")
    # Put the invisible characters inside words, evenly spread.
    positions = sorted(rng.sample(range(0, len(out), 2), edits))
    for p in positions:
        w = out[p]
        cut = max(1, len(w) // 2)
        out[p] = w[:cut] + "\u200b" + w[cut:]
    return "".join(out)


def summary(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"median {statistics.median(ms):6.2f} ms  p95 {p95:6.2f} ms  max {ms[-1]:6.2f} ms  (n={len(ms)})"


async def bench(args: argparse.Namespace) -> None:
    from cleaner.config import Settings
    from cleaner.engine import check_document
    from cleaner.fileio import read_source

    folder = Path(tempfile.mkdtemp(prefix="tui-bench-"))
    path = folder / "large.txt"
    text = make_text(args.words, args.edits)
    path.write_text(text, encoding="utf-8")
    import os

    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs "
          "(wall times grow with it; CPU times much less)")
    print(f"document: {len(text.split())} words, {len(text)} characters, {text.count(chr(10)) + 1} lines")

    t0 = time.perf_counter()
    from cleaner.tui.app import ReviewApp  # Textual import counted in the open time
    from cleaner.tui.session import SessionStore

    t_import = time.perf_counter() - t0
    settings = Settings(grammar="none", select=tuple(args.select.split(",")) if args.select else ())
    t0 = time.perf_counter()
    source = read_source(str(path))
    edits = check_document(source.document(), settings)
    t_check = time.perf_counter() - t0
    print(f"edits proposed: {len(edits)} (rules: {args.select or 'all default artifact rules'}, grammar none)")

    opened: list[float] = []
    t0 = time.perf_counter()
    c0 = time.process_time()
    app = ReviewApp(source, edits, settings, store=SessionStore(source.path, folder / "sessions"))
    t_model = time.perf_counter() - t0

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        opened.append(time.perf_counter() - t0)
        open_cpu = time.process_time() - c0
        print(f"import textual + app modules: {t_import * 1000:7.1f} ms")
        print(f"read + check (pipeline):      {t_check * 1000:7.1f} ms")
        print(f"session model (Review):       {t_model * 1000:7.1f} ms")
        print(f"app open to first screen:     {opened[0] * 1000:7.1f} ms  (includes the session model; "
              f"CPU {open_cpu * 1000:.1f} ms)")
        total = (t_check + opened[0]) * 1000
        print(f"total, read to first screen:  {total:7.1f} ms  (+ import {t_import * 1000:.0f} ms)")

        # Pilot's own floor: a key no binding answers still goes through the
        # event queue and Pilot's idle waits; the app does nothing for it.
        floor = []
        for _ in range(30):
            t = time.perf_counter()
            await pilot.press("x")
            floor.append(time.perf_counter() - t)
        print(f"\nunbound key (Pilot's floor, no app work): {summary(floor)}")

        # Key to frame: when the last frame a key caused was handed to the
        # (headless) driver, measured by watching App._display. This is what
        # a person waits for; Pilot's own idle waits come after it.
        frames: list[float] = []
        display = app._display

        def spy(*a, **k):
            display(*a, **k)
            frames.append(time.perf_counter())

        app._display = spy
        rng = random.Random(1)
        plan = ["y", "n", "J", "K", "j", "k", "s", "u", "U", "down", "up"]
        per_key: dict[str, list[float]] = {k: [] for k in plan}
        pressed: dict[str, list[float]] = {k: [] for k in plan}
        cpu: list[float] = []
        for _ in range(args.keys):
            key = rng.choice(plan)
            seen = len(frames)
            t = time.perf_counter()
            c = time.process_time()
            await pilot.press(key)
            cpu.append(time.process_time() - c)
            pressed[key].append(time.perf_counter() - t)
            if len(frames) > seen:
                per_key[key].append(frames[-1] - t)
        everything = [s for v in per_key.values() for s in v]
        print("\nper key, key to last frame drawn (event, action, redraw, composite):")
        for key, samples in per_key.items():
            if samples:
                print(f"  {key:<5} {summary(samples)}")
        print(f"  all   {summary(everything)}")
        print(f"  pilot.press round trip, all keys (adds Pilot's idle waits): "
              f"{summary([s for v in pressed.values() for s in v])}")
        print(f"  CPU time per key (this process, incl. Pilot):               {summary(cpu)}")

        # Whole-rule actions touch every edit at once: the worst case.
        bulk = []
        for key in ("a", "u", "d", "u"):
            t = time.perf_counter()
            await pilot.press(key)
            bulk.append((key, frames[-1] - t))
        print("\nbulk keys, key to frame (every edit of the rule): "
              + ", ".join(f"{k} {s * 1000:.1f} ms" for k, s in bulk))

        # The handler alone (session change + refresh_views), without Pilot's waits.
        handler = []
        for _ in range(100):
            t = time.perf_counter()
            app.action_next()
            handler.append(time.perf_counter() - t)
        print(f"handler only (action + refresh_views): {summary(handler)}")

        t = time.perf_counter()
        app.save_session()
        t_session = time.perf_counter() - t
        t = time.perf_counter()
        await pilot.press("w")
        t_save = time.perf_counter() - t
        print(f"session file write: {t_session * 1000:.1f} ms; save document (w): {t_save * 1000:.1f} ms")
    verdict_open = "OK" if t_check + opened[0] < 1.0 else "SLOW"
    verdict_keys = "OK" if max(everything) < 0.05 else "SLOW"
    print(f"\ngoal open < 1 s: {verdict_open}; goal every key < 50 ms: {verdict_keys}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--edits", type=int, default=2_000)
    parser.add_argument("--keys", type=int, default=200, help="random navigation/decision keys to time")
    parser.add_argument("--select", default="invisible-characters",
                        help="rules to run (comma-separated; empty for the default set)")
    asyncio.run(bench(parser.parse_args()))


if __name__ == "__main__":
    main()
