"""A missing space between two words ("U TezaChairman", "Chinahave").

What it does:
    Looks at words that neither wordfreq nor the rest of the document knows,
    and splits them where the evidence for two words is strong:

    * camel-case joins, a lower-case letter then a capital: a lower-case
      word glued to a common word or a document name ("reservedOrigin",
      "ministerIngrid", "whereDr"); two capitalised parts when the document
      writes them apart elsewhere ("RafaelOkonjo"), when the right part is a
      name the document establishes, or when a rare left part inside a run
      of names meets a common word ("U TezaChairman");
    * a name run into a lower-case word: the name recurs on its own and the
      rest is a common word ("Chinahave"), or the rest is a clause word such
      as "that", "said", "who" ("Wednesdaythat", "Prak Sokhonnwho");
    * an acronym run into a word the same way ("ASEANhas");
    * all lower-case joins ("thecountry") only when exactly one split gives
      a glue word ("the", "has", "which" ...) and a common word.

    Words wordfreq knows (iPhone, YouTube, LinkedIn, PayPal, JavaScript),
    name patterns (McDonald's, MacArthur, DeSantis, eBay), brands built from
    two everyday words (CodeFactory), handles, hashtags, file names, code
    (`net.createServer()`, and every camel-case word in a document that
    writes several), a garbled name that entity-variant restores
    ("Élodiehand" for "Élodie Marchand") and any word the document uses
    more than once are left alone.

Why it's a problem:
    Scrapers drop the space where an HTML block or a line ended, and spinners
    join words. The result reads as a typo, breaks search for both words and
    the grammar pass reports it as a misspelling with a wrong suggestion
    (Harper offers "Chinaware" for "Chinahave").

Example:
    "run by U TezaChairman of Htoo Group" becomes
    "run by U Teza Chairman of Htoo Group".

Fix safety:
    Safe only for a lower-case word glued to a capitalised one when both are
    common words, both occur on their own elsewhere in the document, the
    joined form is unknown and it is the document's only camel-case word
    ("rights reservedOrigin" with "reserved" and "Origin" elsewhere). Every
    split that involves a name is a suggestion: a brand or surname the word
    lists do not know can look exactly like a join.

References:
    wordfreq (Speer, 2022) for word frequencies; ruff's fix applicability
    levels for the safe/suggested split.
"""

from __future__ import annotations

from functools import cached_property
from typing import Iterator, NamedTuple

import regex

from cleaner import wordstats
from cleaner.document import Document, Lexicon, possessive_base, split_possessive
from cleaner.edits import Edit, FixKind, Severity
from cleaner.memo import memo
from cleaner.rule import FixAvailability, RuleMeta

META = RuleMeta("CL101", "glued-word", "spacing", Severity.WARNING, FixAvailability.SOMETIMES)

FAILS = [
    ("The hotel is run by U TezaChairman of Htoo Group.", "The hotel is run by U Teza Chairman of Htoo Group."),
    (
        "China was asked. Trade with China grew. Neighbours like Chinahave also been asked.",
        "China was asked. Trade with China grew. Neighbours like China have also been asked.",
    ),
    ("All rights reservedOrigin: Example Wire", "All rights reserved Origin: Example Wire"),
    (
        "The envoy Prak Sokhonnwho has visited twice met the press.",
        "The envoy Prak Sokhonn who has visited twice met the press.",
    ),
    ("Officials said thecountry would vote.", "Officials said the country would vote."),
    (
        "Myanmar voted. Myanmar abstained. The ASEAN envoy said ASEAN would meet and ASEANhas agreed.",
        "Myanmar voted. Myanmar abstained. The ASEAN envoy said ASEAN would meet and ASEAN has agreed.",
    ),
]
PASSES = [
    "She bought an iPhone, watched YouTube, ate at McDonald's and read about MacArthur.",
    "Post it on LinkedIn, pay with PayPal, sell on eBay; DeSantis wrote JavaScript on GitHub.",
    # An unknown word the document uses consistently is the document's word.
    "The ZentaCorp board met. ZentaCorp shares fell after ZentaCorp said so.",
    # A surname the word lists do not know, with nothing glued to it.
    "Prak Sokhonn met Lavrov in Naypyitaw.",
    # Handles and hashtags are written without spaces on purpose.
    "Follow @TezaChairman and #FreeMyanmar for updates.",
    # Code identifiers with several humps are not glued prose.
    "Call getElementById before innerHTML is set.",
    # Real words that contain a name-like prefix and a common word.
    "Washington and Newcastle signed; Johnson said so.",
]

