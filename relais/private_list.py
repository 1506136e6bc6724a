"""The never-publish list: where it is, what it holds, and whether a build may go on without it.

The list is a plain UTF-8 file outside version control, one string per line
(``#`` starts a comment).  Each line becomes a :class:`Rule` that matches any
spelling of the string a reader would recognise (see :mod:`relais.folding`).

The public settings set ``NEVER_PUBLISH_REQUIRED = True``: without a list
holding at least one rule, nothing is built.  The preview goes on without a
list (and says so), but a list that was asked for and cannot be used (an
empty ``RELAIS_NEVER_PUBLISH``, a missing, unreadable or empty file) stops
every build: a check that silently checks nothing would fail open.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .folding import fold
from .i18n import N_, _
from .problems import Problem
from .settings import line_of_setting

DEFAULT_PATH = "private/never-publish.txt"
EXAMPLE_PATH = "private/never-publish.example.txt"
SETTING = "NEVER_PUBLISH_FILE"
REQUIRED_SETTING = "NEVER_PUBLISH_REQUIRED"
ENVIRONMENT = "RELAIS_NEVER_PUBLISH"
PLUGIN = "never_publish"
MIN_LENGTH = 4  # letters or digits; shorter rules would match ordinary words
FIELD = "never-publish"
_PHONE = re.compile(r"^\+?[\d\s().\-]+$")


@dataclass(frozen=True)
class Rule:
    line: int  # in the list file, to tell staff which rule without repeating it
    key: str  # the folded string searched for
    kind: str  # "phone number" or "text" (English: messages translate it)

    @property
    def keys(self) -> tuple[str, ...]:
        """The folded string, and its mirror image: text drawn right to left shows it too."""
        mirrored = self.key[::-1]
        return (self.key,) if mirrored == self.key else (self.key, mirrored)


@dataclass(frozen=True)
class NeverPublishList:
    path: Path | None  # None: no list is set up
    shown_as: str
    rules: tuple[Rule, ...] = ()

    def describe(self, rule: Rule) -> str:
        return _("the {kind} on line {line} of {file}").format(kind=_(rule.kind), line=rule.line, file=self.shown_as)

    def found_in(self, folded: str) -> list[Rule]:
        """The rules found in a folded text."""
        return [rule for rule in self.rules if any(key in folded for key in rule.keys)]


def list_path(settings: dict[str, Any], settings_file: str) -> tuple[Path, str | None]:
    """The list's path, and where it was set (None for the default)."""
    base = Path(settings_file).resolve().parent
    if ENVIRONMENT in os.environ:
        return base / os.environ[ENVIRONMENT].strip(), ENVIRONMENT
    if settings.get(SETTING):
        return base / str(settings[SETTING]), SETTING
    return base / DEFAULT_PATH, None


def is_required(settings: dict[str, Any]) -> bool:
    return bool(settings.get(REQUIRED_SETTING))


def load_list(settings: dict[str, Any], settings_file: str) -> tuple[NeverPublishList, list[Problem]]:
    """The list the settings point at, and every reason it cannot be used (an empty list means it can)."""
    path, set_by = list_path(settings, settings_file)
    shown_as = shown_path(path)
    where = _("the environment variable") if set_by == ENVIRONMENT else settings_file
    line = 0 if set_by == ENVIRONMENT else line_of_setting(settings_file, set_by or REQUIRED_SETTING)
    field = set_by or (REQUIRED_SETTING if is_required(settings) else FIELD)
    if set_by == ENVIRONMENT and not os.environ[ENVIRONMENT].strip():
        return NeverPublishList(None, ENVIRONMENT), [
            Problem(
                where,
                0,
                ENVIRONMENT,
                _("the variable is set but empty, so no never-publish list would be read"),
                _(
                    "give it the path of the list (one private string per line), or unset it; "
                    "nothing is built while it is empty"
                ),
            )
        ]
    if not path.exists() and not path.is_symlink():
        if set_by is None and not is_required(settings):
            return NeverPublishList(None, shown_as), []
        return NeverPublishList(None, shown_as), [
            Problem(
                where,
                line,
                field,
                _("the never-publish list {file} does not exist").format(file=shown_as),
                _("{how}; nothing is built without it").format(how=_create_it(set_by)),
            )
        ]
    never, problems = _read_rules(path, shown_as)
    if not problems and not never.rules:
        problems.append(
            Problem(
                shown_as,
                0,
                FIELD,
                _("the never-publish list holds no string, so nothing would be checked"),
                _(
                    "add the private strings, one per line (lines starting with # are comments); "
                    "nothing is built with an empty list"
                ),
            )
        )
    return never, problems


def _create_it(set_by: str | None) -> str:
    if set_by is None:
        return _(
            "copy {example} to {path} and replace its lines with the real private strings "
            "(see README.md, 'Never publish'), or set {variable} to the list's path"
        ).format(example=EXAMPLE_PATH, path=DEFAULT_PATH, variable=ENVIRONMENT)
    return _("create it (one private string per line, see README.md, 'Never publish') or correct the path")


def _read_rules(path: Path, shown_as: str) -> tuple[NeverPublishList, list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return NeverPublishList(path, shown_as), [
            Problem(
                shown_as,
                0,
                FIELD,
                _("the never-publish list could not be read ({reason})").format(reason=reason),
                _("make it a readable file (one private string per line); nothing is built without it"),
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return NeverPublishList(path, shown_as), [
            Problem(
                shown_as,
                data.count(b"\n", 0, err.start) + 1,
                FIELD,
                _("this list is not saved as UTF-8 text, so some letters cannot be read"),
                _("open it in your text editor and save it again with the encoding 'UTF-8'"),
            )
        ]
    rules: list[Rule] = []
    problems: list[Problem] = []
    for number, written in enumerate(text.splitlines(), start=1):
        line = written.strip()
        if not line or line.startswith("#"):
            continue
        key = fold(line)
        if len(key) < MIN_LENGTH:
            problems.append(
                Problem(
                    shown_as,
                    number,
                    FIELD,
                    _("this line has fewer than {count} letters or digits, so it would match ordinary words").format(
                        count=MIN_LENGTH
                    ),
                    _("write the whole string (a full address, a full phone number, a full name)"),
                )
            )
            continue
        kind = N_("phone number") if _PHONE.match(line) else N_("text")
        rules.append(Rule(number, key, kind))
    return NeverPublishList(path, shown_as, tuple(rules)), problems


def shown_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
