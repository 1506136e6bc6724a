"""``publish.py status``: what is due on publishing day, per language.

Read from the checked content and the build's clock (``--today`` works):
the last post and the publishing rhythm, what waits for review, drafts left
untouched, what is scheduled, what ends soon, what has no translation, the
most asked questions of the topic backlog that no post answers, and the
latest monthly edition of a content type that has them (the bad date list).
The same :class:`Status` is printed in words (:mod:`relais.status_text`) or
as JSON (``--json``), so the two always say the same things.

Plugins add what ends soon with ``STATUS_ENDINGS``: functions ``(site) ->
Iterable[Ending]`` (announcements, service notices, events).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .clock import as_datetime
from .content import ContentIndex, Entry
from .file_dates import last_changed
from .problems import Problem
from .questions import asked_questions
from .settings import typed_settings
from .site import Site


class StatusSettings(BaseModel):
    """The settings ``status`` reads (pelicanconf.py), with their defaults."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    PUBLISHING_RHYTHM_DAYS: int = Field(31, ge=1, description="Warn when no post was published for this long.")
    STATUS_SOON_DAYS: int = Field(14, ge=1, description="What ends within this many days, or ended as recently.")
    STATUS_STALE_DRAFT_DAYS: int = Field(30, ge=1, description="Drafts untouched for this long are listed.")
    STATUS_QUESTIONS: int = Field(5, ge=0, description="How many unanswered questions are listed per language.")


def status_settings(site: Site) -> tuple[StatusSettings, list[Problem]]:
    config, problems = typed_settings(StatusSettings, site.settings, site.settings_file)
    return config or StatusSettings(), problems


@dataclass(frozen=True)
class Ending:
    """Something on the site that ends soon or has just ended, as a plugin's ``STATUS_ENDINGS`` report it."""

    kind: str  # stable, for --json: "announcement", "service notice", "event", "event notice"
    label: str  # the kind in words, in the writer's language
    title: str
    file: str
    lang: str
    ends: dt.datetime


@dataclass(frozen=True)
class Item:
    """One line of the report: a file, what it is, and the day that matters for this section."""

    kind: str
    title: str
    file: str
    day: dt.datetime | dt.date | None = None  # the date, the last change, when it goes out or ends
    days: int | None = None  # days from the day to today: positive when it is past, negative when it is to come
    authors: tuple[str, ...] = ()  # names, as readers see them
    lang: str = ""  # the file's language, when it differs from the section's
    translation: str = ""  # the file of a translation being written
    label: str = ""  # the kind in words, in the writer's language (plain output only)

    def as_json(self) -> dict[str, Any]:
        """The fields that say something: empty ones and the words for people are left out."""
        values = dataclasses.asdict(self)
        return {key: value for key, value in values.items() if key != "label" and value not in ("", (), None)}


@dataclass(frozen=True)
class OpenQuestion:
    number: int
    text: str
    times: int
    asked: dt.date | dt.datetime
    in_progress: tuple[str, ...] = ()  # files of drafts (or posts waiting for review) that answer it


@dataclass(frozen=True)
class Edition:
    """The latest monthly edition of a content type with an ``edition`` field (YYYY-MM), such as the bad date list."""

    kind: str
    latest: str | None
    this_month: str
    missing: bool


@dataclass
class LanguageStatus:
    lang: str
    name: str
    last_post: Item | None
    rhythm_days: int
    rhythm_broken: bool
    waiting_for_review: list[Item] = field(default_factory=list)
    stale_drafts: list[Item] = field(default_factory=list)
    scheduled: list[Item] = field(default_factory=list)
    ending: list[Item] = field(default_factory=list)
    untranslated: list[Item] = field(default_factory=list)
    questions: list[OpenQuestion] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in (entry.name for entry in dataclasses.fields(self)):
            value = getattr(self, name)
            if isinstance(value, Item):
                value = value.as_json()
            elif isinstance(value, list):
                value = [item.as_json() if isinstance(item, Item) else dataclasses.asdict(item) for item in value]
            values[name] = value
        return values


