"""Change a few fields of a file's front matter and leave everything else exactly as the writer wrote it.

Re-writing the whole front matter with a YAML library would lose the
writer's comments, order, quoting and line endings; instead, each value is
replaced where it is written (the reading of the file knows where:
:class:`relais.sources.ScalarSpan`), and a missing field is added on a line
of its own after another one.  The result is read again and must hold the
same fields as before, with only the new values changed.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .i18n import _
from .limits import DEFAULT_LIMITS
from .sources import FrontMatter, ScalarSpan, SourceError, parse_yaml, split_front_matter

BOM = "\ufeff"
_LINE_ENDS = re.compile(r"(\r\n|\r|\n)")
_QUOTES = {'"': '"{}"', "'": "'{}'"}


class EditError(Exception):
    """The file cannot be changed safely in place; the message says what to do instead."""


def with_fields(raw: str, front: FrontMatter, values: Mapping[str, str], after: str) -> str:
    """``raw`` (the file as read, BOM and line endings included) with each top-level field set to its new value.

    A field that is written already gets its new value in place, in the same
    quotes; one that is not is added on the line after the field ``after``.
    """
    bom = BOM if raw.startswith(BOM) else ""
    # Lines as the reading counts them (\r\n, \r and \n all end one), each with its own ending.
    parts = _LINE_ENDS.split(raw.removeprefix(bom))
    lines, endings = parts[0::2], parts[1::2]
    rows = _row_starts(front.yaml_text)
    spans = {span.location: span for span in front.scalars}
    added: list[str] = []
    for name, value in values.items():
        span = spans.get((name,))
        if span is None:
            if name in front.data:
                raise EditError(_("'{name}' is not written as one value on one line").format(name=name))
            added.append(f"{name}: {value}")
            continue
        _replace(lines, front, rows, span, value)
    if added:
        anchor = spans.get((after,))
        if anchor is None:
            raise EditError(_("'{name}' is not written as one value on one line").format(name=after))
        index = front.first_line - 1 + anchor.last_row
        lines[index + 1 : index + 1] = added
        endings[index + 1 : index + 1] = [endings[index]] * len(added)
    return bom + "".join(line + ending for line, ending in zip(lines, [*endings, ""], strict=True))


def _row_starts(yaml_text: str) -> list[int]:
    starts = [0]
    for position, character in enumerate(yaml_text):
        if character == "\n":
            starts.append(position + 1)
    return starts


def _replace(lines: list[str], front: FrontMatter, rows: list[int], span: ScalarSpan, value: str) -> None:
    if span.first_row != span.last_row or span.style in ("|", ">"):
        raise EditError(_("'{name}' is written over several lines").format(name=span.location[0]))
    line_index = front.first_line - 1 + span.first_row
    line = lines[line_index]
    if not line.lstrip().startswith(f"{span.location[0]}:"):
        raise EditError(_("'{name}' is not written on a line of its own").format(name=span.location[0]))
    start, end = span.start - rows[span.first_row], span.end - rows[span.first_row]
    written = _QUOTES.get(span.style or "", "{}").format(value)
    if start == end and line[start - 1 : start] == ":":
        written = " " + written  # 'reviewed_by:' with nothing after it
    lines[line_index] = line[:start] + written + line[end:]


def check_edit(shown_as: str, before: FrontMatter, after_text: str, values: Mapping[str, str]) -> None:
    """The edited text must read as the same fields, with only ``values`` changed: else nothing is written."""
    try:
        yaml_text, first_line, _body, _body_line = split_front_matter(
            _LINE_ENDS.sub("\n", after_text.removeprefix(BOM)), shown_as
        )
        data, _lines, _duplicates = parse_yaml(yaml_text, first_line, shown_as, DEFAULT_LIMITS)
    except SourceError as err:
        raise EditError(err.problem.what) from None
    expected = {**before.data, **values}
    if not isinstance(data, dict) or {str(key): value for key, value in data.items()} != expected:
        raise EditError(_("the changed file would not read as expected"))


def write_in_place(path: Path, text: str) -> None:
    """Replace the file in one step (a reader never sees half of it), keeping its permissions."""
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".relais-edit-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def whole_text(path: Path) -> str:
    """The file exactly as it is (BOM and line endings kept), to change a few characters of it."""
    with path.open(encoding="utf-8", newline="") as file:
        return file.read()
