"""The `cleaner` command line: check, fix, diff, rules, explain.

Exit codes follow ruff and SQLFluff: 0 clean, 1 findings, 2 a usage or
input error (always with a one-line message on stderr and nothing written).
``main(argv)`` returns the code instead of exiting, so tests call it in
process.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import replace
from typing import Sequence

import click

from cleaner import engine
from cleaner.config import Settings
from cleaner.errors import CleanerError, UsageError
from cleaner.fileio import read_source, write_source
from cleaner.registry import all_rules, get_rule
from cleaner.report import FORMATS, FileReport

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """Accept both ``--select a,b`` and ``--select a --select b``."""
    return tuple(v.strip() for raw in values for v in raw.split(",") if v.strip())


def rule_options(fn):
    """--select and --ignore, shared by every command that runs rules."""
    fn = click.option(
        "--ignore", multiple=True, metavar="IDS", help="Rule ids, codes or globs to leave out (comma-separated)."
    )(fn)
    fn = click.option(
        "--select", multiple=True, metavar="IDS", help="Run only these rule ids, codes or globs (comma-separated)."
    )(fn)
    return fn


def make_settings(select: Sequence[str], ignore: Sequence[str], **overrides) -> Settings:
    """Settings for this run: defaults, then the command-line flags."""
    settings = Settings()
    changes = {k: v for k, v in overrides.items() if v is not None}
    if select:
        changes["select"] = _split(select)
    if ignore:
        changes["ignore"] = settings.ignore + _split(ignore)
    return replace(settings, **changes)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner", prog_name="cleaner")
def cli() -> None:
    """Find and repair the artifacts scrapers, spinners and machine translation leave in news text."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@rule_options
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
def check(paths: tuple[str, ...], select, ignore, fmt: str) -> int:
    """Report artifacts in PATHS (files or folders; - for stdin)."""
    settings = make_settings(select, ignore)
    rules = engine.rules_for(settings)
    reports = []
    for path in engine.expand_paths(paths, settings):
        source = read_source(path)
        doc = source.document()
        reports.append(FileReport(source.path, doc, engine.check_document(doc, settings, rules)))
    click.echo(FORMATS[fmt](reports), nl=False)
    return EXIT_FINDINGS if any(r.findings for r in reports) else EXIT_CLEAN


@cli.command()
@click.argument("path")
@rule_options
@click.option("-o", "--output", metavar="OUT", help="Write the fixed text to OUT.")
@click.option("--in-place", is_flag=True, help="Rewrite PATH itself (atomically).")
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the fixed text (the default).")
@click.option("--unsafe", is_flag=True, help="Also apply the first replacement of each suggested edit.")
def fix(path: str, select, ignore, output: str | None, in_place: bool, to_stdout: bool, unsafe: bool) -> int:
    """Apply safe fixes to PATH and write the result."""
    if sum(bool(x) for x in (output, in_place, to_stdout)) > 1:
        raise UsageError("choose one of -o/--output, --in-place and --stdout")
    if in_place and path == "-":
        raise UsageError("--in-place needs a file, not stdin")
    settings = make_settings(select, ignore)
    source = read_source(path)
    result = engine.fix_document(source.document(), settings, unsafe=unsafe)
    if output or in_place:
        target = output or source.path
        if result.changed or output:
            write_source(source, result.text, target)
    else:
        # stdout gets exactly the text; the BOM stays a file matter.
        sys.stdout.buffer.write(result.text.encode("utf-8"))
        sys.stdout.flush()
    n = len(result.applied)
    left = len(result.remaining)
    click.echo(f"{source.path}: applied {n} edit{'s' if n != 1 else ''}; {left} finding{'s' if left != 1 else ''} left.",
               err=True)
    return EXIT_CLEAN


@cli.command()
@click.argument("path")
@rule_options
@click.option("--unsafe", is_flag=True, help="Show suggested edits too, as `fix --unsafe` would apply them.")
def diff(path: str, select, ignore, unsafe: bool) -> int:
    """Print the unified diff that `cleaner fix` would make to PATH."""
    settings = make_settings(select, ignore)
    source = read_source(path)
    result = engine.fix_document(source.document(), settings, unsafe=unsafe)
    before = source.text.splitlines(keepends=True)
    after = result.text.splitlines(keepends=True)
    out = difflib.unified_diff(before, after, fromfile=f"a/{source.path}", tofile=f"b/{source.path}")
    for line in out:
        click.echo(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n", nl=False)
    return EXIT_CLEAN


@cli.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(fmt: str) -> int:
    """List every rule with its id, category, fix kind and summary."""
    rules = all_rules()
    if fmt == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.meta.category,
                "severity": r.meta.severity.value,
                "fix": r.meta.fix.value,
                "default": r.meta.default,
                "summary": r.summary,
            }
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    width = max(len(r.name) for r in rules)
    cat = max(len(r.meta.category) for r in rules)
    for r in rules:
        flag = "" if r.meta.default else " (off by default)"
        click.echo(f"{r.code}  {r.name:<{width}}  {r.meta.category:<{cat}}  fix:{r.meta.fix.value:<9}  {r.summary}{flag}")
    return EXIT_CLEAN


@cli.command()
@click.argument("rule")
def explain(rule: str) -> int:
    """Print a rule's documentation (by name or code)."""
    r = get_rule(rule)
    click.echo(f"{r.code} {r.name} ({r.meta.category}, {r.meta.severity.value}, fix {r.meta.fix.value})\n")
    click.echo(r.doc.strip())
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = cli.main(args=args, prog_name="cleaner", standalone_mode=False)
    except click.exceptions.Exit as exc:  # --help, --version
        return exc.exit_code
    except click.ClickException as exc:  # bad option or argument
        click.echo(f"cleaner: error: {exc.format_message()}", err=True)
        return EXIT_ERROR
    except CleanerError as exc:
        click.echo(f"cleaner: error: {exc}", err=True)
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("cleaner: aborted", err=True)
        return EXIT_ERROR
    except BrokenPipeError:
        # `cleaner check ... | head` closed the pipe: not an error of ours.
        return EXIT_CLEAN
    return result if isinstance(result, int) else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
