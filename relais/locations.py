"""Where a service or an event is: a public place, or a confidential one.

Services and events share this model.  A confidential place (the drop-in
centre) is never published: it has a ``note`` saying how people get the
address (in person, by phone).  Whether anything in a file gives a
confidential place away (an address, a postal code, coordinates, in any
field or in the text) is checked by :mod:`relais.confidential`, so the
message can point at the exact line.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .fields import Text
from .i18n import N_, _
from .schemas import ContentModel

PRIVATE_NOTE_EXAMPLE = N_("note: The address is given in person or by phone.")


class Location(ContentModel):
    """A public place, or a confidential one whose address is never published."""

    confidential: bool = Field(
        False,
        description="true when the address must stay private (the drop-in centre); then only `note` is shown.",
        examples=["confidential: true"],
    )
    note: Text | None = Field(
        None,
        description="How to get there or get the address; for a confidential place, never the address itself.",
        examples=[PRIVATE_NOTE_EXAMPLE, "note: L'adresse est donnée en personne ou par téléphone."],
    )
    name: Text | None = Field(
        None,
        description="The place's name.",
        examples=["name: Port-Lumière Central Library", "name: Bibliothèque centrale de Port-Lumière"],
    )
    address: Text | None = Field(
        None,
        description="Street address (public places only).",
        examples=["address: 120 Lighthouse Street", "address: 120, rue du Phare"],
    )
    city: Text | None = Field(None, description="The city.", examples=["city: Port-Lumière"])
    postal_code: Text | None = Field(
        None, description="Postal code (public places only).", examples=["postal_code: H0H 0H0"]
    )
    accessibility: Text | None = Field(
        None,
        description="Steps, lift, washrooms: what people need to know to get in.",
        examples=[
            "accessibility: Step-free entrance; accessible washroom.",
            "accessibility: Entrée de plain-pied; toilettes accessibles.",
        ],
    )

    @model_validator(mode="after")
    def _enough_to_find_it(self) -> Location:
        if self.confidential and self.note is None:
            raise ValueError(
                _(
                    "a confidential place needs a note saying how to get the address — add for example '{example}'"
                ).format(example=_(PRIVATE_NOTE_EXAMPLE))
            )
        if not self.confidential and self.name is None and self.address is None:
            raise ValueError(
                _(
                    "a place needs a name or an address — add 'name:' and 'address:', "
                    "or 'confidential: true' with a 'note:' if the address must stay private"
                )
            )
        return self

    @property
    def public_text(self) -> str:
        """The place in one line, as calendars show it; a confidential place is only its note."""
        if self.confidential:
            return self.note or ""
        return ", ".join(part for part in (self.name, self.address, self.city) if part)
