"""The spool: one file per sealed report, written so that a file is either whole or absent.

Each report is written to a temporary file in the spool folder (``.incoming-…``,
created readable by its owner only), flushed and fsynced, given the first
second of its day as its dates (the file's times must not tell when it
arrived), renamed to a random name (``<32 hex>.report``), and the folder is
fsynced so the rename survives a power cut.  The intake answers "thank you"
only after all of that.  A temporary file left by a crash is removed at the
next start; the inbox reads only ``*.report`` files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".report"
TEMPORARY_PREFIX = ".incoming-"


class SpoolFull(Exception):
    """The spool holds as many reports as it may: the form asks people to call instead."""


@dataclass
class Spool:
    folder: Path
    max_reports: int
    max_bytes: int

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self._bytes = 0
        self._reserved = 0

    def open(self) -> int:
        """Create the folder (owner only), remove what a crash left half-written, count the reports; the count."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for leftover in self.folder.glob(TEMPORARY_PREFIX + "*"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        sync_folder(self.folder)
        self._recount()
        return self._count

    def _recount(self) -> None:
        count = size = 0
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if entry.name.endswith(SUFFIX) and not entry.name.startswith("."):
                    count += 1
                    with contextlib.suppress(FileNotFoundError):
                        size += entry.stat(follow_symlinks=False).st_size
        self._count, self._bytes = count, size

    def write(self, data: bytes, day: dt.date) -> Path:
        """Store one sealed report; :class:`SpoolFull` when it would go past the limits (nothing is written)."""
        self._reserve(len(data))
        try:
            path = self._write(data, day)
        except BaseException:
            with self._lock:
                self._reserved -= 1
            raise
        with self._lock:
            self._reserved -= 1
            self._count += 1
            self._bytes += len(data)
        return path

    def _reserve(self, size: int) -> None:
        with self._lock:
            if not self._fits(size):
                self._recount()  # staff may have emptied it since (publish.py bad-dates inbox)
            if not self._fits(size):
                raise SpoolFull
            self._reserved += 1

    def _fits(self, size: int) -> bool:
        return self._count + self._reserved < self.max_reports and self._bytes + size <= self.max_bytes

    def _write(self, data: bytes, day: dt.date) -> Path:
        descriptor, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=self.folder)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            midnight = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp()
            os.utime(temporary, (midnight, midnight))
            target = self.folder / (secrets.token_hex(16) + SUFFIX)  # 128 random bits: never a name twice
            Path(temporary).rename(target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                Path(temporary).unlink()
            raise
        sync_folder(self.folder)
        return target


def waiting_reports(folder: Path) -> list[Path]:
    """The reports in a spool (a copy of one is fine), in a fixed order."""
    return sorted(path for path in folder.glob("*" + SUFFIX) if not path.name.startswith(".") and path.is_file())


def sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
