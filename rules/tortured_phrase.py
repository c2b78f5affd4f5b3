"""Tortured phrases: established phrases that an article spinner swapped word by word.

What it does:
    Looks every phrase of a table (``rules/data/tortured_phrases.tsv`` plus the
    user's ``phrase_files``) up in the text, case-insensitively and on whole
    words, a simple plural of the last word included, and proposes the
    established phrase it stands for: "loss of life penalty" becomes "death
    penalty", "counterfeit consciousness" becomes "artificial intelligence".
    The capital of the first letter (or of every word, in a title-cased name)
    is kept.

Why it's a problem:
    A spinner replaces words with dictionary "synonyms" regardless of sense.
    The result is a fixed phrase no human writer produces, it makes the text
    wrong ("the rustic's president") and it marks the article as spun.

Example:
    "Lavrov, the international minister, met him." becomes
    "Lavrov, the foreign minister, met him."

Fix safety:
    Suggested, never safe: the table is curated so that its phrases are
    nonsense in news prose, but the text could still be about something else
    (quoting a spun article, say). Entries whose tortured phrase also has an
    innocent reading are marked flag-only in the table and carry no
    replacement. A phrase right after a qualifier that makes it a real compound
    ("data protection lawyer", "social protection minister") is left alone.

References:
    Cabanac, Labbé and Magazinov, "Tortured phrases: A dubious writing style
    emerging in science" (2021), which names the phenomenon and the
    fingerprinting approach.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

import regex

from cleaner.edits import Edit, FixKind, Severity
from cleaner.errors import UsageError
from cleaner.memo import Memo
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL701", "tortured-phrase", "spin", Severity.WARNING, FixAvailability.SOMETIMES)

BUILTIN_TABLE = Path(__file__).resolve().parent / "data" / "tortured_phrases.tsv"
FLAG_ONLY_MARK = "flag-only"

# Words that turn the phrase after them into a genuine compound, so the
# match is not a spin: "data protection lawyer", "social protection minister".
_QUALIFIERS = frozenset(
    "social data child consumer environmental environment civil witness border coastal flood crop "
    "plant wildlife animal privacy investor employment income labour labor refugee".split()
)
# Their last two letters: a word that ends otherwise is none of them.
_QUALIFIER_ENDINGS = frozenset(word[-2:] for word in _QUALIFIERS)
# Words kept lower case when a title-cased tortured phrase is replaced.
_SMALL_WORDS = frozenset("a an and as at by for in of on or the to".split())
# Between the words of a phrase: spaces, or one line break (wrapped text).
_WS = r"(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)"
_SEP_RE = regex.compile(r"\s+")
# Searched right to left: the match must end where the phrase starts, and a
# forward search tries every position of the window first (20x slower). The
# greedy run of letters reaches as far left, so the match is the same.
_WORD_BEFORE_RE = regex.compile(r"([\p{L}\p{M}]+)[ \t]+\Z", regex.REVERSE)
# Same engine and flags as the trie (re, Unicode str): what its \b calls a word character.
_STARTS_WITH_WORD_CHAR = re.compile(r"\w")


class PhraseEntry(NamedTuple):
    """One row of a phrase table."""

    tortured: str
    """The spun phrase as written in the table."""
    established: str
    """The phrase it replaced."""
    note: str
    """Free text from the third column; empty when absent."""
    source: str
    """``file:line`` of the row, for messages and for users debugging their tables."""

    @property
    def flag_only(self) -> bool:
        """True when the row says the phrase has innocent readings."""
        return self.note.lower().startswith(FLAG_ONLY_MARK)


@dataclass(frozen=True)
class PhraseTable:
    """Phrase rows keyed by their normalised form, and one regex that finds them all."""

    entries: dict[str, PhraseEntry]
    """Normalised tortured phrase (plural forms included) -> row; plural keys
    hold a row whose ``established`` is pluralised too."""

    # The patterns are compiled on first use: a trie of the whole table
    # takes tens of milliseconds to compile, which a one-file run feels, and
    # most runs never need the case-insensitive one.
    @cached_property
    def pattern(self) -> re.Pattern:
        """Case-insensitive: the fallback for texts whose lower-case form has another length."""
        return _compile(self.entries, re.IGNORECASE)

    @cached_property
    def lower_pattern(self) -> re.Pattern:
        """The same trie for lower-cased text: what :meth:`lower_spans` finds (the
        tests hold them to the same answers)."""
        return _compile(self.entries, 0)

    def lookup(self, matched: str) -> PhraseEntry | None:
        """The row for a matched span of text."""
        # The keys are normalised already, so when the lower-cased match is a
        # key it has no ’ and no other spacing than single spaces, and
        # normalise() would return that key: the regex substitution is
        # needed only for the rest (a line break, a curly apostrophe).
        entry = self.entries.get(matched.lower())
        return entry if entry is not None else self.entries.get(normalise(matched))

    @cached_property
    def findings(self) -> Memo[str, tuple | None]:
        """:func:`_finding` of each matched text, worked out once per table and
        distinct text (bounded): a few hundred phrases recur all through a
        run, and what is reported for one depends on nothing else."""
        return Memo(partial(_finding, self), maxsize=4096)

    @cached_property
    def scan_pattern(self) -> re.Pattern:
        """``lower_pattern`` with the character before the phrase matched in
        front of it, about half again as fast (see :func:`_compile_scan`)."""
        return _compile_scan(self.entries)

    def spans(self, doc, near: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """Where the table's phrases occur in ``doc``, outside protected regions.

        With ``near``, only the blank-line-separated blocks that hold those
        spans are searched: enough to learn which phrases overlap them.
        """
        text = doc.text
        lower = doc.lower
        # Lower-casing keeps offsets unless a character grows ("İ" -> "i̇").
        if len(lower) != len(text):
            found = [m.span() for m in self.pattern.finditer(text)]
        elif near:
            found = [span for lo, hi in _blocks_around(lower, near) for span in self.lower_spans(lower, lo, hi)]
        else:
            found = self.lower_spans(lower)
        if not doc.protected:
            return found
        return [(start, end) for start, end in found if not doc.is_protected(start, end)]

    def lower_spans(self, lower: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        """The spans of ``lower_pattern.finditer(lower, pos, endpos)``, in one scan.

        ``scan_pattern`` matches the character before each phrase as well, so
        it searches ``" " + lower``: there index ``i`` holds ``lower[i - 1]``,
        and index 0 a space, and a scan match at ``m`` is the phrase at
        ``lower[m.start() : m.end() - 1]``. Scanning that string from index
        ``pos`` up to ``endpos + 1`` therefore looks for phrases in
        ``lower[pos:endpos]``, and each is judged on the same character before
        it as ``lower_pattern`` judges it:

        * at ``pos == 0``, the space put in front, where ``lower_pattern``
          sees the start of the text; both accept a phrase there (a space is
          no word character, ``'``, ``’`` or ``-``);
        * at ``pos > 0``, ``lower[pos - 1]``, which ``lower_pattern`` sees too:
          ``pos`` does not hide the text before it from a lookbehind or ``\\b``
          (``endpos`` does cut the text, for both scans alike).

        Matches cannot touch (a phrase ends before a non-word character and
        starts after one), so the character before a phrase is never the end
        of the match before it, and the scan goes on where a match ends as
        ``finditer`` does.
        """
        endpos = len(lower) if endpos is None else endpos
        return [(m.start(), m.end() - 1) for m in self.scan_pattern.finditer(" " + lower, pos, endpos + 1)]


def _blocks_around(lower: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The blocks between blank lines ("\\n\\n") that hold ``spans``, which are in order.

    No phrase match holds two line breaks in a row (a phrase is wrapped over
    one line break at most), so the matches inside a block, searched alone,
    are the ones ``finditer`` finds there when it searches the whole text.
    A text with other line endings is one block.
    """
    blocks: list[tuple[int, int]] = []
    for start, end in spans:
        if blocks and start < blocks[-1][1]:
            continue  # in the block of the span before
        lo = lower.rfind("\n\n", 0, start) + 1
        hi = lower.find("\n\n", end)
        blocks.append((lo, len(lower) if hi < 0 else hi))
    return blocks


def normalise(phrase: str) -> str:
    """Lower case, straight apostrophes, single spaces: the key a phrase is stored under."""
    return _SEP_RE.sub(" ", phrase.strip().replace("’", "'")).lower()


def read_table(path: Path) -> list[PhraseEntry]:
    """Parse one phrase table; a malformed row is a UsageError naming file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read phrase table: {exc}") from None
    rows: list[PhraseEntry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or len(cols) > 3:
            raise UsageError(
                f"{path}:{number}: expected 2 or 3 tab-separated columns "
                f"(tortured phrase, established phrase, optional note), found {len(cols)}"
            )
        tortured, established = cols[0].strip(), cols[1].strip()
        if not tortured or not established:
            raise UsageError(f"{path}:{number}: empty phrase column")
        if not regex.search(r"\p{L}", tortured):
            raise UsageError(f"{path}:{number}: the tortured phrase {tortured!r} has no letters")
        if normalise(tortured) == normalise(established):
            raise UsageError(f"{path}:{number}: {tortured!r} maps to itself")
        note = cols[2].strip() if len(cols) == 3 else ""
        rows.append(PhraseEntry(tortured, established, note, f"{path}:{number}"))
    return rows


def pluralise(phrase: str) -> str:
    """The phrase with a simple English plural on its last word."""
    low = phrase.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return phrase + "es"
    if len(low) > 1 and low.endswith("y") and low[-2] not in "aeiou":
        return phrase[:-1] + "ies"
    return phrase + "s"


def _plural_row(entry: PhraseEntry) -> PhraseEntry | None:
    """The row for the plural form, when a plural makes sense."""
    last = regex.split(r"[\s\-]", entry.tortured)[-1]
    est_last = regex.split(r"[\s\-]", entry.established)[-1]
    # A phrase that already ends in -s or in a possessive has no cheap plural.
    if not last.isalpha() or last.lower().endswith("s") or not est_last.isalpha() or est_last.lower().endswith("s"):
        return None
    return entry._replace(tortured=pluralise(entry.tortured), established=pluralise(entry.established))


def build_table(rows: Iterable[PhraseEntry]) -> PhraseTable:
    """Key the rows (later rows override earlier ones); the trie regexes come when first used."""
    entries: dict[str, PhraseEntry] = {}
    explicit: dict[str, PhraseEntry] = {}
    for row in rows:
        explicit[normalise(row.tortured)] = row
    for key, row in explicit.items():
        plural = _plural_row(row)
        if plural is not None:
            pkey = normalise(plural.tortured)
            if pkey not in explicit:
                entries[pkey] = plural
        entries[key] = row
    return PhraseTable(entries)


def trie_regex(keys: Iterable[str]) -> str:
    """A regex body matching any of ``keys`` (lower case; a space matches any
    run of spaces or one line break), built as a character trie."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_to_regex(trie)


def _compile(keys: Iterable[str], flags: int) -> re.Pattern:
    """One regex for every key: a character trie, so matching costs one pass
    over the text whatever the table size. The standard library's engine runs
    this trie about 20 times faster than ``regex`` (16 MB/s against 0.7 MB/s
    measured on the seed article), so it is used here."""
    body = trie_regex(keys)
    if not body:
        return re.compile(r"(?!)")
    return re.compile(rf"\b(?<![\w'’\-]){body}(?!\w|-\w)", flags)


def _compile_scan(keys: Iterable[str]) -> re.Pattern:
    """The lower-case trie with the character before the phrase matched first.

    ``lower_pattern`` starts with a lookbehind, so the engine enters the
    whole trie at every offset of the text. Here the pattern starts with a
    character class instead, and the engine skips in C over the letters and
    digits to the few places a phrase can follow: the class leaves out
    ``'``, ``’`` and ``-`` as the lookbehind did, and a-z, 0-9 and ``_`` only
    to skip them fast. The ``\\b`` after the class rejects every other word
    character (lower-case text can hold non-ASCII letters), since a phrase
    starts with a word character: a key that does not can never match either
    pattern (``\\b`` after a non-word character needs a word character), so
    it is left out.
    """
    body = trie_regex(key for key in keys if _STARTS_WITH_WORD_CHAR.match(key))
    if not body:
        return re.compile(r"(?!)")
    return re.compile(rf"[^a-z0-9_'’\-]\b{body}(?!\w|-\w)")


def _trie_to_regex(node: dict) -> str:
    final = "" in node
    alternatives = []
    for ch in sorted(k for k in node if k):
        if ch == " ":
            atom = _WS
        elif ch == "'":
            atom = "['’]"
        else:
            atom = re.escape(ch)
        alternatives.append(atom + _trie_to_regex(node[ch]))
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    # Greedy optional: the longer phrase wins, backtracking to the shorter one.
    return f"(?:{body})?" if final else body


@lru_cache(maxsize=8)
def load_table(extra_files: tuple[Path, ...] = ()) -> PhraseTable:
    """The built-in table plus the user's, built once per combination of files."""
    rows = read_table(BUILTIN_TABLE)
    for path in extra_files:
        rows += read_table(Path(path))
    return build_table(rows)


def restore_case(matched: str, established: str) -> str:
    """``established`` with the capitalisation and apostrophes of ``matched``.

    >>> restore_case("Loss of life penalty", "death penalty")
    'Death penalty'
    >>> restore_case("Chief Government Officer", "chief executive officer")
    'Chief Executive Officer'
    """
    plain = matched.split()
    first = matched[:1]
    if first.isalpha() and first.islower() and plain[0].lower() not in _SMALL_WORDS:
        # The common case, decided without the regex: a lower-case first word
        # that is not a small word rules out each capitalisation below.
        out = established
    else:
        out = _recased(matched, established)
    if "’" in matched:
        out = out.replace("'", "’")
    # Keep the text's line breaks when the phrase has as many words as before.
    # Only a match whose words are not joined by single spaces has such a
    # separator (str.split() splits on every space the regex knows, and
    # more); the others, nearly all, skip the regex.
    if " ".join(plain) != matched:
        seps = _SEP_RE.findall(matched)
        new_words = out.split(" ")
        if len(seps) == len(new_words) - 1 and any(s != " " for s in seps):
            out = new_words[0] + "".join(s + w for s, w in zip(seps, new_words[1:]))
    return out


def _recased(matched: str, established: str) -> str:
    """``established`` in capitals, title case or with a capital first letter, as ``matched`` is."""
    words = [w for w in _SEP_RE.split(matched) if w]
    # More than three letters, all capitals. The tests run over the
    # characters in C, and the first lower-case letter ends them.
    if all(map(str.isupper, filter(str.isalpha, matched))) and sum(map(str.isalpha, matched)) > 3:
        return established.upper()
    if len(words) > 1 and all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS):
        return " ".join(
            w if (i and w in _SMALL_WORDS) or not w.islower() else w[0].upper() + w[1:]
            for i, w in enumerate(established.split(" "))
        )
    if matched[:1].isupper():
        return established[:1].upper() + established[1:]
    return established


