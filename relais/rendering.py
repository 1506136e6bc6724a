"""Markdown bodies to HTML, the same way for every content type, once per build.

Posts and pages go through Pelican's reader, other types (services, events,
guides…) through :class:`EntryGenerator`; both call :func:`render_body`, so
a plugin's ``HTML_FILTERS`` (such as the sanitiser) apply to all of them.
A filter is a function ``(html, entry, site) -> html``.

Each body is converted once per build: :func:`body_html` keeps the result
on the site, and the source checks (:func:`body_entries`) and the pages use
that same HTML.
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
        # As Pelican reads MARKDOWN: each extension configured is also enabled.
        extensions = list(markdown_settings.get("extensions", []))
        extensions += [name for name in markdown_settings.get("extension_configs", {}) if name not in extensions]
        self._markdown = Markdown(**{**markdown_settings, "extensions": extensions})

    def convert(self, text: str) -> str:
        self._markdown.reset()
        return self._markdown.convert(text)


def _renderer(site: Site) -> MarkdownRenderer:
    return site.once("markdown renderer", lambda: MarkdownRenderer(site.settings["MARKDOWN"]))


def body_html(entry: Entry, site: Site) -> str:
    """The entry's Markdown body as HTML, before the filters; converted once per build."""
    converted: dict[str, str] = site.once("converted bodies", dict)
    if entry.source not in converted:
        converted[entry.source] = _renderer(site).convert(entry.front.body)
    return converted[entry.source]


def render_body(entry: Entry, site: Site) -> str:
    """The body as pages show it: converted once, then every plugin's ``HTML_FILTERS``, once."""
    filtered: dict[str, str] = site.once("filtered bodies", dict)
    if entry.source not in filtered:
        html = body_html(entry, site)
        for html_filter in site.hooks("HTML_FILTERS"):
            html = html_filter(html, entry, site)
        filtered[entry.source] = html
    return filtered[entry.source]


def body_entries(site: Site) -> Iterator[tuple[Entry, str]]:
    """Every entry that has a Markdown body, as HTML before the filters.

    For source checks that look at what a writer wrote (raw HTML, images),
    drafts included; the Markdown settings are the build's.
    """
    for entry in site.index.entries:
        if entry.type.has_body and entry.front.body.strip():
            yield entry, body_html(entry, site)
