"""The writer's guide documents every event field."""

from __future__ import annotations

import pytest

from events.recurrence import RecurrenceRule
from events.schema import Event
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("model", [Event, RecurrenceRule])
def test_every_event_field_is_documented(model: type) -> None:
    for name in model.model_fields:
        assert f"| `{name}` |" in README, f"document the field '{name}' of {model.__name__} in README.md"
