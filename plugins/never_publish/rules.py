"""The never-publish list: where it is, what it holds, and how text is compared.

The list is a plain text file outside version control, one string per line
(``#`` starts a comment).  Matching ignores case, accents, spaces and
punctuation, so ``12, Rue des Lucioles`` also catches ``12 rue des lucioles``;
a phone number therefore matches by its digits, however it is written.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relais.problems import Problem

DEFAULT_PATH = "private/never-publish.txt"
SETTING = "NEVER_PUBLISH_FILE"
ENVIRONMENT = "RELAIS_NEVER_PUBLISH"
MIN_LENGTH = 4  # letters or digits; shorter rules would match ordinary words
_PHONE = re.compile(r"^\+?[\d\s().\-]+$")


_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, no accents, only letters and digits.

    Accents become separate combining marks (NFKD), which are not word
    characters, so the one substitution drops them with spaces and punctuation.
    """
    return _NOT_LETTER_OR_DIGIT.sub("", unicodedata.normalize("NFKD", text).casefold())


def normalise_with_positions(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, its position in ``text``."""
    chars: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(text):
        for kept in _normalised_chars(char):
            chars.append(kept)
            positions.append(position)
    return "".join(chars), positions


def _normalised_chars(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return [char for char in decomposed if char.isalnum() and not unicodedata.combining(char)]


@dataclass(frozen=True)
class Rule:
    line: int  # in the list file, to tell staff which rule without repeating it
    key: str  # the normalised string searched for
    kind: str  # "phone number" or "text"

    def found_in(self, normalised_text: str) -> bool:
        return self.key in normalised_text


@dataclass(frozen=True)
class NeverPublishList:
    path: Path | None  # None: no list is set up
    shown_as: str
    rules: tuple[Rule, ...] = ()

    def describe(self, rule: Rule) -> str:
        return f"the {rule.kind} on line {rule.line} of {self.shown_as}"


def list_path(settings: dict[str, Any], settings_file: str) -> tuple[Path, str | None]:
    """The list's path, and where it was set (None for the default)."""
    base = Path(settings_file).resolve().parent
    if os.environ.get(ENVIRONMENT):
        return base / os.environ[ENVIRONMENT], ENVIRONMENT
    if settings.get(SETTING):
        return base / str(settings[SETTING]), SETTING
    return base / DEFAULT_PATH, None


def load_list(settings: dict[str, Any], settings_file: str) -> tuple[NeverPublishList, list[Problem]]:
    path, set_by = list_path(settings, settings_file)
    shown_as = _shown(path)
    if not path.is_file():
        if set_by is None:
            return NeverPublishList(None, shown_as), []
        where = "the environment variable" if set_by == ENVIRONMENT else settings_file
        return NeverPublishList(None, shown_as), [
            Problem(
                where,
                0,
                set_by,
                f"the never-publish list {shown_as} does not exist",
                "create it (one private string per line, see README.md) or correct the path; "
                "nothing is built without the list you asked for",
            )
        ]
    return _read_rules(path, shown_as)


def _read_rules(path: Path, shown_as: str) -> tuple[NeverPublishList, list[Problem]]:
    rules: list[Rule] = []
    problems: list[Problem] = []
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    for number, written in enumerate(text.splitlines(), start=1):
        line = written.strip()
        if not line or line.startswith("#"):
            continue
        key = normalise(line)
        if len(key) < MIN_LENGTH:
            problems.append(
                Problem(
                    shown_as,
                    number,
                    "never-publish",
                    f"this line has fewer than {MIN_LENGTH} letters or digits, so it would match ordinary words",
                    "write the whole string (a full address, a full phone number, a full name)",
                )
            )
            continue
        kind = "phone number" if _PHONE.match(line) else "text"
        rules.append(Rule(number, key, kind))
    return NeverPublishList(path, shown_as, tuple(rules)), problems


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
