"""The `cleaner` command line: check, fix, diff, rules, explain.

Exit codes follow ruff and SQLFluff: 0 clean, 1 findings, 2 a usage or
input error (always with a one-line message on stderr and nothing written).
``main(argv)`` returns the code instead of exiting, so tests call it in
process.
"""

from __future__ import annotations

import difflib
import glob
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

import click

from cleaner import engine
from cleaner.config import FAIL_ON, ConfigResolver, Settings
from cleaner.document import Document
from cleaner.edits import Edit, Severity
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


def make_resolver(
    select: Sequence[str], ignore: Sequence[str], config: str | None = None, **overrides
) -> ConfigResolver:
    """Settings for each checked file: its nearest config (or ``--config``), then the flags.

    ``--select`` replaces the config's selection and ``--ignore`` adds to its
    ignores, as in ruff; other flags given (not None) replace their key.
    """
    changes = {k: v for k, v in overrides.items() if v is not None}
    chosen, dropped = _split(select), _split(ignore)

    def apply(settings: Settings) -> Settings:
        extra = dict(changes)
        if chosen:
            extra["select"] = chosen
        if dropped:
            extra["ignore"] = settings.ignore + dropped
        return replace(settings, **extra)

    return ConfigResolver(Path(config) if config else None, apply)


def make_settings(
    select: Sequence[str], ignore: Sequence[str], *, config: str | None = None, path: str = "-", **overrides
) -> Settings:
    """Settings for one file (``path``; ``-`` looks up from the current folder): config, then flags."""
    return make_resolver(select, ignore, config, **overrides).settings_for(path)


def config_option(fn):
    """--config, shared by every command that reads settings."""
    return click.option(
        "--config", "config", metavar="PATH", type=click.Path(dir_okay=False),
        help="Read settings from this file instead of the nearest .cleaner.toml or pyproject.toml.",
    )(fn)


def grammar_options(fn):
    """--grammar, --lt-server, --language, --no-cache and --dictionary: the grammar pass's knobs."""
    fn = click.option("--dictionary", metavar="PATH", type=click.Path(dir_okay=False),
                      help="User dictionary (one word a line) [config dictionary; default: `cleaner dict path`].")(fn)
    fn = click.option("--no-cache", "no_cache", is_flag=True, default=None,
                      help="Do not read or write the grammar cache.")(fn)
    fn = click.option("--language", metavar="LANG", default=None,
                      help="Language and dialect for the grammar pass [config language; default: en-US].")(fn)
    fn = click.option("--lt-server", "lt_server", metavar="URL", default=None,
                      help="LanguageTool server to use with --grammar languagetool (e.g. http://localhost:8081).")(fn)
    fn = click.option("--grammar", type=click.Choice(["harper", "languagetool", "none"]), default=None,
                      help="Grammar backend [config grammar; default: harper].")(fn)
    return fn


def grammar_overrides(grammar, lt_server, language, no_cache, dictionary) -> dict:
    """The grammar flags as Settings overrides (None: not given, the config decides)."""
    return {
        "grammar": grammar,
        "lt_server": lt_server,
        "language": language,
        "cache": False if no_cache else None,
        "dictionary": Path(dictionary) if dictionary else None,
    }


def fails(findings: Iterable[Edit], fail_on: str) -> bool:
    """Whether any finding is at or above the ``--fail-on`` level."""
    if fail_on == "never":
        return False
    floor = Severity(fail_on).rank
    return any(e.severity.rank >= floor for e in findings)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner", prog_name="cleaner")
def cli() -> None:
    """Find and repair the artifacts scrapers, spinners and machine translation leave in news text."""


def fail_options(fn):
    """--fail-on and --exit-zero, shared by check and fix."""
    fn = click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain (errors still exit 2).")(fn)
    fn = click.option(
        "--fail-on", type=click.Choice(FAIL_ON), default=None,
        help="Lowest severity that makes the exit code 1 [config fail-on; default: info, i.e. any finding].",
    )(fn)
    return fn


