"""The grammar pass: Harper (embedded) or LanguageTool, as reviewable edits.

See :mod:`cleaner.grammar.run` for the pass itself and
:mod:`cleaner.grammar.names` for how correct names are kept out of it.
"""

from cleaner.grammar.base import Finding, GrammarError, Paragraph
from cleaner.grammar.run import GrammarResult, grammar_edits, grammar_wanted, run_grammar

__all__ = ["Finding", "GrammarError", "GrammarResult", "Paragraph", "grammar_edits", "grammar_wanted", "run_grammar"]