@dataclass
class Status:
    site: str
    now: dt.datetime
    errors: int
    warnings: int
    settings: StatusSettings
    languages: list[LanguageStatus]

    def as_json(self) -> dict[str, Any]:
        return _jsonable(
            {
                "site": self.site,
                "today": self.now.date(),
                "now": self.now,
                "problems": {"errors": self.errors, "warnings": self.warnings},
                "settings": self.settings.model_dump(),
                "languages": {language.lang: language.as_json() for language in self.languages},
            }
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def site_status(site: Site, settings: StatusSettings) -> Status:
    index = site.index
    now = site.clock.now
    changed = _last_changes(site)
    endings = [ending for hook in site.hooks("STATUS_ENDINGS") for ending in hook(site)]
    window = dt.timedelta(days=settings.STATUS_SOON_DAYS)
    languages = []
    for lang, language in site.config.LANGUAGES.items():
        last = _last_post(index, lang, now)
        quiet = _days(last.day, now) if last is not None and last.day is not None else None
        languages.append(
            LanguageStatus(
                lang=lang,
                name=language.name,
                last_post=last,
                rhythm_days=settings.PUBLISHING_RHYTHM_DAYS,
                rhythm_broken=quiet is None or quiet > settings.PUBLISHING_RHYTHM_DAYS,
                waiting_for_review=_waiting(index, lang, now, changed),
                stale_drafts=_stale_drafts(index, lang, now, changed, settings.STATUS_STALE_DRAFT_DAYS),
                scheduled=_scheduled(index, lang, now),
                ending=_ending(endings, lang, now, window),
                untranslated=_untranslated(index, lang),
                questions=_open_questions(index, lang, settings.STATUS_QUESTIONS),
                editions=_editions(index, lang, now),
            )
        )
    problems = site.problems
    return Status(site.config.SITENAME, now, len(problems.errors), len(problems.warnings), settings, languages)


def _ending(endings: list[Ending], lang: str, now: dt.datetime, window: dt.timedelta) -> list[Item]:
    """What ends within the window, or ended as recently, soonest first."""
    return [
        Item(ending.kind, ending.title, ending.file, ending.ends, _days(ending.ends, now), label=ending.label)
        for ending in sorted(endings, key=lambda ending: (ending.ends, ending.title))
        if ending.lang == lang and now - window <= ending.ends <= now + window
    ]


def _days(day: dt.date | dt.datetime, now: dt.datetime) -> int:
    """Whole days from ``day`` to today: 0 today, 1 yesterday, -1 tomorrow."""
    local = day.astimezone(now.tzinfo).date() if isinstance(day, dt.datetime) and day.tzinfo else day
    if isinstance(local, dt.datetime):
        local = local.date()
    return (now.date() - local).days


def _title(entry: Entry) -> str:
    return str(getattr(entry.data, "title", None) or getattr(entry.data, "headline", None) or entry.key)


def _item(entry: Entry, day: dt.datetime | dt.date | None, now: dt.datetime, **extra: Any) -> Item:
    return Item(entry.type.name, _title(entry), entry.shown_as, day, _days(day, now) if day else None, **extra)


def _dated(entry: Entry, index: ContentIndex) -> dt.datetime | None:
    date = getattr(entry.data, "date", None)
    return as_datetime(date, index.zone) if date is not None else None


def _last_post(index: ContentIndex, lang: str, now: dt.datetime) -> Item | None:
    posts = index.published("post", lang)
    if not posts:
        return None
    latest = max(posts, key=lambda entry: (index.published_at(entry), entry.source))
    return _item(latest, index.published_at(latest), now)


def _mine(index: ContentIndex, lang: str, status: str) -> list[Entry]:
    return [
        entry
        for entry in index.entries
        if entry.lang == lang and "status" in entry.type.model.model_fields and entry.front.data.get("status") == status
    ]


def _waiting(index: ContentIndex, lang: str, now: dt.datetime, changed: dict[str, dt.datetime]) -> list[Item]:
    """Files waiting for review, the longest waiting first: since their date, else since their last change."""
    items = [
        _item(entry, _dated(entry, index) or changed.get(entry.source), now, authors=tuple(index.author_names(entry)))
        for entry in _mine(index, lang, "review")
    ]
    return sorted(items, key=lambda item: (-(item.days or 0), item.title))


def _stale_drafts(
    index: ContentIndex, lang: str, now: dt.datetime, changed: dict[str, dt.datetime], most: int
) -> list[Item]:
    items = [
        _item(entry, changed[entry.source], now)
        for entry in _mine(index, lang, "draft")
        if entry.source in changed and _days(changed[entry.source], now) >= most
    ]
    return sorted(items, key=lambda item: (-(item.days or 0), item.title))


def _last_changes(site: Site) -> dict[str, dt.datetime]:
    """When each draft and each file waiting for review was last changed (Git, else the file's time)."""
    entries = [
        entry
        for entry in site.index.entries
        if "status" in entry.type.model.model_fields and entry.front.data.get("status") in ("draft", "review")
    ]
    paths = {(site.content_dir / entry.source).resolve(): entry.source for entry in entries}
    found = last_changed(paths, site.config.zone)
    return {paths[path]: when for path, when in found.items() if path in paths}


def _scheduled(index: ContentIndex, lang: str, now: dt.datetime) -> list[Item]:
    """Published files dated later: each goes out with the first build on or after its date."""
    items = [
        _item(entry, when, now)
        for entry in index.entries
        if entry.lang == lang
        and entry.valid
        and entry.status in entry.type.published_statuses
        and (when := _dated(entry, index)) is not None
        and when > now
    ]
    return sorted(items, key=lambda item: (item.day, item.title))


def _untranslated(index: ContentIndex, lang: str) -> list[Item]:
    """What is on the site (or scheduled) in another language and has no published translation in ``lang``."""
    found = []
    for entry in index.entries:
        if not entry.type.translatable or entry.lang == lang or not _is_out(entry):
            continue
        others = [
            other
            for other in index.entries
            if entry.translation_key
            and other.type is entry.type
            and other.lang == lang
            and other.translation_key == entry.translation_key
        ]
        if any(_is_out(other) for other in others):
            continue
        started = next((other.shown_as for other in others), "")
        found.append(Item(entry.type.name, _title(entry), entry.shown_as, lang=entry.lang, translation=started))
    return sorted(found, key=lambda item: (item.kind, item.title.lower()))


def _is_out(entry: Entry) -> bool:
    """Published or scheduled: valid, with a status that puts it on the site."""
    return entry.valid and entry.status in entry.type.published_statuses


def _open_questions(index: ContentIndex, lang: str, most: int) -> list[OpenQuestion]:
    found = []
    for asked in asked_questions(index):
        if asked.lang != lang or any(_is_out(post) for post in asked.answers):
            continue
        question = asked.question
        writing = tuple(post.shown_as for post in asked.answers)
        found.append(OpenQuestion(question.id, question.text, question.times, question.asked, writing))
    return found[:most]


def _editions(index: ContentIndex, lang: str, now: dt.datetime) -> list[Edition]:
    """For each content type with monthly editions: the latest on the site, and whether this month's is missing."""
    this_month = now.strftime("%Y-%m")
    kinds = sorted({entry.type.name for entry in index.entries if "edition" in entry.type.model.model_fields})
    editions = []
    for kind in kinds:
        months = sorted(
            str(entry.data.edition)
            for entry in index.published(kind, lang)
            if getattr(entry.data, "edition", None) is not None
        )
        latest = months[-1] if months else None
        editions.append(Edition(kind, latest, this_month, this_month not in months))
    return editions


def endings_of(entries: Iterable[tuple[Entry, str, str, dt.datetime | None]]) -> list[Ending]:
    """Endings from (entry, kind, label, end) rows, leaving out what has no end."""
    return [
        Ending(kind, label, _title(entry), entry.shown_as, entry.lang, ends)
        for entry, kind, label, ends in entries
        if ends is not None
    ]


def run(site: Site, as_json: bool) -> tuple[str, list[Problem]]:
    """The report, as text or JSON, and any problem with the status settings."""
    import json

    from .status_text import status_text

    settings, problems = status_settings(site)
    status = site_status(site, settings)
    if as_json:
        return json.dumps(status.as_json(), ensure_ascii=False, indent=2) + "\n", problems
    return status_text(status, site), problems


__all__ = ["Ending", "Status", "endings_of", "run", "site_status"]
