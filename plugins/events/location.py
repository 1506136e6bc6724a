"""Where an event happens: a public place, or a confidential one.

A confidential place (the drop-in centre) is never published: it has a
``note`` saying how to get the address (in person, by phone), and giving it
an address is an error.  Postal codes and coordinates are not fields at all,
so they are refused for every place.

The services directory has the same model; both will share one module.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from relais.fields import Text
from relais.schemas import ContentModel

CONFIDENTIAL_FIX = (
    "a confidential place is never published with its address: remove it, and say in 'note' "
    "how people can get it, for example 'note: The address is given in person or by phone.'"
)


class EventLocation(ContentModel):
    # `confidential` comes first: the other fields' checks read it.
    confidential: bool = Field(
        False,
        description="true when the address must stay private (the drop-in centre); then only `note` is shown.",
        examples=["confidential: true"],
    )
    note: Text | None = Field(
        None,
        description="How to get there or get the address; for a confidential place, never the address itself.",
        examples=["note: The address is given in person or by phone."],
    )
    name: Text | None = Field(None, description="The place's name.", examples=["name: Port-Lumière Central Library"])
    address: Text | None = Field(
        None, description="Street address of a public place.", examples=["address: 120 Lighthouse Street"]
    )
    city: Text | None = Field(None, description="The city.", examples=["city: Port-Lumière"])
    accessibility: Text | None = Field(
        None,
        description="Steps, lift, washrooms: what people need to know to get in.",
        examples=["accessibility: Step-free entrance; accessible washroom."],
    )

    @field_validator("address")
    @classmethod
    def _never_for_confidential(cls, value: Any, info: ValidationInfo) -> Any:
        if info.data.get("confidential"):
            raise ValueError(f"this place is confidential, so it cannot have an address — {CONFIDENTIAL_FIX}")
        return value

    @model_validator(mode="after")
    def _enough_to_find_it(self) -> EventLocation:
        if self.confidential and self.note is None:
            raise ValueError(
                "a confidential place needs a note — add for example "
                "'note: The address is given in person or by phone.'"
            )
        if not self.confidential and self.name is None and self.address is None:
            raise ValueError(
                "a place needs a name or an address — add 'name:' and 'address:', "
                "or 'confidential: true' with a 'note:' if the address must stay private"
            )
        return self

    @property
    def public_text(self) -> str:
        """The place in one line, as calendars show it; a confidential place is only its note."""
        if self.confidential:
            return self.note or ""
        return ", ".join(part for part in (self.name, self.address, self.city) if part)
