"""Checks on posts that need other files or the site's settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .clock import as_datetime
from .messages import choose_from, did_you_mean, one_of
from .problems import Problem
from .questions import answered_question

if TYPE_CHECKING:
    from .content import ContentIndex, Entry


def known_authors(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    for position, key in enumerate(entry.data.authors or ()):
        if key not in index.authors:
            yield entry.problem(
                ("authors", position),
                "authors",
                f"there is no author called '{key}'",
                _author_hint(key, index),
            )


def declared_category(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    key = entry.data.category
    categories = index.config.CATEGORIES
    if key is not None and key not in categories:
        yield entry.problem(
            ("category",), "category", f"'{key}' is not one of our categories", choose_from(key, categories)
        )


def peer_review(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    reviewer = entry.data.reviewed_by
    if reviewer is not None:
        author = index.authors.get(reviewer)
        if author is None:
            yield entry.problem(
                ("reviewed_by",),
                "reviewed_by",
                f"there is no author called '{reviewer}'",
                _author_hint(reviewer, index),
            )
        elif author.data.role != "staff":
            yield entry.problem(
                ("reviewed_by",),
                "reviewed_by",
                f"'{reviewer}' is not a staff member",
                "a staff member reviews peer posts: put a staff author's file name here",
            )
    if entry.data.status == "published" and index.is_peer(entry) and reviewer is None:
        yield entry.problem(
            ("status",),
            "status",
            "a peer's post cannot be published before a staff member has reviewed it",
            "ask a staff member to review it, then add 'reviewed_by: their-name', or set 'status: review'",
        )


def updated_after_date(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    updated = entry.data.updated
    if (
        updated is not None
        and entry.data.date is not None
        and as_datetime(updated, index.zone) < as_datetime(entry.data.date, index.zone)
    ):
        yield entry.problem(("updated",), "updated", "the update comes before the post's own date", "check both dates")


def _author_hint(key: str, index: ContentIndex) -> str:
    guess = did_you_mean(key, index.authors)
    if guess:
        return f"did you mean '{guess}'?"
    if index.authors:
        return f"use the name of a file in content/authors/ without '.yml': {one_of(sorted(index.authors))}"
    return "add a file content/authors/" + key + ".yml with 'name:' and 'role:'"


CHECKS = (known_authors, declared_category, peer_review, updated_after_date, answered_question)
