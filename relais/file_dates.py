"""When content files were last changed: from Git when the file is committed as it is, else from the file system.

A fresh clone (a CI run, a new laptop) gives every file the date of the
clone, so the file system alone would call every draft "just changed";
Git remembers when each file was last committed.  A file changed since its
last commit, or not in Git at all, takes its modification time.  Git is
asked twice for all the files at once, and never for long.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from pathlib import Path

_GIT_SECONDS = 10


def last_changed(paths: Iterable[Path], zone: dt.tzinfo) -> dict[Path, dt.datetime]:
    """Each file's last change, as an aware time in ``zone``; files that cannot be looked at are left out."""
    files = [path.resolve() for path in paths]
    if not files:
        return {}
    committed = _committed(files)
    found: dict[Path, dt.datetime] = {}
    for path in files:
        seconds = committed.get(path)
        if seconds is None:
            try:
                seconds = path.stat().st_mtime
            except OSError:
                continue
        found[path] = dt.datetime.fromtimestamp(seconds, tz=zone)
    return found


def _committed(files: list[Path]) -> dict[Path, float]:
    """The last commit time of each file that Git has, unchanged since, in the repository of the first one."""
    top = _git(files[0].parent, "rev-parse", "--show-toplevel")
    if not top:
        return {}
    root = Path(top.strip()).resolve()
    inside = [path for path in files if path.is_relative_to(root)]
    if not inside:
        return {}
    names = [str(path.relative_to(root)) for path in inside]
    changed = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", *names)
    if changed is None:
        return {}
    # Each record is "XY path"; a rename adds the old path as a record of its own.
    dirty = {root / record[3:] for record in changed.split("\0") if len(record) > 3}
    log = _git(root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", *names)
    times: dict[Path, float] = {}
    when = None
    for line in (log or "").splitlines():
        if line.startswith("@") and line[1:].isdigit():
            when = float(line[1:])
        elif line and when is not None:
            path = (root / line).resolve()
            if path not in times and path not in dirty:
                times[path] = when
    return times


def _git(folder: Path, *arguments: str) -> str | None:
    """Git's output, or None when there is no Git, no repository, or it takes too long."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=_GIT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