FAILS = [
    ("Lavrov, the international minister, met him.", "Lavrov, the foreign minister, met him."),
    ("Loss of life penalty cases rose.", "Death penalty cases rose."),
    ("It was the rustic's president who spoke.", "It was the country's president who spoke."),
    ("He brokered palms transactions for years.", "He brokered arms deals for years."),
    ("Two international ministers met.", "Two foreign ministers met."),
    ("Work on counterfeit consciousness grew.", "Work on artificial intelligence grew."),
    ("The Chief Government Officer quit.", "The Chief Executive Officer quit."),
    ("the rustic’s capital", "the country’s capital"),
    ("the curiosity\ncharges rose", "the interest\nrates rose"),
    # Flag-only: found, nothing to apply.
    ("A purple card was shown.", "A purple card was shown."),
]
PASSES = [
    "The foreign minister met the country's president.",
    "The death penalty and arms deals were discussed.",
    "A data protection lawyer and the social protection minister spoke.",
    "Her internationally minded minister spoke.",
    "A rustic cabin near the capital.",
    "Loss of life was heavy; the penalty was severe.",
]


def check(doc, settings) -> Iterator:
    yield from find(doc, load_table(tuple(settings.phrase_files)))


def find(doc, table: PhraseTable) -> Iterator:
    """The findings of one phrase table in ``doc`` (the benchmark runs held-out tables through this)."""
    text = doc.text
    findings = table.findings
    for start, end in table.spans(doc):
        fields = findings[text[start:end]]
        if fields is None:  # cannot happen: the regex is built from the keys
            continue
        if _after_qualifier(text, start):
            continue
        yield Edit(start, end, *fields)