def _expand(paths: Sequence[str], resolver: ConfigResolver) -> list[str]:
    """Files to check: each argument walked with the include/exclude of the config that governs it.

    A quoted glob (``'articles/**/*.md'``) that the shell did not expand is
    expanded here, so CI configs need no shell tricks.
    """
    files: list[str] = []
    for raw in paths:
        if raw != "-" and any(ch in raw for ch in "*?[") and not Path(raw).exists():
            matched = sorted(glob.glob(raw, recursive=True))
            if not matched:
                raise UsageError(f"{raw}: no files match")
            files.extend(engine.expand_paths(matched, resolver.settings_for(matched[0])))
        else:
            settings = resolver.settings_for(raw)
            found = engine.expand_paths([raw], settings)
            if not found and Path(raw).is_dir():
                # An empty folder passing a pre-publish gate is a misconfigured gate.
                raise UsageError(f"{raw}: is a directory with no files to check "
                                 f"(include: {', '.join(settings.include)})")
            files.extend(found)
    # The same file named twice (a folder and a file in it) is checked once.
    return list(dict.fromkeys(files))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@rule_options
@config_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--statistics", is_flag=True, help="Print counts by rule instead of each finding.")
@fail_options
@click.option("--baseline", metavar="FILE", help="Report only findings not recorded in FILE [config baseline].")
@click.option("--write-baseline", metavar="FILE", help="Record today's findings in FILE and exit 0.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many files [config jobs; default: one per core].")
@grammar_options
def check(paths: tuple[str, ...], select, ignore, config, fmt: str, statistics: bool, fail_on: str | None,
          exit_zero: bool, baseline: str | None, write_baseline: str | None, jobs: int | None,
          grammar=None, lt_server=None, language=None, no_cache=None, dictionary=None) -> int:
    """Report artifacts in PATHS (files, folders or globs; - for stdin)."""
    from cleaner.baseline import Baseline
    from cleaner.batch import check_files
    from cleaner.report import format_statistics, render

    if baseline and write_baseline:
        raise UsageError("choose one of --baseline and --write-baseline")
    resolver = make_resolver(select, ignore, config, fail_on=fail_on, jobs=jobs,
                             **grammar_overrides(grammar, lt_server, language, no_cache, dictionary))
    files = _expand(paths, resolver)
    first = resolver.settings_for(paths[0])
    reports = check_files(files, resolver.settings_for, jobs=first.jobs)
    if write_baseline:
        recorded = Baseline.build(Path(write_baseline), reports)
        recorded.write(Path(write_baseline))
        n = len(recorded)
        click.echo(f"Recorded {n} finding{'s' if n != 1 else ''} in {write_baseline}.", err=True)
        return EXIT_CLEAN
    baseline_file = Path(baseline) if baseline else first.baseline
    if baseline_file:
        accepted = Baseline.load(baseline_file)
        for r in reports:
            r.findings = accepted.filter(r.path, r.document, r.findings)
    if statistics:
        click.echo(format_statistics(reports, fmt), nl=False)
    else:
        for chunk in render(fmt, reports):
            click.echo(chunk, nl=False)
    if exit_zero:
        return EXIT_CLEAN
    failed = any(fails(r.findings, resolver.settings_for(r.path if r.path != "<stdin>" else "-").fail_on)
                 for r in reports)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


