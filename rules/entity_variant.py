"""A rare, garbled variant of a name the document uses consistently ("Min Aunging").

What it does:
    Finds capitalised words that occur once, that no word list knows, and
    that are a near-miss of a name the document itself uses at least twice:

    * the garble of a recurring multi-word name with one of its words
      intact, beside it or at its start: "Min Aunging" in a document that
      says "Min Aung Hlaing" six times, "Élodiehand" for "Élodie Marchand";
    * a misspelling of a single-word name used alone: "Lavorv" beside ten
      "Lavrov" (same first letter; two letters swapped, or one lost or
      added; a replaced letter only in long names).

    It suggests the document's own form, keeping a possessive ending
    ("Lavorv's" becomes "Lavrov's").

Why it's a problem:
    A garbled name is the worst kind of typo in news text: readers and search
    cannot connect it with the person, and spell checkers "correct" it into
    dictionary words ("Minimum Aunt Haling").

Example:
    "regime leader Min Aunging said" becomes "regime leader Min Aung Hlaing
    said" when the document says "Min Aung Hlaing" several times.

Fix safety:
    Never safe, always a suggestion: the evidence is statistical, and two
    people can share a first name ("Min Aung Hlaing", "Min Ko Naing") or a
    spelling can differ on purpose. The rule only suggests a name the
    document uses at least twice (and needs a closer match for a name seen
    only twice), never a dictionary word, never replaces a word that
    wordfreq knows or that the document uses twice, and never corrects a
    word that stands in a full name of its own ("Simona Cotin" is not
    "Colin").

References:
    rapidfuzz (Indel ratio and optimal string alignment distance).
"""

from __future__ import annotations

import unicodedata
from itertools import compress
from typing import Iterator, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from cleaner import wordstats
from cleaner.document import _POSSESSIVE_ENDINGS, Document, Token, Tokens, possessive_base, split_possessive
from cleaner.edits import Edit, FixKind, Severity
from cleaner.memo import memo
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL301", "entity-variant", "names", Severity.WARNING, FixAvailability.ALWAYS)

_MIN = "Min Aung Hlaing met the envoy. Min Aung Hlaing spoke. Later Min Aung Hlaing left."
_LAV = "Lavrov arrived. Then Lavrov spoke and Lavrov left. "
FAILS = [
    (_MIN + " Regime leader Min Aunging said so.", _MIN + " Regime leader Min Aung Hlaing said so."),
    (_LAV + "Reporters asked Lavorv about it.", _LAV + "Reporters asked Lavrov about it."),
    (_LAV + "It was Lavorv’s first visit.", _LAV + "It was Lavrov’s first visit."),
    (_MIN + " A new Min Aung Hliang decree.", _MIN + " A new Min Aung Hlaing decree."),
]
PASSES = [
    # Two people who share a first name.
    _MIN + " The activist Min Ko Naing was freed.",
    # Two foreign ministers named Sergei, one mentioned once.
    "Sergei Lavrov met Sergei Lavrov's aides; Sergei Lavrov left. Sergei Shoigu stayed.",
    # Inflected and possessive forms of a name are the name.
    _LAV + "Lavrov’s visit and the Lavrovs' dinner.",
    # Two names that occur twice each are both the document's.
    "Tun Myint spoke. Tun Mynt spoke. Tun Myint left. Tun Mynt left.",
    # A rare variant that is a dictionary word is left alone.
    "Marsh spoke. Then Marsh left and Marsh returned. A March rally followed.",
    # A name seen once is not established enough to correct another.
    "Lavrov arrived. Lavorv stayed.",
]

MIN_CANONICAL = 2
"""A name must occur this often before it can correct another spelling.

Two is enough on measurement: on 300 damaged articles of the evaluation
corpus, three found 27 of 101 garbled names and two found 97, with no wrong
suggestion either way; a name seen only twice must be closer, though
(``_CLOSE_RATIO``)."""

# Similarity floors (rapidfuzz Indel ratio, 0-100) between the garbled word
# and the part of the name it replaces, and between the whole variant and the
# whole name. Measured: "Aunging" vs "AungHlaing" 82, "Min Aunging" vs "Min
# Aung Hlaing" 85; "Ko Naing" vs "Aung Hlaing" 53.
_PART_RATIO = 75.0
_WHOLE_RATIO = 80.0
# A name seen only twice asks for a closer match ("Naypyitw" 94 to
# "Naypyitaw"; a swap such as "Lavorv" is 83 and needs three uses).
_CLOSE_RATIO = 85.0
# Titles and honorifics that stand before a name without being part of it.
_TITLES = frozenset("Mr Mrs Ms Dr Prof Sir Lord Lady Gen General President Minister Senator U Daw".split())
# Letters that carry their accent in the letter itself, so NFKD cannot strip it.
_UNACCENTED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"})
# Words capitalised only because they open a sentence ("Then Lavorv said").
_OPENERS = frozenset(
    "the a an and but so yet then when while after before since if as in on at for of to by with from "
    "however meanwhile later also still now there here this that these those".split()
)
# Characters next to a word that make it part of an identifier or a word
# broken across a line ("Consor-").
_IDENTIFIER_BEFORE = frozenset("@#_/\\%0123456789")
_IDENTIFIER_AFTER = frozenset("_/\\-0123456789")
# Endings that make inflected or gendered forms of one name.
_ENDINGS = frozenset(
    {"", "s", "es", "ed", "d", "er", "ers", "r", "ing", "n", "an", "ian", "a", "i", "o", "e", "y", "ie", "ova", "ov"}
)


class Candidate(NamedTuple):
    """A name the variant may stand for, with the evidence."""

    start: int
    end: int
    name: str
    count: int
    score: float


