"""Markdown bodies to HTML, the same way for every content type, once per build.

Posts and pages go through Pelican's reader, other types (services, events,
guides…) through :class:`EntryGenerator`; both call :func:`render_body`, so
a plugin's ``HTML_FILTERS`` (such as the sanitiser) apply to all of them.
A filter is a function ``(html, entry, site) -> html``.

Each body is converted once per build, side by side on every core
(:func:`convert_bodies`), and the result kept on the site: the source checks
(:func:`body_entries`, :func:`body_html`) and the pages use that same HTML.
Conversions and filtered bodies are also kept in the build cache, so a body
that did not change is not converted again by the next build.

A body that Python-Markdown cannot convert quickly (a long run of unclosed
brackets is quadratic; lists nested hundreds deep exhaust the stack) becomes
a problem naming the file, after at most ``MAX_CONVERT_SECONDS``, and an
empty body.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import markdown
from markdown import Markdown

from .cache import key_of
from .incremental import checks_inputs
from .limits import Limits, TimeLimitReached, markup_depth, processor_time_limit
from .problems import Problem
from .workers import parallel_map

if TYPE_CHECKING:
    from .content import Entry
    from .site import Site

CACHE_NAMESPACE = "markdown"
FILTERED_NAMESPACE = "filtered-bodies"


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


class ConversionError(Exception):
    """Text that cannot be turned into HTML within the limits: what is wrong, and how to fix it."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix


def convert_within_limits(renderer: MarkdownRenderer, text: str, limits: Limits) -> str:
    """Markdown to HTML in at most ``MAX_CONVERT_SECONDS``, nesting at most ``MAX_TEXT_DEPTH``; else ConversionError.

    For every conversion of a writer's text, so that none can hang or crash a build.
    """
    try:
        with processor_time_limit(limits.MAX_CONVERT_SECONDS):
            html = renderer.convert(text)
    except TimeLimitReached:
        raise ConversionError(
            f"this text takes too long to turn into a web page; {limits.most('MAX_CONVERT_SECONDS', ' seconds')}",
            "look for a long run of '[' or '(' that are never closed, or for lists or quotes nested very deeply",
        ) from None
    except RecursionError:
        raise ConversionError(
            "this text is nested too deeply to turn into a web page (lists inside lists, or quotes inside quotes)",
            "use a few levels at most",
        ) from None
    except Exception as err:  # noqa: BLE001 - a writer's text must never stop the build with a traceback
        raise ConversionError(
            f"this text could not be turned into a web page ({type(err).__name__}: {err})",
            "look for unusual characters or markup near where you last changed it",
        ) from None
    if markup_depth(html) > limits.MAX_TEXT_DEPTH:
        raise ConversionError(
            f"lists, quotes or HTML elements nest too deeply here; {limits.most('MAX_TEXT_DEPTH', ' levels')}",
            "use a few levels at most, and close every HTML element you open",
        )
    return html


# This process's renderer and limits: the build's own, or a forked worker's (see convert_bodies).
_process_renderer: MarkdownRenderer | None = None
_process_options: dict[str, Any] = {}
_process_limits: Limits | None = None


def _use(options: dict[str, Any], limits: Limits) -> None:
    global _process_renderer, _process_options, _process_limits  # noqa: PLW0603 - one renderer per process
    if options != _process_options:
        _process_options, _process_renderer = options, None
    _process_limits = limits


def _convert(text: str) -> tuple[str, str]:
    """``(html, "")``, or ``("", what\\0fix)`` for a text that cannot be converted within the limits."""
    global _process_renderer  # noqa: PLW0603 - kept between files, dropped after an interrupted conversion
    if _process_renderer is None:
        _process_renderer = MarkdownRenderer(_process_options)
    assert _process_limits is not None
    try:
        return convert_within_limits(_process_renderer, text, _process_limits), ""
    except ConversionError as err:
        _process_renderer = None  # maybe interrupted half-way: start the next file afresh
        return "", f"{err.what}\0{err.fix}"


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
    _use(options, site.config)
    for entry, (html, error) in zip(pending, parallel_map(_convert, [e.front.body for e in pending]), strict=True):
        converted[entry.source] = html if not error else _report(entry, site, error)
        if not error:
            site.cache.put(CACHE_NAMESPACE, keys[entry.source], html)


def body_html(entry: Entry, site: Site) -> str:
    """The entry's Markdown body as HTML, before the filters; converted once per build."""
    converted: dict[str, str] = site.once("converted bodies", dict)
    if entry.source not in converted:
        _use(markdown_options(site.settings), site.config)
        html, error = _convert(entry.front.body)
        converted[entry.source] = html if not error else _report(entry, site, error)
    return converted[entry.source]


def _report(entry: Entry, site: Site, error: str) -> str:
    """A body that could not be converted: a problem naming the file, and an empty body."""
    what, _, fix = error.partition("\0")
    problem = Problem(entry.shown_as, entry.front.body_line, "text", what, fix)
    site.report(problem.as_held(entry.unpublished_note) if entry.is_unpublished else problem)
    return ""


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
