"""The review UI: `cleaner review PATH`.

``session`` is the data model (plain Python); ``app``, ``screens`` and
``widgets`` are the Textual side. Nothing here is imported by the rest of
`cleaner` except through the ``review`` command, so `check` and `fix` never
pay for loading Textual.
"""
