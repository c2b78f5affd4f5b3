"""Helpers for the CI-facing tests: run the CLI in process, write small articles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleaner.cli import main

SOFT_HYPHEN = "\u00ad"

# Small articles written for these tests. Each carries artifacts that stable
# rules find: a doubled function word (duplicate-word, a safe fix), a doubled
# noun (duplicate-word, only a suggestion) and a soft hyphen
# (invisible-characters, safe).
CLEAN = "The minister arrived in the capital on Monday.\n\nTalks began at noon.\n"
DIRTY = (
    "The minister met the the envoy on Monday.\n"
    "\n"
    f"Talks in Naypyi{SOFT_HYPHEN}taw began at noon.\n"
)
SUGGESTED_ONLY = "The report report was late.\n"


@dataclass
class Result:
    """What one CLI run did."""

    code: int
    out: str
    err: str


def run_cli(capsys, *argv: str, grammar: bool = False) -> Result:
    """Run ``cleaner`` in process; the grammar pass is off unless a test asks for it."""
    args = list(argv)
    if not grammar and args and args[0] in ("check", "fix"):
        args[1:1] = ["--grammar", "none"]
    code = main(args)
    out, err = capsys.readouterr()
    return Result(code, out, err)


def write(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (parents created) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
