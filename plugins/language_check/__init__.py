"""Respectful language: point out stigmatising words in every content file, in French and English.

The words, what to say instead and why are data, in ``terms.yml``.  See
README.md, "Respectful language".
"""

from __future__ import annotations

from .check import language_in_entry, language_in_settings, text_findings

ENTRY_CHECKS = (language_in_entry,)
SOURCE_CHECKS = (language_in_settings,)

__all__ = ["ENTRY_CHECKS", "SOURCE_CHECKS", "register", "text_findings"]


def register() -> None:
    """Nothing to connect: the check runs with ``publish.py check`` and before every build."""
