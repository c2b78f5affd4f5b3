"""One test walks the registry: every rule's own examples, metadata and docs."""

from __future__ import annotations

import pkgutil

import pytest

import cleaner.rules
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.pipeline import fix_text, run_rules
from cleaner.registry import all_rules
from cleaner.rule import FixAvailability

RULES = all_rules()
SETTINGS = Settings()

FAIL_CASES = [pytest.param(r, i, o, id=f"{r.name}-fail{n}") for r in RULES for n, (i, o) in enumerate(r.fails)]
PASS_CASES = [pytest.param(r, t, id=f"{r.name}-pass{n}") for r in RULES for n, t in enumerate(r.passes)]


@pytest.mark.parametrize(("rule", "text", "expected"), FAIL_CASES)
def test_failing_example_is_found_and_fixed(rule, text, expected):
    findings = run_rules(Document(text), [rule], SETTINGS)
    assert findings, f"{rule.name} found nothing in {text!r}"
    result = fix_text(text, [rule], SETTINGS, unsafe=True)
    assert result.text == expected
    assert result.replay() == result.text
    # Once its fixes are applied, the rule has nothing more to apply.
    again = fix_text(result.text, [rule], SETTINGS, unsafe=True)
    assert again.text == result.text
    if expected != text:
        assert not [e for e in again.remaining if e.applicable]


@pytest.mark.parametrize(("rule", "text"), PASS_CASES)
def test_passing_example_is_left_alone(rule, text):
    assert run_rules(Document(text), [rule], SETTINGS) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented_and_has_examples(rule):
    assert rule.fails and rule.passes, "every rule needs failing and passing examples"
    for heading in ("What it does:", "Why it's a problem:", "Example:"):
        assert heading in rule.doc, f"{rule.name} docstring lacks {heading!r}"
    if rule.meta.fix is not FixAvailability.ALWAYS and rule.meta.fix is not FixAvailability.NEVER:
        assert "Fix safety:" in rule.doc
    assert rule.name == rule.name.lower() and " " not in rule.name and "_" not in rule.name


def test_rule_ids_and_codes_are_unique():
    names = [r.name for r in RULES]
    codes = [r.code for r in RULES]
    assert len(set(names)) == len(names)
    assert len(set(codes)) == len(codes)


def test_every_rule_module_is_registered_in_order():
    modules = sorted(
        m.name for m in pkgutil.iter_modules(cleaner.rules.__path__) if not m.name.startswith("_")
    )
    registered = [m.__name__.rsplit(".", 1)[1] for m in cleaner.rules.ALL_RULES]
    assert registered == modules