def check(doc: Document, settings) -> Iterator[Edit]:
    lex = doc.lexicon
    # Read first, for every document: a broken dictionary file is reported
    # whether or not this document has a word to look up in it.
    mine = _user_words(settings)
    counts = lex.counts
    # An odd word is a capitalised word seen once (in any case) that no word
    # list knows: a garble, maybe. _may_be_garbled, a per-process table of
    # the tests of the form alone, turns most capitalised forms away in C
    # (filter); only the few left take the count tests. (The case-folded
    # count includes the form's own, so an odd word is seen once in this
    # form too: the cheaper test runs first.)
    odd = [w for w in filter(_may_be_garbled, lex.capitalised_forms) if counts[w] == 1 and lex.count_lower(w) == 1]
    if not odd:
        return
    recurring = lex.recurring_names(MIN_CANONICAL)
    # The words of the recurring names (Lexicon.name_parts, split in C from
    # the names already at hand rather than built a second time).
    parts = set(" ".join(recurring).split(" ")) if recurring else set()
    # Which odd words may garble a recurring name, wherever they stand: see
    # _part_garbles.
    garbles_part = _part_garbles(odd, recurring)
    # The one-word names: a title-case word begins with a capital, so the
    # capitalised forms are all the candidates. A misspelling keeps its first
    # letter, so only the names under the odd words' initials are ever looked
    # up: those forms are picked out in C (_name_initial, kept per process,
    # holds the tests of the form alone), and only they are counted and
    # tested as names.
    initials = {w.lower()[0] for w in odd}
    shaped = compress(lex.capitalised_forms, map(initials.__contains__, map(_name_initial, lex.capitalised_forms)))
    single = _index_by_initial(
        {
            w: counts[w]
            for w in shaped
            if counts[w] >= MIN_CANONICAL
            and (lex.capitalised_counts.get(w, 0) >= MIN_CANONICAL or w in parts)  # lex.is_name(w)
        }
    )
    # The one-word correction of an odd word depends on the word alone (the
    # token only decides whether it stands alone to take it), so it is made
    # here, once; a word that can neither garble a recurring name nor
    # misspell one is done with before its token is looked for, which is
    # nearly all of them.
    spelt = {w: _best_single(w, single) for w in odd}
    odd = [w for w in odd if w in garbles_part or spelt[w] is not None]
    if not odd:
        return
    tokens = doc.tokens
    text = doc.text
    # An odd word is alphabetic, so the forms whose base is odd are the odd
    # words themselves and their possessives; each is found by str.find.
    odd_forms = set(odd) | {word + ending for word in odd for ending in _POSSESSIVE_ENDINGS if word + ending in counts}
    for i in doc.token_indices(odd_forms, words=odd):
        tok = tokens[i]
        before, after = text[tok.start - 1 : tok.start], text[tok.end : tok.end + 1]
        if (before and before in _IDENTIFIER_BEFORE) or (after and after in _IDENTIFIER_AFTER):
            continue  # part of an identifier, a handle or a word broken at a line end
        base = possessive_base(tok.text)
        # The capitalised words right before and after the token, if any.
        neighbours = [t for t in (_neighbour(tokens, i, text, -1), _neighbour(tokens, i, text, +1)) if t]
        best = None
        names = _names_around(base, neighbours, recurring, parts) if base in garbles_part else None
        if names:
            # Few tokens get here (most odd words share no word with a
            # recurring name): only they need the whole runs around them.
            run_before = _run_words(tokens, i, text, -1)[::-1]  # in reading order
            run_after = _run_words(tokens, i, text, +1)
            best = _best_multi(tok, base, run_before, run_after, names, text)
        if best is None and spelt[base] is not None and _stands_alone(neighbours):
            best = spelt[base]._replace(start=tok.start, end=tok.end)
        if best is None or base in mine:
            continue  # no correction, or the user's dictionary spells the word so
        # A possessive ending stays where it was: on the last word replaced.
        end_suffix = split_possessive(text[best.start : best.end].rsplit(" ", 1)[-1]).suffix
        variant = text[best.start : best.end]
        yield META.edit(
            best.start,
            best.end,
            f'"{split_possessive(variant).base}" occurs once; the document says "{best.name}" {best.count} times',
            best.name + end_suffix,
            FixKind.SUGGESTED,
            data={"name": best.name, "count": best.count, "score": f"{best.score:.0f}"},
        )


def _user_words(settings) -> frozenset[str]:
    """The user's dictionary: names the user has said are spelt as meant."""
    if settings is None:
        return frozenset()
    from cleaner.dictionary import dictionary_words  # cached there, re-read when the file changes

    return dictionary_words(settings)


@memo(maxsize=1 << 14)
def _may_be_garbled(form: str) -> bool:
    """True when the capitalised word ``form`` may be odd in some document:
    four letters or more, all lower case after the capital, and unknown to
    the word lists. It depends on the form alone, so is kept per process."""
    return len(form) >= 4 and form[1:].islower() and form.isalpha() and not wordstats.is_known(form)


@memo(maxsize=1 << 14)
def _name_initial(form: str) -> str:
    """The key under which the capitalised ``form`` may be indexed as a
    one-word name (its first letter, lower-cased), or "" when its shape rules
    that out: shorter than four letters, not alphabetic or not title case.
    It depends on the form alone, so is kept per process."""
    return form[0].lower() if len(form) >= 4 and form.isalpha() and form.istitle() else ""


def _stands_alone(neighbours: list[Token]) -> bool:
    """True when no capitalised word but a title stands next to the token
    whose :func:`_neighbour` words are ``neighbours``.

    "Simona Cotin" is a full name of its own, not "Colin" misspelt: a
    one-word correction is only made where the word is used alone ("asked
    Lavorv", "Mr Lavorv").
    """
    return all(t.text in _TITLES or (t.sentence_start and t.text.lower() in _OPENERS) for t in neighbours)


