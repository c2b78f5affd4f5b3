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
from functools import lru_cache
from itertools import compress
from typing import Iterator, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from cleaner import wordstats
from cleaner.document import _POSSESSIVE_ENDINGS, Document, Token, Tokens, possessive_base, split_possessive
from cleaner.edits import Edit, FixKind, Severity
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


_ONCE = (1).__eq__  # "seen once", for map() over the counts


class Candidate(NamedTuple):
    """A name the variant may stand for, with the evidence."""

    start: int
    end: int
    name: str
    count: int
    score: float


def check(doc: Document, settings) -> Iterator[Edit]:
    lex = doc.lexicon
    mine = _user_words(settings)
    forms = lex.capitalised_forms  # only capitalised forms can be odd
    # An odd word is a capitalised word seen once (in any case) that no word
    # list knows: a garble, maybe. The case-folded count includes the form's
    # own, so an odd word is also seen once in this form: that test and the
    # tests of the form alone (_may_be_garbled, kept per process), which turn
    # most forms away, run in C over every form (map, compress, filter), and
    # the Python tests only see the few left.
    counts = lex.counts
    seen = list(map(counts.__getitem__, forms))  # each form's count, for both filters below
    once = compress(forms, map(_ONCE, seen))
    odd = {w for w in filter(_may_be_garbled, once) if lex.count_lower(w) == 1 and w not in mine}
    if not odd:
        return
    multi = _index_by_word(lex.recurring_names(MIN_CANONICAL))
    # A title-case word begins with a capital: the capitalised forms, in the
    # order of the counts, are all the candidates; those seen too rarely, and
    # those not alphabetic and title case, are turned away in C first.
    recurring = compress(forms, map(MIN_CANONICAL.__le__, seen))
    single = _index_by_initial(
        {w: counts[w] for w in filter(str.istitle, filter(str.isalpha, recurring)) if len(w) >= 4 and lex.is_name(w)}
    )
    tokens = doc.tokens
    text = doc.text
    # An odd word is alphabetic, so the forms whose base is odd are the odd
    # words themselves and their possessives; each is found by str.find.
    odd_forms = odd | {word + ending for word in odd for ending in _POSSESSIVE_ENDINGS if word + ending in counts}
    for i in doc.token_indices(odd_forms, words=odd):
        tok = tokens[i]
        before, after = text[tok.start - 1 : tok.start], text[tok.end : tok.end + 1]
        if (before and before in _IDENTIFIER_BEFORE) or (after and after in _IDENTIFIER_AFTER):
            continue  # part of an identifier, a handle or a word broken at a line end
        base = possessive_base(tok.text)
        # The capitalised words right before and after the token, if any.
        neighbours = [t for t in (_neighbour(tokens, i, text, -1), _neighbour(tokens, i, text, +1)) if t]
        best = None
        names = _names_around(base, neighbours, multi)
        if names:
            # Few tokens get here (most odd words share no word with a
            # recurring name): only they need the whole runs around them.
            run_before = _run_words(tokens, i, text, -1)[::-1]  # in reading order
            run_after = _run_words(tokens, i, text, +1)
            best = _best_multi(tok, base, run_before, run_after, names, text)
        if best is None and _stands_alone(neighbours):
            best = _best_single(tok, base, single)
        if best is None:
            continue
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


@lru_cache(maxsize=1 << 14)
def _may_be_garbled(form: str) -> bool:
    """True when the capitalised word ``form`` may be odd in some document:
    four letters or more, all lower case after the capital, and unknown to
    the word lists. It depends on the form alone, so is kept per process."""
    return len(form) >= 4 and form[1:].islower() and form.isalpha() and not wordstats.is_known(form)


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


def _index_by_word(names: dict[str, int]) -> dict[str, dict[str, int]]:
    """Recurring names under each of their words, so a run only meets names it shares a word with."""
    index: dict[str, dict[str, int]] = {}
    for name, count in names.items():
        for word in set(name.split(" ")):
            index.setdefault(word, {})[name] = count
    return index


def _index_by_initial(names: dict[str, int]) -> dict[str, dict[str, int]]:
    """Names under their lower-cased first letter: a misspelling keeps its first letter."""
    index: dict[str, dict[str, int]] = {}
    for name, count in names.items():
        index.setdefault(name[0].lower(), {})[name] = count
    return index


def _names_around(base: str, neighbours: list[Token], index: dict[str, dict[str, int]]) -> dict[str, int]:
    """The recurring multi-word names a garble ``base`` may stand for: those
    with a word beside it (its ``neighbours``) or at its own start.

    The garble needs an anchor in the name: an intact word beside it ("Min"
    in "Min Aunging"), or an intact word at its own start ("Élodie" in
    "Élodiehand" for "Élodie Marchand").
    """
    names: dict[str, int] = {}
    if not index:
        return names  # no recurring multi-word name
    get = index.get
    for neighbour in neighbours:
        names.update(get(possessive_base(neighbour.text), {}))
    for cut in range(3, len(base) - 1):
        if found := get(base[:cut]):  # most prefixes are no word of a name
            names.update(found)
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


def _best_single(tok: Token, base: str, index: dict[str, dict[str, int]]) -> Candidate | None:
    """The recurring one-word name that ``base`` misspells."""
    low = base.lower()
    found: list[Candidate] = []
    for name, count in index.get(low[0], {}).items():
        other = name.lower()
        if other[0] != low[0] or other.startswith(low) or low.startswith(other):
            continue
        if abs(len(other) - len(low)) > 2 or _inflected(low, other) or _fold(low) == _fold(other):
            continue
        if not _typo_like(low, other):
            continue
        score = fuzz.ratio(low, other)
        if score >= _needed(count):
            found.append(Candidate(tok.start, tok.end, name, count, score))
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
