"""Run cleaner and the peer tools on a corpus, each in its own process.

``python -m benchmarks.eval.tools TOOL GOLD OUT`` runs one tool over the
samples in ``GOLD`` (a ``gold.jsonl``) and writes what it found (and, for
tools that repair text, the repaired text) to ``OUT`` as JSON. The parent
(:func:`measure`) starts that process and takes its wall time and peak
memory from ``os.wait4``, which reports the rusage of exactly that child.

Tools:
    cleaner      the artifact rules: ``check`` findings and ``fix --unsafe`` text
    proselint    its default checks, through its Python API
    harper       harper-py's Linter, plain-text mode; its "fix" applies every
                 lint's first suggestion
    languagetool the real LanguageTool HTTP server (scripts/languagetool-server);
                 its "fix" applies every match's first replacement
    ftfy         ``ftfy.fix_text`` with quote straightening off: a text-to-text
                 fixer, so its findings are the places it changed
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

from benchmarks.eval import classes as C
from benchmarks.eval.corpus import Sample, read
from benchmarks.eval.score import Span, ToolRun, diff_edits
from cleaner.grammar.languagetool import utf16_span, utf16_to_codepoints

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("cleaner", "cleaner+harper", "proselint", "harper", "languagetool", "ftfy")


# ------------------------------------------------------------- the runners
def cleaner_runs(samples: Sequence[Sample], grammar: str = "none") -> list[ToolRun]:
    """cleaner's default artifact rules: findings of ``check``, text and
    applied edits of ``fix --unsafe``; grammar pass off unless ``grammar``
    names a backend (then its cache is off too, so every run is cold)."""
    from cleaner.config import Settings
    from cleaner.document import Document
    from cleaner.engine import check_document, fix_document, rules_for
    from cleaner.pipeline import FixResult

    settings = Settings(grammar=grammar, cache=False)
    rules = rules_for(settings)
    runs = []
    for s in samples:
        doc = Document(s.damaged, path=f"{s.id}.txt")
        findings = [Span(e.start, e.end, e.rule, C.class_of_rule(e.rule))
                    for e in check_document(doc, settings, rules)]
        result = fix_document(doc, settings, unsafe=True, rules=rules)
        edits = []
        for k, applied in enumerate(result.passes):
            # Edits of pass k are in the offsets of pass k's input: map them
            # back through the passes before it to the damaged text.
            before = FixResult(result.original, result.text, passes=result.passes[:k])
            for e in applied:
                start, end = before.map_back(e.start, e.end)
                edits.append(Span(start, end, e.rule, C.class_of_rule(e.rule)))
        runs.append(ToolRun(findings, result.text, edits))
    return runs


def proselint_runs(samples: Sequence[Sample]) -> list[ToolRun]:
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    runs = []
    for s in samples:
        # LintFile pads the content with a line break on each side, so its
        # spans are one past ours.
        found = LintFile(f"{s.id}.txt", s.damaged).lint()
        runs.append(ToolRun([Span(r.check_result.span[0] - 1, r.check_result.span[1] - 1,
                                  r.check_result.check_path, "proselint") for r in found]))
    return runs


def harper_runs(samples: Sequence[Sample]) -> list[ToolRun]:
    """Harper's lints, and the text with every lint's first suggestion
    applied (what a user who accepts them all would get)."""
    import harper

    linter = harper.Linter()
    runs = []
    for s in samples:
        lints = linter.lint(s.damaged, language="plaintext")
        proposals = []
        for x in lints:
            if not x.suggestions:
                continue
            # apply_suggestion works on a whole text; the replacement is what
            # the span became, the rest of the text being unchanged.
            after = linter.apply_suggestion(s.damaged, x, x.suggestions[0])
            grown = len(after) - len(s.damaged)
            proposals.append(Proposal(x.span.start, x.span.end, after[x.span.start : x.span.end + grown],
                                      f"harper:{x.lint_kind}"))
        fixed, edits = apply_first(s.damaged, proposals, "harper")
        runs.append(ToolRun([Span(x.span.start, x.span.end, f"harper:{x.lint_kind}", "harper") for x in lints],
                            fixed, edits))
    return runs


def ftfy_runs(samples: Sequence[Sample]) -> list[ToolRun]:
    import ftfy

    # Curly quotes, dashes and ligatures in the clean text are correct: a
    # fixer that straightens them is changing clean text, not repairing it,
    # and cleaner's mojibake rule is held to the same standard.
    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False,
                                  fix_character_width=False, normalization=None)
    runs = []
    for s in samples:
        fixed = ftfy.fix_text(s.damaged, config)
        changes = diff_edits(s.damaged, fixed, "ftfy", "ftfy")
        runs.append(ToolRun(changes, fixed, changes))
    return runs


def languagetool_runs(samples: Sequence[Sample]) -> list[ToolRun]:
    import urllib.parse
    import urllib.request

    url = os.environ["EVAL_LT_URL"]
    runs = []
    for s in samples:
        body = urllib.parse.urlencode({"language": "en-US", "text": s.damaged}).encode()
        with urllib.request.urlopen(f"{url}/v2/check", data=body, timeout=120) as resp:
            matches = json.load(resp)["matches"]
        table = utf16_to_codepoints(s.damaged)  # LanguageTool counts UTF-16 units
        findings, proposals = [], []
        for m in matches:
            start, end = utf16_span(table, m["offset"], m["length"])
            rule = f"lt:{m['rule']['id']}"
            findings.append(Span(start, end, rule, "languagetool"))
            if m.get("replacements"):
                proposals.append(Proposal(start, end, m["replacements"][0]["value"], rule))
        fixed, edits = apply_first(s.damaged, proposals, "languagetool")
        runs.append(ToolRun(findings, fixed, edits))
    return runs


class Proposal(NamedTuple):
    """A peer's suggested replacement of ``text[start:end]``."""

    start: int
    end: int
    replacement: str
    rule: str