def _neighbour(tokens: Tokens, i: int, text: str, step: int) -> Token | None:
    """The capitalised word joined by a single space to token ``i``, before
    it (step -1) or after it (+1), or None.

    Tested on the token columns: most tokens have no such neighbour, and
    only one that has is built as a Token.
    """
    j = i + step
    if not 0 <= j < len(tokens):
        return None
    a, b = (j, i) if step < 0 else (i, j)
    if text[tokens.ends[a] : tokens.starts[b]] != " " or not tokens.words[j][0].isupper():
        return None
    return tokens[j]


def _run_words(tokens: Tokens, i: int, text: str, step: int) -> list[Token]:
    """The capitalised words joined by single spaces before (step -1) or after (+1) token ``i``."""
    out: list[Token] = []
    while (tok := _neighbour(tokens, i, text, step)) is not None:
        out.append(tok)
        i += step
    return out


def _index_by_initial(names: dict[str, int]) -> dict[str, dict[str, int]]:
    """Names under their lower-cased first letter: a misspelling keeps its first letter."""
    index: dict[str, dict[str, int]] = {}
    for name, count in names.items():
        index.setdefault(name[0].lower(), {})[name] = count
    return index


def _part_garbles(odd: list[str], recurring: dict[str, int]) -> set[str]:
    """The ``odd`` words that may garble part of a ``recurring`` name.

    :func:`_best_multi` only replaces a run of the name's words (the middle
    of the name, which begins with a word of it) by an odd word that begins
    with the same letter and is similar to the run (Indel ratio at least
    ``_PART_RATIO``). Both depend on the word alone, not on where it
    stands, so an odd word with no such run in any recurring name is not
    looked for: most odd words. The runs are those of every name, beginning
    with a word that begins like some odd word.
    """
    firsts = {w[0] for w in odd}
    runs: dict[str, set[str]] = {}  # first letter -> the runs, joined and lower-cased
    for name in recurring:
        words = name.split(" ")
        for j, word in enumerate(words):
            if word[0] in firsts:
                for end in range(j + 1, len(words) + 1):
                    runs.setdefault(word[0], set()).add("".join(words[j:end]).lower())
    return {
        w for w in odd if w[0] in runs and any(fuzz.ratio(w.lower(), run) >= _PART_RATIO for run in runs[w[0]])
    }


def _names_around(base: str, neighbours: list[Token], recurring: dict[str, int], parts: set[str]) -> dict[str, int]:
    """The recurring multi-word names a garble ``base`` may stand for: those
    with a word beside it (its ``neighbours``) or at its own start.

    The garble needs an anchor in the name: an intact word beside it ("Min"
    in "Min Aunging"), or an intact word at its own start ("Élodie" in
    "Élodiehand" for "Élodie Marchand"). ``parts`` are the words of the
    ``recurring`` names; the names are gathered for the words found, in the
    order found, each word's in the order of ``recurring``.
    """
    words = [possessive_base(neighbour.text) for neighbour in neighbours]
    words += [base[:cut] for cut in range(3, len(base) - 1)]
    names: dict[str, int] = {}
    for word in filter(parts.__contains__, words):  # most are no word of a name
        for name, count in recurring.items():
            if word in name.split(" "):
                names.setdefault(name, count)
    return names