def _after_qualifier(text: str, start: int) -> bool:
    """True when the word before ``start``, spaces or tabs between, is one of :data:`_QUALIFIERS`."""
    if start >= 3 and text[start - 1] == " " and text[start - 2] not in " \t":
        # Most phrases: one space after the word before, whose last two
        # letters end no qualifier (each letter of a qualifier lower-cases to
        # one ASCII letter, so the word's last two are the qualifier's).
        if text[start - 3 : start - 1].lower() not in _QUALIFIER_ENDINGS:
            return False
    before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    return bool(before) and before.group(1).lower() in _QUALIFIERS


# An Edit's fields after its two offsets, in order.
_FIELDS_AFTER_OFFSETS = tuple(field.name for field in dataclasses.fields(Edit))[2:]


def _finding(table: PhraseTable, matched: str) -> tuple | None:
    """The fields after the offsets of the finding on the text ``matched``, as
    :meth:`RuleMeta.edit` makes them; None when no row has that text.

    They depend on the text alone, which is why :attr:`PhraseTable.findings`
    can keep them and :func:`find` builds each finding from them (only the
    qualifier check there looks around the match).
    """
    entry = table.lookup(matched)
    if entry is None:
        return None
    message = f'Tortured phrase "{matched}": a spinner\'s swap for "{entry.established}"'
    data = {"established": entry.established, "source": entry.source}
    if entry.note:
        data["note"] = entry.note
    if entry.flag_only:
        edit = META.edit(0, 0, message + " (check the context)", None, FixKind.NONE, data=data)
    else:
        edit = META.edit(0, 0, message, restore_case(matched, entry.established), FixKind.SUGGESTED, data=data)
    return tuple(getattr(edit, name) for name in _FIELDS_AFTER_OFFSETS)
