"""cleaner: find and repair the artifacts that scrapers, spinners and machine
translation leave in news text.

The data model sits at the centre: :class:`~cleaner.document.Document` and
:class:`~cleaner.edits.Edit`. Rules (``cleaner.rules``, from the repository's
``rules/`` folder), grammar backends, the CLI, the review UI and the report
formats are built around it.
"""

from cleaner.document import Document
from cleaner.edits import Edit, FixKind, Severity

__all__ = ["Document", "Edit", "FixKind", "Severity"]
__version__ = "0.1.0"