@cli.command()
@click.argument("path")
@rule_options
@click.option("-o", "--output", metavar="OUT", help="Write the fixed text to OUT.")
@click.option("--in-place", is_flag=True, help="Rewrite PATH itself (atomically).")
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the fixed text (the default).")
@click.option("--unsafe", is_flag=True, help="Also apply the first replacement of each suggested edit.")
@config_option
@fail_options
@grammar_options
def fix(path: str, select, ignore, output: str | None, in_place: bool, to_stdout: bool, unsafe: bool,
        config: str | None, fail_on: str | None, exit_zero: bool,
        grammar=None, lt_server=None, language=None, no_cache=None, dictionary=None) -> int:
    """Apply safe fixes to PATH and write the result.

    What could not be fixed is reported on stderr, and exits 1 (see --fail-on).
    """
    from cleaner.pipeline import run_rules
    from cleaner.suppress import apply_suppressions

    if sum(bool(x) for x in (output, in_place, to_stdout)) > 1:
        raise UsageError("choose one of -o/--output, --in-place and --stdout")
    if in_place and path == "-":
        raise UsageError("--in-place needs a file, not stdin")
    settings = make_settings(select, ignore, config=config, path=path, fail_on=fail_on,
                             **grammar_overrides(grammar, lt_server, language, no_cache, dictionary))
    source = read_source(path)
    rules = engine.rules_for(settings)
    result = engine.fix_document(source.document(), settings, unsafe=unsafe, rules=rules)
    if output or in_place:
        target = output or source.path
        if result.changed or output:
            write_source(source, result.text, target)
    else:
        # stdout gets exactly the text; the BOM stays a file matter.
        sys.stdout.buffer.write(result.text.encode("utf-8"))
        sys.stdout.flush()
    # Re-check the fixed text unsuppressed, so stale suppressions are reported
    # here as they are by `check`; positions refer to the fixed text.
    fixed = Document(result.text, source.path)
    grammar_left = [e for e in result.remaining if ":" in e.rule]
    found = sorted(run_rules(fixed, rules, settings) + grammar_left, key=Edit.sort_key)
    remaining = apply_suppressions(fixed, found, [r.name for r in rules], settings)
    if remaining:
        click.echo(FORMATS["text"]([FileReport(source.path, fixed, remaining)]), nl=False, err=True)
    n = len(result.applied)
    left = len(remaining)
    click.echo(f"{source.path}: applied {n} edit{'s' if n != 1 else ''}; {left} finding{'s' if left != 1 else ''} left.",
               err=True)
    return EXIT_FINDINGS if fails(remaining, settings.fail_on) and not exit_zero else EXIT_CLEAN


@cli.command()
@click.argument("path")
@rule_options
@click.option("--unsafe", is_flag=True, help="Show suggested edits too, as `fix --unsafe` would apply them.")
@config_option
@grammar_options
def diff(path: str, select, ignore, unsafe: bool, config: str | None = None,
         grammar=None, lt_server=None, language=None, no_cache=None, dictionary=None) -> int:
    """Print the unified diff that `cleaner fix` would make to PATH."""
    settings = make_settings(select, ignore, config=config, path=path,
                             **grammar_overrides(grammar, lt_server, language, no_cache, dictionary))
    source = read_source(path)
    result = engine.fix_document(source.document(), settings, unsafe=unsafe)
    before = source.text.splitlines(keepends=True)
    after = result.text.splitlines(keepends=True)
    out = difflib.unified_diff(before, after, fromfile=f"a/{source.path}", tofile=f"b/{source.path}")
    for line in out:
        click.echo(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n", nl=False)
    return EXIT_CLEAN


@cli.command(name="learn-boilerplate")
@click.argument("paths", nargs=-1, required=True)
@config_option
@click.option("-o", "--output", metavar="FILE", help="Write the pattern file to FILE (default: stdout).")
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True), default=None,
              help="Share of files a line must recur in [config boilerplate-threshold; default 0.5].")
@click.option("--min-files", type=click.IntRange(min=2), default=None,
              help="Fewest files to learn from [config boilerplate-min-files; default 20].")
def learn_boilerplate(paths: tuple[str, ...], config: str | None, output: str | None,
                      threshold: float | None, min_files: int | None) -> int:
    """Learn site boilerplate from many articles in PATHS and write it as a pattern file.

    Lines that recur verbatim in a large share of the articles are written as
    "likely" patterns (?) in the format of the built-in boilerplate list, for
    a person to review and then pass with the boilerplate-files setting.
    """
    from cleaner.batch import boilerplate_pattern_file, recurring_lines
    from cleaner.fileio import write_atomic

    resolver = make_resolver((), (), config)
    settings = resolver.settings_for(paths[0])
    threshold = threshold or settings.boilerplate_threshold
    need = min_files or max(2, settings.boilerplate_min_files)
    files = _expand(paths, resolver)
    if len(files) < need:
        raise UsageError(f"learn-boilerplate needs at least {need} files, found {len(files)} (see --min-files)")
    texts = (read_source(f).text for f in files)
    learned = recurring_lines(texts, threshold, need)
    content = boilerplate_pattern_file(learned.values(), len(files), threshold)
    if output:
        write_atomic(output, content.encode("utf-8"))
        n = len(learned)
        click.echo(f"Wrote {n} pattern{'s' if n != 1 else ''} learned from {len(files)} files to {output}.", err=True)
    else:
        click.echo(content, nl=False)
    return EXIT_CLEAN


