"""Find, in the Markdown source, the line of each thing the sanitiser removed.

Removals come in the order of the rendered page, which is the order of the
source; each is looked for from where the previous one was found, by its tag
and attribute (raw HTML ``<p onclick=…>``, Markdown's ``{: .class #id }``, a
link's ``](address)``), never by a bare word that prose may hold earlier.
Code (fenced, indented, inline) is blanked out first: HTML shown as code is
text, not a removal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .report import Locator

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)", re.DOTALL)
# A start tag, its quoted values allowed to hold '>'.
_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n)")
_TAG_BODY = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_ATTR_LIST = re.compile(r"\{:?[ \t]*[^}\n]*\}")


def blank_code(body: str) -> str:
    """The body with the text of code blocks and code spans replaced by spaces (newlines kept)."""
    lines = body.split("\n")
    fence = ""
    in_list = False
    previous_blank = True
    in_indented = False
    for number, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            else:
                lines[number] = " " * len(line)
            continue
        match = _FENCE.match(line)
        blank = not line.strip()
        if match:
            fence = match.group("fence")
        elif not blank and _INDENTED.match(line) and (in_indented or previous_blank) and not in_list:
            lines[number] = " " * len(line)
            in_indented = True
        elif not blank:
            in_indented = False
            if _LIST_ITEM.match(line):
                in_list = True
            elif not _INDENTED.match(line):
                in_list = False
        previous_blank = blank
    # A code span never crosses a blank line: look for spans paragraph by paragraph.
    pieces = _PARAGRAPH_BREAK.split("\n".join(lines))
    return "".join(_CODE_SPAN.sub(_blanked, piece) for piece in pieces)


def _blanked(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def lines_of(body: str, first_line: int, locators: Iterable[Locator]) -> list[int]:
    """The source line of each locator, found in order from the previous one."""
    searchable = blank_code(body)
    cursor = 0
    lines: list[int] = []
    last_line = first_line
    for locator in locators:
        found = _find(searchable, locator, cursor)
        if found is None:
            found = _find(searchable, locator, 0)
        if found is None:
            lines.append(last_line)
            continue
        position, after = found
        cursor = after
        last_line = first_line + searchable.count("\n", 0, position)
        lines.append(last_line)
    return lines


def _find(text: str, locator: Locator, start: int) -> tuple[int, int] | None:
    """Where the construct starts at or after ``start``, and where the next search should begin."""
    candidates = [found for found in _candidates(text, locator, start) if found is not None]
    return min(candidates) if candidates else None


def _candidates(text: str, locator: Locator, start: int) -> list[tuple[int, int] | None]:
    if locator.kind == "comment":
        return [_comment(text, start)]
    if locator.kind == "element":
        return [_element(text, locator, start)]
    return [
        _raw_attribute(text, locator, start),
        _attr_list(text, locator, start),
        _markdown_address(text, locator, start),
    ]


_MARKER = re.compile(r"<!--\s*relais:\s*allow\s*-->", re.IGNORECASE)


def _comment(text: str, start: int) -> tuple[int, int] | None:
    match = re.compile(r"<!--|<[!?]").search(text, start)
    while match is not None and _MARKER.match(text, match.start()):
        match = re.compile(r"<!--|<[!?]").search(text, match.end())  # Relais' own marker is never reported
    if match is None:
        return None
    end = text.find("-->", match.end()) if match.group(0) == "<!--" else text.find(">", match.end())
    return match.start(), (end + 1 if end >= 0 else match.end())


def _element(text: str, locator: Locator, start: int) -> tuple[int, int] | None:
    match = re.compile(rf"<{re.escape(locator.tag)}(?=[\s/>]|$)", re.IGNORECASE).search(text, start)
    if match is None:
        return None
    if locator.with_content:
        # Skip what the element held, so that nothing inside it is taken for a later removal.
        end = re.compile(rf"</{re.escape(locator.tag)}\s*>", re.IGNORECASE).search(text, match.end())
        if end is not None:
            return match.start(), end.end()
    return match.start(), match.start() + 1


def _raw_attribute(text: str, locator: Locator, start: int) -> tuple[int, int] | None:
    tag = re.compile(rf"<{re.escape(locator.tag)}(?=[\s/>]){_TAG_BODY}>?", re.IGNORECASE)
    name = re.compile(rf"""(?<=[\s/"']){re.escape(locator.attribute)}(?=\s*=|[\s/>]|$)""", re.IGNORECASE)
    return _first_inside(text, tag, name, "<", start)


def _attr_list(text: str, locator: Locator, start: int) -> tuple[int, int] | None:
    # Markdown's attr_list: {: .class #id name="value" } after a block or an element.
    wanted = [re.escape(token) for token in locator.tokens] or [re.escape(locator.attribute) + r"\s*="]
    inside = re.compile(rf"(?<=[\s{{:])(?:{'|'.join(wanted)})(?=[\s}}=]|$)")
    return _first_inside(text, _ATTR_LIST, inside, "{", start)


def _first_inside(
    text: str, container: re.Pattern[str], inside: re.Pattern[str], opener: str, start: int
) -> tuple[int, int] | None:
    """The first ``inside`` at or after ``start``, within a ``container`` that may have begun before it."""
    for outer in container.finditer(text, max(text.rfind(opener, 0, start + 1), 0)):
        for match in inside.finditer(outer.group(0)):
            position = outer.start() + match.start()
            if position >= start:
                return position, position + 1
    return None


def _markdown_address(text: str, locator: Locator, start: int) -> tuple[int, int] | None:
    # A link or image ](address), a reference [name]: address, or an autolink <address>.
    if locator.attribute not in {"href", "src"} or not locator.value.strip():
        return None
    value = re.escape(locator.value.strip()[:60])
    pattern = re.compile(rf"\]\(\s*<?(?={value})|^ {{0,3}}\[[^\]\n]+\]:[ \t]*<?(?={value})|<(?={value})", re.MULTILINE)
    match = pattern.search(text, start)
    return (match.end(), match.end() + 1) if match else None
