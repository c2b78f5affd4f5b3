"""The boilerplate rule: whole furniture lines go, article text stays, blank lines stay tidy."""

from __future__ import annotations

import itertools
import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings as hyp_settings, strategies as st

from cleaner.config import Settings
from cleaner.document import Document
from cleaner.edits import FixKind
from cleaner.errors import UsageError
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import get_rule
from cleaner.rules import boilerplate

RULE = get_rule("boilerplate")
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_578f0669fabec8cd.txt"


def findings(text: str, settings: Settings | None = None):
    return run_rules(Document(text), [RULE], settings or Settings())


def fixed(text: str, unsafe: bool, settings: Settings | None = None) -> str:
    return fix_text(text, [RULE], settings or Settings(), unsafe=unsafe).text


# ------------------------------------------------------------------ the seed
@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


def seed_line(seed: str, prefix: str) -> str:
    """The seed's line starting with ``prefix`` (looked up, never copied here)."""
    return next(line for line in seed.splitlines() if line.startswith(prefix))


def widget_title(seed: str) -> str:
    """The short title line two lines above the seed's follow prompt."""
    lines = seed.splitlines()
    return lines[lines.index(seed_line(seed, "Follow ")) - 2]


def test_seed_footer_certain_lines_are_deleted_by_safe_fix(seed):
    out = fixed(seed, unsafe=False)
    for line in (
        "Source link",
        "Related Articles",
        "Back to top button",
        seed_line(seed, "Follow "),
        "All rights reserved",
    ):
        assert line not in out, line
    # Heuristic findings are suggestions: a safe fix leaves them.
    assert widget_title(seed) in out
    assert "News7F:" in out


def test_seed_with_unsafe_ends_at_the_author_bio(seed):
    out = fixed(seed, unsafe=True)
    bio_start = seed.index("Jan Servaes is")
    bio_end = seed.index("\n", bio_start)
    # Everything up to and including the bio is untouched; nothing follows it.
    assert out == seed[:bio_end] + "\n"


def test_seed_findings_are_the_footer_lines_only(seed):
    found = findings(seed)
    doc = Document(seed)
    lines = sorted({doc.position(e.start + (seed[e.start] == "\n")).line for e in found})
    shown = {dict(e.data)["line"] for e in found}
    # The seed's own footer lines, looked up rather than copied: its text
    # stays in ../shared, not in this repository.
    seed_lines = seed.splitlines()

    def line_starting(prefix: str) -> str:
        return next(line for line in seed_lines if line.startswith(prefix))

    widget_title = seed_lines[seed_lines.index(line_starting("Follow ")) - 2]
    assert shown == {
        widget_title,
        line_starting("Follow "),
        line_starting("©"),
        "Source link",
        line_starting("News7F:"),
        "Related Articles",
        "Back to top button",
    }
    bio_line = doc.position(seed.index("Jan Servaes is")).line
    assert all(line > bio_line for line in lines)
    fixes = {dict(e.data)["line"]: e.fix for e in found}
    assert fixes["Source link"] is FixKind.SAFE
    assert fixes[widget_title] is FixKind.SUGGESTED


def test_seed_heuristic_findings_survive_a_safe_fix_for_review(seed):
    # After `cleaner fix` the widget below the title is gone; the title must
    # still be offered for review rather than silently become article text.
    once = fixed(seed, unsafe=False)
    left = {dict(e.data)["line"]: e.fix for e in findings(once)}
    assert set(left) == {widget_title(seed), seed_line(seed, "News7F:")}
    assert set(left.values()) == {FixKind.SUGGESTED}


def test_sign_off_above_the_furniture_stays():
    text = "Lavrov left.\n\nJan Servaes\n\nShare this article\n\nSource link\n"
    assert fixed(text, unsafe=True) == "Lavrov left.\n\nJan Servaes\n"


# ------------------------------------------------------------- article text stays
@pytest.mark.parametrize(
    "text",
    [
        "NAYPYITAW, Aug 3 (Reuters) - Lavrov arrived in the capital on Wednesday.",
        "NAYPYITAW, Aug 3 (Reuters) -\n\nLavrov arrived in the capital on Wednesday.",
        "By Jan Servaes\n\nLavrov arrived on Wednesday.\n",
        "Story by Jan Servaes, Brussels\n\nLavrov arrived on Wednesday.\n",
        "Lavrov arrived on Wednesday.\n\nLena Okoro is the Chair of Media Studies at a university "
        "in Leeds. She is the editor of a handbook on reporting.\n",
        "He said: \"Share the burden.\"\n\nSubscribe, follow, and comment are verbs.",
        "The source link in the report was broken, officials said.",
        "A news site updated the figures. The latest news came online today.\n",
        "Lavrov left.\n\nWhy Russia matters\n\nThe reasons are old.",
        "Copyright law differs between Myanmar and Russia.",
        "Follow the money, investigators say.",
        "Tags on the crates showed Russian origin.",
    ],
)
def test_article_text_is_never_flagged(text):
    assert findings(text) == []


