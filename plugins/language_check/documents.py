"""What to check in a content file: every text value of its front matter, and its body.

Front matter values are found in the YAML node tree, so that keys, comments
and YAML's own quotes are not read as text and every finding has its exact
line and column.  This works for any content type, including those added
later, without knowing their fields.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from relais.sources import ScalarSpan

from .scanner import Document, Marker, Region, Span, line_and_column

# Silences the word right after it; invisible to readers (an HTML comment,
# which the Markdown renderer passes on and sanitisers drop).
BODY_MARKER = re.compile(r"<!--\s*relais:\s*allow\s*-->", re.IGNORECASE)
# In the front matter: a YAML comment at the end of the line.
FRONT_MARKER = re.compile(r"(?<!\S)#\s*relais:\s*allow\b", re.IGNORECASE)

# Not prose: web addresses, link targets, HTML tags and comments.
_NOT_PROSE = re.compile(
    r"<!--.*?-->"  # comments (the body marker among them)
    r"|</?[A-Za-z][^<>]*>"  # HTML tags and <https://…> autolinks
    r"|\]\([^()\s]*(?:\s+\"[^\"]*\")?\)"  # [text](target "title")
    r"|^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+"  # [label]: target
    r"|\b(?:https?://|www\.)\S+"  # bare addresses
    r"|\{(?:filename|static|attach)\}\S+",  # Pelican's internal links
    re.DOTALL | re.MULTILINE,
)
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
# A block quote line, also inside list items: "> …", "- > …", "1. > …".
_QUOTE_LINE = re.compile(r"^ {0,3}(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*>", re.MULTILINE)


@dataclass(frozen=True)
class Located:
    """A document and where its text starts in the file."""

    document: Document
    first_line: int

    def position(self, offset: int) -> tuple[int, int]:
        return line_and_column(self.document.text, offset, self.first_line)


def body_document(body: str, first_line: int, lang: str) -> Located:
    """Each paragraph is a region; block quotes and non-prose are skipped."""
    document = Document(body)
    document.skipped = [match.span() for match in _NOT_PROSE.finditer(body)]
    for start, end in _paragraphs(body):
        document.regions.append(Region(start, end, lang))
        quote = _QUOTE_LINE.search(body, start, end)
        if quote:
            # A block quote runs to the end of its paragraph (lazy continuation lines).
            document.skipped.append((quote.start(), end))
    located = Located(document, first_line)
    for match in BODY_MARKER.finditer(body):
        region = next(i for i, r in enumerate(document.regions) if r.start <= match.start() < r.end)
        line, column = located.position(match.start())
        document.markers.append(Marker(match.end(), (region,), line, column, adjacent=True))
    return located


def _paragraphs(text: str) -> Iterator[Span]:
    start = 0
    for gap in _BLANK_LINES.finditer(text):
        if gap.start() > start:
            yield (start, gap.start())
        start = gap.end()
    if start < len(text):
        yield (start, len(text))


def yaml_document(
    yaml_text: str, first_line: int, lang: str, languages: Collection[str], scalars: Iterable[ScalarSpan]
) -> Located:
    """Each text value is a region, in the language its path names (``bio: {fr: …}``) or the file's.

    ``scalars`` say where each value is written (the build's one reading of the YAML).
    """
    document = Document(yaml_text)
    located = Located(document, first_line)
    lines: list[tuple[int, int]] = []  # first and last line of each region's node
    for scalar in scalars:
        start, end = _content_span(yaml_text, scalar)
        hint = next((str(part) for part in scalar.location if str(part) in languages), lang)
        document.regions.append(Region(start, end, hint))
        lines.append((scalar.first_row, scalar.last_row))
    document.skipped = [match.span() for match in _NOT_PROSE.finditer(yaml_text)]
    for match in FRONT_MARKER.finditer(yaml_text):
        if any(region.start <= match.start() < region.end for region in document.regions):
            continue  # a '#' inside a text value is text
        line_index = yaml_text.count("\n", 0, match.start())
        regions = tuple(i for i, (first, last) in enumerate(lines) if line_index in (first, last))
        line, column = located.position(match.start())
        document.markers.append(Marker(0, regions, line, column))
    return located


def _content_span(text: str, scalar: ScalarSpan) -> Span:
    """The characters of a value in the source, without YAML's quotes or block header."""
    start, end = scalar.start, scalar.end
    if scalar.style in ('"', "'"):
        return start + 1, end - 1
    if scalar.style in ("|", ">"):
        header_end = text.find("\n", start)
        return (header_end + 1 if header_end != -1 else end), end
    return start, end