@cli.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def list_rules(fmt: str) -> int:
    """List every rule with its id, category, fix kind and summary."""
    rules = all_rules()
    if fmt == "markdown":
        # The README's rule table is this output; a test keeps the two equal.
        click.echo("| code | rule | category | severity | fix | summary |")
        click.echo("|---|---|---|---|---|---|")
        for r in rules:
            off = " (off by default)" if not r.meta.default else ""
            summary = r.summary.replace("|", "\\|")
            click.echo(f"| {r.code} | `{r.name}` | {r.meta.category} | {r.meta.severity.value} | {r.meta.fix.value} | {summary}{off} |")
        return EXIT_CLEAN
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


@cli.command()
@click.argument("path")
@rule_options
@click.option("-o", "--output", metavar="OUT", help="Save to OUT instead of over PATH.")
@config_option
@grammar_options
def review(path: str, select, ignore, output: str | None, config: str | None,
           grammar=None, lt_server=None, language=None, no_cache=None, dictionary=None) -> int:
    """Go through every proposed edit to PATH in a terminal UI, accepting or rejecting each."""
    if path == "-":
        raise UsageError("review needs a file, not stdin")
    settings = make_settings(select, ignore, config=config, path=path,
                             **grammar_overrides(grammar, lt_server, language, no_cache, dictionary))
    # Everything that can fail on bad input fails here, before the screen
    # opens, with the messages `check` gives.
    if not Path(path).exists():
        engine.expand_paths([path], settings)
    source = read_source(path)
    from cleaner.tui.proposals import check_output, initial_proposals

    if output:
        check_output(output)

    edits, pending = initial_proposals(source.document(), settings)
    if not edits:
        click.echo(f"{source.path}: no findings to review.")
        return EXIT_CLEAN
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("review needs a terminal; use `cleaner check` or `cleaner fix` in scripts")
    from cleaner.tui.app import run_review  # Textual loads only for this command

    return run_review(source, edits, settings, output, pending=pending)


@cli.group(name="dict")
def dict_group() -> None:
    """The user dictionary: words the grammar pass never calls misspelled."""


def _dictionary_path(dictionary: str | None, config: str | None) -> Path:
    from cleaner.dictionary import default_dictionary_path

    if dictionary:
        return Path(dictionary)
    settings = make_settings((), (), config=config)
    return Path(settings.dictionary) if settings.dictionary else default_dictionary_path()


def dict_options(fn):
    fn = config_option(fn)
    return click.option("--dictionary", metavar="PATH", type=click.Path(dir_okay=False),
                        help="The dictionary file [config dictionary; default: `cleaner dict path`].")(fn)


@dict_group.command(name="add")
@click.argument("words", nargs=-1, required=True)
@dict_options
def dict_add(words: tuple[str, ...], dictionary: str | None, config: str | None) -> int:
    """Add WORDS (matched exactly, case and all) to the dictionary."""
    from cleaner.dictionary import add_words

    path = _dictionary_path(dictionary, config)
    added = add_words(path, list(words))
    click.echo(f"{path}: added {len(added)} word{'s' if len(added) != 1 else ''}"
               + (f" ({', '.join(added)})" if added else "") + ".", err=True)
    return EXIT_CLEAN


@dict_group.command(name="list")
@dict_options
def dict_list(dictionary: str | None, config: str | None) -> int:
    """Print the dictionary's words, one a line."""
    from cleaner.dictionary import load_words

    for word in sorted(load_words(_dictionary_path(dictionary, config))):
        click.echo(word)
    return EXIT_CLEAN


@dict_group.command(name="path")
@dict_options
def dict_path(dictionary: str | None, config: str | None) -> int:
    """Print where the dictionary is."""
    click.echo(str(_dictionary_path(dictionary, config)))
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
