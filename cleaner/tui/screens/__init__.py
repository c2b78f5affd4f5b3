"""Modal screens of the review UI: help, quit confirmation, text prompts."""

from cleaner.tui.screens.modals import ConfirmQuit, HelpScreen, TextPrompt

__all__ = ["ConfirmQuit", "HelpScreen", "TextPrompt"]
