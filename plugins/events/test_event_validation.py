"""Every rule on events, each with a broken file: the message names the file,
the line and the field, says what is wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from relais.build import BuildOptions, check
from relais.problems import Problem
from tests.helpers import ROOT, copy_minimal, front_matter, write

FIELDS = {
    "title": "Peer gathering",
    "summary": "A meal among peers.",
    "start": "2026-01-29 18:30",
    "end": "20:30",
    "lang": "en",
    "status": "published",
}


def event(**fields: str | None) -> str:
    """Front matter of an event; values are written as they are (YAML blocks included)."""
    return front_matter(FIELDS, "Come along.", **fields)


def line_of(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if line.strip().startswith(start))


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    return copy_minimal(tmp_path)


def problems(content: Path) -> list[Problem]:
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    return [p for p in result.problems.sorted() if p.file.endswith("events/broken.md")]


def only_error(content: Path, text: str) -> Problem:
    write(content, "events/broken.md", text)
    found = problems(content)
    assert len(found) == 1, [p.format() for p in found]
    assert found[0].severity.value == "error"
    return found[0]


def test_a_valid_event_has_no_problem(content: Path) -> None:
    write(content, "events/fine.md", event(recurrence="\n  frequency: monthly\n  on: last thursday"))
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    assert [p.format() for p in result.problems] == []


@pytest.mark.parametrize("field", ["title", "summary", "start"])
def test_missing_required_field(content: Path, field: str) -> None:
    problem = only_error(content, event(**{field: None}))
    assert problem.field == field
    assert "required" in problem.what and field in problem.fix


def test_misspelt_field_is_guessed(content: Path) -> None:
    text = event(registation="Text us.")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("registation", line_of(text, "registation"))
    assert "did you mean 'registration'" in problem.fix


def test_timed_event_needs_an_end(content: Path) -> None:
    text = event(end=None)
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("end", line_of(text, "start:"))
    assert "no end" in problem.what and "all_day: true" in problem.fix


def test_timed_event_needs_a_start_time(content: Path) -> None:
    text = event(start="2026-01-29")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("start", line_of(text, "start:"))
    assert "no time" in problem.what and "2026-01-29 18:30" in problem.fix


def test_end_before_start(content: Path) -> None:
    text = event(end="2026-01-29 17:00")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("end", line_of(text, "end:"))
    assert "ends before it starts" in problem.what


def test_end_that_is_not_a_time(content: Path) -> None:
    text = event(end="25:99")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("end", line_of(text, "end:"))
    assert "end: 20:30" in problem.fix


def test_all_day_event_has_no_time(content: Path) -> None:
    text = event(all_day="true", end=None)
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("start", line_of(text, "start:"))
    assert "all-day" in problem.what and "start: 2026-01-29" in problem.fix


def test_confidential_place_never_has_an_address(content: Path) -> None:
    text = event(location="\n  confidential: true\n  note: Ask us by phone.\n  address: 12 Harbour Road")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("location.address", line_of(text, "address:"))
    assert "confidential" in problem.what and "note" in problem.fix


def test_postal_codes_and_coordinates_are_refused(content: Path) -> None:
    text = event(location="\n  confidential: true\n  note: Ask us by phone.\n  postal_code: H0H 0H0")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("location.postal_code", line_of(text, "postal_code:"))
    assert "cannot have 'postal_code'" in problem.what and "confidential" in problem.fix


def test_confidential_place_is_not_given_away_in_the_text(content: Path) -> None:
    text = event(
        location="\n  confidential: true\n  note: Ask us by phone.", summary="Dinner at 2250, rue des Lucioles."
    )
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("summary", line_of(text, "summary:"))
    assert "street address" in problem.what and "confidential" in problem.what


def test_confidential_place_needs_a_note(content: Path) -> None:
    text = event(location="\n  confidential: true\n  city: Port-Lumière")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("location", line_of(text, "location:"))
    assert "needs a note" in problem.what


def test_public_place_needs_a_name_or_address(content: Path) -> None:
    text = event(location="\n  city: Port-Lumière")
    problem = only_error(content, text)
    assert problem.field == "location" and "name or an address" in problem.what


def test_misspelt_place_field_is_guessed_from_the_place(content: Path) -> None:
    text = event(location="\n  name: Library\n  adress: 1 Main Street")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("location.adress", line_of(text, "adress:"))
    assert "did you mean 'address'" in problem.fix


def test_unknown_frequency(content: Path) -> None:
    text = event(recurrence="montly")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("recurrence.frequency", line_of(text, "recurrence:"))
    assert "did you mean 'monthly'" in problem.fix


def test_unknown_day_of_the_month(content: Path) -> None:
    text = event(recurrence="\n  frequency: monthly\n  on: last thursdy")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("recurrence.on", line_of(text, "on:"))
    assert "last thursday" in problem.fix


def test_day_of_the_month_must_match_the_start(content: Path) -> None:
    text = event(start="2026-01-22 18:30", recurrence="\n  frequency: monthly\n  on: last thursday")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("recurrence.on", line_of(text, "on:"))
    assert "2026-01-22" in problem.what and "start: 2026-01-29 18:30" in problem.fix


def test_on_is_only_for_monthly_events(content: Path) -> None:
    text = event(recurrence="\n  frequency: weekly\n  on: last thursday")
    problem = only_error(content, text)
    assert problem.field == "recurrence.on" and "only for monthly" in problem.what


def test_series_ends_after_it_starts(content: Path) -> None:
    text = event(recurrence="\n  frequency: weekly\n  until: 2025-12-01")
    problem = only_error(content, text)
    assert (problem.field, problem.line) == ("recurrence.until", line_of(text, "until:"))


def test_announcement_fields_are_checked(content: Path) -> None:
    text = event(announce="\n  headlin: Come\n  text: Free meal.")
    found = {p.field: p for p in (write(content, "events/broken.md", text), problems(content))[1]}
    assert "did you mean 'headline'" in found["announce.headlin"].fix
    assert found["announce.headlin"].line == line_of(text, "headlin:")
    assert "required" in found["announce.headline"].what


def test_problems_in_a_draft_are_warnings(content: Path) -> None:
    write(content, "events/broken.md", event(status="draft", end=None))
    found = problems(content)
    assert found and all(p.severity.value == "warning" for p in found)
