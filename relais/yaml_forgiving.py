"""Front matter that forgives what is safe to forgive.

Writers type their fields the way they type a sentence: French puts a space
before a colon (``title: Trier ses clients : mes conseils``), a phone turns
quotes into typographic ones (``title: “Mon titre”``), a title may start
with ``@`` or ``[``.  YAML refuses some of these and silently changes others.
Here, a line YAML cannot read because a single-line value holds such
characters is read as the text the writer meant (the value is quoted for
them, in memory only), and what cannot be guessed safely is named precisely.

Repairs keep every line where it was, so messages and the respectful-language
check still point at the writer's own text: :class:`Repairs` maps a position
in the repaired text back to the file as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from .i18n import _

if TYPE_CHECKING:
    from .sources import ScalarSpan

Location = tuple[Any, ...]

# ``key: value`` or ``- key: value`` on one line; field names are plain words.
_FIELD_LINE = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]+(?P<value>\S.*?)[ \t]*$"
)
# A YAML comment after a value: '#' after a space.
_COMMENT = re.compile(r"[ \t]#")
# Parser errors that a value written as plain text can cause.
_TEXT_ERRORS = (
    "mapping values are not allowed",
    "cannot start any token",
    "block sequence entries are not allowed",
    "mapping keys are not allowed",
    "did not find expected alphabetic or numeric character",
    "did not find expected key",
    "expected <block end>, but found",
)
# Most lines a file may have repaired before the error is reported as it is.
MAX_REPAIRS = 200

OPENING_QUOTES = "“„‟”"
CLOSING_QUOTES = "”“‟"
OPENING_SINGLE = "‘‚"
CLOSING_SINGLE = "’‘"


@dataclass(frozen=True)
class _Edit:
    """One value put between quotes: its columns in the file and in the repaired line."""

    row: int
    start: int  # columns of the value as written
    end: int
    repaired_start: int  # columns of the quoted value, quotes included
    repaired_end: int


@dataclass
class Repairs:
    """Values quoted on the writer's behalf, and how to find their text in the file as written."""

    original: str
    edits: dict[int, _Edit] = field(default_factory=dict)
    text: str = ""

    def __post_init__(self) -> None:
        self.text = self.original
        self._starts = _line_starts(self.original)
        self._repaired_starts: list[int] | None = None

    def quote_value(self, row: int) -> bool:
        """Quote the plain value on ``row``; False when that line is not a field YAML misread."""
        if row in self.edits or len(self.edits) >= MAX_REPAIRS:
            return False
        lines = self.text.split("\n")
        if not 0 <= row < len(lines):
            return False
        match = _FIELD_LINE.match(lines[row])
        if match is None:
            return False
        value = match.group("value")
        comment = _COMMENT.search(value)
        if comment:
            value = value[: comment.start()].rstrip()
        if not value or not _is_misread_text(value):
            return False
        start = match.start("value")
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        lines[row] = lines[row][:start] + quoted + lines[row][start + len(value) :]
        self.edits[row] = _Edit(row, start, start + len(value), start, start + len(quoted))
        self.text = "\n".join(lines)
        self._repaired_starts = None
        return True

    def quoted_at(self, row: int, column: int) -> bool:
        """True when the value at this place of the repaired text was quoted here, not by the writer."""
        edit = self.edits.get(row)
        return edit is not None and edit.repaired_start == column

    def _repaired(self) -> list[int]:
        if self._repaired_starts is None:
            self._repaired_starts = _line_starts(self.text)
        return self._repaired_starts

    def original_span(self, start: int, end: int, row: int) -> tuple[int, int, bool]:
        """Where the text at ``start:end`` of the repaired text (starting on ``row``) is in the file.

        The third value is True for a value this module quoted: its span is
        then the text as written, without quotes.
        """
        if not self.edits:
            return start, end, False
        edit = self.edits.get(row)
        # YAML's rows also break at U+0085, U+2028 and U+2029, ours only at '\n': a row past ours has no edit.
        if edit is not None and row < len(self._repaired()) and start - self._repaired()[row] == edit.repaired_start:
            return self._starts[row] + edit.start, self._starts[row] + edit.end, True
        return self._offset(start), self._offset(end), False

    def _offset(self, offset: int) -> int:
        repaired_starts = self._repaired()
        row = max(0, _row_of(repaired_starts, offset))
        column = offset - repaired_starts[row]
        edit = self.edits.get(row)
        if edit is not None and column >= edit.repaired_end:
            column -= (edit.repaired_end - edit.repaired_start) - (edit.end - edit.start)
        elif edit is not None and column > edit.repaired_start:
            column = min(edit.end, edit.start + column - edit.repaired_start)
        return self._starts[row] + column if row < len(self._starts) else offset


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _row_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def _is_misread_text(value: str) -> bool:
    """True for a value a writer meant as one line of text, which YAML read as something else."""
    if value[0] in "\"'|>":
        return False  # quoted or block text: YAML's own way, its errors are the writer's to fix
    if value[0] in "[{":
        # '[Nouveau] programme' is text; '[a, b' or '[a, b]' is a list with a mistake in it.
        closing = _closing_bracket(value)
        return closing is not None and closing < len(value) - 1
    return True


