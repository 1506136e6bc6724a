"""The front matter of a service listing (content/services/*.md)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from relais.fields import Key, KeyList, Text
from relais.locations import Location
from relais.notices import NOTICE_EXAMPLE, Notice
from relais.schemas import Announce, ContentModel

from .times import ClockTime, Days, Weeks

# draft and review keep a service off the site, as for posts; active and
# temporarily-closed put it on; inactive takes it off again (it has ended).
ServiceStatus = Literal["draft", "review", "active", "temporarily-closed", "inactive"]
LISTED_STATUSES = ("active", "temporarily-closed")
UNLISTED_STATUSES = ("draft", "review", "inactive")

_PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().\-]+$")


def _phone(value: Any) -> Any:
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else value
    if isinstance(text, str):
        digits = re.sub(r"\D", "", text)
        if not _PHONE_CHARACTERS.match(text) or not 7 <= len(digits) <= 15:
            raise ValueError(f"'{text}' is not a phone number — write it with its area code, for example 514-555-0142")
    return text


Phone = Annotated[str, BeforeValidator(_phone)]


class Contact(ContentModel):
    phone: Phone | None = Field(None, description="A number to call.", examples=["phone: 514-555-0187"])
    text: Phone | None = Field(None, description="A number to text.", examples=["text: 514-555-0142"])
    hours: Text | None = Field(
        None, description="When the lines are answered, in words.", examples=["hours: Monday to Friday, 1 pm to 10 pm"]
    )


class Slot(ContentModel):
    """One line of a schedule: weekly, monthly (with ``weeks``) or by appointment."""

    days: Days | None = Field(None, description="The days it is open.", examples=["days: [monday, thursday]"])
    weeks: Weeks | None = Field(
        None, description="For a monthly slot: which weeks of the month.", examples=["weeks: [first]"]
    )
    opens: ClockTime | None = Field(
        None, description="Opening time, in the site's time zone.", examples=['opens: "18:00"']
    )
    closes: ClockTime | None = Field(
        None, description="Closing time; earlier than opens means after midnight.", examples=['closes: "22:00"']
    )
    by_appointment: bool = Field(False, description="true: by appointment only.", examples=["by_appointment: true"])
    note: Text | None = Field(None, description="A short note about this slot.", examples=["note: Nurse on site"])

    @model_validator(mode="after")
    def _complete(self) -> Slot:
        times_given = self.days is not None or self.opens is not None or self.closes is not None
        if self.by_appointment and times_given:
            raise ValueError(
                "a slot is either by appointment or has days and hours, not both — "
                "write the appointment on its own line of the schedule: '- by_appointment: true'"
            )
        if self.by_appointment:
            if self.weeks:
                raise ValueError("weeks only go with days and hours — remove 'weeks' from the appointment line")
            return self
        missing = [name for name in ("days", "opens", "closes") if getattr(self, name) is None]
        if missing:
            raise ValueError(
                f"this slot has no {' and no '.join(missing)} — give days, opens and closes, "
                "for example 'days: [monday]', 'opens: \"18:00\"', 'closes: \"22:00\"', or 'by_appointment: true'"
            )
        if self.closes == 0 and self.opens:
            object.__setattr__(self, "closes", 24 * 60)  # closes at midnight: the end of that day
        if self.opens == self.closes or (self.opens == 0 and self.closes == 0):
            raise ValueError(
                'opens and closes are the same time — for a service open all day, write opens: "00:00" '
                'and closes: "24:00"'
            )
        if self.opens is not None and self.opens >= 24 * 60:
            raise ValueError('a slot cannot open at 24:00 — write opens: "00:00" on the next day')
        return self

    @property
    def overnight(self) -> bool:
        """Closes on the next day (22:00 to 02:00)."""
        return self.opens is not None and self.closes is not None and self.closes < self.opens

    @property
    def all_day(self) -> bool:
        return self.opens == 0 and self.closes == 24 * 60


class Service(ContentModel):
    title: Text = Field(description="The service's name.", examples=["title: Drop-in centre"])
    summary: Text = Field(
        description="One or two sentences for the directory and the export.",
        examples=["summary: A warm place to rest, eat and talk, four evenings a week."],
    )
    lang: Key | None = Field(None, description="The listing's language: en or fr.", examples=["lang: fr"])
    translation_key: Key | None = Field(
        None, description="Shared by a service and its translation.", examples=["translation_key: drop-in"]
    )
    status: ServiceStatus = Field(
        "draft",
        description="draft, review, active, temporarily-closed or inactive.",
        examples=["status: active"],
    )
    alert: Notice | None = Field(
        None,
        description="A short notice shown prominently, such as a holiday closure; with 'until', it ends by itself.",
        examples=["alert: Closed December 24 to January 1.", NOTICE_EXAMPLE],
    )
    category: Key = Field(description="One of the site's service categories.", examples=["category: drop-in"])
    audience: KeyList = Field(
        min_length=1, description="Who it is for: keys of SERVICE_AUDIENCES.", examples=["audience: [everyone]"]
    )
    languages: KeyList = Field(
        default_factory=list, description="Languages spoken, as two-letter codes.", examples=["languages: [fr, en]"]
    )
    cost: Text | None = Field(None, description="What it costs.", examples=["cost: Free"])
    partner: Text | None = Field(
        None, description="The organisation that runs it with us.", examples=["partner: Port-Lumière Dental School"]
    )
    contact: Contact | None = Field(
        None,
        description="phone, text and hours of the lines.",
        examples=["contact:\n  text: 514-555-0142\n  hours: Monday to Friday, 1 pm to 10 pm"],
    )
    eligibility: Text | None = Field(None, description="Who can use it.", examples=["eligibility: Adults 18 and over."])
    how_to_access: Text | None = Field(
        None, description="How to get there or book.", examples=["how_to_access: Walk in, no appointment."]
    )
    schedule: list[Slot] = Field(
        default_factory=list,
        description="When it is open: weekly or monthly slots, or by appointment.",
        examples=['schedule:\n  - days: [monday, tuesday]\n    opens: "18:00"\n    closes: "22:00"'],
    )
    location: Location | None = Field(
        None,
        description="A public place, or confidential: true with a note.",
        examples=["location:\n  confidential: true\n  note: Ask an outreach worker for the address."],
    )
    announce: Announce | None = Field(
        None,
        description="A forum announcement for this service: headline, text and optionally until.",
        examples=["announce:\n  headline: Drop-in open tonight\n  text: Coffee, food and company."],
    )
