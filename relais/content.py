"""Load every content file, validate it, and index it for the build.

:func:`load_content` reads each file once, collects every problem (it never
stops at the first), and returns a :class:`ContentIndex` that the Pelican
plugins reuse, so no file is parsed twice.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from .clock import Clock, as_datetime
from .content_files import content_files
from .content_types import CORE_TYPES, ContentType
from .i18n import _
from .link_checks import internal_links
from .messages import choose_from, one_of, validation_problems
from .private_list import FIELD as NEVER_PUBLISH_FIELD
from .problems import Problem, Problems, Severity
from .schemas import ContentModel
from .settings import SiteConfig
from .slugs import slugify
from .sources import FrontMatter, Location, SourceError, read_front_matter, read_yaml_file


@dataclass(frozen=True)
class Entry:
    """One valid content file."""

    type: ContentType
    source: str  # relative to the content folder, with '/' separators
    shown_as: str  # how messages name the file
    front: FrontMatter
    data: Any  # the type's ContentModel instance
    slug: str
    lang: str
    valid: bool = True  # False: some fields were wrong; never published

    @property
    def is_unpublished(self) -> bool:
        """Not on the site (a draft, a post waiting for review, a file never published): its problems are
        warnings that never stop the site, even with --strict, until it is published.

        Decided on the raw field, so a file whose status is misspelt is not
        taken for a draft.
        """
        if self.type.file is not None:
            return True
        return (
            "status" in self.type.model.model_fields
            and self.front.data.get("status", "draft") in self.type.unpublished_statuses
        )

    @property
    def is_draft(self) -> bool:
        """The name plugins use for :attr:`is_unpublished`."""
        return self.is_unpublished

    @property
    def unpublished_note(self) -> str:
        """Added to the fix of each problem of an unpublished file."""
        if self.type.file is not None:
            return _("this file is never published, so this does not stop the site")
        if self.front.data.get("status", "draft") == "draft":
            return _("this is a draft: fix it before publishing")
        if self.front.data.get("status") == "review":
            return _("this is waiting for review: fix it before it is published")
        return _("this is not on the site: fix it before putting it back")

    @property
    def key(self) -> str:
        """The file's name without folder and suffix (authors are referred to by it)."""
        return Path(self.source).stem

    @property
    def status(self) -> str:
        return getattr(self.data, "status", None) or (
            "draft" if "status" in self.type.model.model_fields else "published"
        )

    @property
    def translation_key(self) -> str | None:
        return getattr(self.data, "translation_key", None)

    def problem(self, location: Location, field: str, what: str, fix: str) -> Problem:
        return Problem(self.shown_as, self.front.line_of(location), field, what, fix)