def test_a_pattern_never_matches_part_of_a_line():
    text = "Readers should click the Source link below to see the data.\n\nSource link\n"
    found = findings(text)
    assert len(found) == 1
    assert fixed(text, unsafe=False) == "Readers should click the Source link below to see the data.\n"


# ---------------------------------------------------------------- blank lines
def test_furniture_between_paragraphs_leaves_one_blank_line():
    text = "One.\n\nShare this article\n\n\nAdvertisement\n\nTwo.\n"
    assert fixed(text, unsafe=False) == "One.\n\nTwo.\n"


def test_furniture_glued_to_text_keeps_the_paragraph_break_below():
    text = "One.\nShare on Facebook\n\nTwo.\n"
    assert fixed(text, unsafe=False) == "One.\n\nTwo.\n"


def test_crlf_text_keeps_crlf():
    text = "One.\r\n\r\nRelated Articles\r\n\r\nTwo.\r\n\r\nBack to top\r\n"
    assert fixed(text, unsafe=False) == "One.\r\n\r\nTwo.\r\n"


PROSE = ["Lavrov arrived on Wednesday.", "The talks ended early.", "Min Aung Hlaing spoke last."]
CERTAIN = ["Source link", "Related Articles", "Back to top button", "Share this:", "Advertisement"]
LIKELY = ["Menu", "Privacy Policy", "Tags: Myanmar, Russia", "Facebook Twitter WhatsApp"]


@hyp_settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PROSE + CERTAIN + LIKELY), st.sampled_from(["\n", "\n\n"])),
        min_size=1,
        max_size=10,
    ),
    st.booleans(),
)
def test_any_mix_of_furniture_and_prose_is_cleaned_tidily(blocks, unsafe):
    # At least one article line: a text of furniture alone has no shape to keep.
    blocks = blocks + [(PROSE[0], "\n")] if not any(line in PROSE for line, _ in blocks) else blocks
    text = "".join(line + sep for line, sep in blocks)
    out = fixed(text, unsafe=unsafe)
    kept = [line for line in out.splitlines() if line]
    expected = [line for line, _ in blocks if line in PROSE or (not unsafe and line in LIKELY)]
    # Only furniture goes, every prose line stays, in order.
    assert kept == expected
    # The fix never adds blank lines: none at the start, at most one
    # between paragraphs, and none at the end unless the input had one there
    # after a line that stays.
    assert "\n\n\n" not in out
    assert not out.startswith("\n")
    last_line, last_sep = blocks[-1]
    if out.endswith("\n\n"):
        assert last_line in expected and last_sep == "\n\n"


# ------------------------------------------------------------- pattern files
def test_builtin_pattern_file_is_substantial_and_loads():
    patterns = boilerplate._builtin()
    levels = {p.level for p in patterns}
    assert levels >= {boilerplate.Level.CERTAIN, boilerplate.Level.LIKELY}
    assert len(patterns) >= 400
    assert sum(p.compiled is not None for p in patterns) >= 30


def test_normalise_drops_bullets_and_trailing_punctuation_only():
    assert boilerplate.normalise("  • Share this: ") == "share this"
    assert boilerplate.normalise("## Related Articles") == "related articles"
    assert boilerplate.normalise("- Share   on  X »") == "share on x"
    assert boilerplate.normalise("-5°C Naypyitaw") == "-5°c naypyitaw"
    assert boilerplate.normalise("Editor’s Picks") == "editor's picks"


def test_extra_file_adds_certain_likely_and_keep_patterns(tmp_path):
    extra = tmp_path / "site.txt"
    extra.write_text(
        "# our site\n! Brought to you by Acme Daily\n? /acme daily (?:morning|evening) edition/\n= Menu\n",
        encoding="utf-8",
    )
    settings = Settings(boilerplate_files=(extra,))
    text = "Lavrov left.\n\nMenu\n\nBrought to you by Acme Daily\n\nAcme Daily Evening Edition\n\nHe flew on.\n"
    found = {dict(e.data)["line"]: e for e in findings(text, settings)}
    assert set(found) == {"Brought to you by Acme Daily", "Acme Daily Evening Edition"}
    assert found["Brought to you by Acme Daily"].fix is FixKind.SAFE
    assert found["Acme Daily Evening Edition"].fix is FixKind.SUGGESTED
    assert "site.txt:2" in found["Brought to you by Acme Daily"].message
    # Without the file the built-in "Menu" pattern applies again.
    assert "Menu" in {dict(e.data)["line"] for e in findings(text)}


