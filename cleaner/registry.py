"""Rule lookup: the default set, selection by id, code or prefix, and `explain`."""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from typing import Iterable

from cleaner.errors import UsageError
from cleaner.rule import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule in ``cleaner.rules.ALL_RULES``, in that (alphabetical) order."""
    from cleaner import rules  # the rules/ folder, installed as cleaner.rules

    return tuple(Rule.from_module(m) for m in rules.ALL_RULES)


def matches(rule_id: str, pattern: str, code: str | None = None) -> bool:
    """True when ``pattern`` names ``rule_id``.

    A pattern is an exact id (``glued-word``, ``lt:MORFOLOGIK_RULE_EN_US``), a
    code (``CL101``), a glob (``lt:*``, ``harper:*``), or a code prefix (``CL1``)
    as in ruff.
    """
    if pattern in (rule_id, code):
        return True
    if any(ch in pattern for ch in "*?["):
        return fnmatch.fnmatchcase(rule_id, pattern) or bool(code and fnmatch.fnmatchcase(code, pattern))
    return bool(code and pattern.isalnum() and pattern.upper() == pattern and code.startswith(pattern))


def is_selected(rule_id: str, select: Iterable[str], ignore: Iterable[str], code: str | None = None,
                default: bool = True) -> bool:
    """Apply ``select`` then ``ignore`` to one rule id."""
    select, ignore = tuple(select), tuple(ignore)
    chosen = any(matches(rule_id, p, code) for p in select) if select else default
    return chosen and not any(matches(rule_id, p, code) for p in ignore)


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules to run. Artifact-rule patterns that name nothing are a usage error.

    Patterns with a ``backend:`` prefix are for the grammar pass and are not
    checked here.
    """
    select, ignore = tuple(select), tuple(ignore)
    rules = all_rules()
    for pattern in select + ignore:
        if ":" in pattern:
            continue
        if not any(matches(r.name, pattern, r.code) for r in rules):
            raise UsageError(f"unknown rule {pattern!r} (see `cleaner rules`)")
    artifact_select = tuple(p for p in select if ":" not in p)
    if select and not artifact_select:
        # Only grammar ids were selected: run no artifact rules.
        return []
    return [r for r in rules if is_selected(r.name, artifact_select, ignore, r.code, r.meta.default)]


def get_rule(key: str) -> Rule:
    """A rule by name or code."""
    for r in all_rules():
        if key in (r.name, r.code) or key.upper() == r.code:
            return r
    raise UsageError(f"unknown rule {key!r} (see `cleaner rules`)")
