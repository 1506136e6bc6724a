"""Checks of one content file at a time: side by side on every core, and not again for a file that did not change.

A plugin's ``ENTRY_CHECKS`` are functions ``(entry, site) ->
Iterable[Problem]`` that look at one content file only (its fields, its
body, its HTML from :func:`relais.rendering.body_html`), drafts included.
They run in worker processes, one per core, and their problems are kept in
the build cache under a key made of the file's bytes, the code, the
settings and every plugin's ``CACHE_INPUTS``: a file that did not change is
not checked again, and its problems (warnings too) are shown as before.

A check that needs other files (two files with the same name, an author
that must exist) is not an entry check: it stays a ``SOURCE_CHECK`` or a
content type's check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from . import language_guess, markdown_checks
from .cache import key_of
from .incremental import checks_inputs
from .problems import Problem
from .workers import remembered_map

if TYPE_CHECKING:
    from .content import Entry
    from .site import Site

NAMESPACE = "entry-checks"
_site: Site | None = None  # the site forked workers check, set just before they start


def entry_problems(site: Site) -> list[Problem]:
    """Every entry check's problems, for every content file."""
    global _site  # noqa: PLW0603 - what forked workers read, set before they start
    inputs = checks_inputs(site)
    entries = site.index.entries
    keys = [key_of(inputs, entry.source, entry.front.digest) if entry.front.digest else "" for entry in entries]
    _site = site
    try:
        found = remembered_map(site.cache, NAMESPACE, _check_entry, [entry.source for entry in entries], keys)
    finally:
        _site = None
    return [problem for problems in found for problem in problems]


def _check_entry(source: str) -> list[Problem]:
    assert _site is not None
    entry = _site.index.by_source[source]
    return [problem for check in checks(_site) for problem in check(entry, _site)]


def checks(site: Site) -> list[Callable[[Entry, Site], Iterable[Problem]]]:
    """Relais' own checks of one file, then the plugins'."""
    return [*language_guess.CHECKS, *markdown_checks.CHECKS, *site.hooks("ENTRY_CHECKS")]
