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

import markdown
from markdown import Markdown

from .cache import key_of
from .incremental import checks_inputs
from .workers import parallel_map

if TYPE_CHECKING:
    from .content import Entry
    from .site import Site


def markdown_options(settings: dict[str, Any]) -> dict[str, Any]:
    """Pelican's ``MARKDOWN`` setting as Python-Markdown's arguments.

    As in Pelican's own reader, every extension named in ``extension_configs``
    is also turned on (Python-Markdown would only configure it).
    """
    options = dict(settings.get("MARKDOWN") or {})
    configs = dict(options.get("extension_configs") or {})
    extensions = list(options.get("extensions") or [])
    extensions += [name for name in configs if name not in extensions]
    return {**options, "extensions": extensions, "extension_configs": configs}


class MarkdownRenderer:
    """One Markdown instance, reset between files (cheaper than one per file)."""

    def __init__(self, options: dict[str, Any]) -> None:
        """``options`` as :func:`markdown_options` gives them."""
        self._markdown = Markdown(**options)

    def convert(self, text: str) -> str:
        self._markdown.reset()
        return self._markdown.convert(text)


CACHE_NAMESPACE = "markdown"
FILTERED_NAMESPACE = "filtered-bodies"
# The renderer of this process: the build's own, or a worker's (see convert_bodies).
_process_renderer: MarkdownRenderer | None = None
_process_options: dict[str, Any] = {}


def _convert(text: str) -> str:
    global _process_renderer  # noqa: PLW0603 - one Markdown instance per process, kept between files
    if _process_renderer is None:
        _process_renderer = MarkdownRenderer(_process_options)
    return _process_renderer.convert(text)


def _use_options(options: dict[str, Any]) -> None:
    global _process_renderer, _process_options
    if options != _process_options:
        _process_options, _process_renderer = options, None


def convert_bodies(site: Site) -> None:
    """Convert every body of the content once, side by side on every core.

    Called once the content is loaded, before the source checks and the pages
    ask for bodies; entries converted already are left alone.
    """
    converted: dict[str, str] = site.once("converted bodies", dict)
    options = markdown_options(site.settings)
    keys: dict[str, str] = {}
    for entry in site.index.entries:
        if entry.type.has_body and entry.source not in converted:
            keys[entry.source] = key_of(repr(options), markdown.__version__, entry.front.body)
            cached = site.cache.get(CACHE_NAMESPACE, keys[entry.source])
            if isinstance(cached, str):
                converted[entry.source] = cached
    pending = [entry for entry in site.index.entries if entry.source in keys and entry.source not in converted]
    _use_options(options)
    for entry, html in zip(pending, parallel_map(_convert, [entry.front.body for entry in pending]), strict=True):
        converted[entry.source] = html
        site.cache.put(CACHE_NAMESPACE, keys[entry.source], html)


def body_html(entry: Entry, site: Site) -> str:
    """The entry's Markdown body as HTML, before the filters; converted once per build."""
    converted: dict[str, str] = site.once("converted bodies", dict)
    if entry.source not in converted:
        _use_options(markdown_options(site.settings))
        converted[entry.source] = _convert(entry.front.body)
    return converted[entry.source]


def render_body(entry: Entry, site: Site) -> str:
    """The body as pages show it: converted once, then every plugin's ``HTML_FILTERS``, once.

    The result is kept in the build cache under the body's HTML, the file's
    name, the code, the settings and ``CACHE_INPUTS`` (filters read the
    published images' sizes, for example).
    """
    filtered: dict[str, str] = site.once("filtered bodies", dict)
    if entry.source not in filtered:
        html = body_html(entry, site)
        key = key_of(checks_inputs(site), entry.source, html)
        cached = site.cache.get(FILTERED_NAMESPACE, key)
        if not isinstance(cached, str):
            cached = html
            for html_filter in site.hooks("HTML_FILTERS"):
                cached = html_filter(cached, entry, site)
            site.cache.put(FILTERED_NAMESPACE, key, cached)
        filtered[entry.source] = cached
    return filtered[entry.source]


def body_entries(site: Site) -> Iterator[tuple[Entry, str]]:
    """Every entry that has a Markdown body, as HTML before the filters.

    For source checks that look at what a writer wrote (raw HTML, images),
    drafts included; the Markdown settings are the build's.
    """
    for entry in site.index.entries:
        if entry.type.has_body and entry.front.body.strip():
            yield entry, body_html(entry, site)
