"""Links from one content file to another, checked before the build.

Pelican replaces ``{filename}``, ``{static}`` and ``{attach}`` links at build
time and only logs "Unable to find…" when the target is missing, without
saying which file holds the link; this check names the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .i18n import _
from .problems import Problem

if TYPE_CHECKING:
    from .content import ContentIndex, Entry

_INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^\s)\"'>#?]+)")


def internal_links(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    for offset, line in enumerate(entry.front.body.split("\n")):
        for match in _INTERNAL_LINK.finditer(line):
            target = _target(entry.source, match.group(2))
            if not (index.content_dir / target).exists():
                yield Problem(
                    entry.shown_as,
                    entry.front.body_line + offset,
                    _("link"),
                    _("the link {link} points to a file that does not exist").format(link=match.group(0)),
                    _("check the file name; paths start from this file's folder, or from content/ with a leading /"),
                )


def _target(source: str, link: str) -> str:
    if link.startswith("/"):
        return link.lstrip("/")
    resolved: list[str] = []
    for part in (PurePosixPath(source).parent / link).parts:
        if part == "..":
            if resolved:
                resolved.pop()
        elif part != ".":
            resolved.append(part)
    return "/".join(resolved)
