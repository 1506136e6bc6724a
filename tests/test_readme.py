"""The README stays in step with the tool."""

from __future__ import annotations

import pytest
from guides.schema import Guide, Permission
from services.schema import Contact, Service, Slot

from relais.locations import Location
from relais.schemas import Author, Page, Post
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    commands = [line.split("#")[0].strip() for line in README.split("```")[1].splitlines()[1:] if line.strip()]
    assert commands == ["make html", "make test"]


@pytest.mark.parametrize("model", [Post, Page, Author, Service, Slot, Location, Contact, Guide, Permission])
def test_every_field_is_documented(model: type) -> None:
    for name in model.model_fields:
        assert f"| `{name}` |" in README, f"document the field '{name}' of {model.__name__} in README.md"
