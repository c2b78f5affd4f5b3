"""The artifact rules, one module each. ``ALL_RULES`` is explicit and
alphabetical by module name; tests fail if a module is missing from it."""

from cleaner.rules import boilerplate
from cleaner.rules import broken_capitals
from cleaner.rules import duplicate_fragment
from cleaner.rules import duplicate_paragraph
from cleaner.rules import duplicate_sentence
from cleaner.rules import duplicate_word
from cleaner.rules import entity_variant
from cleaner.rules import glued_word
from cleaner.rules import html_entities
from cleaner.rules import html_tags
from cleaner.rules import invisible_characters
from cleaner.rules import latin_ligatures
from cleaner.rules import missing_space_after_punctuation
from cleaner.rules import mixed_quotes
from cleaner.rules import mojibake
from cleaner.rules import non_breaking_space
from cleaner.rules import rare_phrase
from cleaner.rules import repeated_spaces
from cleaner.rules import replacement_character
from cleaner.rules import space_before_punctuation
from cleaner.rules import spintax
from cleaner.rules import stranded_punctuation
from cleaner.rules import tortured_phrase
from cleaner.rules import unbalanced_brackets
from cleaner.rules import unbalanced_quotes

ALL_RULES = [
    boilerplate,
    broken_capitals,
    duplicate_fragment,
    duplicate_paragraph,
    duplicate_sentence,
    duplicate_word,
    entity_variant,
    glued_word,
    html_entities,
    html_tags,
    invisible_characters,
    latin_ligatures,
    missing_space_after_punctuation,
    mixed_quotes,
    mojibake,
    non_breaking_space,
    rare_phrase,
    repeated_spaces,
    replacement_character,
    space_before_punctuation,
    spintax,
    stranded_punctuation,
    tortured_phrase,
    unbalanced_brackets,
    unbalanced_quotes,
]