def apply_first(text: str, proposals: Sequence[Proposal], cls: str) -> tuple[str, list[Span]]:
    """Apply the earliest of any overlapping proposals, as ``fix --unsafe``
    would; return the text and the applied edits."""
    parts, applied, pos = [], [], 0
    for p in sorted(proposals, key=lambda p: (p.start, p.end)):
        if p.start < pos or (p.start == p.end == pos and applied):
            continue
        parts.append(text[pos : p.start])
        parts.append(p.replacement)
        applied.append(Span(p.start, p.end, p.rule, cls))
        pos = p.end
    parts.append(text[pos:])
    return "".join(parts), applied


RUNNERS: dict[str, Callable[[Sequence[Sample]], list[ToolRun]]] = {
    "cleaner": cleaner_runs,
    # The whole tool as a user runs it: artifact rules plus the default grammar pass.
    "cleaner+harper": lambda samples: cleaner_runs(samples, grammar="harper"),
    "proselint": proselint_runs,
    "harper": harper_runs,
    "languagetool": languagetool_runs,
    "ftfy": ftfy_runs,
}


def _version(tool: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    package = {"harper": "harper-py", "languagetool": "language-tool-python", "cleaner+harper": "cleaner"}.get(tool, tool)
    if tool == "languagetool":
        return os.environ.get("EVAL_LT_VERSION", "?")
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


# ---------------------------------------------------------- the child side
def _child(tool: str, gold: Path, out: Path) -> int:
    samples = read(gold)
    started = time.perf_counter()
    runs = RUNNERS[tool](samples)
    seconds = time.perf_counter() - started
    payload = {
        "tool": tool,
        "version": _version(tool),
        "run_seconds": seconds,
        "runs": [
            {
                "findings": [list(f) for f in r.findings],
                "fixed": r.fixed,
                "edits": None if r.edits is None else [list(e) for e in r.edits],
            }
            for r in runs
        ],
    }
    out.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return 0


# --------------------------------------------------------- the parent side
@dataclass
class Measured:
    """One tool's run over the corpus, as the parent saw it."""

    tool: str
    version: str
    status: str
    """"ok", or why the tool did not run."""
    wall_seconds: float = 0.0
    """The whole child process, start-up (imports, dictionaries) included."""
    run_seconds: float = 0.0
    """The child's own time for the corpus, start-up excluded."""
    peak_rss_mb: float = 0.0
    """Peak resident memory of the child (for LanguageTool: of its server)."""
    runs: list[ToolRun] | None = None


def measure(tool: str, gold: Path, out: Path, env: dict[str, str] | None = None) -> Measured:
    """Run ``tool`` over ``gold`` in a child process; time it and take its peak memory."""
    cmd = [sys.executable, "-m", "benchmarks.eval.tools", tool, str(gold), str(out)]
    errors = out.with_suffix(".stderr")
    started = time.perf_counter()
    with errors.open("wb") as err_file:
        # stderr goes to a file, not a pipe: a chatty child cannot fill a pipe
        # nobody reads while we wait for it.
        proc = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, **(env or {})}, stderr=err_file)
        # wait4 gives this child's own rusage, where RUSAGE_CHILDREN would be
        # the maximum over every child this process has reaped so far.
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = errors.read_text(errors="replace").strip()
        last = err.splitlines()[-1] if err else f"exit {proc.returncode}"
        if "ModuleNotFoundError" in last:
            return Measured(tool, "?", f"not installed ({last.split(':', 1)[-1].strip()}); pip install -e '.[eval]'")
        return Measured(tool, _version(tool), f"failed: {last}")
    payload = json.loads(out.read_text(encoding="utf-8"))
    runs = [
        ToolRun(
            [Span(*f) for f in r["findings"]],
            r["fixed"],
            None if r["edits"] is None else [Span(*e) for e in r["edits"]],
        )
        for r in payload["runs"]
    ]
    return Measured(tool, payload["version"], "ok", wall, payload["run_seconds"], usage.ru_maxrss / 1024, runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval.tools", description=__doc__.splitlines()[0])
    parser.add_argument("tool", choices=TOOLS)
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    return _child(args.tool, args.gold, args.out)


if __name__ == "__main__":
    sys.exit(main())
