"""Problems found in content or in a build, collected rather than raised.

Every check adds to one :class:`Problems` list so that a writer sees every
mistake in a single run (the MkDocs/Lektor way), instead of fixing one error
per build.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .i18n import _, ngettext


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # worth knowing (a post is scheduled), never a problem, even with --strict


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, located as precisely as we can.

    ``what`` says what is wrong and ``fix`` how to fix it, both in plain words
    for a writer who is not a developer.
    """

    file: str
    line: int
    field: str
    what: str
    fix: str = ""
    severity: Severity = Severity.ERROR
    column: int = 0
    # A problem of a file that is not published (a draft, a post waiting for
    # review): only a warning, even with --strict, so that it never stops the
    # site; it must be fixed before the file is published.
    held: bool = False

    def format(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        label = {Severity.ERROR: "", Severity.WARNING: _("warning: "), Severity.NOTE: _("note: ")}[self.severity]
        text = f"{where}: {label}{self.field}: {self.what}" if self.field else f"{where}: {label}{self.what}"
        return f"{text} — {self.fix}" if self.fix else text

    def as_warning(self) -> Problem:
        return Problem(self.file, self.line, self.field, self.what, self.fix, Severity.WARNING, self.column, self.held)

    def as_held(self, note: str = "") -> Problem:
        """This problem as a held warning (its file is not published), ``note`` added to the fix."""
        if self.held:
            return self
        fix = f"{self.fix} ({note})" if self.fix and note else self.fix or note
        return Problem(self.file, self.line, self.field, self.what, fix, Severity.WARNING, self.column, True)


# Past this many problems in one file, the rest are counted, not listed: a
# file that is wrong everywhere (pasted data) must not bury the other files'.
MAX_PROBLEMS_PER_FILE = 30


class Problems:
    """An ordered collection of problems with helpers to add and report them."""

    def __init__(self, items: Iterable[Problem] = ()) -> None:
        self._items: list[Problem] = []
        self._notes: list[Problem] = []  # kept apart: a note is worth reading, never a problem
        self.extend(items)

    def add(self, problem: Problem) -> None:
        (self._notes if problem.severity is Severity.NOTE else self._items).append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems.sorted_with_notes() if isinstance(problems, Problems) else problems:
            self.add(problem)

    def error(self, file: str, line: int, field: str, what: str, fix: str = "") -> None:
        self.add(Problem(file, line, field, what, fix))

    def warning(self, file: str, line: int, field: str, what: str, fix: str = "") -> None:
        self.add(Problem(file, line, field, what, fix, Severity.WARNING))

    def note(self, file: str, line: int, field: str, what: str, fix: str = "") -> None:
        self.add(Problem(file, line, field, what, fix, Severity.NOTE))

    def replace_all(self, problems: Iterable[Problem]) -> None:
        """Put ``problems`` in place of every problem (the list stays the same object, shared by the build).

        Notes are not problems: they stay as they are.
        """
        self._items = list(problems)

    def limit_per_file(self, most: int = MAX_PROBLEMS_PER_FILE) -> None:
        """Keep each file's first ``most`` problems, errors first, and one problem that counts the others."""
        by_file: dict[str, list[Problem]] = {}
        for problem in self._items:
            by_file.setdefault(problem.file, []).append(problem)
        kept: list[Problem] = []
        for problems in by_file.values():
            if len(problems) <= most:
                kept.extend(problems)
                continue
            ordered = sorted(problems, key=lambda p: (_RANK[p.severity], p.line, p.column))
            kept.extend(ordered[:most])
            kept.append(_left_out(ordered[most:]))
        self._items = kept

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self._items if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return list(self._notes)

    @property
    def held(self) -> list[Problem]:
        """Warnings about files that are not published: they never fail a build, even with --strict."""
        return [p for p in self._items if p.held]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and any(not p.held for p in self.warnings))

    def sorted(self) -> list[Problem]:
        """Problems in file order, then line order, duplicates removed."""
        return sorted(set(self._items), key=lambda p: (p.file, p.line, p.column, p.field, p.what))

    def sorted_with_notes(self) -> list[Problem]:
        """What ``check`` prints: problems and notes, in file and line order."""
        return sorted(set(self._items) | set(self._notes), key=lambda p: (p.file, p.line, p.column, p.field, p.what))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


def count_errors(count: int) -> str:
    return ngettext("{count} error", "{count} errors", count).format(count=count)


def count_warnings(count: int) -> str:
    return ngettext("{count} warning", "{count} warnings", count).format(count=count)


def _left_out(problems: list[Problem]) -> Problem:
    errors = sum(problem.severity is Severity.ERROR for problem in problems)
    warnings = len(problems) - errors
    counts = ", ".join(
        text for count, text in ((errors, count_errors(errors)), (warnings, count_warnings(warnings))) if count
    )
    first = min(problems, key=lambda problem: problem.line)
    return Problem(
        first.file,
        first.line,
        "",
        ngettext(
            "{count} more problem in this file, not listed ({counts})",
            "{count} more problems in this file, not listed ({counts})",
            len(problems),
        ).format(count=len(problems), counts=counts),
        _("fix the ones above first; the file may hold something pasted by mistake"),
        Severity.ERROR if errors else Severity.WARNING,
        held=all(problem.held for problem in problems),
    )
