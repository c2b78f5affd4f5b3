"""Regenerate the evaluation: corpus, every tool in one run, tables, README section.

    python -m benchmarks.eval                  # 300 articles, all tools, README updated
    python -m benchmarks.eval --tools cleaner  # cleaner alone (quick)
    python -m benchmarks.eval --docs 60 --no-readme

Prints the tables; writes them to README.md between ``<!-- eval:start -->``
and ``<!-- eval:end -->`` unless ``--no-readme``; keeps the corpus, the raw
tool outputs and ``results.json`` in ``--work`` (a temporary folder by
default).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from benchmarks.eval import classes as C
from benchmarks.eval import corpus, report
from benchmarks.eval.score import score, touches
from benchmarks.eval.tools import REPO, TOOLS, Measured, measure

LT_SCRIPT = REPO / "scripts" / "languagetool-server"


class LanguageToolServer:
    """Our own LanguageTool server for the run, started and stopped through
    scripts/languagetool-server with a private state folder, so a server
    someone else started is never stopped by us."""

    def __init__(self, state_dir: Path) -> None:
        self.state_dir = state_dir
        self.url: str | None = None
        self.version = "?"
        self.start_seconds = 0.0
        self.problem = ""

    def start(self) -> bool:
        if not LT_SCRIPT.exists():
            self.problem = "pending: scripts/languagetool-server is not in the repository yet"
            return False
        if not shutil.which("java"):
            self.problem = "not installable here: no java on PATH"
            return False
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, str(LT_SCRIPT), "start", "--state-dir", str(self.state_dir)],
                              capture_output=True, text=True, timeout=900)
        self.start_seconds = time.perf_counter() - started
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
            self.problem = f"server did not start: {tail}"
            return False
        self.url = proc.stdout.strip().splitlines()[-1]
        try:
            body = urllib.parse.urlencode({"language": "en-US", "text": "A test."}).encode()
            with urllib.request.urlopen(f"{self.url}/v2/check", data=body, timeout=60) as resp:
                self.version = json.load(resp)["software"]["version"]
        except (OSError, ValueError, KeyError):
            pass
        return True

    def peak_rss_mb(self) -> float:
        """VmHWM of the server process: its peak resident memory so far."""
        try:
            pid = int((self.state_dir / "server.pid").read_text().strip())
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except (OSError, ValueError):
            pass
        return 0.0

    def stop(self) -> None:
        if self.url:
            subprocess.run([sys.executable, str(LT_SCRIPT), "stop", "--state-dir", str(self.state_dir)],
                           capture_output=True, timeout=60)
            self.url = None


def run(args: argparse.Namespace) -> int:
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="cleaner-eval-"))
    work.mkdir(parents=True, exist_ok=True)
    samples = corpus.generate(args.seed, args.docs)
    gold = corpus.write(samples, work / "corpus")
    kinds = Counter(a.kind for s in samples for a in s.artifacts)
    n_artifacts = sum(kinds.values())
    words = sum(len(s.damaged.split()) for s in samples)
    print(f"corpus: {len(samples)} articles, {words} words, {n_artifacts} artifacts (seed {args.seed}) in {work}",
          file=sys.stderr)

    measured: dict[str, Measured] = {}
    lt = LanguageToolServer(work / "languagetool")
    for tool in args.tools:
        env = {}
        if tool == "languagetool":
            if not lt.start():
                measured[tool] = Measured(tool, "?", lt.problem)
                print(f"languagetool: {lt.problem}", file=sys.stderr)
                continue
            env = {"EVAL_LT_URL": lt.url or "", "EVAL_LT_VERSION": lt.version}
        print(f"running {tool} ...", file=sys.stderr)
        try:
            m = measure(tool, gold, work / f"{tool}.json", env)
        finally:
            if tool == "languagetool":
                rss = lt.peak_rss_mb()
                lt.stop()
        if tool == "languagetool" and m.status == "ok":
            m.peak_rss_mb = rss
        measured[tool] = m
        print(f"  {tool}: {m.status}, {m.wall_seconds:.1f} s, {m.peak_rss_mb:.0f} MB", file=sys.stderr)

    scores = {t: score(samples, m.runs) for t, m in measured.items() if m.status == "ok" and m.runs is not None}

    summary = (
        f"Measured by `python -m benchmarks.eval` (seed {args.seed}): {len(samples)} articles "
        f"({words:,} words) made from the clean texts in `benchmarks/eval/texts/`, with {n_artifacts:,} injected "
        f"artifacts: " + ", ".join(f"{kinds[c]} {c}" for c in C.CLASSES) + ". "
        "Detection: a finding overlaps the artifact. Fix: after `cleaner fix --unsafe` (grammar pass off) the "
        "text at the artifact equals the original. P = precision, R = recall, F0.5 weighs precision twice "
        "as much as recall. \"On clean text\": findings or applied edits that touch no artifact. "
        "`python -m benchmarks.eval --tools cleaner` re-scores cleaner alone in under a minute; "
        "`tests/test_quality_floor.py` holds per-class floors on a smaller corpus (seed 7)."
    )
    cleaner_md = ""
    if "cleaner" in scores:
        cleaner_md = "**cleaner, per class**\n\n" + report.cleaner_table(scores["cleaner"])
    peers_md = ("**Side by side, same files, one run** (caught = a finding overlaps the artifact; fixed = the text "
                "there equals the original afterwards)\n\n" + report.peers_table(len(samples), scores, measured))
    notes = [
        "Peers run with their defaults, each in its own process (time includes start-up; peak memory from "
        "`wait4`). cleaner's time covers both `check` and `fix --unsafe`; the peers only check, except "
        "that Harper's and LanguageTool's \"fixed\" apply the first suggestion of every finding. ftfy runs "
        "with quote straightening off, as a fixer for the mojibake class.",
    ]
    spelling = {"harper": "harper:Spelling", "languagetool": "lt:MORFOLOGIK_RULE_EN_US"}
    for tool, rule in spelling.items():
        if tool in scores:
            found = [f for run in measured[tool].runs or [] for f in run.findings]
            share = sum(f.rule == rule for f in found) / max(len(found), 1)
            notes.append(f"{100 * share:.0f}% of {tool}'s findings are spelling flags (`{rule}`).")
    if "languagetool" in measured and measured["languagetool"].status == "ok":
        notes.append(f"LanguageTool {lt.version}: server start-up {lt.start_seconds:.1f} s (not in its time); "
                     "peak memory is the server's.")
    if "cleaner" in scores:
        stray = Counter()
        for sample, run in zip(samples, measured["cleaner"].runs or []):
            for f in run.findings:
                if not any(touches(f.start, f.end, a.start, a.end) for a in sample.artifacts):
                    stray[f.rule] += 1
        if stray:
            notes.append("cleaner's findings on clean text, by rule: "
                         + ", ".join(f"{rule} {n}" for rule, n in stray.most_common()) + ".")
    notes.append(f"Machine: {os.cpu_count()} cores shared with other jobs, so times are indicative.")
    body = report.section(summary, cleaner_md, peers_md, " ".join(notes))
    print(body)
    (work / "results.md").write_text(body, encoding="utf-8")
    (work / "results.json").write_text(json.dumps({
        t: {"detection": {k: asdict(v) for k, v in s.detection.items()},
            "correction": {k: asdict(v) for k, v in s.correction.items()},
            "missed": s.missed, "clean_edits": s.clean_edits}
        for t, s in scores.items()
    }, indent=1), encoding="utf-8")
    if not args.no_readme:
        if report.write_readme(REPO / "README.md", body):
            print("README.md: eval section updated", file=sys.stderr)
        else:
            print("README.md not found: table printed only", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--docs", type=int, default=300, help="articles in the corpus (default 300)")
    parser.add_argument("--tools", default=",".join(TOOLS),
                        help=f"comma-separated, from {', '.join(TOOLS)} (default all)")
    parser.add_argument("--work", help="folder for the corpus and raw outputs (default: a new temporary folder)")
    parser.add_argument("--no-readme", action="store_true", help="print the tables; leave README.md alone")
    args = parser.parse_args(argv)
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    unknown = [t for t in args.tools if t not in TOOLS]
    if unknown:
        parser.error(f"unknown tool {unknown[0]!r}; choose from {', '.join(TOOLS)}")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
