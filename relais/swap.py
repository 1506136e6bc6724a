"""Replace the output folder in one step, or leave it exactly as it was.

The new site is built in a sibling folder; on success the two folders are
exchanged with Linux's atomic ``renameat2(RENAME_EXCHANGE)``, so a web server
never sees a half-written site.  Where that call is missing, two renames
(the old folder moved aside first) are the fallback.

Relais only ever replaces a folder it built itself: every site it writes
holds a small mark file (:data:`MARK`), and an existing output folder is
replaced only when it holds that mark or is empty.  Anything else (a folder
holding ``thesis.docx``, the project itself) is refused with a message.

Each build holds a lock (``flock``) on its temporary folder while it runs.
Folders left by a build that was killed are removed at the start of the next
build, unless a build running at the same time (``serve`` and ``build``)
still holds their lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

BUILD_PREFIX = ".relais-build-"
MARK = ".relais-site"
MARK_TEXT = (
    "This folder is a website built by Relais (publish.py build).\n"
    "Every build replaces the whole folder, so keep nothing else in it.\n"
)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# Names that mean "this is a project, not a built site", even beside a mark.
_NOT_AN_OUTPUT = (".git", "pelicanconf.py", "publish.py", "content")
_NAMES_SHOWN = 3


class OutputFolderError(Exception):
    """The output folder cannot be replaced: what is wrong, and how to fix it."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(f"{what} — {fix}")
        self.what = what
        self.fix = fix


def check_output_folder(output: Path) -> None:
    """Refuse to replace anything but a folder Relais built (it holds the mark) or an empty one.

    ``output`` is resolved first (by the caller): a link to the output folder
    stays a link to the new site.
    """
    if output.exists() and not output.is_dir():
        raise OutputFolderError("this exists and is not a folder", "pass --output with a folder's name")
    cwd = Path.cwd().resolve()
    resolved = output.resolve()
    if resolved == cwd or resolved in cwd.parents:
        raise OutputFolderError(
            "this folder holds the project itself", "choose a folder inside it, such as output/, with --output"
        )
    if not output.is_dir():
        return  # created by the build
    try:
        names = sorted(path.name for path in output.iterdir())
    except OSError as err:
        raise OutputFolderError(
            f"this folder cannot be read ({err.strerror})",
            "check its permissions, or pass --output with another folder",
        ) from None
    if not names:
        return
    found = [name for name in _NOT_AN_OUTPUT if name in names]
    if found:
        raise OutputFolderError(
            f"this folder holds {found[0]}, so it is not a built site and Relais will not replace it",
            "pass --output with a new or empty folder",
        )
    if not is_marked(output):
        shown = ", ".join(names[:_NAMES_SHOWN]) + (", …" if len(names) > _NAMES_SHOWN else "")
        raise OutputFolderError(
            f"this folder holds files that Relais did not build ({shown}), so Relais will not replace it",
            "pass --output with a new or empty folder; if it only holds a site built by an older Relais, "
            "delete the folder and build again",
        )


def is_marked(folder: Path) -> bool:
    """The folder holds Relais' mark, as a regular file (a link does not count)."""
    mark = folder / MARK
    return mark.is_file() and not mark.is_symlink()


@dataclass
class BuildFolder:
    """A temporary folder beside the output, locked for as long as this build uses it."""

    path: Path
    _lock: int | None

    def discard(self) -> None:
        """Remove what the folder holds now (the new site after a failure, the old one after a swap)."""
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def new_build_folder(output: Path) -> BuildFolder:
    """An empty, locked folder beside the output, on the same file system; leftovers of killed builds go first."""
    output.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(output.parent)
    return _locked_folder(output.parent)


def replace_output(build: BuildFolder, output: Path) -> None:
    """Make the build's folder the output folder, marked as Relais'; ``build.path`` then holds the old site."""
    (build.path / MARK).write_text(MARK_TEXT, encoding="utf-8")
    build.path.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if not output.exists():
        build.path.rename(output)
        return
    if _exchange(build.path, output):
        return
    aside = _locked_folder(output.parent)
    output.rename(aside.path / "old")
    build.path.rename(output)
    aside.discard()


def remove_leftovers(parent: Path) -> None:
    """Remove the temporary folders of builds that are no longer running (their lock is free)."""
    for leftover in parent.glob(BUILD_PREFIX + "*"):
        if leftover.is_symlink() or not leftover.is_dir():
            continue  # not ours: never follow or delete a link
        lock = _try_lock(leftover)
        if lock is not None:
            BuildFolder(leftover, lock).discard()


def _locked_folder(parent: Path) -> BuildFolder:
    # Another build's cleanup may remove a folder between its creation and its
    # lock (it was empty and unlocked): then make another.
    for _attempt in range(10):
        path = Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=parent))
        lock = _try_lock(path)
        if lock is not None:
            return BuildFolder(path, lock)
    raise OSError(f"could not create a build folder in {parent}")


def _try_lock(folder: Path) -> int | None:
    """An exclusive lock on ``folder``, or None when another build holds it or the folder went away."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        still_there = os.path.samestat(os.fstat(descriptor), os.lstat(folder))
    except OSError:
        still_there = False
    if not still_there:
        os.close(descriptor)
        return None
    return descriptor


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
