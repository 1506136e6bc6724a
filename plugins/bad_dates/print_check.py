"""A printed edition fits on one or two pages: it is posted on a wall, in a washroom, at a partner's desk."""

from __future__ import annotations

import fnmatch
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from languages.urls import base_patterns

from relais.i18n import _
from relais.problems import Problem, Severity
from relais.url_words import localised

if TYPE_CHECKING:
    from relais.built import BuiltFile
    from relais.site import Site

MOST_PAGES = 2


def _pdf_patterns(site: Site) -> tuple[str, ...]:
    """Where each language writes its printed editions, in its own words (/fr/mauvais-clients/…)."""
    pattern = base_patterns(site.settings).get("BAD_DATES_PDF_SAVE_AS", "")
    if not pattern:
        return ()
    return tuple(
        localised(site.settings, pattern, lang).replace("{slug}", "*").replace("{paper}", "*").replace("{lang}", "*")
        for lang in site.config.LANGUAGES
    )


def printed_edition_length(site: Site, built_file: BuiltFile) -> Iterator[Problem]:
    """The ``OUTPUT_CHECKS`` hook: a warning for a printed edition of more than two pages."""
    if built_file.kind != "pdf":
        return
    patterns = site.once("bad-dates pdf patterns", lambda: _pdf_patterns(site))
    if not any(fnmatch.fnmatchcase(built_file.relative, pattern) for pattern in patterns):
        return
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(built_file.data)).pages)
    if pages > MOST_PAGES:
        yield Problem(
            built_file.shown_as,
            0,
            "",
            _("this printed edition takes {pages} pages; it should fit on {most}, to be posted up").format(
                pages=pages, most=MOST_PAGES
            ),
            _("shorten the longest accounts, or move some reports to next month's edition"),
            Severity.WARNING,
        )