def test_extra_file_is_reread_when_it_changes(tmp_path):
    extra = tmp_path / "site.txt"
    extra.write_text("! Acme footer one\n", encoding="utf-8")
    settings = Settings(boilerplate_files=(extra,))
    text = "Lavrov left.\n\nAcme footer two\n"
    assert findings(text, settings) == []
    extra.write_text("! Acme footer two\n", encoding="utf-8")
    st_ = extra.stat()
    os.utime(extra, ns=(st_.st_atime_ns, st_.st_mtime_ns + 10**9))
    assert len(findings(text, settings)) == 1


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("! fine\nshare this\n", 2, "expected '!'"),
        ("! fine\n\n? /unclosed (group/\n", 3, "bad regular expression"),
        ("* nope\n", 1, "expected '!'"),
        ("?\n", 1, "expected '!'"),
        ("! /(?P<name>x)/\n", 1, "named groups"),
        ("# site\n! /(?i)share/\n", 2, "inline flags"),
    ],
)
def test_malformed_extra_file_is_a_usage_error_naming_file_and_line(tmp_path, content, line, words):
    extra = tmp_path / "bad.txt"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        findings("Lavrov left.\n", Settings(boilerplate_files=(extra,)))
    message = str(err.value)
    assert f"bad.txt:{line}:" in message and words in message
    assert "\n" not in message


def test_missing_extra_file_is_a_usage_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(UsageError, match="nope.txt: boilerplate file not found"):
        findings("Lavrov left.\n", Settings(boilerplate_files=(missing,)))


def test_learned_pattern_lines_of_punctuation_are_ignored(tmp_path):
    extra = tmp_path / "learned.txt"
    extra.write_text("? * * *\n? Acme Daily tips\n", encoding="utf-8")
    text = "Lavrov left.\n\n* * *\n\nAcme Daily tips\n"
    found = findings(text, Settings(boilerplate_files=(extra,)))
    assert [dict(e.data)["line"] for e in found] == ["Acme Daily tips"]


# ------------------------------------------------------------------------ cli
def test_cli_fix_uses_a_site_pattern_file_from_the_config(tmp_path, capsys):
    from cleaner.cli import main

    (tmp_path / "site.txt").write_text("! Acme Courier: your town, your news\n", encoding="utf-8")
    (tmp_path / ".cleaner.toml").write_text('boilerplate-files = ["site.txt"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_bytes(b"Lavrov left.\r\n\r\nAcme Courier: your town, your news\r\n\r\nSource link\r\n")
    assert main(["fix", "--in-place", "--grammar", "none", "--select", "boilerplate", str(article)]) == 0
    assert article.read_bytes() == b"Lavrov left.\r\n"
    assert main(["check", "--grammar", "none", "--select", "boilerplate", str(article)]) == 0


def test_cli_malformed_site_pattern_file_exits_2_with_one_line(tmp_path, capsys):
    from cleaner.cli import main

    (tmp_path / "site.txt").write_text("! fine\nno marker here\n", encoding="utf-8")
    (tmp_path / ".cleaner.toml").write_text('boilerplate-files = ["site.txt"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Lavrov left.\n\nSource link\n", encoding="utf-8")
    assert main(["check", "--grammar", "none", "--select", "boilerplate", str(article)]) == 2
    err = capsys.readouterr().err.strip()
    assert "site.txt:2:" in err and len(err.splitlines()) == 1
    assert article.read_text(encoding="utf-8") == "Lavrov left.\n\nSource link\n"


# ------------------------------------------------------------------- markdown
def test_markdown_heading_furniture_goes_but_code_stays():
    text = "# Talks\n\nLavrov left.\n\n```\nShare this article\n```\n\n## Related Articles\n"
    out = fix_text(text, [RULE], Settings(), unsafe=False, path="a.md").text
    assert out == "# Talks\n\nLavrov left.\n\n```\nShare this article\n```\n"


# ------------------------------------------------------- gated pattern matching
def _short_lines() -> list[str]:
    """Every line of the samples (and of the seed, when present), whole and cut short."""
    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted((root / "samples").iterdir())]
    if SEED.is_file():
        texts.append(SEED.read_text(encoding="utf-8"))
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    return lines + [line[:40] for line in lines] + [
        "23°C Sunny", "© 2024 Some Site. All rights reserved.", "Advertisement", "1 comment",
        "Share this:", "Posted on 3 May 2024 by Staff", "12:30 pm", "Click here to subscribe",
    ]


def test_gates_never_change_which_pattern_decides_a_line():
    # Each line is matched only against the expressions that can match it
    # (rules/_regex_gate.py); with every expression tried, the answer must be
    # the same for every line, furniture or prose.
    gated = boilerplate.PatternSet(boilerplate._builtin())
    ungated = boilerplate.PatternSet(boilerplate._builtin())
    ungated._regex_for = lambda norm, marks: ungated._regex
    lines = [boilerplate.normalise(line) for line in _short_lines()]
    assert len(lines) > 300
    decided = 0
    for norm in lines:
        a, b = gated.match(norm), ungated.match(norm)
        assert a == b, norm
        decided += a is not None
    assert decided >= 20  # the comparison covered furniture, not only prose


def test_a_gate_is_any_for_an_expression_it_cannot_read():
    from cleaner.rules._regex_gate import Gate

    weird = Gate.of(r"(?(1)a|b)")  # a conditional: not analysed, so it admits every line
    assert weird.admits("z", "") and weird.admits("©", "©")


# Expressions built from the parts the gate analysis reads (and some it does
# not), with letters whose case folding is odd, for the property below.
_ATOMS = st.sampled_from(
    [
        "a", "b", "K", "k", "\u212a", "s", "\u017f", "i", "\u0130", "\u0131", "\u00df", "\u00e9", " ", "1",
        "\u00a9", "\u00b0", ":", "-", ".", r"\d", r"\w", r"\s", r"\W", r"\S", r"\D", "[ab]", "[^a]",
        "[a-z]", r"[^\W\d_]", "[\u00a9\u00b0]", r"\b", "^", "$", r"\Z",
    ]
)
_WRAPPERS = st.sampled_from(["(?=%s)", "(?!%s)", "(?<=a)%s", "(?>%s)", "(%s)", "(?-i:%s)", "(?a:%s)", "(?s:%s)"])
_EXPRESSIONS = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{2}", "{0,2}", "{1,3}?", "*+", "{0}"])).map(
            lambda t: f"(?:{t[0]}){t[1]}"
        ),
        st.tuples(_WRAPPERS, inner).map(lambda t: t[0] % t[1]),
    ),
    max_leaves=8,
)