# Name prefixes that take a capital after them in real surnames.
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Du La Le Van Von Fitz Al El Ben Abu St".split())
# Endings that make new words from names ("Putinism", "Myanmarese") or
# place names ("Jacksonville"); a name followed by one is not a join.
_NAME_SUFFIXES = frozenset(
    "s es an ian ians ans ese ism isms ist ists ite ites ish ic ics ology land lands stan "
    "burg berg ville ton town ford field wood son sen man men ski sky ova ovich ov ev in "
    "ia er ers ed ing ly led".split()
)
# Words that never end a name, so a name inside a run of names ("Prak
# Sokhonn") followed by one is a join even when the name is unknown.
_NEVER_END_A_NAME = frozenset({"who", "which", "have", "were"})
# Clause words that follow a name ("Wednesdaythat", "Provincewill") and that
# no name or word the lists know ends with; with a known capitalised word
# before them they are enough evidence of a join.
_CLAUSE_WORDS = _NEVER_END_A_NAME | frozenset(
    {"the", "and", "that", "this", "will", "would", "said", "says", "with", "from", "into", "after", "of"}
)
# Capitalised words that open sentences, not names: no run of names starts with them.
_NOT_NAMES = wordstats.FUNCTION_WORDS | frozenset(
    "some many most all any each every no another other such a an it we they he she i you".split()
)
# Titles that start a name and so follow a lower-case word directly.
_TITLES = frozenset({"Dr", "Mr", "Mrs", "Ms"})
# Characters before or after a word that mean it is an identifier, a handle
# or a hashtag, written without spaces on purpose.
_IDENTIFIER_NEIGHBOURS = frozenset("@#_/\\%=<>{}[]|*0123456789")
# How many distinct lowerCamelCase words make a document one that writes
# code identifiers (measured: news samples have at most 3 such joins).
_IDENTIFIER_DOCUMENT = 4
# The short words that glue onto a neighbour in all-lower-case joins
# ("thecountry", "countryhas"); only words of three letters or more, since
# "is", "on", "to" begin and end too many real words ("ismap", "toupper").
_GLUE_WORDS = frozenset(
    "the and for with that this from have has had was were been their which who would will said".split()
)

# Endings of inflected and derived forms, rarer than their stems: wordfreq
# may not list "formatters" although it lists "formatter".
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness", "ment", "ments")

_CAMEL = regex.compile(r"\p{Ll}\p{Lu}")
_ACRONYM_JOIN = regex.compile(r"(\p{Lu}{2,})(\p{Ll}{2,})")


class Split(NamedTuple):
    """A proposed split of one word form, with the evidence for a person."""

    left: str
    right: str
    evidence: str
    fix: FixKind
    needs_name_run: bool = False
    """Only where a capitalised word stands right before the join ("U Teza")."""


