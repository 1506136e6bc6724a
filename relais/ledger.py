"""The ledger of a build's output: every file written, and what it was made from.

A build writes a new folder that replaces the output in one step.  A file
that would come out exactly as last time is not written again: the file of
the previous output is linked into the new folder (a hard link, so no byte is
copied and the file keeps its date).  Two ways to know:

- a producer that can name what it makes a file from (a page's digest, a
  PDF's inputs) asks :meth:`OutputLedger.reuse` with that key before doing
  any work;
- anything else writes its bytes through :meth:`OutputLedger.write`, which
  links the previous file instead when the bytes are the same.

The previous file is only used when it is still the one the ledger recorded
(same size, date and inode), so an output folder changed by hand is simply
rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FileRecord:
    """One file of an output folder, as the build that wrote it left it."""

    hash: str
    size: int
    mtime_ns: int
    inode: int
    key: str = ""  # what the producer made it from ("" when unknown)


@dataclass
class LedgerState:
    """What a ledger hands to the next build (picklable)."""

    files: dict[str, FileRecord] = field(default_factory=dict)
    # A producer's unit of work (a paginated listing: several files) → its key and files.
    units: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def merge(self, other: LedgerState) -> None:
        self.files.update(other.files)
        self.units.update(other.units)


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class OutputLedger:
    def __init__(self, root: Path, previous_root: Path | None = None, previous: LedgerState | None = None) -> None:
        self.root = root
        self.previous_root = previous_root if previous_root is not None and previous_root.is_dir() else None
        self.previous = previous if self.previous_root is not None and previous is not None else LedgerState()
        self.state = LedgerState()
        self.reused = 0
        self.written = 0

    # -- producers that know their inputs -----------------------------------

    def reuse(self, relative: str, key: str) -> bool:
        """Link the previous ``relative`` if it was made from ``key``; True when done."""
        record = self.previous.files.get(relative)
        linked = self._link_previous(relative, record) if record is not None and key and record.key == key else None
        if linked is None:
            return False
        self.state.files[relative] = linked
        self.reused += 1
        return True

    def reuse_unit(self, unit: str, key: str) -> bool:
        """Link every file a unit of work wrote last time, if it was made from ``key``."""
        previous = self.previous.units.get(unit)
        if previous is None or not key or previous[0] != key:
            return False
        records = [(relative, self.previous.files.get(relative)) for relative in previous[1]]
        if any(record is None or not self._intact(relative, record) for relative, record in records):
            return False
        for relative, record in records:
            linked = self._link_previous(relative, record) if record is not None else None
            if linked is None:
                return False
            self.state.files[relative] = linked
            self.reused += 1
        self.state.units[unit] = previous
        return True

    def record_unit(self, unit: str, key: str, relatives: Iterable[str]) -> None:
        self.state.units[unit] = (key, tuple(relatives))

    # -- anything that writes bytes -----------------------------------------

    def write(self, relative: str, data: bytes, key: str = "") -> Path:
        """Write ``data`` to ``relative`` (or link the previous file holding exactly these bytes)."""
        target = self.path(relative)
        digest = content_hash(data)
        record = self.previous.files.get(relative)
        linked = self._link_previous(relative, record) if record is not None and record.hash == digest else None
        if linked is not None:
            self.state.files[relative] = FileRecord(linked.hash, linked.size, linked.mtime_ns, linked.inode, key)
            self.reused += 1
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            target.unlink()  # never write through a link into the previous output
        target.write_bytes(data)
        self.state.files[relative] = _record(target, digest, key)
        self.written += 1
        return target

    def record_written(self, relative: str, key: str = "") -> FileRecord:
        """A file another tool wrote into the folder: note it (hashing its bytes)."""
        target = self.path(relative)
        record = _record(target, content_hash(target.read_bytes()), key)
        self.state.files[relative] = record
        return record

    def sweep(self) -> None:
        """Note every file of the folder nobody recorded (written by Pelican or a library).

        One whose bytes are the previous output's is replaced by a link to that
        file, so it keeps its date and a deployment sees it unchanged.
        """
        for folder, _dirs, files in os.walk(self.root):
            for name in files:
                relative = Path(folder, name).relative_to(self.root).as_posix()
                if relative not in self.state.files:
                    self._sweep_one(relative)

    def _sweep_one(self, relative: str) -> None:
        record = self.record_written(relative)
        previous = self.previous.files.get(relative)
        if previous is not None and previous.hash == record.hash:
            linked = self._link_previous(relative, previous)
            if linked is not None:
                self.state.files[relative] = linked

    def hashes(self) -> dict[str, str]:
        """Each recorded file's content hash, by its path in the folder."""
        return {relative: record.hash for relative, record in self.state.files.items()}

    def kept(self) -> int:
        """How many files of the new folder are the previous output's, linked rather than written."""
        return sum(
            1
            for relative, record in self.state.files.items()
            if (previous := self.previous.files.get(relative)) is not None and previous.inode == record.inode
        )

    def path(self, relative: str) -> Path:
        return self.root / relative

    # -- the previous output --------------------------------------------------

    def _intact(self, relative: str, record: FileRecord) -> bool:
        if self.previous_root is None:
            return False
        try:
            found = (self.previous_root / relative).stat()
        except OSError:
            return False
        return (found.st_size, found.st_mtime_ns, found.st_ino) == (record.size, record.mtime_ns, record.inode)

    def _link_previous(self, relative: str, record: FileRecord) -> FileRecord | None:
        """Put the previous output's file into the new folder; its record there, or None."""
        if not self._intact(relative, record):
            return None
        source, target = self.previous_root / relative, self.path(relative)  # type: ignore[operator]
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            target.unlink()
        try:
            os.link(source, target)
        except OSError:  # another file system, or links not allowed: copy it, date included
            shutil.copy2(source, target)
            return _record(target, record.hash, record.key)
        return record


def _record(path: Path, digest: str, key: str) -> FileRecord:
    found = path.stat()
    return FileRecord(digest, found.st_size, found.st_mtime_ns, found.st_ino, key)
