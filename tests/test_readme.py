"""The README tells the truth about the rules and the quick start."""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_is_the_output_of_cleaner_rules(capsys):
    assert main(["rules", "--format", "markdown"]) == 0
    table = capsys.readouterr().out
    block = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", README, re.S)
    assert block, "README lacks the rules table markers"
    assert block.group(1) == table, "README rule table is stale: paste `cleaner rules --format markdown`"


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", README, re.S)
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    sample = re.search(r"samples/\S+", commands[0]).group(0)
    assert (ROOT / sample).exists()
