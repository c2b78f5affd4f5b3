"""Shared pieces of the review UI tests (imported by name: pytest puts this
folder on sys.path): a small article written for the
tests, the edits the artifact rules and a grammar backend would propose on
it, and a factory for a ReviewApp on a real file in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from cleaner.config import Settings
from cleaner.edits import Edit, FixKind, Severity
from cleaner.fileio import read_source
from cleaner.tui.app import ReviewApp
from cleaner.tui.session import SessionStore

ARTICLE = (
    "Ministers Meet in Vientiane\n"
    "\n"
    "Foreign ministers met in Vientiane on Tuesday, where Thailand'sdelegation pressed for talks. "
    "The chair, Saleumxay Kommasith, opened the session (ASEAN).ASEAN).\n"
    "\n"
    "Kommasith said the bloc would keep its plan. Komasith added that envoys would travel soon.\n"
    "He have said the talks went well.\n"
    "\n"
    "Source link\n"
)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def article_edits(text: str = ARTICLE) -> list[Edit]:
    """What the rules would propose on ARTICLE: glued words, a repeated
    fragment, a mangled name, page furniture and two grammar findings, one of
    them overlapping the name fix (as Harper's spell check does on names)."""
    return [
        Edit(*span(text, "Thailand'sdelegation"), "glued-word", "spacing",
             "Glued words: 'Thailand's' + 'delegation'", ("Thailand's delegation",)),
        Edit(*span(text, "(ASEAN).ASEAN)."), "repeated-fragment", "duplication",
             "Fragment repeated: '(ASEAN).'", ("(ASEAN).",)),
        Edit(*span(text, "Komasith"), "name-variant", "names",
             "'Komasith' is a variant of 'Kommasith' (2 times in this text)", ("Kommasith",)),
        Edit(*span(text, "Komasith"), "harper:SpellCheck", "grammar",
             "Did you mean to spell 'Komasith' this way?", ("Kosmith", "Kommasith"),
             severity=Severity.INFO),
        Edit(*span(text, "He have"), "harper:AgreementCheck", "grammar",
             "Subject and verb disagree", ("He has", "He had")),
        Edit(*span(text, "Source link\r\n" if "\r\n" in text else "Source link\n"), "boilerplate", "furniture",
             "Page furniture: 'Source link'", ("",), FixKind.SAFE),
        Edit(*span(text, "Vientiane", 1), "harper:SpellCheck", "grammar",
             "Possible misspelling: 'Vientiane'", (), FixKind.NONE, Severity.INFO),
    ]


class AppFactory:
    """Build ReviewApps on real files under one temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sessions = root / "sessions"
        self.dictionary = root / "dictionary.txt"

    def write(self, text: str = ARTICLE, name: str = "article.txt", raw: bytes | None = None) -> Path:
        path = self.root / name
        path.write_bytes(raw if raw is not None else text.encode("utf-8"))
        return path

    def app(self, path: Path | None = None, edits: list[Edit] | None = None, output: str | None = None,
            sessions: bool = True, settings: Settings | None = None, pending=None) -> ReviewApp:
        path = path or self.write()
        source = read_source(str(path))
        return ReviewApp(
            source,
            article_edits(source.text) if edits is None else edits,
            settings or Settings(grammar="none"),
            output=output,
            store=SessionStore(source.path, self.sessions) if sessions else None,
            dictionary=self.dictionary,
            pending=pending,
        )



def pilot_test(fn):
    """Run an ``async def`` test in a fresh event loop (no pytest-asyncio here)."""
    import asyncio
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper
