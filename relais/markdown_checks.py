"""What a writer types expecting a list, which Python-Markdown does not read as one.

The writer's guide teaches the Markdown the site renders.  Writers also
bring habits from elsewhere (CommonMark, chat apps, word processors) that
Python-Markdown reads differently, and no well-kept extension changes that
without breaking other lists; so ``check`` points at the line instead:

- a list written right under a line of text (no empty line before it)
  shows as part of the paragraph, dashes and all;
- an item indented by two spaces shows beside the item above, not inside it
  (Python-Markdown nests by four).

Numbered lists written ``1)`` need nothing (``pymdownx.fancylists`` reads
them), nor do bare web addresses (``pymdownx.magiclink`` makes them links).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .i18n import _
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .content import Entry
    from .site import Site

_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|(?P<number>\d{1,9})(?P<delimiter>[.)]))[ \t]+\S")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Lines that are not paragraph text: headings, rules, tables, HTML, quotes, link definitions.
_NOT_TEXT = re.compile(r"^ {0,3}(?:#|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$|\||<|>|\[[^\]]+\]:)")
TAB_LENGTH = 4


@dataclass
class _State:
    fence: str = ""
    in_list: bool = False
    previous: str = ""  # the previous line, "" when it was empty
    item_indent: int = -1  # indentation of the latest list item


def list_problems(body: str, first_line: int, shown_as: str) -> Iterator[Problem]:
    """One warning per list Python-Markdown will not show as the writer meant."""
    state = _State()
    for number, line in enumerate(body.split("\n")):
        where = first_line + number
        if state.fence:
            if line.strip().startswith(state.fence):
                state.fence = ""
            continue
        fence = _FENCE.match(line)
        if fence:
            state.fence, state.previous = fence.group(1)[:3], ""
            continue
        if not line.strip():
            state.previous = ""
            continue
        item = _ITEM.match(line)
        if item is None:
            if state.previous == "" and not line.startswith(" ") and not line.startswith("\t"):
                state.in_list = False  # a paragraph after an empty line ends the list
            state.previous = line
            continue
        yield from _item_problems(item, state, shown_as, where)
        state.in_list, state.item_indent, state.previous = True, len(item.group("indent")), line


def _item_problems(item: re.Match[str], state: _State, shown_as: str, line: int) -> Iterator[Problem]:
    indent = len(item.group("indent"))
    starts_list = not state.in_list
    if starts_list and indent < TAB_LENGTH and state.previous and not _NOT_TEXT.match(state.previous):
        if item.group("number") in (None, "1"):
            yield _warning(
                shown_as,
                line,
                _("this list is right under a line of text, so it would show as part of that text"),
                _("leave an empty line between the text and the list"),
            )
        return
    if state.in_list and indent > state.item_indent and indent // TAB_LENGTH == state.item_indent // TAB_LENGTH:
        yield _warning(
            shown_as,
            line,
            _("this item is indented by {spaces} spaces, so it shows beside the item above, not inside it").format(
                spaces=indent
            ),
            _("indent it by {spaces} spaces to put it inside the item above").format(
                spaces=(state.item_indent // TAB_LENGTH + 1) * TAB_LENGTH
            ),
        )


def _warning(shown_as: str, line: int, what: str, fix: str) -> Problem:
    return Problem(shown_as, line, _("text"), what, fix, Severity.WARNING)


def markdown_lists(entry: Entry, site: Site) -> Iterator[Problem]:
    if entry.type.has_body and entry.front.body.strip():
        yield from list_problems(entry.front.body, entry.front.body_line, entry.shown_as)


CHECKS = (markdown_lists,)
