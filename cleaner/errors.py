"""Errors that end a run with exit code 2 and a one-line message."""


class CleanerError(Exception):
    """Anything the user must fix before `cleaner` can run: exit code 2."""


class UsageError(CleanerError):
    """A bad option, rule id or configuration value."""


class InputError(CleanerError):
    """A file that cannot be read as text: missing, a directory, binary, undecodable."""
