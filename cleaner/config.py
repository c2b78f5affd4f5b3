"""Settings: every knob `cleaner` has, frozen, with a documented default."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cleaner.edits import Severity


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
