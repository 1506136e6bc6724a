"""README.md's section for staff says what the code does: every field, column and setting of the bad date list."""

from __future__ import annotations

import pytest

from bad_dates.config import BadDatesSettings
from bad_dates.schema import Aggressor, Edition, Report, Vehicle
from bad_dates.spreadsheet import COLUMNS
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## The bad date list\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("model", [Edition, Report])
def test_every_field_has_its_row(model: type) -> None:
    for name in model.model_fields:
        assert f"| `{name}` |" in SECTION, f"document the field '{name}' of {model.__name__}"


@pytest.mark.parametrize("model", [Aggressor, Vehicle])
def test_every_part_of_the_person_and_the_vehicle_is_named(model: type) -> None:
    for name in model.model_fields:
        assert f"`{name}`" in SECTION, f"name the field '{name}' of {model.__name__}"


def test_every_column_has_its_english_and_french_heading() -> None:
    for column in COLUMNS:
        assert f"| `{column.name}` | `{column.french}` |" in SECTION, column.name


def test_every_setting_is_documented() -> None:
    for name in BadDatesSettings.model_fields:
        if name.startswith("BAD_DATES_"):
            assert f"| `{name}` |" in SECTION, name
    assert "BAD_DATES_HOW_TO_REPORT_PAGE" in SECTION


def test_the_walk_through_uses_the_real_commands() -> None:
    assert "./publish.py new bad-dates 2026-12" in SECTION
    assert "./publish.py bad-dates import december.csv --edition 2026-12 --lang en --append" in SECTION
