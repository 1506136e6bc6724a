"""What to check in a content file: every text value of its front matter, and its body.

Front matter values are found in the YAML node tree, so that keys, comments
and YAML's own quotes are not read as text and every finding has its exact
line and column.  This works for any content type, including those added
later, without knowing their fields.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

import yaml

from relais.sources import Location

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


def yaml_document(yaml_text: str, first_line: int, lang: str, languages: Collection[str]) -> Located:
    """Each text value is a region, in the language its path names (``bio: {fr: …}``) or the file's."""
    document = Document(yaml_text)
    located = Located(document, first_line)
    node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    lines: list[tuple[int, int]] = []  # first and last line of each region's node
    for scalar, path in _value_scalars(node, ()):
        start, end = _content_span(yaml_text, scalar)
        hint = next((str(part) for part in path if str(part) in languages), lang)
        document.regions.append(Region(start, end, hint))
        lines.append((scalar.start_mark.line, scalar.end_mark.line))
    document.skipped = [match.span() for match in _NOT_PROSE.finditer(yaml_text)]
    for match in FRONT_MARKER.finditer(yaml_text):
        if any(region.start <= match.start() < region.end for region in document.regions):
            continue  # a '#' inside a text value is text
        line_index = yaml_text.count("\n", 0, match.start())
        regions = tuple(i for i, (first, last) in enumerate(lines) if line_index in (first, last))
        line, column = located.position(match.start())
        document.markers.append(Marker(0, regions, line, column))
    return located


def _value_scalars(node: yaml.Node | None, path: Location) -> Iterator[tuple[yaml.ScalarNode, Location]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _value_scalars(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _value_scalars(item, (*path, index))
    elif isinstance(node, yaml.ScalarNode):
        yield node, path


def _content_span(text: str, scalar: yaml.ScalarNode) -> Span:
    """The characters of a value in the source, without YAML's quotes or block header."""
    start, end = scalar.start_mark.index, scalar.end_mark.index
    if scalar.style in ('"', "'"):
        return start + 1, end - 1
    if scalar.style in ("|", ">"):
        header_end = text.find("\n", start)
        return (header_end + 1 if header_end != -1 else end), end
    return start, end
