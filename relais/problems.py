"""Problems found in content or in a build, collected rather than raised.

Every check adds to one :class:`Problems` list so that a writer sees every
mistake in a single run (the MkDocs/Lektor way), instead of fixing one error
per build.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


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
        label = "" if self.severity is Severity.ERROR else "warning: "
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
        self._items: list[Problem] = list(items)

    def add(self, problem: Problem) -> None:
        self._items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def error(self, file: str, line: int, field: str, what: str, fix: str = "") -> None:
        self.add(Problem(file, line, field, what, fix))

    def warning(self, file: str, line: int, field: str, what: str, fix: str = "") -> None:
        self.add(Problem(file, line, field, what, fix, Severity.WARNING))

    def replace_all(self, problems: Iterable[Problem]) -> None:
        """Put ``problems`` in place of every problem (the list stays the same object, shared by the build)."""
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
            ordered = sorted(problems, key=lambda p: (p.severity is not Severity.ERROR, p.line, p.column))
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
    def held(self) -> list[Problem]:
        """Warnings about files that are not published: they never fail a build, even with --strict."""
        return [p for p in self._items if p.held]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and any(not p.held for p in self.warnings))

    def sorted(self) -> list[Problem]:
        """Problems in file order, then line order, duplicates removed."""
        return sorted(set(self._items), key=lambda p: (p.file, p.line, p.column, p.field, p.what))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def _left_out(problems: list[Problem]) -> Problem:
    errors = sum(problem.severity is Severity.ERROR for problem in problems)
    counts = ", ".join(
        f"{count} {word}{'' if count == 1 else 's'}"
        for count, word in ((errors, "error"), (len(problems) - errors, "warning"))
        if count
    )
    first = min(problems, key=lambda problem: problem.line)
    return Problem(
        first.file,
        first.line,
        "",
        f"{len(problems)} more problem{'' if len(problems) == 1 else 's'} in this file, not listed ({counts})",
        "fix the ones above first; the file may hold something pasted by mistake",
        Severity.ERROR if errors else Severity.WARNING,
        held=all(problem.held for problem in problems),
    )
