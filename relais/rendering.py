"""Markdown bodies to HTML, the same way for every content type.

Posts and pages go through Pelican's reader, other types (services, events,
guides…) through :class:`EntryGenerator`; both call :func:`render_body`, so
a plugin's ``HTML_FILTERS`` (such as the sanitiser) apply to all of them.
A filter is a function ``(html, entry, site) -> html``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from markdown import Markdown

if TYPE_CHECKING:
    from .content import Entry
    from .site import Site


class MarkdownRenderer:
    """One Markdown instance, reset between files (cheaper than one per file)."""

    def __init__(self, markdown_settings: dict[str, Any]) -> None:
        self._markdown = Markdown(**markdown_settings)

    def convert(self, text: str) -> str:
        self._markdown.reset()
        return self._markdown.convert(text)


def render_body(renderer: MarkdownRenderer, entry: Entry, site: Site) -> str:
    html = renderer.convert(entry.front.body)
    for html_filter in site.hooks("HTML_FILTERS"):
        html = html_filter(html, entry, site)
    return html


def body_entries(site: Site) -> Iterator[tuple[Entry, str]]:
    """Every entry that has a Markdown body, rendered without the filters.

    For source checks that look at what a writer wrote (raw HTML, images),
    drafts included; the Markdown settings are the build's.
    """
    renderer = MarkdownRenderer(site.settings["MARKDOWN"])
    for entry in site.index.entries:
        if entry.type.has_body and entry.front.body.strip():
            yield entry, renderer.convert(entry.front.body)
