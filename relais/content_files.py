"""Finding the files of content/ without opening anything that is not a regular file.

Every file of the content folder is looked at with ``lstat`` only: a link (to
a file or a folder, broken or not) is refused, because it could publish
something from outside the site; a pipe, socket or device is refused, because
reading it can wait forever; a name with a line break or bytes that are not
UTF-8 is refused, because it breaks messages and pages.  Each refusal is a
problem naming the file; what is left is read by :mod:`relais.sources`.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from .problems import Problem
from .sources import link_problem, not_a_file_problem

IGNORED_NAMES = (".", "#", "~")  # hidden files and editor backups: never read
EDITOR_LOCKS = ".#"  # Emacs marks a file being edited with a link to nowhere (.#post.md): not ours to refuse
_UNSHOWABLE = ("Cc", "Cs")  # control characters, and bytes that were not UTF-8


def content_files(content_dir: Path, shown_root: Path | None) -> tuple[list[tuple[str, Path, str]], list[Problem]]:
    """Every regular file under ``content_dir`` as (relative path, path, name in messages), and what is refused.

    Nothing is opened here: links (to files or folders, broken or not) and
    special files (pipes, sockets, devices) are refused by their ``lstat``,
    because a link could publish a file from outside the site and reading a
    pipe waits forever.  Hidden folders are looked through too (Pelican
    copies what is under them), but hidden files and editor backups are
    never read.
    """
    if not content_dir.is_dir():
        return [], [
            Problem(
                shown_name(content_dir, shown_root),
                0,
                "content",
                "this content folder does not exist" if not content_dir.exists() else "this is not a folder",
                "run publish.py from the site's folder, or pass --content with the folder that holds posts/ and pages/",
            )
        ]
    files: list[tuple[str, Path, str]] = []
    problems: list[Problem] = []

    def unreadable_folder(err: OSError) -> None:
        folder = shown_name(Path(err.filename or content_dir), shown_root)
        problems.append(
            Problem(
                folder,
                0,
                "folder",
                f"this folder cannot be read ({err.strerror or err})",
                f"give yourself permission to read it (chmod u+rx {folder}), or ask whoever manages this computer",
            )
        )

    for root, dirs, names in os.walk(content_dir, onerror=unreadable_folder):
        hidden = any(part.startswith(".") for part in Path(root).relative_to(content_dir).parts)
        refused_folders = {name: _refused_folder(Path(root, name), shown_root) for name in dirs}
        problems.extend(problem for _name, problem in sorted(refused_folders.items()) if problem is not None)
        dirs[:] = sorted(name for name, problem in refused_folders.items() if problem is None)
        for name in sorted(names):
            if name.startswith(EDITOR_LOCKS):
                continue
            path = Path(root, name)
            shown_as = shown_name(path, shown_root)
            refused = _bad_name(name, shown_as, 1) or _refused(path, shown_as)
            if refused is not None:
                problems.append(refused)
            elif not hidden and not name.startswith(IGNORED_NAMES) and not name.endswith(IGNORED_NAMES):
                files.append((path.relative_to(content_dir).as_posix(), path, shown_as))
    return files, problems


def _refused_folder(path: Path, shown_root: Path | None) -> Problem | None:
    """Why a folder in content/ is not looked into: a link, or a name that cannot be shown."""
    shown_as = shown_name(path, shown_root)
    if path.is_symlink():
        return link_problem(shown_as, 0)
    return _bad_name(path.name, shown_as, 0)


def _bad_name(name: str, shown_as: str, line: int) -> Problem | None:
    """A name with bytes that are not UTF-8, or with control characters (a line break), breaks messages and pages."""
    if not any(unicodedata.category(character) in _UNSHOWABLE for character in name):
        return None
    return Problem(
        _printable(shown_as),
        line,
        "file name",
        "this name holds characters that cannot be shown (such as a line break, or letters not saved as UTF-8)",
        "rename it using letters, digits and dashes",
    )


def _printable(text: str) -> str:
    """Control characters and stray bytes as \\xNN, so that a message stays one readable line."""
    return "".join(
        f"\\x{ord(character) & 0xFF:02x}" if unicodedata.category(character) in _UNSHOWABLE else character
        for character in text
    )


def _refused(path: Path, shown_as: str) -> Problem | None:
    """Why a file found in content/ is never opened, or None for a regular file."""
    try:
        mode = path.lstat().st_mode
    except OSError as err:
        return Problem(shown_as, 1, "file", f"this file cannot be read ({err.strerror})", "run the command again")
    if stat.S_ISLNK(mode):
        return link_problem(shown_as, 1)
    if not stat.S_ISREG(mode):
        return not_a_file_problem(shown_as, mode)
    return None


def shown_name(path: Path, root: Path | None = None) -> str:
    """The path from the current folder; a link is named where it is, never where it points."""
    root = root or Path.cwd()
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
