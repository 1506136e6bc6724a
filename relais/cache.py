"""Where a build keeps what the next build can reuse.

The cache sits beside the output folder (``.relais-cache/<output name>/``,
ignored by Git), so two sites built side by side never share one.  Nothing in
it is needed: a missing, stale or damaged entry only makes a build slower,
never different, because every entry is found by a key made of everything
its value was computed from (a body's text and the Markdown options, an
image's bytes and the cleaning options…).

Values (anything picklable) live in one SQLite database, by namespace and
key: one file, safe to share between the build and its worker processes,
quick for thousands of small values.  Each process notes the keys it used;
a successful build then removes every value no process of it used, so the
cache holds what the last good build needed and no more.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

CACHE_FOLDER = ".relais-cache"
DATABASE = "values.sqlite"
# Set to 0 to build without reading or writing any cache (RELAIS_CACHE=0).
ENVIRONMENT = "RELAIS_CACHE"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entry ("
    " namespace TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, used INTEGER NOT NULL,"
    " PRIMARY KEY (namespace, key))"
)


def cache_folder(output: Path) -> Path:
    return output.parent / CACHE_FOLDER / output.name


def cache_enabled() -> bool:
    return os.environ.get(ENVIRONMENT, "").strip().lower() not in {"0", "off", "no", "false"}


def key_of(*parts: str | bytes) -> str:
    """A key made of everything a value depends on."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """Values kept between builds; any failure of the database just turns the cache off."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder if folder is not None and cache_enabled() else None
        self.generation = time.time_ns()  # this build: what it uses is marked with it
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._used: set[tuple[str, str]] = set()

    def get(self, namespace: str, key: str) -> Any | None:
        database = self._database()
        if database is None:
            return None
        try:
            row = database.execute(
                "SELECT value FROM entry WHERE namespace = ? AND key = ?", (namespace, key)
            ).fetchone()
            value = pickle.loads(row[0]) if row is not None else None  # written by this cache only
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        if value is not None:
            self._used.add((namespace, key))
        return value

    def put(self, namespace: str, key: str, value: Any) -> None:
        database = self._database()
        if database is None:
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            with database:
                database.execute(
                    "INSERT OR REPLACE INTO entry (namespace, key, value, used) VALUES (?, ?, ?, ?)",
                    (namespace, key, data, self.generation),
                )
        except (sqlite3.Error, pickle.PicklingError, TypeError, AttributeError):
            return
        self._used.add((namespace, key))

    def note_used(self) -> None:
        """Mark what this process used as part of this build (each process of a build calls it once done)."""
        database = self._database()
        if database is None or not self._used:
            return
        with contextlib.suppress(sqlite3.Error), database:
            database.executemany(
                "UPDATE entry SET used = ? WHERE namespace = ? AND key = ?",
                [(self.generation, namespace, key) for namespace, key in self._used],
            )
        self._used.clear()

    def prune(self) -> None:
        """Remove every value this build did not use (after a successful build only)."""
        self.note_used()
        database = self._database()
        if database is None:
            return
        with contextlib.suppress(sqlite3.Error), database:
            database.execute("DELETE FROM entry WHERE used < ?", (self.generation,))

    def clear(self) -> None:
        self._close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _database(self) -> sqlite3.Connection | None:
        if self.folder is None:
            return None
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        # A forked process needs a connection of its own (SQLite's rule).
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.folder / DATABASE, timeout=10, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
            connection.isolation_level = ""  # transactions again, for `with connection`
        except (sqlite3.Error, OSError):
            self.folder = None  # unusable: build without a cache
            return None
        self._connection, self._pid = connection, os.getpid()
        return connection

    def _close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None

    def __getstate__(self) -> dict[str, Any]:
        # Sent to a worker: the worker opens its own connection.
        return {**self.__dict__, "_connection": None, "_pid": 0, "_used": set()}
