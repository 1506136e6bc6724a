"""Markdown bodies to HTML, the same way for every content type, once per build.

Posts and pages go through Pelican's reader, other types (services, events,
guides…) through :class:`EntryGenerator`; both call :func:`render_body`, so
a plugin's ``HTML_FILTERS`` (such as the sanitiser) apply to all of them.
A filter is a function ``(html, entry, site) -> html``.

Each body is converted once per build: :func:`body_html` keeps the result
on the site, and the source checks (:func:`body_entries`) and the pages use
that same HTML.

A body that Python-Markdown cannot convert quickly (a long run of unclosed
brackets is quadratic; lists nested hundreds deep exhaust the stack) becomes
a problem naming the file, after at most ``MAX_CONVERT_SECONDS``, and an
empty body.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from markdown import Markdown

from .limits import Limits, TimeLimitReached, markup_depth, processor_time_limit
from .problems import Problem

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
        converted[entry.source] = _convert_or_report(entry, site)
    return converted[entry.source]


def _convert_or_report(entry: Entry, site: Site) -> str:
    """The body's HTML; or, when it cannot be converted within the limits, a problem and an empty body."""
    try:
        return convert_within_limits(_renderer(site), entry.front.body, site.config)
    except ConversionError as err:
        site.computed.pop("markdown renderer", None)  # maybe interrupted half-way: start the next file afresh
        problem = Problem(entry.shown_as, entry.front.body_line, "text", err.what, err.fix)
        site.report(problem.as_warning() if entry.is_draft else problem)
        return ""


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
