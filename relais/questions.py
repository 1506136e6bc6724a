"""The topic backlog: the questions staff hear, in content/questions.yml, and the posts that answer them.

Staff note each question people ask (its text, language, when it was last
heard and how many times); a post answers one by naming its number
(``answers: 12``).  ``publish.py status`` lists the most asked questions no
post answers yet, and ``publish.py new post --from-question 12`` starts a
draft from one.  The file itself is never published.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import BeforeValidator, Field, ValidationError

from .content_files import shown_name
from .fields import DateOrDateTime, Key, Text, counting_number
from .i18n import _
from .messages import choose_from, one_of
from .problems import Problem
from .schemas import ContentModel
from .settings import SiteConfig
from .sources import SourceError, read_yaml_file

if TYPE_CHECKING:
    from .content import ContentIndex, Entry

FILE = "questions.yml"

Number = Annotated[int, BeforeValidator(counting_number("id: 12"))]
Times = Annotated[int, BeforeValidator(counting_number("times: 3"))]


class Question(ContentModel):
    id: Number = Field(
        description="The question's number: posts name it in 'answers:'. Never reuse a number.", examples=["id: 12"]
    )
    text: Text = Field(
        description="The question, as people ask it.", examples=["text: Where can I get tested without giving my name?"]
    )
    lang: Key | None = Field(None, description="The language it was asked in: en or fr.", examples=["lang: en"])
    asked: DateOrDateTime = Field(description="When it was last asked.", examples=["asked: 2026-11-12"])
    times: Times = Field(1, description="How many times staff have heard it.", examples=["times: 4"])
    note: Text | None = Field(
        None,
        description="Anything that helps whoever answers it (never who asked).",
        examples=["note: Asked at the van."],
    )


class Backlog(ContentModel):
    questions: list[Question] = Field(
        default_factory=list,
        description="The questions, one group of fields each.",
        examples=["questions:\n  - id: 1\n    text: Where can I get tested?\n    lang: en\n    asked: 2026-11-12"],
    )


@dataclass(frozen=True)
class Asked:
    """A question of the backlog with the posts that answer it."""

    question: Question
    lang: str
    answers: tuple[Entry, ...]  # published, scheduled, or still being written

    @property
    def answered(self) -> bool:
        return bool(self.answers)


def backlog(index: ContentIndex) -> Entry | None:
    return index.by_source.get(FILE)


def questions(index: ContentIndex) -> list[Question]:
    """The questions of the backlog that are written right, even when others in the file are not."""
    entry = backlog(index)
    if entry is None:
        return []
    if entry.valid:
        return list(entry.data.questions)
    found = []
    for raw in _raw_questions(entry):
        try:
            found.append(Question.model_validate(raw))
        except ValidationError:
            continue  # reported by the check of the file
    return found


def _raw_questions(entry: Entry) -> list[dict]:
    raw = entry.front.data.get("questions")
    return [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []


def asked_questions(index: ContentIndex) -> list[Asked]:
    """Every question with the posts naming it, the most asked first (then the most recently asked)."""
    posts: dict[int, list[Entry]] = {}
    for entry in index.entries:
        number = getattr(entry.data, "answers", None) if entry.type.name == "post" else None
        if number is not None:
            posts.setdefault(number, []).append(entry)
    found = [
        Asked(question, question.lang or index.config.DEFAULT_LANG, tuple(posts.get(question.id, ())))
        for question in questions(index)
    ]
    return sorted(found, key=lambda asked: (-asked.question.times, -_ordinal(asked.question.asked), asked.question.id))


def _ordinal(day: object) -> int:
    return day.toordinal() if hasattr(day, "toordinal") else 0


def backlog_checks(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """Each number once; each language one of the site's.

    Read from the fields as written, so that these are found in the same run
    as the problems of other questions of the file.
    """
    seen: dict[int, int] = {}
    raw = entry.front.data.get("questions")
    for position, question in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(question, dict):
            continue
        number, lang = question.get("id"), question.get("lang")
        if isinstance(number, int) and not isinstance(number, bool):
            if number in seen:
                yield entry.problem(
                    ("questions", position, "id"),
                    f"questions.{position}.id",
                    _("question {number} is already on line {line}").format(number=number, line=seen[number]),
                    _("give this question a number no other question has, such as {number}").format(
                        number=max(seen) + 1
                    ),
                )
            seen.setdefault(number, entry.front.line_of(("questions", position, "id")))
        if isinstance(lang, str) and lang not in index.config.LANGUAGES:
            yield entry.problem(
                ("questions", position, "lang"),
                f"questions.{position}.lang",
                _("'{lang}' is not one of the site's languages").format(lang=lang),
                choose_from(lang, index.config.LANGUAGES),
            )


def answered_question(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """A post's ``answers:`` names a question of the backlog."""
    number = getattr(entry.data, "answers", None)
    if number is None:
        return
    known = sorted(question.id for question in questions(index))
    if number in known:
        return
    if backlog(index) is None:
        fix = _("add the question to content/questions.yml (see README.md, 'Publishing day'), or remove this line")
    else:
        fix = _("use the number of a question of content/questions.yml: {numbers}").format(
            numbers=one_of(known) if known else _("there is none yet")
        )
    yield entry.problem(
        ("answers",), "answers", _("there is no question {number} in content/questions.yml").format(number=number), fix
    )


class QuestionNotFound(Exception):
    """The question asked for cannot be found; the message says which ones exist."""


def find_question(content_dir: Path, number: int, config: SiteConfig) -> Question:
    """Question ``number`` of content/questions.yml, read on its own (``publish.py new post --from-question``)."""
    path = content_dir / FILE
    shown_as = shown_name(path)
    try:
        front, _duplicates = read_yaml_file(path, shown_as, config)
    except SourceError as err:
        if not path.exists():
            raise QuestionNotFound(
                _("there is no {file} yet: add the question there first (see README.md, 'Publishing day')").format(
                    file=shown_as
                )
            ) from None
        raise QuestionNotFound(err.problem.format()) from None
    raw = front.data.get("questions")
    found: list[Question] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            found.append(Question.model_validate(item))
        except ValidationError:
            continue
    for question in found:
        if question.id == number:
            return question
    numbers = one_of(sorted(question.id for question in found)) or _("there is none yet")
    raise QuestionNotFound(
        _(
            "there is no question {number} in {file} (run publish.py check if one is written wrong) — "
            "the questions are: {numbers}"
        ).format(number=number, file=shown_as, numbers=numbers)
    )