def _best_multi(
    tok: Token, base: str, before: list[Token], after: list[Token], names: dict[str, int], text: str
) -> Candidate | None:
    """The recurring multi-word name that the run around ``tok`` garbles.

    ``before`` and ``after`` are the capitalised words around it, in reading
    order; ``names`` are the candidates, from :func:`_names_around`.
    """
    low = base.lower()
    found: list[Candidate] = []
    for name, count in names.items():
        words = name.split(" ")
        k = len(words)
        for j in range(0, min(len(before), k - 1) + 1):
            if j and [t.text for t in before[-j:]] != words[:j]:
                continue
            for m in range(0, min(len(after), k - 1 - j) + 1):
                if m and [possessive_base(t.text) for t in after[:m]] != words[k - m :]:
                    continue
                middle = words[j : k - m]
                inner_anchor = len(middle) >= 2 and base.startswith(middle[0]) and len(base) > len(middle[0]) + 1
                if j + m == 0 and not inner_anchor:
                    continue
                if middle[0][0] != base[0]:
                    continue
                joined = "".join(middle).lower()
                if _fold(low) == _fold(joined):
                    continue  # "Bajtos" for "Bajtoš": a spelling without accents, not a garble
                if low.startswith(joined):
                    # The whole name followed by more letters is a word glued
                    # to the name ("Marchettiwrote"), glued-word's business;
                    # replacing it here would delete the word.
                    continue
                part = fuzz.ratio(low, joined)
                start = before[-j].start if j else tok.start
                end = after[m - 1].end if m else tok.end
                variant = split_possessive(text[start:end]).base
                whole = fuzz.ratio(variant.lower(), name.lower())
                if part >= _PART_RATIO and whole >= _needed(count):
                    found.append(Candidate(start, end, name, count, whole))
    return _unique_best(found)


def _best_single(base: str, index: dict[str, dict[str, int]]) -> Candidate | None:
    """The recurring one-word name that ``base`` misspells, spanning ``base``
    (the caller moves it onto the token)."""
    low = base.lower()
    found: list[Candidate] = []
    for name, count in index.get(low[0], {}).items():
        other = name.lower()
        if other[0] != low[0] or other.startswith(low) or low.startswith(other):
            continue
        # The slip test (rapidfuzz, in C) turns most names away; the tests
        # in Python only see the few left.
        if abs(len(other) - len(low)) > 2 or not _typo_like(low, other):
            continue
        if _inflected(low, other) or _fold(low) == _fold(other):
            continue
        score = fuzz.ratio(low, other)
        if score >= _needed(count):
            found.append(Candidate(0, len(base), name, count, score))
    return _unique_best(found)


def _fold(word: str) -> str:
    """``word`` without accents: "Erdoğan" and "Erdogan", "Michałkiewicz" and "Michalkiewicz" fold alike."""
    if word.isascii():
        return word  # nothing to strip (most names): skip the normalisation
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNACCENTED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _inflected(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in an ending ("Weijie"/"Weijia", "Lavrovs")."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    return p >= max(len(a), len(b)) - 3 and a[p:] in _ENDINGS and b[p:] in _ENDINGS


def _typo_like(variant: str, name: str) -> bool:
    """True when ``variant`` is ``name`` with the kind of slip typing or OCR makes.

    A swap of two neighbouring letters, or one letter lost or added, at any
    length ("Lavorv", "Dmity"); one letter replaced only in long names,
    because short names one letter apart are usually different names
    ("Colin", "Cotin"); two letters lost or added only in long names.
    """
    if OSA.distance(variant, name, score_cutoff=2) > 2:
        return False
    ops = Levenshtein.editops(variant, name)
    kinds = {op.tag for op in ops}
    if len(ops) == 1:
        return kinds != {"replace"} or len(name) >= 7
    if len(ops) == 2 and OSA.distance(variant, name) == 1:
        return True  # a transposition
    return len(ops) == 2 and "replace" not in kinds and len(name) >= 8


def _needed(count: int) -> float:
    """The similarity a variant needs to a name seen ``count`` times."""
    return _WHOLE_RATIO if count >= 3 else _CLOSE_RATIO


def _unique_best(found: list[Candidate]) -> Candidate | None:
    """The best candidate, or None when two different names tie for it."""
    if not found:
        return None
    found.sort(key=lambda c: (-c.score, -c.count, -(c.end - c.start)))
    best = found[0]
    if any(c.name != best.name and c.score == best.score for c in found[1:]):
        return None  # the evidence does not pick one person
    return best