class ContentIndex:
    """Every valid entry, with look-ups the build and the checks share."""

    def __init__(
        self,
        config: SiteConfig,
        clock: Clock,
        entries: Iterable[Entry],
        problems: Problems,
        content_dir: Path,
        *,
        preview: bool = False,
    ) -> None:
        self.config = config
        self.content_dir = content_dir
        self.clock = clock
        # The drafts preview (serve --drafts): drafts, files waiting for review
        # and scheduled ones are built too, each marked "not published".
        self.preview = preview
        self.entries: list[Entry] = sorted(entries, key=lambda entry: entry.source)
        self.problems = problems
        self.by_source = {entry.source: entry for entry in self.entries}
        self.authors = {entry.key: entry for entry in self.entries if entry.type.name == "author"}
        self._by_translation: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for entry in self.entries:
            if entry.translation_key:
                self._by_translation[(entry.type.name, entry.translation_key)].append(entry)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return self.config.zone

    def is_published(self, entry: Entry) -> bool:
        """Published status and, for dated content, a date that has come (in the drafts preview: on the site)."""
        return self.is_out(entry) or (self.preview and self.not_out_yet(entry) is not None)

    def is_out(self, entry: Entry) -> bool:
        """Really published: a published status and, for dated content, a date that has come."""
        if not entry.valid or entry.status not in entry.type.published_statuses:
            return False
        date = getattr(entry.data, "date", None)
        return date is None or self.clock.is_due(date, self.zone)

    def not_out_yet(self, entry: Entry) -> str | None:
        """Why a valid entry a preview may show is not on the site: "draft", "review" or "scheduled"; else None."""
        if not entry.valid or not entry.type.translatable or self.is_out(entry):
            return None
        if entry.status in entry.type.published_statuses:
            return "scheduled"
        return entry.status if entry.status in ("draft", "review") else None

    def published(self, type_name: str, lang: str | None = None) -> list[Entry]:
        return [
            entry
            for entry in self.entries
            if entry.type.name == type_name and (lang is None or entry.lang == lang) and self.is_published(entry)
        ]

    def translations(self, entry: Entry) -> list[Entry]:
        """Published translations of an entry, in the order languages are declared."""
        if not entry.translation_key:
            return []
        others = {
            other.lang: other
            for other in self._by_translation[(entry.type.name, entry.translation_key)]
            if other.lang != entry.lang and self.is_published(other)
        }
        return [others[lang] for lang in self.config.LANGUAGES if lang in others]

    def is_peer(self, entry: Entry) -> bool:
        if getattr(entry.data, "peer", None) is not None:
            return bool(entry.data.peer)
        roles = [
            self.authors[key].data.role for key in getattr(entry.data, "authors", None) or () if key in self.authors
        ]
        return "peer" in roles

    def author_names(self, entry: Entry) -> list[str]:
        return [
            self.authors[key].data.name for key in getattr(entry.data, "authors", None) or () if key in self.authors
        ]

    def published_at(self, entry: Entry) -> Any:
        return as_datetime(entry.data.date, self.zone)


def load_content(
    content_dir: Path,
    config: SiteConfig,
    clock: Clock,
    types: Iterable[ContentType] = CORE_TYPES,
    shown_root: Path | None = None,
    *,
    preview: bool = False,
) -> ContentIndex:
    """Read and validate every content file; never stops at the first problem."""
    types = tuple(types)
    problems = Problems()
    entries: list[Entry] = []
    files, folder_problems = content_files(content_dir, shown_root)
    problems.extend(folder_problems)
    for relative, path, shown_as in files:
        content_type = next((t for t in types if t.owns(relative)), None)
        if content_type is None:
            if relative.endswith((".md", ".yml", ".yaml")) and "/" in relative:
                problems.warning(
                    shown_as,
                    1,
                    "file",
                    "this file is not in a folder Relais reads, so it is ignored",
                    f"move it into one of: {one_of(t.shown_folder for t in types)}",
                )
            continue
        entry, file_problems = _load_entry(content_type, relative, path, shown_as, config)
        problems.extend(file_problems)
        if entry is not None:
            entries.append(entry)
    index = ContentIndex(config, clock, entries, problems, content_dir, preview=preview)
    unpublished = {entry.shown_as: entry for entry in index.entries if entry.is_unpublished}
    for problem in _cross_checks(index):
        entry = unpublished.get(problem.file)
        problems.add(as_draft_warning(problem, entry) if entry is not None else problem)
    return index


def _load_entry(
    content_type: ContentType, relative: str, path: Path, shown_as: str, config: SiteConfig
) -> tuple[Entry | None, list[Problem]]:
    reader = read_front_matter if content_type.has_body else read_yaml_file
    try:
        front, problems = reader(path, shown_as, config)
    except SourceError as err:
        return None, [err.problem]
    valid = True
    try:
        data: ContentModel = content_type.model.model_validate(front.data)
    except ValidationError as err:
        # Keep what is valid, so that the checks on other fields still run and
        # the writer sees every problem of the file at once.
        valid = False
        problems = problems + validation_problems(err, content_type.model, front, shown_as)
        data = partial_model(content_type.model).model_validate(_without(front.data, err))
    lang = getattr(data, "lang", None) or config.DEFAULT_LANG
    tags = getattr(data, "tags", None) or ()
    if len(tags) > config.MAX_TAGS:
        valid = False
        problems = [
            *problems,
            Problem(
                shown_as,
                front.line_of(("tags",)),
                "tags",
                f"this {content_type.name} has {len(tags)} tags; {config.most('MAX_TAGS')}",
                "keep the few words readers would look for",
            ),
        ]
    entry = Entry(content_type, relative, shown_as, front, data, slugify(Path(relative).stem), lang, valid)
    if entry.is_unpublished:
        problems = [as_draft_warning(problem, entry) for problem in problems]
    return entry, problems


