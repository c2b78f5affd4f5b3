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
from typing import Iterator, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from cleaner import wordstats
from cleaner.document import _POSSESSIVE_ENDINGS, Document, Token, split_possessive
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
    # Most forms are lower case: the first test turns them away without a call.
    # Only capitalised forms can be odd; the shape tests of _is_odd come first
    # inline, so most forms are turned away without a call.
    odd = {
        w
        for w in lex.capitalised_forms
        if len(w) >= 4 and w[1:].islower() and w.isalpha() and w not in mine and _is_odd(w, lex)
    }
    if not odd:
        return
    multi = _index_by_word(lex.recurring_names(MIN_CANONICAL))
    counts = lex.counts
    # A title-case word begins with a capital: the capitalised forms, in the
    # order of the counts, are all the candidates.
    single = _index_by_initial(
        {
            w: c
            for w in lex.capitalised_forms
            if (c := counts[w]) >= MIN_CANONICAL and len(w) >= 4 and w.isalpha() and w.istitle() and lex.is_name(w)
        }
    )
    # The odd words and their possessives, so the token loop is one set lookup.
    # An odd word is alphabetic, so the forms whose base is odd are the odd
    # words themselves and their possessives: look those up, not every form.
    odd_forms = odd | {
        word + ending for word in odd for ending in _POSSESSIVE_ENDINGS if word + ending in lex.counts
    }
    tokens = doc.tokens
    text = doc.text
    # The few tokens to look at, found without a Python step per token of the document.
    for i in doc.token_indices(odd_forms):
        tok = tokens[i]
        base = split_possessive(tok.text).base
        before, after = text[tok.start - 1 : tok.start], text[tok.end : tok.end + 1]
        if (before and before in _IDENTIFIER_BEFORE) or (after and after in _IDENTIFIER_AFTER):
            continue  # part of an identifier, a handle or a word broken at a line end
        best = _best_multi(tokens, i, base, multi, text)
        if best is None and _stands_alone(tokens, i, text):
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


def _stands_alone(tokens: list[Token], i: int, text: str) -> bool:
    """True when no capitalised word but a title stands next to token ``i``.

    "Simona Cotin" is a full name of its own, not "Colin" misspelt: a
    one-word correction is only made where the word is used alone ("asked
    Lavorv", "Mr Lavorv").
    """
    neighbours = _run_words(tokens, i, text, -1)[:1] + _run_words(tokens, i, text, +1)[:1]
    return all(t.text in _TITLES or (t.sentence_start and t.text.lower() in _OPENERS) for t in neighbours)


def _is_odd(word: str, lex) -> bool:
    """A capitalised word seen once that no word list knows: a garble, maybe."""
    # An alphabetic word has no apostrophe, so no possessive ending either.
    if len(word) < 4 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return False
    return lex.count_lower(word) == 1 and not wordstats.is_known(word)


def _run_words(tokens: list[Token], i: int, text: str, step: int) -> list[Token]:
    """The capitalised words joined by single spaces before (step -1) or after (+1) token ``i``."""
    out: list[Token] = []
    j = i + step
    prev = tokens[i]
    while 0 <= j < len(tokens):
        tok = tokens[j]
        a, b = (tok, prev) if step < 0 else (prev, tok)
        if text[a.end : b.start] != " " or not tok.text[0].isupper():
            break
        out.append(tok)
        prev = tok
        j += step
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


def _best_multi(
    tokens: list[Token], i: int, base: str, index: dict[str, dict[str, int]], text: str
) -> Candidate | None:
    """The recurring multi-word name that the run around token ``i`` garbles.

    The garble needs an anchor in the name: an intact word beside it ("Min"
    in "Min Aunging"), or an intact word at its own start ("Élodie" in
    "Élodiehand" for "Élodie Marchand").
    """
    before = _run_words(tokens, i, text, -1)[::-1]  # in reading order
    after = _run_words(tokens, i, text, +1)
    names: dict[str, int] = {}
    for tok in before[-1:] + after[:1]:
        names.update(index.get(split_possessive(tok.text).base, {}))
    for cut in range(3, len(base) - 1):
        names.update(index.get(base[:cut], {}))
    if not names:
        return None
    low = base.lower()
    found: list[Candidate] = []
    for name, count in names.items():
        words = name.split(" ")
        k = len(words)
        for j in range(0, min(len(before), k - 1) + 1):
            if j and [t.text for t in before[-j:]] != words[:j]:
                continue
            for m in range(0, min(len(after), k - 1 - j) + 1):
                if m and [split_possessive(t.text).base for t in after[:m]] != words[k - m :]:
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
                start = before[-j].start if j else tokens[i].start
                end = after[m - 1].end if m else tokens[i].end
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