class Facts:
    """What the rule asks of one document, each worked out once per check
    and only when a form needs it (a third of the documents have no
    camel-case word to judge, and those never pay for the identifier counts)."""

    def __init__(self, lex: Lexicon, odd: list[str]) -> None:
        self.lex = lex
        self.odd = odd
        """The forms of ``lex.counts`` that _shape flags, in their order."""

    @cached_property
    def _camel_forms(self) -> list[str]:
        """The document's camel-case word forms ("createServer", "ChildProcess")."""
        return [form for form in self.odd if _shape(form) & _IDENTIFIER]

    @cached_property
    def lower_camel(self) -> int:
        """Distinct lowerCamelCase words ("createServer") in the document."""
        return sum(1 for form in self._camel_forms if form[:2].islower())

    @cached_property
    def identifiers(self) -> bool:
        """The document writes code identifiers in its prose."""
        return self.lower_camel >= _IDENTIFIER_DOCUMENT or (
            sum(1 for form in self._camel_forms if not wordstats.is_known(form)) >= _IDENTIFIER_DOCUMENT
        )

    @cached_property
    def successors(self) -> dict[str, frozenset[str]]:
        """For each word of a recurring name, the words that follow it there."""
        following: dict[str, set[str]] = {}
        for name in self.lex.recurring_names(2):
            words = name.split(" ")
            for a, b in zip(words, words[1:]):
                following.setdefault(a, set()).add(b)
        return {k: frozenset(v) for k, v in following.items()}


def _user_words(settings) -> frozenset[str]:
    """The user's dictionary: words the user has said are spelt as meant."""
    if settings is None:
        return frozenset()
    from cleaner.dictionary import dictionary_words  # cached there, re-read when the file changes

    return dictionary_words(settings)


def check(doc: Document, settings) -> Iterator[Edit]:
    text = doc.text
    lex = doc.lexicon
    # Most forms can never be a join nor look like code: _shape (kept per
    # process) says so, called from C by filter, without a Python step per
    # form; only the few it flags are looked at.
    facts = Facts(lex, list(filter(_shape, lex.counts)))
    mine = _user_words(settings)
    # Decide once per distinct word form, then visit the tokens only when
    # some form is worth splitting: most documents have none.
    splits = {
        form: split
        for form in facts.odd
        if _shape(form) & _JOIN
        and (split := _split(form, facts)) is not None
        and form not in mine
        and possessive_base(form) not in mine
    }
    if not splits:
        return
    # The few tokens to look at (_split keeps only forms the document uses
    # once), found by str.find rather than a Python step per token.
    tokens = doc.tokens
    for i in doc.token_indices(splits, words=splits):
        tok = tokens[i]
        form = tok.text
        split = splits[form]
        if _in_code(text, tok.start, tok.end):
            continue
        if split.needs_name_run and not _in_name_run(doc, tok.start):
            continue
        suffix = split_possessive(form).suffix
        yield META.edit(
            tok.start,
            tok.end,
            f'Missing space in "{form}": {split.evidence}',
            f"{split.left} {split.right}{suffix}",
            split.fix,
            data={"left": split.left, "right": split.right},
        )


def _split(form: str, facts: Facts) -> Split | None:
    """The split of ``form`` the evidence supports, or None.

    Decided once per word form: the conditions depend on the form and the
    document's counts, not on where the form occurs (only the name-run
    context does, and that is marked for the caller to check).
    """
    if not _shape(form) & _JOIN:
        return None
    base = possessive_base(form)
    lex = facts.lex
    # A word the document uses more than once is its word, whatever it is.
    if lex.count_lower(base) > 1:
        return None
    if base[0].isupper() and base[1:].islower():
        # Most forms that get here: no capital after the first letter, so no
        # hump, and no regex search for one.
        return _name_split(base, facts)
    camel = _CAMEL.search(base)  # the only hump, if any (_never_split saw to that)
    if camel:
        return _camel_split(base, camel.start() + 1, facts)
    m = _ACRONYM_JOIN.fullmatch(base)
    if m:
        return _acronym_split(m.group(1), m.group(2), facts.lex)
    if base.islower():
        return _lower_split(base)
    return None


# What a word form can be in any document, as flags (0 for most words).
_JOIN = 1
"""Some document may make the form a join (not :func:`_never_split`)."""
_IDENTIFIER = 2
"""The form is shaped like a code identifier (:func:`_identifier_shaped`)."""


