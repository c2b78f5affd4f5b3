"""The user dictionary: words the grammar pass must never call misspelled.

A plain UTF-8 word list, one entry a line, kept sorted and unique. Entries
are matched exactly (case-sensitive, whole word), so "Hlaing" never hides
"Hlaig" and "Naypyitaw" never hides "Naypyi". Blank lines and lines starting
with ``#`` are ignored so a person can annotate the file by hand.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from cleaner.errors import InputError
from cleaner.fileio import write_atomic

if TYPE_CHECKING:
    from cleaner.config import Settings

APP_NAME = "cleaner"
FILE_NAME = "dictionary.txt"


def default_dictionary_path() -> Path:
    """Where the dictionary lives when the configuration names none."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


def _entries(path: Path) -> list[str]:
    """The file's words, in file order; a missing file is an empty dictionary."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a dictionary file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read dictionary: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: dictionary is not UTF-8") from None
    words = []
    for line in text.splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            words.append(word)
    return words


def load_words(path: Path | str) -> frozenset[str]:
    """Every entry of the dictionary at ``path`` (empty if the file does not exist)."""
    return frozenset(_entries(Path(path)))


def _check_word(word: str) -> str:
    cleaned = word.strip()
    # One entry a line is the whole file format, so an entry can hold no line break;
    # a leading '#' would turn it into a comment on the next load.
    if not cleaned or any(ch in cleaned for ch in "\r\n") or cleaned.startswith("#"):
        raise InputError(f"not a dictionary word: {word!r}")
    return cleaned


def add_words(path: Path | str, words: list[str] | tuple[str, ...]) -> list[str]:
    """Add ``words`` to the dictionary in one atomic write; return those that were new.

    The folder is created when missing. The file is rewritten sorted and
    unique (comments are not kept: the file is ours once ``cleaner`` writes it).
    """
    target = Path(path)
    cleaned = [_check_word(w) for w in words]
    existing = _entries(target)
    known = set(existing)
    added = []
    for word in cleaned:
        if word not in known:
            known.add(word)
            added.append(word)
    if not added:
        # Nothing new: leave the file (and any hand-written comments) untouched.
        return []
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{target.parent}: cannot create folder: {exc.strerror}") from None
    body = "".join(f"{w}\n" for w in sorted(known))
    write_atomic(str(target), body.encode("utf-8"))
    return added


def add_word(path: Path | str, word: str) -> bool:
    """Add one word; True when it was not there before."""
    return bool(add_words(path, [word]))


_loaded: dict[Path, tuple[int, frozenset[str]]] = {}


@lru_cache(maxsize=8)
def _default_dictionary_path(xdg_data_home: str | None, home: str | None) -> Path:
    # platformdirs costs ~13 us a call and two rules ask for every document;
    # on Linux its answer depends only on these two variables, so they are
    # the key (a test or a user that points XDG_DATA_HOME elsewhere gets the
    # new place at once).
    return default_dictionary_path()


def dictionary_words(settings: Settings) -> frozenset[str]:
    """The user's dictionary, re-read when the file changes (the review UI adds to it)."""
    if settings.dictionary:
        path = Path(settings.dictionary)
    else:
        path = _default_dictionary_path(os.environ.get("XDG_DATA_HOME"), os.environ.get("HOME"))
    # The stat stays per call: it is what notices a word added meanwhile.
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return frozenset()
    hit = _loaded.get(path)
    if hit and hit[0] == mtime:
        return hit[1]
    words = load_words(path)
    _loaded[path] = (mtime, words)
    return words