def _closing_bracket(value: str) -> int | None:
    pairs = {"[": "]", "{": "}"}
    depth = 0
    for index, character in enumerate(value):
        if character in pairs:
            depth += 1
        elif character in pairs.values():
            depth -= 1
            if depth == 0:
                return index
    return None


def repairable(err: yaml.MarkedYAMLError) -> list[int]:
    """The rows a parser error may come from, most likely first, when a plain value could cause it."""
    problem = str(err.problem or "")
    if not any(kind in problem for kind in _TEXT_ERRORS):
        return []
    rows = [mark.line for mark in (err.problem_mark, err.context_mark) if mark is not None]
    if "did not find expected key" in problem and err.problem_mark is not None:
        rows.insert(0, err.problem_mark.line)
    return list(dict.fromkeys(rows))


def curly_quoted(value: str) -> bool:
    """``“Mon titre”``: a whole value between typographic quotes, which a writer meant as YAML quotes."""
    if len(value) < 2:
        return False
    first, last = value[0], value[-1]
    if first in OPENING_QUOTES and last in CLOSING_QUOTES + '"':
        return not _holds_more_quotes(value[1:-1], "“”„‟")
    return first in OPENING_SINGLE and last in CLOSING_SINGLE and not _holds_more_quotes(value[1:-1], "‘’‚")


def _holds_more_quotes(inside: str, quotes: str) -> bool:
    """``“Lune” et “Sable”``: two quotations, not one quoted value."""
    return any(character in quotes for character in inside)


def unclosed_curly_quote(value: str) -> bool:
    """A value that opens a typographic quote and never closes it (cut short, or a straight quote at the end)."""
    return bool(value) and value[0] in OPENING_QUOTES and not any(c in CLOSING_QUOTES for c in value[1:])


def first_tab_row(text: str) -> int | None:
    """The first line whose indentation holds a tab, if any."""
    for row, line in enumerate(text.split("\n")):
        indentation = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indentation:
            return row
    return None


def error_explained(err: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str]:
    """(row, what, fix) for a YAML error no repair could fix, in the writer's words."""
    problem = str(err.problem or "")
    mark = err.problem_mark or err.context_mark
    row = mark.line if mark else 0
    tab_row = first_tab_row(text)
    if tab_row is not None or "tab" in problem:
        row = tab_row if tab_row is not None else row
        return (
            row,
            _("this line starts with a tab, which the fields cannot have"),
            _("use spaces: indent with spaces, not tabs (your editor may insert a tab when you press the Tab key)"),
        )
    lines = text.split("\n")
    context_row = err.context_mark.line if err.context_mark is not None else row
    if "quoted scalar" in str(err.context or "") and 0 <= context_row < len(lines):
        line = lines[context_row]
        if any(c in line for c in OPENING_QUOTES + CLOSING_QUOTES + OPENING_SINGLE + CLOSING_SINGLE):
            return (
                context_row,
                _("this value mixes straight and typographic quotes (“ ” or ‘ ’)"),
                _('use straight quotes on both sides: "like this"'),
            )
        return (
            context_row,
            _("the quotes opened on this line are never closed"),
            _('end the value with the same quote it starts with: "like this"'),
        )
    if "expected ',' or" in problem:
        return (
            context_row,
            _("the list that starts on this line is not closed properly"),
            _("separate the items with commas and end the list with ']', or put text in double quotes"),
        )
    return (
        row,
        _("this line could not be read"),
        _(
            "check that each field is written 'name: value' on its own line, and put a value that "
            "starts with a quote, a '[' or a '{' in double quotes"
        ),
    )


# A comment after a value, except the respectful-language check's own marker.
_CUTTING_COMMENT = re.compile(r"[ \t]+#(?!\s*relais:\s*allow\b)", re.IGNORECASE)


def comment_cuts(yaml_text: str, scalars: Iterable[ScalarSpan], is_prose: Callable[[Location], bool]) -> list[Cut]:
    """Text values that YAML cut at ' #' (a comment), which the writer most likely meant as text.

    Only free-text fields count (``is_prose``): a comment after ``status:
    draft`` is a comment.
    """
    cuts = []
    for scalar in scalars:
        if scalar.style or not is_prose(scalar.location):
            continue
        line_end = yaml_text.find("\n", scalar.end)
        rest = yaml_text[scalar.end : line_end if line_end >= 0 else len(yaml_text)]
        if _CUTTING_COMMENT.match(rest):
            whole = (yaml_text[scalar.start : scalar.end] + rest).strip()
            cuts.append(Cut(scalar.location, whole))
    return cuts


@dataclass(frozen=True)
class Cut:
    location: Location
    written: str  # the value and the comment, as the writer typed them

    def quoted(self) -> str:
        return '"' + self.written.replace("\\", "\\\\").replace('"', '\\"') + '"'