@memo(maxsize=1 << 14)
def _shape(form: str) -> int:
    """The :data:`_JOIN` and :data:`_IDENTIFIER` flags of ``form``.

    Both depend on the form alone, and most forms of every document have
    neither, so the answer is kept per process (bounded) instead of worked
    out per document: one look-up per form tells both.
    """
    return (0 if _never_split(form) else _JOIN) | (_IDENTIFIER if _identifier_shaped(form) else 0)


def _never_split(form: str) -> bool:
    """True when no document can make ``form`` a join, whatever it says.

    Too short or not alphabetic; a word the lists know, or a rare inflection
    of one; several humps (an identifier or a brand); a name with nothing
    _name_split could split off.
    """
    base = possessive_base(form)
    if len(base) < 5 or not base.isalpha():
        return True
    if wordstats.is_known(base):
        return True
    if len(_CAMEL.findall(base)) > 1:
        return True  # several humps: an identifier or a brand, not a join
    if _inflects_a_known_word(base):
        return True
    # A name with no word at its end that _name_split could split off
    # ("Kessaro", "Varnia"): most of the forms that get this far.
    return base[0].isupper() and base[1:].islower() and not _may_end_in_a_word(base)


def _camel_split(base: str, at: int, facts: Facts) -> Split | None:
    left, right = base[:at], base[at:]
    if len(left) < 2 or left in _NAME_PREFIXES or not right[1:].islower():
        return None
    if facts.identifiers and facts.lex.names.get(f"{left} {right}", 0) == 0:
        # A document full of "createServer" and "maxLength" writes code
        # identifiers in its prose; only a pair it also writes apart is a join.
        return None
    if left.islower() and right in _TITLES and wordstats.is_common(left, 3.5):
        # "whereDr", "researcherDr": a title starts the next name.
        return Split(left, right, f'"{left}" is {wordstats.describe(left)} and "{right}" is a title', FixKind.SUGGESTED)
    if len(right) < 3:
        return None  # "insteadOf", "setUp": two-letter parts are identifier style
    lex = facts.lex
    if left[0].isupper() and lex.names.get(f"{left} {right}", 0) > 0:
        # The strongest evidence there is: the document writes the two
        # words apart elsewhere ("RafaelOkonjo" beside "Rafael Okonjo").
        return Split(left, right, f'the document writes "{left} {right}" elsewhere', FixKind.SUGGESTED)
    right_name = lex.is_name(right)
    if right_name:
        right_why = f'"{right}" is a name in this document'
    elif wordstats.is_common(right):
        right_why = f'"{right}" is {wordstats.describe(right)}'
    elif lex.count(right) > 0:
        # Capitalised on its own elsewhere ("ministerIngrid" beside "Ingrid Halloway").
        right_name = True
        right_why = f'"{right}" occurs on its own in this document'
    else:
        return None
    if left.islower():
        if not (wordstats.is_common(left, 3.5) or lex.count_lower(left) > 0):
            return None
        if right_name and not wordstats.is_common(left, 3.5):
            return None  # a name on the right needs an everyday word on the left
        both_seen = lex.count_lower(left) > 0 and lex.count_lower(right) > 0
        strong = (
            both_seen
            and facts.lower_camel == 1  # the only one: no sign of code in the prose
            and len(left) >= 3
            and len(right) >= 3
            and wordstats.is_common(left)
            and wordstats.is_common(right)
            and not right_name
        )
        why = f'"{left}" is {wordstats.describe(left)}, {right_why}'
        if both_seen:
            why += ", and both occur on their own elsewhere"
        return Split(left, right, why, FixKind.SAFE if strong else FixKind.SUGGESTED)
    if not left[1:].islower():
        return None
    # Two capitalised parts: "TezaChairman", but far more often a brand
    # ("CodeFactory", "FontTools", "ScamWatch"). Brands are built from two
    # everyday words; a join is a name glued to the next word. So: a name
    # the document establishes on the right ("GrahamOtieno"), or a rare word
    # on the left glued to an everyday one, inside a run of names ("U Teza").
    if lex.is_name(right):
        if lex.count(left) > 0 or wordstats.is_known(left):
            return Split(left, right, f'"{right}" is a name in this document', FixKind.SUGGESTED)
        return None
    if wordstats.is_common(right) and not wordstats.is_common(left, 3.0):
        why = f'"{right}" is {wordstats.describe(right)}'
        if lex.is_name(left):
            return Split(left, right, f'"{left}" is a name in this document, {why}', FixKind.SUGGESTED)
        if wordstats.is_known(left) or lex.count(left) > 0:
            return Split(left, right, f'"{left}" continues a name, {why}', FixKind.SUGGESTED, needs_name_run=True)
    return None


