"""``publish.py review FILE --by STAFF``: a staff member marks a peer's post reviewed and published.

Refused, with what to do, unless the reviewer is a staff author who did not
write the post, the post waits for review (``status: review``) and it has
no problem at all, warnings included: only what is clean is published (the
public build is strict).  Then exactly two lines of the file change,
``status: published`` and ``reviewed_by:``; comments, order, quotes and line
endings stay as the writer left them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .build import BuildOptions, BuildResult, check
from .clock import as_datetime
from .content import Entry
from .front_edit import EditError, check_edit, whole_text, with_fields, write_in_place
from .i18n import _
from .messages import did_you_mean, one_of
from .problems import Problem, Problems


@dataclass(frozen=True)
class Reviewed:
    """What was done, for the message."""

    entry: Entry
    reviewer: str  # the author file name, as written in reviewed_by
    name: str  # as readers see it
    goes_out: dt.datetime
    today: dt.date  # the build clock's (--today, SOURCE_DATE_EPOCH or now)


class ReviewRefused(Exception):
    """Nothing was changed: ``what`` says why, ``problems`` lists the post's problems."""

    def __init__(self, what: str, problems: list[Problem] | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.problems = problems or []


def review(options: BuildOptions, file: Path, reviewer: str) -> Reviewed:
    result = check(options)
    if result.site is None:
        raise ReviewRefused(_("the settings have problems, so nothing was changed"), list(result.problems))
    entry = _post(result, file)
    _check_status(entry)
    _check_reviewer(result, entry, reviewer)
    problems = _problems_of(result.problems, entry)
    if problems:
        raise ReviewRefused(
            _("{file} still has problems; it stays waiting for review until they are fixed").format(
                file=entry.shown_as
            ),
            problems,
        )
    values = {"status": "published", "reviewed_by": reviewer}
    path = result.site.content_dir / entry.source
    raw = whole_text(path)
    try:
        text = with_fields(raw, entry.front, values, after="status")
        check_edit(entry.shown_as, entry.front, text, values)
    except EditError as err:
        raise ReviewRefused(
            _(
                "{file} cannot be changed safely ({why}): set 'status: published' and 'reviewed_by: {reviewer}' by hand"
            ).format(file=entry.shown_as, why=err, reviewer=reviewer)
        ) from None
    write_in_place(path, text)
    _confirm(options, path, raw, entry)
    zone = result.site.config.zone
    name = result.site.index.authors[reviewer].data.name
    return Reviewed(entry, reviewer, name, as_datetime(entry.data.date, zone), result.site.clock.today)


def _post(result: BuildResult, file: Path) -> Entry:
    assert result.site is not None
    site = result.site
    try:
        relative = file.resolve().relative_to(site.content_dir.resolve()).as_posix()
    except ValueError:
        relative = file.as_posix()  # already given from inside the content folder
    entry = site.index.by_source.get(relative) or site.index.by_source.get(file.as_posix().removeprefix("content/"))
    if entry is None:
        raise ReviewRefused(
            _("{file} is not a post of the content folder ({folder}) that could be read; run publish.py check").format(
                file=file, folder=site.content_dir
            )
        )
    if entry.type.name != "post":
        raise ReviewRefused(_("{file} is not a post: only posts are reviewed this way").format(file=entry.shown_as))
    return entry


def _check_reviewer(result: BuildResult, entry: Entry, reviewer: str) -> None:
    assert result.site is not None
    authors = result.site.index.authors
    staff = sorted(key for key, author in authors.items() if author.data.role == "staff")
    author = authors.get(reviewer)
    if author is None:
        guess = did_you_mean(reviewer, staff)
        hint = _("did you mean '{guess}'? ").format(guess=guess) if guess else ""
        raise ReviewRefused(
            _("there is no author called '{name}' — {hint}staff members are: {staff}").format(
                name=reviewer, hint=hint, staff=one_of(staff) or _("none yet")
            )
        )
    if author.data.role != "staff":
        raise ReviewRefused(
            _(
                "'{name}' is not a staff member, and a staff member reviews peers' posts — staff members are: {staff}"
            ).format(name=reviewer, staff=one_of(staff) or _("none yet"))
        )
    if reviewer in (entry.data.authors or ()):
        raise ReviewRefused(
            _("'{name}' wrote {file}: someone who did not write it reviews it").format(
                name=reviewer, file=entry.shown_as
            )
        )


def _check_status(entry: Entry) -> None:
    status = entry.front.data.get("status", "draft")
    if status == "review":
        return
    if status == "published":
        raise ReviewRefused(_("{file} is already published").format(file=entry.shown_as))
    raise ReviewRefused(
        _(
            "{file} is not waiting for review (status: {status}): when the writer is done, they set 'status: review'"
        ).format(file=entry.shown_as, status=status)
    )


def _problems_of(problems: Problems, entry: Entry) -> list[Problem]:
    return [problem for problem in problems.sorted() if problem.file == entry.shown_as]


def _confirm(options: BuildOptions, path: Path, raw: str, entry: Entry) -> None:
    """Check the post again as it is now; if it has any problem, put the file back as it was."""
    after = check(options)
    if after.site is None or _problems_of(after.problems, entry):
        write_in_place(path, raw)
        raise ReviewRefused(
            _("{file} would have problems once published, so it was left waiting for review").format(
                file=entry.shown_as
            ),
            _problems_of(after.problems, entry),
        )


def reviewed_message(done: Reviewed) -> str:
    """What was changed and when readers see it, in words."""
    entry = done.entry
    lines = [
        _("{file}: reviewed by {reviewer} and published (status: published, reviewed_by: {key}).").format(
            file=entry.shown_as, reviewer=done.name, key=done.reviewer
        )
    ]
    day = done.today
    if done.goes_out.date() > day:
        lines.append(
            _("It is dated {date}: it goes out with the first build on or after that day.").format(
                date=done.goes_out.date().isoformat()
            )
        )
    elif done.goes_out.date() < day:
        lines.append(
            _(
                "It is dated {date}, so lists and feeds show it under that day; to show it as new, "
                "change its date to {today}."
            ).format(date=done.goes_out.date().isoformat(), today=day.isoformat())
        )
    lines.append(
        _(
            "Readers see it after the next build of the public site: publish.py deploy (or the daily scheduled "
            "build). Commit the change so that nobody else reviews it again."
        )
    )
    return "\n".join(lines)
