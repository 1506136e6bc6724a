"""Replace the output folder in one step, or leave it exactly as it was.

The new site is built in a sibling folder; on success the two folders are
exchanged with Linux's atomic ``renameat2(RENAME_EXCHANGE)``, so a web server
never sees a half-written site.  Where that call is missing, two renames
(the old folder moved aside first) are the fallback.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
import time
from pathlib import Path

BUILD_PREFIX = ".relais-build-"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# Folders whose presence means "this is a project, not a built site".
_NOT_AN_OUTPUT = (".git", "pelicanconf.py", "publish.py", "content")


class OutputFolderError(Exception):
    pass


def check_output_folder(output: Path) -> None:
    """Refuse to replace a folder that does not look like a built site."""
    if output.exists() and not output.is_dir():
        raise OutputFolderError(f"{output} exists and is not a folder")
    cwd = Path.cwd().resolve()
    resolved = output.resolve()
    if resolved == cwd or resolved in cwd.parents:
        raise OutputFolderError(f"{output} holds the project itself; choose a folder such as output/")
    if output.is_dir():
        found = [name for name in _NOT_AN_OUTPUT if (output / name).exists()]
        if found:
            raise OutputFolderError(f"{output} holds {found[0]}, so it is not a built site; choose another --output")


def new_build_folder(output: Path) -> Path:
    """An empty folder beside the output, on the same file system."""
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(output.parent)
    return Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=output.parent))


def discard(build: Path) -> None:
    shutil.rmtree(build, ignore_errors=True)


def replace_output(build: Path, output: Path) -> None:
    """Make ``build`` the output folder; the old output is removed afterwards."""
    build.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if not output.exists():
        build.rename(output)
        return
    if _exchange(build, output):
        discard(build)  # now holds the previous site
        return
    previous = Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=output.parent))
    output.rename(previous / "old")
    build.rename(output)
    discard(previous)


def _exchange(first: Path, second: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _remove_leftovers(parent: Path) -> None:
    """Folders left by a build that was killed half-way (not one still running)."""
    an_hour_ago = time.time() - 3600
    for leftover in parent.glob(BUILD_PREFIX + "*"):
        if leftover.is_dir() and leftover.stat().st_mtime < an_hour_ago:
            discard(leftover)
