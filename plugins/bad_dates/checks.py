"""Checks on the editions of the bad date list.

Per file (``ENTRY_CHECKS``, cached with the file's bytes and the settings):
where the file is, the types against ``BAD_DATES_TYPES``, ids, addresses,
first-person accounts, numbers and handles that are not the aggressor's,
dates that do not fit the edition.  Across files (``SOURCE_CHECKS``): an id
used twice, a report missing from the other language's edition, dates after
today.

Messages never quote a report's text: a number or an address found where it
should not be may be the reporter's, and a build log is read by many.  They
name the file, the line and the field instead.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from relais.content import as_draft_warning
from relais.i18n import _
from relais.messages import choose_from
from relais.problems import Problem, Severity

from .config import BadDatesSettings, settings_problems, site_settings
from .editions import TYPE_NAME, all_editions
from .identifiers import addresses_in, known_contact, phones_in
from .months import months_between, parse_day_or_month, parse_month
from .places import gives_a_place_away
from .schema import Report
from .voice import first_person_word

if TYPE_CHECKING:
    from relais.content import Entry
    from relais.site import Site

# Free text a reader sees, where a place or someone's number could slip in.
_TEXT_FIELDS = ("what_happened", "advice")
_AGGRESSOR_TEXT = ("description", "marks", "clothing")
FOLDER = "bad-dates"


def _draft_aware(entry: Entry, problems: Iterable[Problem]) -> Iterator[Problem]:
    for problem in problems:
        yield as_draft_warning(problem) if entry.is_draft else problem


def edition_problems(entry: Entry, site: Site) -> Iterator[Problem]:
    """The ``ENTRY_CHECKS`` hook: every check of one edition file."""
    if entry.type.name != TYPE_NAME:
        return
    yield from _draft_aware(entry, _edition_problems(entry, site))


def _edition_problems(entry: Entry, site: Site) -> Iterator[Problem]:
    yield from _file_place(entry, site)
    if entry.front.body.strip():
        yield Problem(
            entry.shown_as,
            entry.front.body_line,
            "text",
            _("an edition has no text below its fields: nothing written here would be published"),
            _(
                "move an introduction to 'intro:', and delete anything else "
                "(the list holds only the reports' public fields)"
            ),
        )
    edition = getattr(entry.data, "edition", None)
    if edition is None:
        return  # without its month, an edition's dates cannot be checked; the month's problem is listed already
    config = site_settings(site)
    seen: dict[str, int] = {}
    for position, report in valid_reports(entry):
        yield from _report_problems(entry, position, report, config, seen)


def valid_reports(entry: Entry) -> list[tuple[int, Report]]:
    """Each report that passes the schema, with its place in the file.

    In a file with a wrong field somewhere, the other reports are still
    checked, so that staff see every problem of the edition at once.
    """
    if entry.valid:
        return list(enumerate(entry.data.reports))
    raw = entry.front.data.get("reports")
    found = []
    for position, item in enumerate(raw if isinstance(raw, list) else []):
        try:
            found.append((position, Report.model_validate(item)))
        except ValueError:
            continue
    return found


def _file_place(entry: Entry, site: Site) -> Iterator[Problem]:
    """``content/bad-dates/<lang>/<YYYY-MM>.md``: the address of its page comes from the file's name."""
    path = PurePosixPath(entry.source)
    edition = getattr(entry.data, "edition", None)
    wanted = f"{FOLDER}/{entry.lang}/{edition}{path.suffix}" if edition else ""
    if edition and entry.source != wanted:
        yield entry.problem(
            ("edition",),
            "file name",
            _("the file of the {month} edition in '{lang}' must be content/{wanted}").format(
                month=edition, lang=entry.lang, wanted=wanted
            ),
            _("move or rename it (and give its 'lang:' if the language is not right)"),
        )


