"""The artifact rules, one module each. ``ALL_RULES`` is explicit and
alphabetical by module name; tests fail if a module is missing from it."""

from cleaner.rules import invisible_characters

ALL_RULES = [
    invisible_characters,
]
