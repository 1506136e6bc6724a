"""What the folders of ``STATIC_PATHS`` (``content/images/``) hold, without following any link.

Every file there is published, so every file must be an image Relais can
clean.  The folders are walked entry by entry and links are never followed: a
link to a file or a folder elsewhere on the machine (``/etc``) would publish
what it points to.  Links, pipes, devices, hidden files and files of any
other format are problems naming the file, found by ``check`` and before
every build; the files they name are never read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from relais.i18n import _
from relais.problems import Problem
from relais.settings import line_of_setting

from .cleaning import NotCleanable
from .formats import ACCEPTED, refusal_for

FIELD = "image"
DEFAULT_STATIC_PATHS = ("images",)


@dataclass(frozen=True)
class SourceImage:
    relative: str  # the file's path in the content folder, with '/' separators
    path: Path
    format: str  # what its suffix says it is: JPEG, PNG, WEBP or GIF
    size: int  # in bytes
    shown_as: str  # how messages name it


@dataclass
class Folder:
    images: list[SourceImage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # files present but not published


def static_folders(settings: dict[str, Any]) -> tuple[Any, ...]:
    value = settings.get("STATIC_PATHS", DEFAULT_STATIC_PATHS)
    if value is None:
        return DEFAULT_STATIC_PATHS
    return (value,) if isinstance(value, str) else tuple(value)


def shown_root(content_dir: Path) -> str:
    """How messages name the content folder: from the current folder when it is below it."""
    resolved = content_dir.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def read_folders(content_dir: Path, settings: dict[str, Any], settings_file: str) -> Folder:
    """Every file under the static folders: the images to publish, and a problem for everything else."""
    folder = Folder()
    root = shown_root(content_dir)
    seen: set[str] = set()
    for entry in static_folders(settings):
        relative = _inside_content(entry)
        if relative is None:
            folder.problems.append(_setting_problem(entry, settings_file))
            continue
        for found in _walk_from(content_dir, relative, f"{root}/"):
            if isinstance(found, SourceImage):
                if found.relative not in seen:
                    seen.add(found.relative)
                    folder.images.append(found)
            else:
                problem, relative_path = found
                if relative_path not in seen:
                    seen.add(relative_path)
                    folder.refused.add(relative_path)
                    folder.problems.append(problem)
    return folder


def _inside_content(entry: Any) -> str | None:
    if not isinstance(entry, str) or not entry.strip():
        return None
    path = PurePosixPath(entry.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts:
        return None
    return "/".join(part for part in path.parts if part != ".") or None


def _setting_problem(entry: Any, settings_file: str) -> Problem:
    return Problem(
        settings_file,
        line_of_setting(settings_file, "STATIC_PATHS"),
        "STATIC_PATHS",
        _("{entry} is not a folder inside the content folder").format(entry=repr(entry)),
        _('write folder names inside content/, for example STATIC_PATHS = ["images"]'),
    )


_Found = SourceImage | tuple[Problem, str]


def _walk_from(content_dir: Path, relative: str, shown_prefix: str) -> Iterator[_Found]:
    """The static path itself: each of its parts must be a real folder (or, last, a file)."""
    parts = relative.split("/")
    for depth in range(1, len(parts) + 1):
        partial = "/".join(parts[:depth])
        try:
            mode = (content_dir / partial).lstat().st_mode
        except FileNotFoundError:
            return  # nothing there yet: nothing to publish
        except OSError as err:
            yield _unreadable(partial, shown_prefix, err), partial
            return
        if depth < len(parts) and not stat.S_ISDIR(mode):
            if not stat.S_ISREG(mode):
                yield _special(partial, shown_prefix, mode), partial
            return  # a file where a folder would be: there is no such folder
    yield from _entry(content_dir, relative, shown_prefix, mode)


def _entry(content_dir: Path, relative: str, shown_prefix: str, mode: int) -> Iterator[_Found]:
    """The entry and, for a folder, everything under it, in order (a stack, not recursion: any depth)."""
    pending = [(relative, mode)]
    while pending:
        relative, mode = pending.pop()
        if not stat.S_ISDIR(mode):
            yield from _file(content_dir, relative, shown_prefix, mode)
        elif relative.rsplit("/", 1)[-1].startswith("."):
            yield _hidden_folder(relative, shown_prefix), relative
        else:
            try:
                with os.scandir(content_dir / relative) as listing:
                    children = sorted((child.name, child.stat(follow_symlinks=False).st_mode) for child in listing)
            except OSError as err:
                yield _unreadable(relative, shown_prefix, err), relative
                continue
            pending.extend((f"{relative}/{name}", child_mode) for name, child_mode in reversed(children))


def _file(content_dir: Path, relative: str, shown_prefix: str, mode: int) -> Iterator[_Found]:
    path = content_dir / relative
    name = relative.rsplit("/", 1)[-1]
    if not stat.S_ISREG(mode):
        yield _special(relative, shown_prefix, mode), relative
        return
    suffix = PurePosixPath(name).suffix.lower()
    if name.startswith(".") or suffix not in ACCEPTED:
        refusal = refusal_for(name, suffix)
        yield Problem(shown_prefix + relative, 0, FIELD, refusal.what, refusal.fix), relative
        return
    size = path.lstat().st_size
    yield SourceImage(relative, path, ACCEPTED[suffix], size, shown_prefix + relative)


def _special(relative: str, shown_prefix: str, mode: int) -> Problem:
    if stat.S_ISLNK(mode):
        what = _(
            "this is a link to another file or folder; links are never followed, so that nothing from "
            "elsewhere on the computer is published"
        )
        fix = _("put a copy of the image itself in content/images/, or link to it where it is published elsewhere")
    else:
        what = _("this is not a regular file (a pipe, a device or a socket)")
        fix = _("delete it; only image files belong in content/images/")
    return Problem(shown_prefix + relative, 0, FIELD, what, fix)


def _hidden_folder(relative: str, shown_prefix: str) -> Problem:
    return Problem(
        shown_prefix + relative,
        0,
        FIELD,
        _("this hidden folder is inside the images folder, whose files are all published"),
        _("move it out of content/images/ (hidden files are not images)"),
    )


def _unreadable(relative: str, shown_prefix: str, err: OSError) -> Problem:
    reason = _("permission denied") if err.errno in (errno.EACCES, errno.EPERM) else (err.strerror or str(err))
    return Problem(
        shown_prefix + relative,
        0,
        FIELD,
        _("this could not be read ({reason})").format(reason=reason),
        _("check that the file or folder belongs to you and can be read"),
    )


def read_source(image: SourceImage, max_bytes: int, max_file_mb: float) -> bytes:
    """The file's bytes, read without following a link or waiting on a pipe, within the size limit."""
    if image.size > max_bytes:
        raise _too_large(image.size, max_file_mb)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(image.path, flags)
    except OSError as err:
        raise NotCleanable(
            _("this file could not be opened ({reason})").format(reason=err.strerror), _("check that it can be read")
        ) from err
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotCleanable(
                _("this is not a regular file"), _("delete it; only image files belong in content/images/")
            )
        if info.st_size > max_bytes:
            raise _too_large(info.st_size, max_file_mb)
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(len(data), max_file_mb)
    return data


def _too_large(size: int, max_file_mb: float) -> NotCleanable:
    return NotCleanable(
        _("this file is {size} MB, more than IMAGE_MAX_FILE_MB ({most})").format(
            size=_megabytes(size), most=f"{max_file_mb:g}"
        ),
        _(
            "save a smaller copy (a photo for the web needs less than 1 MB), "
            "or raise IMAGE_MAX_FILE_MB in pelicanconf.py"
        ),
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f}" if size >= 100_000 else f"{size / 1_000_000:.2g}"
