"""Snippets as plain data, for ``publish.py snippets``.

:func:`snippets` is the plugin's ``SNIPPETS`` hook: the command line prints
what it returns, without building the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from relais.site import Site

from .collect import offered


@dataclass(frozen=True)
class Snippet:
    slug: str
    lang: str
    format: str  # bbcode, markdown, text or short
    file_name: str  # SLUG.LANG.bbcode.txt…
    headline: str
    text: str


def snippets(site: Site) -> list[Snippet]:
    """Every format of every announcement on offer, newest first."""
    return [
        Snippet(
            announcement.slug,
            announcement.lang,
            format_name,
            announcement.file_name(format_name),
            announcement.headline,
            text,
        )
        for announcement in offered(site, site.settings)
        for format_name, text in announcement.snippets.items()
    ]
