"""Checks on posts that need other files or the site's settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .clock import as_datetime
from .i18n import _, long_date
from .messages import choose_from, did_you_mean, one_of
from .problems import Problem, Severity
from .questions import answered_question

if TYPE_CHECKING:
    from .content import ContentIndex, Entry

# A date further ahead than this is most likely a typo (2027 for 2026).
FAR_AHEAD = dt.timedelta(days=366)


def known_authors(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    for position, key in enumerate(entry.data.authors or ()):
        if key not in index.authors:
            yield entry.problem(
                ("authors", position),
                "authors",
                _("there is no author called '{author}'").format(author=key),
                author_hint(key, sorted(index.authors)),
            )


def declared_category(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    key = entry.data.category
    categories = index.config.CATEGORIES
    if key is not None and key not in categories:
        labels = {name: list(labels.values()) for name, labels in categories.items()}
        yield entry.problem(
            ("category",),
            "category",
            _("'{category}' is not one of our categories").format(category=key),
            choose_from(key, categories, labels),
        )


def peer_review(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    reviewer = entry.data.reviewed_by
    staff = sorted(key for key, author in index.authors.items() if author.data.role == "staff")
    if reviewer is not None:
        author = index.authors.get(reviewer)
        if author is None:
            yield entry.problem(
                ("reviewed_by",),
                "reviewed_by",
                _("there is no author called '{author}'").format(author=reviewer),
                _staff_hint(reviewer, staff),
            )
        elif author.data.role != "staff":
            yield entry.problem(
                ("reviewed_by",),
                "reviewed_by",
                _("'{author}' is not a staff member").format(author=reviewer),
                _staff_hint(reviewer, staff),
            )
    if entry.data.status == "published" and index.is_peer(entry) and reviewer is None:
        yield entry.problem(
            ("status",),
            "status",
            _("a peer's post cannot be published before a staff member has reviewed it"),
            _(
                "ask a staff member to review it, then add 'reviewed_by: their-name' ({staff}), or set 'status: review'"
            ).format(staff=one_of(staff) if staff else _("there is no staff member yet")),
        )


def updated_after_date(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    updated = entry.data.updated
    if (
        updated is not None
        and entry.data.date is not None
        and as_datetime(updated, index.zone) < as_datetime(entry.data.date, index.zone)
    ):
        yield entry.problem(
            ("updated",), "updated", _("the update comes before the post's own date"), _("check both dates")
        )


def scheduled(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """A published post dated later: say when it goes out, and question a date over a year ahead."""
    date = getattr(entry.data, "date", None)
    if date is None or entry.status not in entry.type.published_statuses or not entry.valid:
        return
    today = index.clock.today
    day = date.date() if isinstance(date, dt.datetime) else date
    if day - today > FAR_AHEAD:
        yield Problem(
            entry.shown_as,
            entry.front.line_of(("date",)),
            "date",
            _("{date} is more than a year from now").format(date=long_date(day)),
            _("check the year; if it is right, the post goes out on that day"),
            Severity.WARNING,
        )
    elif not index.clock.is_due(date, index.zone):
        yield Problem(
            entry.shown_as,
            entry.front.line_of(("date",)),
            "date",
            _("this is scheduled: it goes out on {date}").format(date=long_date(day)),
            _("it appears with the first build on or after that day"),
            Severity.NOTE,
        )


def author_hint(key: str, authors: list[str]) -> str:
    """A guess, the authors there are, and how to add one."""
    guess = did_you_mean(key, authors)
    add = _('to add a new author: ./publish.py new author "{name}"').format(name=key)
    if guess:
        return _("did you mean '{guess}'? {add}").format(guess=guess, add=add)
    if authors:
        return _("use one of {authors} (file names in content/authors/), or {add}").format(
            authors=one_of(authors), add=add
        )
    return add


def _staff_hint(key: str, staff: list[str]) -> str:
    if not staff:
        return _(
            "a staff member reviews peer posts, and no author has 'role: staff' yet: "
            'add one with ./publish.py new author "Name" --role staff'
        )
    guess = did_you_mean(key, staff)
    listed = _("a staff member reviews peer posts: {staff}").format(staff=one_of(staff))
    return _("did you mean '{guess}'? {use}").format(guess=guess, use=listed) if guess else listed


CHECKS = (known_authors, declared_category, peer_review, updated_after_date, scheduled, answered_question)
