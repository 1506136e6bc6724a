"""``publish.py bad-dates inbox``: the waiting reports become one spreadsheet, then leave the spool.

The spreadsheet has the columns ``publish.py bad-dates import`` reads
(``bad_dates.spreadsheet.COLUMNS``, English headings), one row per report,
``reported_on`` the day it arrived and ``id`` empty.  It is written to a
temporary file beside its place, fsynced and renamed; only then are the
reports it holds removed from the spool (each removal fsynced too).  A
report this key cannot open is left where it is and counted.

What reporters typed is kept as typed, except that a cell a spreadsheet
program would run as a formula (``=…``, ``@…``, ``+``/``-`` before
anything but a phone number) gets a leading apostrophe.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bad_dates.spreadsheet import COLUMNS, LIST_SEPARATOR
from nacl.public import PrivateKey

from .sealing import SealedReport, UnreadableReport, open_sealed
from .spool import sync_folder, waiting_reports

_PHONE_LIKE = re.compile(r"^[+-][\d\s().+-]*$")


@dataclass
class InboxResult:
    written: int = 0
    unreadable: list[Path] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    removed: int = 0


def read_spool(spool: Path, private_key: PrivateKey) -> tuple[list[tuple[Path, SealedReport]], list[Path]]:
    """The reports this key opens (with their files), and the files it cannot."""
    opened: list[tuple[Path, SealedReport]] = []
    unreadable: list[Path] = []
    for path in waiting_reports(spool):
        try:
            opened.append((path, open_sealed(path.read_bytes(), private_key)))
        except (UnreadableReport, OSError):
            unreadable.append(path)
    opened.sort(key=lambda item: (item[1].received, item[0].name))
    return opened, unreadable


def spreadsheet_text(reports: list[SealedReport]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS])
    for report in reports:
        writer.writerow([_cell(report, column.name, column.is_list) for column in COLUMNS])
    return buffer.getvalue()


def _cell(report: SealedReport, name: str, is_list: bool) -> str:
    if name == "reported_on":
        return report.received
    value = report.fields.get(name, "")
    text = LIST_SEPARATOR.join(str(item) for item in value) if isinstance(value, list) else str(value)
    return _not_a_formula(text)


def _not_a_formula(text: str) -> str:
    if text[:1] in ("=", "@", "\t", "\r") or (text[:1] in ("+", "-") and not _PHONE_LIKE.match(text)):
        return "'" + text
    return text


def empty_inbox(spool: Path, private_key: PrivateKey, target: Path) -> InboxResult:
    """Write ``target`` (which must not exist) from the spool, then remove the reports it holds."""
    result = InboxResult()
    opened, result.unreadable = read_spool(spool, private_key)
    if not opened:
        return result
    text = spreadsheet_text([report for _path, report in opened])
    _write_new(target, ("\ufeff" + text).encode("utf-8"))  # a byte-order mark: Excel then reads it as UTF-8
    result.written = len(opened)
    result.languages.update(report.lang for _path, report in opened)
    for path, _report in opened:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            result.removed += 1
    sync_folder(spool)
    return result


def _write_new(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".inbox-", suffix=".csv", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.link(temporary, target)  # fails, rather than replacing, if the file appeared meanwhile
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
    sync_folder(target.parent)
