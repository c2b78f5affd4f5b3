"""Settings: every knob `cleaner` has, frozen, with a documented default.

The second half of the module loads them: ``[tool.cleaner]`` in a
pyproject.toml or a ``.cleaner.toml``, found by walking up from the checked
file (or named with ``--config``), validated strictly so that a typo is an
error naming the key and the file rather than a setting silently ignored.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from cleaner.edits import Severity
from cleaner.errors import UsageError


@dataclass(frozen=True)
class Settings:
    """One run's configuration. Defaults are what a fresh machine gets."""

    select: tuple[str, ...] = ()
    """Rule ids, codes or prefixes (``lt:*``) to run; empty means the default set."""
    ignore: tuple[str, ...] = ()
    """Rule ids, codes or prefixes to leave out, applied after ``select``."""
    severity: dict[str, Severity] = field(default_factory=dict)
    """Per-rule severity overrides, keyed by rule id."""
    fail_on: str = "info"
    """Lowest severity that makes ``check`` exit 1: error, warning, info or never."""
    grammar: str = "harper"
    """Grammar backend: harper (embedded), languagetool or none."""
    language: str = "en-US"
    """Language and dialect for the grammar pass."""
    lt_server: str | None = None
    """URL of a LanguageTool HTTP server; None lets language-tool-python start one."""
    dictionary: Path | None = None
    """User dictionary: a plain word list, one word a line, matched exactly."""
    boilerplate_files: tuple[Path, ...] = ()
    """Extra boilerplate pattern files, in the format of rules/data/boilerplate.txt."""
    phrase_files: tuple[Path, ...] = ()
    """Extra tortured-phrase tables, in the format of rules/data/tortured_phrases.tsv."""
    include: tuple[str, ...] = ("*.txt", "*.md")
    """Globs of files to check when a directory is walked."""
    exclude: tuple[str, ...] = ()
    """Globs of files and folders to skip when a directory is walked."""
    cache: bool = True
    """Keep grammar results in the on-disk cache."""
    config_path: Path | None = None
    """The file these settings came from, for messages; None for defaults."""
    jobs: int | None = None
    """Worker processes for a run over many files; None means one per core."""
    baseline: Path | None = None
    """A baseline file (``--write-baseline``): findings recorded in it are not reported."""
    boilerplate_threshold: float = 0.5
    """Share of a batch's files a line must recur in (verbatim) to count as site boilerplate."""
    boilerplate_min_files: int = 20
    """Fewest files a batch needs before recurring lines are treated as site boilerplate;
    0 turns batch-learned boilerplate off."""


# --------------------------------------------------------------------------
# Loading: `[tool.cleaner]` in pyproject.toml or a `.cleaner.toml`, found by
# walking up from the checked file, as ruff finds ruff.toml and pyproject.toml.

CONFIG_FILE = ".cleaner.toml"
"""A file of its own, with the keys at the top level; wins over pyproject.toml in the same folder."""
PYPROJECT = "pyproject.toml"
"""Read only when it has a ``[tool.cleaner]`` table."""

SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
GRAMMAR_BACKENDS = ("harper", "languagetool", "none")
PSEUDO_RULES = ("unused-suppression", "site-boilerplate")
"""Finding ids that come from the run itself rather than a rule module; they may
be selected, ignored and given a severity like any rule."""


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a folder).

    In each folder, ``.cleaner.toml`` wins over a ``pyproject.toml``; a
    pyproject.toml without ``[tool.cleaner]`` is passed over, so a project's
    own pyproject does not hide a config further up.
    """
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = _read_toml(pyproject)
    except UsageError:
        # A broken pyproject.toml that may not even be ours: only an error
        # when we would have read it, i.e. when it mentions tool.cleaner.
        return "[tool.cleaner" in pyproject.read_text(encoding="utf-8", errors="replace")
    return isinstance(data.get("tool"), dict) and "cleaner" in data["tool"]


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc.strerror}") from None


def load_config(path: Path) -> Settings:
    """Settings from one configuration file; raises UsageError naming the key and the file.

    Relative paths inside the file are taken relative to the file's folder,
    so a config means the same thing whatever folder `cleaner` is run from.
    """
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: configuration file not found")
    data = _read_toml(path)
    where = f"{path}:"
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("cleaner")
        if table is None:
            raise UsageError(f"{path}: no [tool.cleaner] table")
        where = f"{path}: [tool.cleaner]"
    else:
        table = data
    if not isinstance(table, dict):
        raise UsageError(f"{where} must be a table")
    changes: dict[str, object] = {}
    base = path.resolve().parent
    for key, value in table.items():
        spec = _KEYS.get(key)
        if spec is None:
            hint = difflib.get_close_matches(key.replace("_", "-"), _KEYS, n=1)
            more = f" (did you mean {hint[0]!r}?)" if hint else f"; known keys: {', '.join(sorted(_KEYS))}"
            raise UsageError(f"{where} unknown key {key!r}{more}")
        try:
            changes[spec.field] = spec.parse(value, base)
        except _BadValue as exc:
            raise UsageError(f"{where} bad value for {key!r}: {exc}") from None
    return replace(Settings(), config_path=path, **changes)


class _BadValue(ValueError):
    """A configuration value of the wrong type or out of range; the loader names key and file."""


@dataclass(frozen=True)
class _Key:
    """One configuration key: the Settings field it sets and how to read its value."""

    field: str
    parse: Callable[[object, Path], object]
    help: str


def _string(value: object, _base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _BadValue(f"expected a non-empty string, got {value!r}")
    return value


def _strings(value: object, _base: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        raise _BadValue(f"expected a list of strings, got the string {value!r} (write [{value!r}])")
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _BadValue(f"expected a list of strings, got {value!r}")
    return tuple(v.strip() for v in value)


def _rule_patterns(value: object, base: Path) -> tuple[str, ...]:
    patterns = _strings(value, base)
    for pattern in patterns:
        _known_rule(pattern)
    return patterns


def _known_rule(pattern: str) -> None:
    """Reject an artifact-rule pattern that names no rule (grammar ids are not checked)."""
    from cleaner.registry import all_rules, matches  # deferred: rules import config

    if ":" in pattern or any(matches(p, pattern) for p in PSEUDO_RULES):
        return
    if not any(matches(r.name, pattern, r.code) for r in all_rules()):
        raise _BadValue(f"unknown rule {pattern!r} (see `cleaner rules`)")


def _choice(options: tuple[str, ...]) -> Callable[[object, Path], str]:
    def parse(value: object, _base: Path) -> str:
        if value not in options:
            raise _BadValue(f"expected one of {', '.join(options)}, got {value!r}")
        return value  # type: ignore[return-value]

    return parse


def _severity_table(value: object, _base: Path) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise _BadValue(f"expected a table of rule = severity, got {value!r}")
    table = {}
    for rule, level in value.items():
        _known_rule(rule)
        if level not in SEVERITIES:
            raise _BadValue(f"rule {rule!r}: expected one of {', '.join(SEVERITIES)}, got {level!r}")
        table[rule] = Severity(level)
    return table


def _url(value: object, base: Path) -> str:
    url = _string(value, base)
    if not url.startswith(("http://", "https://")):
        raise _BadValue(f"expected an http:// or https:// URL, got {url!r}")
    return url.rstrip("/")


def _existing_path(value: object, base: Path) -> Path:
    path = base / _string(value, base)
    if not path.exists():
        raise _BadValue(f"{path} does not exist")
    return path


def _existing_paths(value: object, base: Path) -> tuple[Path, ...]:
    return tuple(_existing_path(v, base) for v in _strings(value, base))


def _path(value: object, base: Path) -> Path:
    return base / _string(value, base)


def _boolean(value: object, _base: Path) -> bool:
    if not isinstance(value, bool):
        raise _BadValue(f"expected true or false, got {value!r}")
    return value


def _count(minimum: int) -> Callable[[object, Path], int]:
    def parse(value: object, _base: Path) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise _BadValue(f"expected a whole number of at least {minimum}, got {value!r}")
        return value

    return parse


def _share(value: object, _base: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise _BadValue(f"expected a share above 0 and at most 1 (e.g. 0.5), got {value!r}")
    return float(value)


_KEYS: dict[str, _Key] = {
    "select": _Key("select", _rule_patterns, "rule ids, codes or globs to run; empty means the default set"),
    "ignore": _Key("ignore", _rule_patterns, "rule ids, codes or globs to leave out"),
    "severity": _Key("severity", _severity_table, "table of rule id = error, warning or info"),
    "fail-on": _Key("fail_on", _choice(FAIL_ON), "lowest severity that fails `check`: error, warning, info, never"),
    "grammar": _Key("grammar", _choice(GRAMMAR_BACKENDS), "grammar backend: harper, languagetool or none"),
    "language": _Key("language", _string, "language and dialect for the grammar pass, e.g. en-GB"),
    "lt-server": _Key("lt_server", _url, "URL of a LanguageTool HTTP server"),
    "dictionary": _Key("dictionary", _existing_path, "user dictionary: one word a line"),
    "boilerplate-files": _Key("boilerplate_files", _existing_paths, "extra boilerplate pattern files"),
    "phrase-files": _Key("phrase_files", _existing_paths, "extra tortured-phrase tables"),
    "include": _Key("include", _strings, "globs of files to check when a folder is walked"),
    "exclude": _Key("exclude", _strings, "globs of files and folders to skip when a folder is walked"),
    "cache": _Key("cache", _boolean, "keep grammar results in the on-disk cache"),
    "jobs": _Key("jobs", _count(1), "worker processes for many files; default one per core"),
    "baseline": _Key("baseline", _path, "baseline file whose findings are not reported"),
    "boilerplate-threshold": _Key(
        "boilerplate_threshold", _share, "share of a batch's files a line must recur in to be site boilerplate"
    ),
    "boilerplate-min-files": _Key(
        "boilerplate_min_files", _count(0), "fewest files before batch-learned boilerplate applies; 0 = off"
    ),
}
"""Every configuration key, kebab-case as in ruff's pyproject section."""


class ConfigResolver:
    """The settings for each checked file: its nearest config, then the command line.

    Config files are looked up once per folder and loaded once each, so a
    batch of 10,000 files in a few folders reads a handful of files.

    Args:
        explicit: ``--config PATH``; when given, every file uses it.
        overrides: applies the command-line flags to loaded settings.
    """

    def __init__(self, explicit: Path | None = None,
                 overrides: Callable[[Settings], Settings] | None = None) -> None:
        self.explicit = Path(explicit) if explicit else None
        self.overrides = overrides or (lambda s: s)
        self._by_folder: dict[Path, Path | None] = {}
        self._by_config: dict[Path | None, Settings] = {}

    def config_for(self, path: str) -> Path | None:
        """The config file that governs ``path`` (stdin: the current folder)."""
        if self.explicit:
            return self.explicit
        target = Path.cwd() if path == "-" else Path(path).resolve()
        folder = target if target.is_dir() else target.parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        return self._by_folder[folder]

    def settings_for(self, path: str) -> Settings:
        """Loaded and overridden settings for ``path``; the same object for files that share a config."""
        config = self.config_for(path)
        if config not in self._by_config:
            loaded = load_config(config) if config else Settings()
            self._by_config[config] = self.overrides(loaded)
        return self._by_config[config]
