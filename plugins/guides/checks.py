"""Checks on guides that need the build's date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from relais.clock import as_datetime
from relais.i18n import _
from relais.problems import Problem

if TYPE_CHECKING:
    from relais.content import ContentIndex, Entry


def permission_given(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    permission = entry.data.permission
    if permission is not None and not index.clock.is_due(permission.date, index.zone):
        yield entry.problem(
            ("permission", "date"),
            "permission.date",
            _("the permission is dated after today"),
            _("write the date the authors actually agreed; publish the guide only once they have"),
        )


def updated_is_not_in_the_future(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    updated = entry.data.updated
    if updated is not None and as_datetime(updated, index.zone) > index.clock.now:
        yield entry.problem(
            ("updated",), "updated", _("this date is after today"), _("write the date of the last update")
        )


CHECKS = (permission_given, updated_is_not_in_the_future)
