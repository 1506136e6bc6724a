"""The report form's fields, and the check of what a browser sent.

Each field is named like the spreadsheet column it fills
(``bad_dates.spreadsheet.COLUMNS``), so the inbox writes exactly the file
``publish.py bad-dates import`` reads.  No field asks who the reporter is.
Only ``what_happened`` is required.  Anything else sent is refused, with a
reason the reporter's page names (a code such as ``too_long:area``; the
built "problem" page holds the words for every code, in each language).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bad_dates.schema import PLACE_TYPES, TIMES_OF_DAY
from bad_dates.spreadsheet import COLUMNS

LANG_FIELD = "lang"  # the language of the page the form was on: the answer comes in it
HONEYPOT_FIELD = "website"  # hidden from people (and screen readers); bots fill it in


@dataclass(frozen=True)
class FormField:
    name: str  # the spreadsheet column
    max_chars: int
    multiline: bool = False
    choices: tuple[str, ...] = ()  # empty: free text
    multiple: bool = False
    required: bool = False
    is_date: bool = False


def form_fields(harm_kinds: Sequence[str]) -> tuple[FormField, ...]:
    """The form's fields in the order the page shows them; ``harm_kinds`` are the keys of ``BAD_DATES_TYPES``."""
    return (
        FormField("date", 10, is_date=True),
        FormField("time_of_day", 20, choices=TIMES_OF_DAY),
        FormField("area", 200),
        FormField("place_type", 20, choices=PLACE_TYPES),
        FormField("types", 60, choices=tuple(harm_kinds), multiple=True),
        FormField("aggressor_description", 2000, multiline=True),
        FormField("vehicle_make", 80),
        FormField("vehicle_model", 80),
        FormField("vehicle_colour", 80),
        FormField("vehicle_plate", 20),
        FormField("contact_used", 300),
        FormField("what_happened", 6000, multiline=True, required=True),
    )


_COLUMN_NAMES = {column.name for column in COLUMNS}
assert all(item.name in _COLUMN_NAMES for item in form_fields(["other"])), "every form field is a spreadsheet column"
# Control characters have no place in a report (tab and line breaks in the long fields are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ufeff]")
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@dataclass
class CheckedForm:
    fields: dict[str, str | list[str]] = field(default_factory=dict)
    lang: str = ""
    problems: list[str] = field(default_factory=list)  # codes, in the order of the form
    bot: bool = False  # the hidden field was filled in


def check_form(pairs: Iterable[tuple[str, str]], fields: Sequence[FormField], languages: Sequence[str]) -> CheckedForm:
    by_name = {item.name: item for item in fields}
    sent: dict[str, list[str]] = {}
    result = CheckedForm()
    for name, value in pairs:
        sent.setdefault(name, []).append(value)
    for name, values in sent.items():
        if name == HONEYPOT_FIELD:
            result.bot = any(value.strip() for value in values)
        elif name == LANG_FIELD:
            result.lang = values[0] if len(values) == 1 and values[0] in languages else ""
        elif name not in by_name:
            _add(result, "unknown_field")
    for item in fields:
        values = [_clean(value, item.multiline) for value in sent.get(item.name, [])]
        values = [value for value in values if value]
        _check_field(item, values, result)
    return result


def _check_field(item: FormField, values: list[str], result: CheckedForm) -> None:
    if not values:
        if item.required:
            _add(result, f"required:{item.name}")
        return
    problem = _problem_of(item, values)
    if problem:
        _add(result, problem)
    else:
        result.fields[item.name] = values if item.multiple else values[0]


def _problem_of(item: FormField, values: list[str]) -> str:  # noqa: PLR0911 - one code per rule
    """The code of what is wrong with a field's values, or an empty string."""
    if (len(values) > 1 and not item.multiple) or len(values) > max(1, len(item.choices)):
        return "repeated"
    if len(set(values)) != len(values):
        return "repeated"
    if any(_CONTROL.search(value) for value in values):
        return "not_text"
    if any(len(value) > item.max_chars for value in values):
        return f"too_long:{item.name}"
    if item.choices and any(value not in item.choices for value in values):
        return f"choice:{item.name}"
    if item.is_date and not _is_date(values[0]):
        return f"date:{item.name}"
    return ""


def _clean(value: str, multiline: bool) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value if multiline else " ".join(value.split("\n"))


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return False
    return True


def _add(result: CheckedForm, code: str) -> None:
    if code not in result.problems:
        result.problems.append(code)


def problem_codes(fields: Sequence[FormField]) -> list[str]:
    """Every code :func:`check_form` and the application may give: the problem page has words for each."""
    codes = ["too_big", "content_type", "not_utf8", "unknown_field", "repeated", "not_text", "get"]
    for item in fields:
        if item.required:
            codes.append(f"required:{item.name}")
        codes.append(f"too_long:{item.name}")
        if item.choices:
            codes.append(f"choice:{item.name}")
        if item.is_date:
            codes.append(f"date:{item.name}")
    return codes
