"""Widgets of the review UI. They display what the session says and post
messages up; none of them changes a decision itself."""

from cleaner.tui.widgets.diff_view import DiffView
from cleaner.tui.widgets.document_view import DocumentView
from cleaner.tui.widgets.edit_list import EditList
from cleaner.tui.widgets.panels import EditDetail, StatusLine

__all__ = ["DiffView", "DocumentView", "EditDetail", "EditList", "StatusLine"]
