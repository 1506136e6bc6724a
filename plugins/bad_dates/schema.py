"""An edition of the bad date list (content/bad-dates/LANG/YYYY-MM.md): the public text of each report, nothing else.

Staff write (or import) what the program publishes about each report; the
report itself, and everything about who made it, stays in the program's
private records.  Every model refuses a field it does not know, and says so
without ever suggesting another field for it: a misplaced name or number
must be deleted, not moved.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from relais.fields import Key, KeyList, Text, TextList
from relais.i18n import _
from relais.schemas import Announce, ContentModel, Status

from .months import DayOrMonth, EditionMonth, WholeDay, parse_month

TIMES_OF_DAY = ("morning", "afternoon", "evening", "night")
PLACE_TYPES = ("street", "car", "hotel", "incall", "outcall", "online", "phone", "other")
# Places where an area means nothing: the harm happened through a screen or a call.
REMOTE_PLACES = ("online", "phone")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
# A misspelling this close to a field is a typo; anything further may be someone's details.
_TYPO_CUTOFF = 0.85


def _report_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            _(
                "'{value}' is not a report id — use letters, digits and dashes (at most 40), for example 2026-11-r1"
            ).format(value=value)
        )
    return value


ReportId = Annotated[Key, AfterValidator(_report_id)]


class PublicFields(ContentModel):
    """What every part of an edition shares: a field it does not know is refused, never renamed."""

    @classmethod
    def explain_unknown_field(cls, field: str) -> tuple[str, str]:
        what = _("'{field}' is not a field of the bad date list").format(field=field)
        known = list(cls.model_fields)
        close = difflib.get_close_matches(field.lower(), known, n=1, cutoff=_TYPO_CUTOFF)
        if close:
            return what, _("did you mean '{guess}'?").format(guess=close[0])
        return what, _(
            "delete it: the list holds only these fields ({fields}); nothing about who reported, "
            "or how to reach them, is ever written here"
        ).format(fields=", ".join(known))


class Aggressor(PublicFields):
    description: Text = Field(
        description="The person as the report describes them, in a sentence or two.",
        examples=["description: White man in his forties, tall, grey beard, says he is a nurse."],
    )
    age: Text | None = Field(None, description="Apparent age.", examples=["age: about 40"])
    gender: Text | None = Field(None, description="Apparent gender.", examples=["gender: man"])
    height: Text | None = Field(None, description="Height.", examples=["height: tall, about 6 feet"])
    build: Text | None = Field(None, description="Build.", examples=["build: heavy"])
    hair: Text | None = Field(None, description="Hair.", examples=["hair: short, grey"])
    facial_hair: Text | None = Field(None, description="Beard, moustache.", examples=["facial_hair: grey beard"])
    skin: Text | None = Field(None, description="Skin colour, as reported.", examples=["skin: white"])
    accent: Text | None = Field(None, description="Accent or language.", examples=["accent: English, no accent"])
    marks: Text | None = Field(
        None, description="Tattoos, scars, piercings.", examples=["marks: tattoo of a snake on the left wrist"]
    )
    clothing: Text | None = Field(None, description="Clothing.", examples=["clothing: green work jacket"])
    name_used: Text | None = Field(None, description="The name he or she gave.", examples=["name_used: Marc"])


class Vehicle(PublicFields):
    make: Text | None = Field(None, description="Make.", examples=["make: Honda"])
    model: Text | None = Field(None, description="Model.", examples=["model: Civic"])
    colour: Text | None = Field(None, description="Colour.", examples=["colour: grey"])
    plate: Text | None = Field(
        None, description="Licence plate, or the part of it that was seen.", examples=["plate: ABC 1"]
    )
    province: Text | None = Field(None, description="Province or state of the plate.", examples=["province: QC"])

    @model_validator(mode="after")
    def _something(self) -> Vehicle:
        if not any(getattr(self, name) for name in type(self).model_fields):
            raise ValueError(
                _("a vehicle with nothing to recognise it by — add its make, colour or plate, or remove 'vehicle'")
            )
        return self


class Report(PublicFields):
    id: ReportId = Field(
        description="A short name for the report, the same in both languages, never reused.",
        examples=["id: 2026-11-r1"],
    )
    date: DayOrMonth = Field(description="When it happened: the day, or only the month.", examples=["date: 2026-11-03"])
    time_of_day: Literal[TIMES_OF_DAY] | None = Field(  # type: ignore[valid-type]
        None, description="morning, afternoon, evening or night.", examples=["time_of_day: night"]
    )
    area: Text | None = Field(
        None,
        description="The neighbourhood or part of town; never an address.",
        examples=["area: Port-Lumière east, near the port"],
    )
    place_type: Literal[PLACE_TYPES] = Field(  # type: ignore[valid-type]
        description="street, car, hotel, incall, outcall, online, phone or other.", examples=["place_type: car"]
    )
    types: KeyList = Field(
        min_length=1,
        description="What happened, from the list in BAD_DATES_TYPES.",
        examples=["types: [physical-assault, robbery]"],
    )
    aggressor: Aggressor = Field(
        description="The person: a description, and what else was reported about them.",
        examples=["aggressor:\n  description: Man in his forties, tall, grey beard."],
    )
    vehicle: Vehicle | None = Field(
        None,
        description="The vehicle: make, model, colour, plate, province.",
        examples=["vehicle:\n  make: Honda\n  colour: grey\n  plate: ABC 1"],
    )
    contact_used: TextList = Field(
        default_factory=list,
        description="The phone numbers, handles, ad names or emails the aggressor used.",
        examples=["contact_used: [514-555-0199]"],
    )
    what_happened: Text = Field(
        description="What happened, rewritten by staff in the third person.",
        examples=["what_happened: He refused to pay and took back the money by force."],
    )
    advice: Text | None = Field(None, description="What staff advise.", examples=["advice: Do not get into his car."])
    reported_on: WholeDay = Field(description="The day the report reached us.", examples=["reported_on: 2026-11-05"])

    @model_validator(mode="after")
    def _where(self) -> Report:
        if self.area is None and self.place_type not in REMOTE_PLACES:
            raise ValueError(
                _(
                    "this report says neither where nor how it happened — "
                    "add 'area:' (a neighbourhood, never an address)"
                )
            )
        return self


class Edition(PublicFields):
    edition: EditionMonth = Field(description="The month of the list: YYYY-MM.", examples=["edition: 2026-11"])
    lang: Key | None = Field(None, description="The edition's language: en or fr.", examples=["lang: en"])
    translation_key: Key | None = Field(
        None,
        description="Shared by the two languages' editions of a month; defaults to the month.",
        examples=["translation_key: 2026-11"],
    )
    status: Status = Field("draft", description="draft, review or published.", examples=["status: published"])
    intro: Text | None = Field(
        None,
        description="A few sentences shown before the reports.",
        examples=["intro: Four reports this month, two about the same car."],
    )
    reports: list[Report] = Field(
        default_factory=list,
        description="The reports, each with its public fields only.",
        examples=["reports:\n  - id: 2026-11-r1\n    date: 2026-11-03"],
    )
    announce: Announce | None = Field(
        None,
        description="A forum announcement of its own; without it, one is written for the edition.",
        examples=["announce:\n  headline: New bad date list\n  text: Four new warnings this month."],
    )

    @field_validator("reports", mode="before")
    @classmethod
    def _no_reports_yet(cls, value: Any) -> Any:
        """``reports:`` with nothing under it: a new edition, before its first report."""
        return [] if value is None else value

    @model_validator(mode="before")
    @classmethod
    def _month_links_languages(cls, data: Any) -> Any:
        """The two languages' editions of a month are translations of each other unless told otherwise."""
        if isinstance(data, dict) and not data.get("translation_key") and isinstance(data.get("edition"), str):
            return {**data, "translation_key": data["edition"].strip()}
        return data

    @property
    def date(self) -> dt.date:
        """The first day of the month: an edition is on the site from then (a later month's is scheduled)."""
        return parse_month(self.edition).first_day