def _report_problems(
    entry: Entry, position: int, report: Any, config: BadDatesSettings, seen: dict[str, int]
) -> Iterator[Problem]:
    here = ("reports", position)

    def problem(field: tuple[Any, ...], what: str, fix: str, severity: Severity = Severity.ERROR) -> Problem:
        found = entry.problem((*here, *field), ".".join(str(part) for part in ("reports", position, *field)), what, fix)
        return found if severity is Severity.ERROR else found.as_warning()

    if report.id in seen:
        yield problem(
            ("id",),
            _("another report of this edition has the id '{id}'").format(id=report.id),
            _("give each report its own id"),
        )
    seen.setdefault(report.id, position)
    for number, key in enumerate(report.types):
        if key not in config.BAD_DATES_TYPES:
            yield problem(
                ("types", number),
                _("'{value}' is not one of the kinds of harm the list uses").format(value=key),
                choose_from(key, config.BAD_DATES_TYPES),
            )
    if report.area and gives_a_place_away(report.area):
        yield problem(
            ("area",),
            _("this looks like an address: an incall's address tells people where the person who reported works"),
            _("write the neighbourhood or the part of town only, for example 'east end, near the port'"),
        )
    yield from _text_problems(report, entry.lang, problem)
    yield from _date_problems(entry, report, problem, config.BAD_DATES_REPORT_WINDOW_MONTHS)


def _text_problems(report: Any, lang: str, problem: Any) -> Iterator[Problem]:
    texts = [((name,), getattr(report, name)) for name in _TEXT_FIELDS]
    texts += [(("aggressor", name), getattr(report.aggressor, name)) for name in _AGGRESSOR_TEXT]
    for field, text in texts:
        if not text:
            continue
        if gives_a_place_away(text):
            yield problem(
                field,
                _("this text looks like it holds an address, a postal code or map coordinates"),
                _("name the area only: a precise place can point to the person who reported"),
                severity=Severity.WARNING,
            )
        found = [
            item for item in [*phones_in(text), *addresses_in(text)] if not known_contact(item, report.contact_used)
        ]
        if found:
            yield problem(
                field,
                _("this text holds a phone number, an email or a handle that is not in 'contact_used'"),
                _(
                    "if the aggressor used it, add it to 'contact_used'; "
                    "if it belongs to anyone else (it may be the reporter's), delete it"
                ),
                severity=Severity.WARNING,
            )
    word = first_person_word(report.what_happened, lang)
    if word:
        yield problem(
            ("what_happened",),
            _("this account is written in the first person ('{word}')").format(word=word),
            _("rewrite it in the third person, as the program's warning: it also takes out the reporter's own voice"),
            severity=Severity.WARNING,
        )


def _date_problems(entry: Entry, report: Report, problem: Any, window: int) -> Iterator[Problem]:
    happened = parse_day_or_month(report.date)
    month = parse_month(entry.data.edition)
    if report.reported_on < happened.first_day:
        yield problem(
            ("reported_on",),
            _("the report reached us before the day it happened"),
            _("check 'date' (when it happened) and 'reported_on' (when we heard of it)"),
        )
    if happened.first_day > month.last_day:
        yield problem(
            ("date",),
            _("this happened after the month of this edition ({month})").format(month=entry.data.edition),
            _("check the date, or put the report in a later edition"),
            severity=Severity.WARNING,
        )
    if months_between(happened.last_day, month.first_day) > window:
        yield problem(
            ("date",),
            _("this happened more than {months} months before this edition").format(months=window),
            _(
                "check the date; if it is right the warning is still worth publishing "
                "(the window is BAD_DATES_REPORT_WINDOW_MONTHS in the settings)"
            ),
            severity=Severity.WARNING,
        )


def check_editions(site: Site) -> Iterator[Problem]:
    """The ``SOURCE_CHECKS`` hook: the settings, then what needs several files or today's date."""
    problems = list(settings_problems(site.settings, site.settings_file))
    yield from problems
    editions = [entry for entry in all_editions(site) if getattr(entry.data, "edition", None)]
    for entry, found in _across_files(editions, site):
        yield as_draft_warning(found) if entry.is_draft else found


def _across_files(editions: list[Entry], site: Site) -> Iterator[tuple[Entry, Problem]]:
    yield from _ids_used_twice(editions)
    yield from _after_today(editions, site.clock.today)
    yield from _other_languages(editions, list(site.config.LANGUAGES))


