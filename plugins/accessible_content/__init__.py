"""Help writers keep their posts accessible: headings in order.

The page's title is its only main heading (h1); a body's sections start at
``##`` and go one level down at a time, so screen-reader users can jump
through them and understand how they nest.  Problems are warnings naming
the Markdown line.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from relais.i18n import _
from relais.problems import Problem, Severity
from relais.rendering import body_html


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._level = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._level = int(tag[1])
            self.found.append((self._level, ""))

    def handle_endtag(self, tag: str) -> None:
        if self._level and tag == f"h{self._level}":
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level:
            level, text = self.found[-1]
            self.found[-1] = (level, text + data)


def headings_of(html: str) -> list[tuple[int, str]]:
    parser = _Headings()
    parser.feed(html)
    parser.close()
    return [(level, " ".join(text.split())) for level, text in parser.found]


def heading_problems(headings: list[tuple[int, str]]) -> Iterator[tuple[int, str, str]]:
    """(index of the heading, what, fix) for each heading out of order."""
    previous = 1  # the page title
    for position, (level, text) in enumerate(headings):
        if level == 1:
            yield (
                position,
                _(
                    "the heading '{text}' is a main heading (#), but the title already is the page's main heading"
                ).format(text=text),
                _("start sections with ## (and sub-sections with ###)"),
            )
        elif level > previous + 1:
            yield (
                position,
                _("the heading '{text}' jumps from level {previous} to level {level}").format(
                    text=text, previous=previous, level=level
                ),
                _("use {marks} here, so screen-reader users can follow how sections nest").format(
                    marks="#" * (previous + 1)
                ),
            )
        previous = level


def headings_in_order(entry: Any, site: Any) -> Iterator[Problem]:
    if not (entry.type.has_body and entry.front.body.strip()):
        return
    headings = headings_of(body_html(entry, site))
    wrong = list(heading_problems(headings))
    if not wrong:
        return
    lines = entry.front.lines_in_body([headings[position][1][:30] or "#" for position, _what, _fix in wrong])
    for (_position, what, fix), line in zip(wrong, lines, strict=True):
        yield Problem(entry.shown_as, line, _("heading"), what, fix, Severity.WARNING)


ENTRY_CHECKS = (headings_in_order,)


def register() -> None:
    """Nothing to connect: the check is read from this module."""