def _name_split(base: str, facts: Facts) -> Split | None:
    """A capitalised name run into a lower-case word: "Chinahave"."""
    lex = facts.lex
    counts_get = lex.counts.get
    fallback: Split | None = None
    # Longest name first: "Chinahave" is "China" + "have", never "Chin" + "ahave".
    for at in range(len(base) - 2, 1, -1):
        left, right = base[:at], base[at:]
        seen = counts_get(left, 0)  # lex.count(left)
        if seen < 2 and (at < 4 or right not in _CLAUSE_WORDS):
            # Most positions of most forms (rare names): the left part is not
            # a word the document repeats, and no clause word follows it, so
            # none of the tests below can pass. (Every word of a recurring
            # name, a key of ``successors``, is seen twice or more.)
            continue
        if right in _NAME_SUFFIXES:
            continue
        if len(right) < 3 and right not in wordstats.FUNCTION_WORDS:
            continue
        if seen >= 2 and (following := facts.successors.get(left)):
            if any(b != right and b.lower().endswith(right) for b in following):
                # "Élodiehand" where the document says "Élodie Marchand" is that
                # name garbled (entity-variant's business), not "Élodie" + "hand".
                return None
        # The left part must be a name of the document ("China"), not an
        # everyday word it also writes in lower case ("User" in "Userinfo"),
        # and short right parts are easily the ending of a name: ask more.
        if seen >= 2 and lex.is_name(left) and lex.count(left.lower()) == 0 and _common_right_part(right):
            return Split(
                left,
                right,
                f'"{left}" occurs {seen} times on its own and "{right}" is {wordstats.describe(right)}',
                FixKind.SUGGESTED,
            )
        if fallback is None and right in _CLAUSE_WORDS and len(left) >= 4:
            if seen:
                left_why = f'"{left}" occurs on its own in this document'
            elif wordstats.zipf(left) >= 3.0:
                left_why = f'"{left}" is {wordstats.describe(left)}'
            else:
                left_why = ""
            if left_why:
                fallback = Split(
                    left,
                    right,
                    f'{left_why}, "{right}" is {wordstats.describe(right)} that does not end names, '
                    f'and "{base}" is not a known word',
                    FixKind.SUGGESTED,
                )
        if fallback is None and right in _NEVER_END_A_NAME and len(left) >= 4:
            fallback = Split(
                left,
                right,
                f'"{right}" is {wordstats.describe(right)} that does not end names, '
                f'and "{base}" is not a known word',
                FixKind.SUGGESTED,
                needs_name_run=True,
            )
    return fallback


def _common_right_part(right: str) -> bool:
    """True when ``right`` is common enough to split off a name ("have" in
    "Chinahave"); short right parts are easily the ending of a name: ask more."""
    return wordstats.is_common(right, 4.5 if len(right) < 5 else wordstats.COMMON)