def _report_problem(entry: Entry, position: int, field: str, what: str, fix: str, *, severity: Severity) -> Problem:
    found = entry.problem(("reports", position, field), f"reports.{position}.{field}", what, fix)
    return found if severity is Severity.ERROR else found.as_warning()


def _ids_used_twice(editions: list[Entry]) -> Iterator[tuple[Entry, Problem]]:
    """An id names one report for good: in the feeds, the lookup and links, across the months."""
    first: dict[tuple[str, str], Entry] = {}
    for entry in editions:
        for position, report in valid_reports(entry):
            other = first.setdefault((entry.lang, report.id), entry)
            if other is not entry:
                yield (
                    entry,
                    _report_problem(
                        entry,
                        position,
                        "id",
                        _("the id '{id}' is already used in {other}").format(id=report.id, other=other.shown_as),
                        _("give this report a new id: an id is never used for two reports"),
                        severity=Severity.ERROR,
                    ),
                )


def _after_today(editions: list[Entry], today: dt.date) -> Iterator[tuple[Entry, Problem]]:
    """On an edition whose month has come, nothing can have happened or been reported after today.

    An edition of a later month waits for its day (a build with ``--today`` in the past sees it so).
    """
    for entry in editions:
        if parse_month(entry.data.edition).first_day > today:
            continue
        for position, report in valid_reports(entry):
            if parse_day_or_month(report.date).first_day > today:
                yield (
                    entry,
                    _report_problem(
                        entry,
                        position,
                        "date",
                        _("this date is after today"),
                        _("check the date"),
                        severity=Severity.ERROR,
                    ),
                )
            if report.reported_on > today:
                yield (
                    entry,
                    _report_problem(
                        entry,
                        position,
                        "reported_on",
                        _("this date is after today"),
                        _("write the day the report reached us"),
                        severity=Severity.ERROR,
                    ),
                )


# Fields that do not depend on the language: both versions of a report must agree on them.
_SHARED_FIELDS = ("date", "time_of_day", "place_type", "types", "reported_on")


def _other_languages(editions: list[Entry], languages: list[str]) -> Iterator[tuple[Entry, Problem]]:
    """Each report in every language, the same on what words do not change."""
    months: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entry in editions:
        months[entry.translation_key or entry.data.edition][entry.lang] = entry
    for versions in months.values():
        for lang, entry in versions.items():
            for other_lang in languages:
                if other_lang == lang:
                    continue
                other = versions.get(other_lang)
                if other is None:
                    yield (
                        entry,
                        entry.problem(
                            ("edition",),
                            "edition",
                            _("this edition has no version in '{lang}'").format(lang=other_lang),
                            _(
                                "run 'publish.py new bad-dates {month}' or translate it, "
                                "so that every reader gets the warnings"
                            ).format(month=entry.data.edition),
                        ).as_warning(),
                    )
                    continue
                yield from ((entry, found) for found in _missing_or_different(entry, other))


def _shared_value(report: Any, field: str) -> Any:
    value = getattr(report, field)
    return sorted(value) if isinstance(value, list) else value


def _missing_or_different(entry: Entry, other: Entry) -> Iterator[Problem]:
    theirs = {report.id: report for _position, report in valid_reports(other)}
    for position, report in valid_reports(entry):
        twin = theirs.get(report.id)
        if twin is None:
            yield _report_problem(
                entry,
                position,
                "id",
                _("this report is not in the '{lang}' edition ({other})").format(lang=other.lang, other=other.shown_as),
                _("add it there with the same id, so that readers of both languages get the same warnings"),
                severity=Severity.WARNING,
            )
            continue
        for field in _SHARED_FIELDS:
            if _shared_value(report, field) != _shared_value(twin, field):
                yield _report_problem(
                    entry,
                    position,
                    field,
                    _("this report's '{field}' is not the same in {other}").format(field=field, other=other.shown_as),
                    _("the two versions of a report tell the same facts: correct one of them"),
                    severity=Severity.WARNING,
                )
