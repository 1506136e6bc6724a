"""The content types Relais knows, and the registry plugins add to.

A content type is a folder under content/, a schema, and the checks that
need other files or the site's settings.  Later features (services, events,
guides…) add their own :class:`ContentType` from their plugin instead of
changing the core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import post_checks
from .questions import FILE as QUESTIONS_FILE
from .questions import Backlog, backlog_checks
from .schemas import Author, ContentModel, Page, Post

if TYPE_CHECKING:
    from .content import ContentIndex, Entry
    from .problems import Problem

Check = Callable[["Entry", "ContentIndex"], Iterable["Problem"]]


@dataclass(frozen=True)
class ContentType:
    name: str
    folder: str
    model: type[ContentModel]
    suffixes: tuple[str, ...] = (".md",)
    has_body: bool = True
    translatable: bool = True
    checks: tuple[Check, ...] = field(default_factory=tuple)
    # The statuses that put an entry on the site; services use their own
    # (active, temporarily-closed) instead of "published".
    published_statuses: tuple[str, ...] = ("published",)
    # The statuses of files that are not on the site (work in progress, or
    # taken off): their problems are warnings that never stop the site.
    unpublished_statuses: tuple[str, ...] = ("draft", "review")
    # A type kept in one file at the top of content/ (the topic backlog,
    # content/questions.yml) instead of a folder; such a file is never published.
    file: str | None = None

    def owns(self, relative_path: str) -> bool:
        if self.file is not None:
            return relative_path == self.file
        return relative_path.startswith(self.folder + "/") and relative_path.endswith(self.suffixes)

    @property
    def shown_folder(self) -> str:
        """Where writers put files of this type: ``content/posts/``, ``content/questions.yml``."""
        return f"content/{self.file}" if self.file is not None else f"content/{self.folder}/"


AUTHOR = ContentType("author", "authors", Author, suffixes=(".yml", ".yaml"), has_body=False, translatable=False)
POST = ContentType("post", "posts", Post, checks=post_checks.CHECKS)
PAGE = ContentType("page", "pages", Page)
# The topic backlog: one file, never published (relais/questions.py).
QUESTIONS = ContentType(
    "questions",
    "",
    Backlog,
    suffixes=(".yml",),
    has_body=False,
    translatable=False,
    checks=(backlog_checks,),
    file=QUESTIONS_FILE,
)

CORE_TYPES: tuple[ContentType, ...] = (AUTHOR, POST, PAGE, QUESTIONS)
