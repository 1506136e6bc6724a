"""Sanitise the raw HTML writers put in Markdown, and say what was removed.

``HTML_FILTERS`` cleans every rendered body with nh3 (see :mod:`.policy`);
``SOURCE_CHECKS`` reports each removal as a warning naming file and line
(:mod:`.report` finds what nh3 removes, :mod:`.lines` where it was written),
so ``publish.py check`` shows the writer what readers will not see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from relais.content import Entry
from relais.problems import Problem, Severity
from relais.rendering import body_entries

from .lines import lines_of
from .policy import sanitise
from .report import removals


def sanitise_body(html: str, entry: Entry, site: Any) -> str:
    return sanitise(html)


def removed_html(site: Any) -> Iterator[Problem]:
    for entry, html in body_entries(site):
        found = removals(html)
        if not found:
            continue
        lines = lines_of(entry.front.body, entry.front.body_line, [removal.locator for removal in found])
        for removal, line in zip(found, lines, strict=True):
            yield Problem(entry.shown_as, line, "HTML", removal.what, removal.fix, Severity.WARNING)


HTML_FILTERS = (sanitise_body,)
SOURCE_CHECKS = (removed_html,)


def register() -> None:
    """Nothing to connect: the filter and the check are read from this module."""