# Every line of up to three of these characters, and some longer ones: the
# gates look at a line's first three characters.
_LINE_CHARS = "aAKk\u212as\u017fi\u0130\u0131\u00df\u00e9 \u20091\u00a9:-"
_LINES = [""] + [
    "".join(chars) for n in (1, 2, 3) for chars in itertools.product(_LINE_CHARS, repeat=n)
] + ["".join(random.Random(n).choices(_LINE_CHARS, k=4 + n % 3)) for n in range(3000)]


@hyp_settings(max_examples=150, deadline=None)
@given(_EXPRESSIONS)
def test_a_gate_admits_every_line_its_expression_matches(expression):
    from cleaner.rules._regex_gate import PREFIX, Gate

    compiled = re.compile(expression, re.I)
    gate = Gate.of(expression)
    for line in filter(compiled.fullmatch, _LINES):
        # The line's own characters stand for the rare marks it holds.
        assert gate.admits_first(line[:1]) and gate.admits(line[:PREFIX], line), (expression, line)


def test_case_folding_adds_no_rare_mark():
    # A line's rare marks are looked for in its text, before case folding.
    from cleaner.rules._regex_gate import _is_rare_mark

    for code in range(0x110000):
        ch = chr(code)
        folded = ch.casefold()
        if folded != ch:
            assert not any(_is_rare_mark(ord(c)) for c in folded if c != ch), hex(code)


_LIST_PARTS = ["share", "x", "us", "facebook", "twitter", "email", "tv", "home", "news", "world", "sport", "the", "a"]
_LIST_PARTS += ["|", "/", ",", "•", "\u2009", " ", " ", " ", "  "]


@hyp_settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LIST_PARTS), max_size=12).map("".join))
@example("/facebook twitter email")
@example("x| facebook email")
def test_the_list_heads_admit_every_line_the_heuristic_takes(norm):
    # _may_start_list() on a line's head gates _social_or_menu(): it may only
    # let too many lines through.
    try:
        reason = boilerplate._social_or_menu(norm)
    except IndexError:  # a line of exotic spaces alone: the gate must pass it on
        reason = "raises"
    if reason is not None:
        assert boilerplate._may_start_list(norm[: boilerplate.PREFIX]), norm


def test_match_all_agrees_with_match_line_by_line():
    patterns = boilerplate.PatternSet(boilerplate._builtin())
    norms = [boilerplate.normalise(line) for line in _short_lines()]
    norms = [norm for norm in norms if norm]
    heads = [norm[: boilerplate.PREFIX] for norm in norms]
    text = "\n".join(_short_lines())
    assert patterns.match_all(norms, heads, patterns.marks_in(text)) == [patterns.match(norm) for norm in norms]


def test_a_bullet_before_an_unusual_space_is_no_crash():
    # Once crashed: the line is left with white space only, and no first word to test.
    for text in ("•\u2009", "Intro.\n\n- \u2028\n\nEnd.", "Intro.\n\n*\u00a0\n\nEnd."):
        assert list(boilerplate.check(Document(text), Settings())) == []