def _may_end_in_a_word(base: str) -> bool:
    """False when :func:`_name_split` finds no split of ``base`` in any document.

    Its splits all need a right part it accepts that is a clause word or
    common enough; what else they need (and the garbled names that stop
    the search) depends on the document, so is left to it.
    """
    for at in range(len(base) - 2, 1, -1):
        right = base[at:]
        if right in _NAME_SUFFIXES or (len(right) < 3 and right not in wordstats.FUNCTION_WORDS):
            continue
        if (right in _CLAUSE_WORDS and at >= 4) or _common_right_part(right):
            return True
    return False


def _acronym_split(left: str, right: str, lex: Lexicon) -> Split | None:
    """An acronym run into a lower-case word: "ASEANhas"."""
    seen = lex.count(left)
    if seen < 2 or right in _NAME_SUFFIXES or len(right) < 3 or not wordstats.is_common(right, 4.5):
        return None
    return Split(
        left, right, f'"{left}" occurs {seen} times on its own and "{right}" is {wordstats.describe(right)}',
        FixKind.SUGGESTED,
    )


def _lower_split(base: str) -> Split | None:
    """Two lower-case words run together: "thecountry"."""
    found: list[Split] = []
    for at in range(2, len(base) - 1):
        left, right = base[:at], base[at:]
        if left in _GLUE_WORDS:
            other = right
        elif right in _GLUE_WORDS:
            other = left
        else:
            continue
        if len(other) >= 4 and wordstats.is_common(other):
            found.append(
                Split(
                    left,
                    right,
                    f'"{left}" and "{right}" are common words and "{base}" is not a word',
                    FixKind.SUGGESTED,
                )
            )
    # Two readings ("atone" style) mean the evidence does not pick one.
    return found[0] if len(found) == 1 else None


def _identifier_shaped(form: str) -> bool:
    """True for an ASCII camel-case word ("createServer", "ChildProcess").

    Mojibake makes camel shapes of its own ("LuÃ", "œWe"), and name
    prefixes make real names ("McAllister"); neither says anything about code.
    """
    if len(form) < 5 or form[1:].islower() or not (form.isascii() and form.isalpha()):
        # Most words: no capital after the first letter means no hump (and
        # no regex search for one).
        return False
    m = _CAMEL.search(form)
    return m is not None and form[: m.start() + 1] not in _NAME_PREFIXES


def _in_code(text: str, start: int, end: int) -> bool:
    """True when the word at ``[start, end)`` is written as code, a handle or a file name.

    "@TezaChairman", "#FreeMyanmar", "user_name", "net.createServer()",
    "APIfunctions.html", "maxLength=3".
    """
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before in _IDENTIFIER_NEIGHBOURS or after in _IDENTIFIER_NEIGHBOURS:
        return True
    if before == "." and start >= 2 and text[start - 2].isalnum():
        return True  # member access: "dgram.remoteAddress"
    if after == "." and text[end + 1 : end + 2].isalnum():
        return True  # a file or domain name: "APIfunctions.html"
    if before and before in "\"'`" and after == before:
        return True  # quoted on its own: a setting or a literal, '"allowSubmit"'
    if before == ":" and start >= 2 and text[start - 2] == ":":
        return True  # a qualified name: "CGI::startfrom"
    return after == "("


def _inflects_a_known_word(word: str) -> bool:
    """True for a rare inflection of a word the lists know: "formatters" (not "for matters")."""
    low = word.lower()
    for ending in _INFLECTIONS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 4 and wordstats.is_known(stem):
            return True
    return False


def _in_name_run(doc: Document, start: int) -> bool:
    """True when a capitalised word stands right before ``start`` ("U Teza", "Prak Sokhonn")."""
    i = start - 1
    if i < 1 or doc.text[i] != " ":
        return False
    j = i
    while j > 0 and (doc.text[j - 1].isalpha()):
        j -= 1
    word = doc.text[j:i]
    # "Some AsciiDoc" at a sentence start is no run of names.
    return bool(word) and word[0].isupper() and word.lower() not in _NOT_NAMES
