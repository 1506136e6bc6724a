"""Where a build keeps what the next build can reuse.

The cache sits beside the output folder (``.relais-cache/<output name>/``,
ignored by Git), so two sites built side by side never share one.  Nothing in
it is needed: a missing, stale or damaged entry only makes a build slower,
never different, because every entry is found by a key made of everything
its value was computed from (a body's text and the Markdown options, an
image's bytes and the cleaning options…).

``Cache.get``/``Cache.put`` keep values (anything picklable) by namespace and
key; a successful build then removes what it did not use (``prune``), so the
folder does not grow without end.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Any

CACHE_FOLDER = ".relais-cache"
VALUES = "values"
# Set to 0 to build without reading or writing any cache (RELAIS_CACHE=0).
ENVIRONMENT = "RELAIS_CACHE"


def cache_folder(output: Path) -> Path:
    return output.parent / CACHE_FOLDER / output.name


def cache_enabled() -> bool:
    return os.environ.get(ENVIRONMENT, "").strip() not in {"0", "off", "no", "false"}


def key_of(*parts: str | bytes) -> str:
    """A key made of everything a value depends on."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """Values kept between builds, one file each, under ``folder/values/<namespace>/``."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder if folder is not None and cache_enabled() else None
        self._used: set[Path] = set()

    def get(self, namespace: str, key: str) -> Any | None:
        path = self._path(namespace, key)
        if path is None:
            return None
        try:
            value = pickle.loads(path.read_bytes())  # written by this cache only
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        self._used.add(path)
        return value

    def put(self, namespace: str, key: str, value: Any) -> None:
        path = self._path(namespace, key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(path)
        except OSError:
            return  # a cache that cannot be written only makes the next build slower
        self._used.add(path)

    def prune(self) -> None:
        """Remove every value this build did not use (call it after a successful build only)."""
        if self.folder is None or not (self.folder / VALUES).is_dir():
            return
        for namespace in (self.folder / VALUES).iterdir():
            for path in namespace.iterdir() if namespace.is_dir() else ():
                if path not in self._used:
                    path.unlink(missing_ok=True)

    def clear(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _path(self, namespace: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / VALUES / namespace / key
