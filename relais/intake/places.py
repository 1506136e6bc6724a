"""Where the intake keeps what must never be in the site's repository: the private key, the spool."""

from __future__ import annotations

import os
from pathlib import Path

# Overrides the folder below (tests and servers choose their own).
DATA_HOME_VARIABLE = "RELAIS_DATA_HOME"


def data_home() -> Path:
    """``$RELAIS_DATA_HOME``, else ``$XDG_DATA_HOME/relais``, else ``~/.local/share/relais``."""
    chosen = os.environ.get(DATA_HOME_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share") / "relais"


def default_private_key() -> Path:
    return data_home() / "intake-private.key"


def default_spool() -> Path:
    return data_home() / "spool"


def repository_of(start: Path) -> Path:
    """The Git working tree holding ``start`` (a file or a folder), else its folder."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