@functools.cache
def partial_model(model: type[ContentModel]) -> type[BaseModel]:
    """The same fields, all optional: what is left of a file once its bad fields are dropped."""
    fields: dict[str, Any] = {
        name: (
            Optional[info.rebuild_annotation()],  # noqa: UP045 - a runtime type expression
            None if info.is_required() else info.get_default(call_default_factory=True),
        )
        for name, info in model.model_fields.items()
    }
    return create_model(f"Partial{model.__name__}", __config__=ConfigDict(extra="ignore", frozen=True), **fields)


def _without(raw: dict[str, Any], err: ValidationError) -> dict[str, Any]:
    bad = {str(item["loc"][0]) for item in err.errors() if item["loc"]}
    return {key: value for key, value in raw.items() if key not in bad}


def as_draft_warning(problem: Problem, entry: Entry | None = None) -> Problem:
    """A problem of an unpublished file, as a held warning: it never stops the site, even with --strict."""
    if problem.field == NEVER_PUBLISH_FIELD:
        return problem  # a private string must leave the repository, whatever the file's status
    if problem.severity is Severity.WARNING:
        return problem.as_held()
    return problem.as_held(entry.unpublished_note if entry is not None else _("fix it before publishing"))


def hold_unpublished(problems: Iterable[Problem], index: ContentIndex) -> list[Problem]:
    """Every problem of a file that is not published becomes a held warning (never-publish matches excepted)."""
    unpublished = {entry.shown_as: entry for entry in index.entries if entry.is_unpublished}
    return [
        as_draft_warning(problem, unpublished[problem.file]) if problem.file in unpublished else problem
        for problem in problems
    ]


def _cross_checks(index: ContentIndex) -> Iterator[Problem]:
    seen_slugs: dict[tuple[str, str, str], Entry] = {}
    seen_keys: dict[tuple[str, str, str], Entry] = {}
    for entry in index.entries:
        if entry.type.translatable:
            yield from _check_lang(entry, index)
            yield from _unique(
                entry,
                seen_slugs,
                (entry.type.name, entry.lang, entry.slug),
                location=("title",),
                field="file name",
                what="another file has the same name in the same language",
                fix="rename one of the two files",
            )
            if entry.translation_key:
                yield from _unique(
                    entry,
                    seen_keys,
                    (entry.type.name, entry.lang, entry.translation_key),
                    location=("translation_key",),
                    field="translation_key",
                    what="another file in the same language uses this translation_key",
                    fix="each language may have only one file per translation_key; change one of them",
                )
        else:
            yield from _check_bio_languages(entry, index)
        if entry.type.has_body:
            yield from internal_links(entry, index)
        for check in entry.type.checks:
            yield from check(entry, index)


def _check_lang(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    languages = index.config.LANGUAGES
    if entry.lang not in languages:
        yield entry.problem(
            ("lang",), "lang", f"'{entry.lang}' is not one of the site's languages", choose_from(entry.lang, languages)
        )


def _check_bio_languages(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    for lang in getattr(entry.data, "bio", {}):
        if lang not in index.config.LANGUAGES:
            yield entry.problem(
                ("bio", lang),
                "bio",
                f"'{lang}' is not one of the site's languages",
                f"use one of: {one_of(index.config.LANGUAGES)}",
            )


def _unique(
    entry: Entry, seen: dict[Any, Entry], key: Any, *, location: Location, field: str, what: str, fix: str
) -> Iterator[Problem]:
    """Report a clash on both files, each naming the other."""
    first = seen.setdefault(key, entry)
    if first is not entry:
        yield entry.problem(location, field, f"{what} ({first.shown_as})", fix)
        yield first.problem(location, field, f"{what} ({entry.shown_as})", fix)
