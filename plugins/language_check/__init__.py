"""Respectful language: point out stigmatising words in every content file, in French and English.

The words, what to say instead and why are data, in ``terms.yml``.  See
README.md, "Respectful language".
"""

from __future__ import annotations

from .check import check_language, text_findings

SOURCE_CHECKS = (check_language,)

__all__ = ["SOURCE_CHECKS", "register", "text_findings"]


def register() -> None:
    """Nothing to connect: the check runs with ``publish.py check`` and before every build."""
