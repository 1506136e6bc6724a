"""Validation of services and guides: each rule with a broken file, naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from relais.build import BuildOptions, check
from relais.problems import Problem
from tests.helpers import FIXTURES, front_matter, write

# The demo's settings without the info cards, which need the demo's services.
SETTINGS = FIXTURES / "settings_without_cards.py"


def problems_for(content: Path) -> list[Problem]:
    return check(BuildOptions(settings_file=SETTINGS, content_dir=content)).problems.sorted()


SERVICE_FIELDS = {
    "title": "Drop-in",
    "summary": "A place to rest.",
    "lang": "en",
    "status": "active",
    "category": "drop-in",
    "audience": "[everyone]",
    "schedule": '\n  - days: [monday]\n    opens: "18:00"\n    closes: "22:00"',
}


def service(**fields: str | None) -> str:
    return front_matter(SERVICE_FIELDS, **fields)


def line_with(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if fragment in line)


def errors_of(content: Path, text: str, name: str = "services/broken.md") -> list[Problem]:
    write(content, name, text)
    return [p for p in problems_for(content) if p.severity.value == "error"]


def one_error(content: Path, text: str, name: str = "services/broken.md") -> Problem:
    errors = errors_of(content, text, name)
    assert len(errors) == 1, [p.format() for p in errors]
    assert errors[0].file.endswith(name)
    return errors[0]


def test_a_valid_service_passes(content: Path) -> None:
    assert errors_of(content, service()) == []


def test_unknown_field_suggests_the_right_one(content: Path) -> None:
    text = service(alrt="Closed on Monday.")
    problem = one_error(content, text)
    assert (problem.field, problem.line) == ("alrt", line_with(text, "alrt:"))
    assert "did you mean 'alert'" in problem.fix


def test_category_must_be_declared(content: Path) -> None:
    text = service(category="helth")
    problem = one_error(content, text)
    assert (problem.field, problem.line) == ("category", line_with(text, "category:"))
    assert "service categories" in problem.what and "did you mean 'health'" in problem.fix


def test_audience_must_be_declared(content: Path) -> None:
    text = service(audience="[everyone, woman]")
    problem = one_error(content, text)
    assert (problem.field, problem.line) == ("audience", line_with(text, "audience:"))
    assert "did you mean 'women'" in problem.fix


def test_status_is_one_of_the_service_statuses(content: Path) -> None:
    problem = one_error(content, service(status="published"))
    assert problem.field == "status" and "active" in problem.fix and "temporarily-closed" in problem.fix


def test_a_misspelt_day_is_explained_on_its_line(content: Path) -> None:
    text = service(schedule='\n  - days: [mondy]\n    opens: "18:00"\n    closes: "22:00"')
    problem = one_error(content, text)
    assert problem.field == "schedule.0.days" and problem.line == line_with(text, "mondy")
    assert "did you mean 'monday'" in problem.fix


def test_an_impossible_time_is_explained_on_its_line(content: Path) -> None:
    text = service(schedule='\n  - days: [monday]\n    opens: "25:00"\n    closes: "22:00"')
    problem = one_error(content, text)
    assert problem.field == "schedule.0.opens" and problem.line == line_with(text, "25:00")
    assert "18:00" in problem.fix


def test_a_slot_needs_days_and_both_times(content: Path) -> None:
    text = service(schedule='\n  - days: [monday]\n    opens: "18:00"')
    problem = one_error(content, text)
    assert problem.field == "schedule.0" and problem.line == line_with(text, "- days")
    assert "no closes" in problem.what


def test_same_opening_and_closing_time(content: Path) -> None:
    problem = one_error(content, service(schedule='\n  - days: [monday]\n    opens: "18:00"\n    closes: "18:00"'))
    assert problem.field == "schedule.0" and "24:00" in problem.fix


def test_by_appointment_with_hours_is_refused(content: Path) -> None:
    problem = one_error(content, service(schedule="\n  - by_appointment: true\n    days: [monday]"))
    assert problem.field == "schedule.0" and "by appointment" in problem.what


def test_phone_numbers_are_checked(content: Path) -> None:
    text = service(contact="\n  phone: call us")
    problem = one_error(content, text)
    assert problem.field == "contact.phone" and problem.line == line_with(text, "phone:")
    assert "514-555-0142" in problem.fix


def test_language_codes_are_checked(content: Path) -> None:
    text = service(languages="[fr, english]")
    problem = one_error(content, text)
    assert (problem.field, problem.line) == ("languages", line_with(text, "languages:"))


def test_a_service_says_when_or_how(content: Path) -> None:
    problem = one_error(content, service(schedule=None))
    assert problem.field == "schedule" and "how_to_access" in problem.fix


def test_a_service_cannot_take_the_timetable_address(content: Path) -> None:
    problem = one_error(content, service(), "services/timetable.md")
    assert problem.field == "file name" and "rename" in problem.fix


def test_public_location_needs_an_address(content: Path) -> None:
    text = service(location="\n  name: Clinic\n  city: Port-Lumière")
    problem = one_error(content, text)
    assert problem.field == "location" and "confidential: true" in problem.fix


def test_confidential_location_needs_a_note(content: Path) -> None:
    problem = one_error(content, service(location="\n  confidential: true"))
    assert problem.field == "location" and "note" in problem.fix


CONFIDENTIAL = "\n  confidential: true\n  note: Ask an outreach worker."


@pytest.mark.parametrize(
    ("fields", "fragment", "field", "what"),
    [
        ({"location": CONFIDENTIAL + "\n  address: 12 Elm Street"}, "address:", "location.address", "cannot have"),
        ({"location": CONFIDENTIAL + "\n  postal_code: H0H 1L8"}, "postal_code:", "location.postal_code", "cannot"),
        ({"how_to_access": "Come to 2250, rue des Lucioles"}, "Lucioles", "how_to_access", "street address"),
        ({"summary": "Near H2X 1Y4, upstairs."}, "H2X", "summary", "postal code"),
        ({"alert": "Moved to 45.5017, -73.5673 for the winter"}, "45.5017", "alert", "coordinates"),
        ({"contact": "\n  hours: Ask at 12 Maple Avenue"}, "Maple", "contact.hours", "street address"),
    ],
)
def test_confidential_location_cannot_carry_an_address_anywhere(
    content: Path, fields: dict[str, str], fragment: str, field: str, what: str
) -> None:
    text = service(**{"location": CONFIDENTIAL, **fields})
    problem = one_error(content, text)
    assert problem.field == field and what in problem.what
    assert problem.line == line_with(text, fragment)
    assert "never published" in problem.fix


def test_confidential_location_address_in_the_text_below(content: Path) -> None:
    text = service(location=CONFIDENTIAL).replace("Body.", "Intro.\n\nWe are at 2250 Rue des Lucioles.")
    problem = one_error(content, text)
    assert problem.field == "text" and problem.line == line_with(text, "Lucioles")


def test_public_location_may_have_its_address(content: Path) -> None:
    location = "\n  name: Clinic\n  address: 1500, boulevard du Fleuve\n  city: Port-Lumière\n  postal_code: G0X 1Z9"
    assert errors_of(content, service(location=location)) == []


def test_draft_service_problems_are_warnings(content: Path) -> None:
    write(content, "services/wip.md", service(status="draft", category="helth"))
    problems = problems_for(content)
    assert problems and all(p.severity.value == "warning" for p in problems)


GUIDE_FIELDS = {
    "title": "A guide",
    "summary": "What it is about.",
    "lang": "en",
    "status": "published",
    "source": "A peer collective",
    "permission": "\n  granted_by: The collective\n  date: 2026-01-10",
    "licence": "CC BY-NC-SA 4.0",
    "updated": "2026-01-12",
}


def guide(**fields: str | None) -> str:
    return front_matter(GUIDE_FIELDS, "## Part one\n\nText.", **fields)


def test_a_valid_guide_passes(content: Path) -> None:
    assert errors_of(content, guide(), "guides/ok.md") == []


@pytest.mark.parametrize("field", ["source", "permission", "licence", "updated"])
def test_missing_attribution_is_an_error(content: Path, field: str) -> None:
    problem = one_error(content, guide(**{field: None}), "guides/broken.md")
    assert problem.field == field and "required" in problem.what
    assert field in problem.fix or "writer's guide" in problem.fix


def test_permission_needs_who_and_when(content: Path) -> None:
    text = guide(permission="\n  granted_by: The collective")
    problem = one_error(content, text, "guides/broken.md")
    assert problem.field == "permission.date" and problem.line == line_with(text, "permission:")


def test_permission_dated_after_today(content: Path) -> None:
    text = guide(permission="\n  granted_by: The collective\n  date: 2030-01-01")
    problem = one_error(content, text, "guides/broken.md")
    assert problem.field == "permission.date" and problem.line == line_with(text, "2030")
