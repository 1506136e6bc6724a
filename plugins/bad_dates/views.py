"""A report as readers get it: every public field with its label, in the reader's language.

The web pages, the PDF, the plain-text edition, the feed, the SMS lines and
the lookup are all made from these views, so the same report reads the same
everywhere and no output can show a field the others do not.  The words are
the theme's (``translate``, theme/translations/<lang>/LC_MESSAGES/bad_dates.po);
the kinds of harm come from ``BAD_DATES_TYPES``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date, format_skeleton

from .config import BadDatesSettings
from .identifiers import fold, is_phone, phone_digits, plate_key
from .months import Day, parse_day_or_month, parse_month

Translate = Callable[[str], str]

ANCHOR_PREFIX = "report--"


def translate_place(translate: Translate, key: str) -> str:
    return {
        "street": translate("Street"),
        "car": translate("In a car"),
        "hotel": translate("Hotel or motel"),
        "incall": translate("Incall"),
        "outcall": translate("Outcall"),
        "online": translate("Online"),
        "phone": translate("By phone or text"),
        "other": translate("Other place"),
    }.get(key, key)


def translate_time(translate: Translate, key: str) -> str:
    return {
        "morning": translate("morning"),
        "afternoon": translate("afternoon"),
        "evening": translate("evening"),
        "night": translate("night"),
    }.get(key, key)


def aggressor_labels(translate: Translate) -> dict[str, str]:
    return {
        "age": translate("Age"),
        "gender": translate("Gender"),
        "height": translate("Height"),
        "build": translate("Build"),
        "hair": translate("Hair"),
        "facial_hair": translate("Facial hair"),
        "skin": translate("Skin"),
        "accent": translate("Accent"),
        "marks": translate("Tattoos, scars"),
        "clothing": translate("Clothing"),
        "name_used": translate("Name used"),
    }


def vehicle_labels(translate: Translate) -> dict[str, str]:
    return {
        "make": translate("Make"),
        "model": translate("Model"),
        "colour": translate("Colour"),
        "plate": translate("Plate"),
        "province": translate("Province"),
    }


@dataclass(frozen=True)
class Words:
    """The labels of one language, looked up once per run."""

    when: str
    where: str
    what: str
    person: str
    vehicle: str
    contact_used: str
    what_happened: str
    advice: str
    reported_on: str
    report: str
    aggressor: dict[str, str]
    vehicle_parts: dict[str, str]

    @classmethod
    def of(cls, translate: Translate) -> Words:
        return cls(
            when=translate("When"),
            where=translate("Where"),
            what=translate("Kind of harm"),
            person=translate("The person"),
            vehicle=translate("Vehicle"),
            contact_used=translate("Number, handle or ad used"),
            what_happened=translate("What happened"),
            advice=translate("Our advice"),
            reported_on=translate("Reported on"),
            report=translate("Report"),
            aggressor=aggressor_labels(translate),
            vehicle_parts=vehicle_labels(translate),
        )


@dataclass(frozen=True)
class ReportView:
    """One report, ready to show: labels and values in order, and the keys the lookup compares."""

    id: str
    anchor: str
    edition: str
    month: str  # "November 2026"
    url: str  # the report on its edition's page, site-relative, with its anchor
    when: str  # "November 3, 2026, night"
    when_short: str  # "Nov 3, 2026, night"
    where: str  # "Port-Lumière east · In a car"
    kinds: tuple[str, ...]  # "Physical assault", "Robbery"
    description: str
    details: tuple[tuple[str, str], ...]  # the person's other features: (label, value)
    vehicle: str  # "grey Honda Civic, plate ABC 1 (QC)"
    vehicle_details: tuple[tuple[str, str], ...]
    contacts: tuple[str, ...]
    what_happened: str
    advice: str
    reported_on: str
    sort_key: tuple[Any, ...] = field(compare=False)
    phones: tuple[str, ...] = ()
    plates: tuple[str, ...] = ()

    def search_text(self) -> str:
        """Every word a reader might look for, folded: what the lookup's word search reads."""
        parts = [
            self.when,
            self.where,
            *self.kinds,
            self.description,
            *(value for _label, value in self.details),
            self.vehicle,
            *self.contacts,
            self.what_happened,
            self.advice,
        ]
        return " ".join(fold(part) for part in parts if part)


class ViewMaker:
    """Turns the reports of one language's editions into views."""

    def __init__(self, config: BadDatesSettings, lang: str, locale: str, translate: Translate) -> None:
        self.config = config
        self.lang = lang
        self.locale = locale
        self.translate = translate
        self.words = Words.of(translate)

    def month(self, edition: str) -> str:
        """``2026-11`` → ``November 2026`` / ``novembre 2026``."""
        return format_skeleton("yMMMM", parse_month(edition).first_day, locale=self.locale)

    def day(self, value: Day | dt.date, short: bool = False) -> str:
        """``November 3, 2026`` (``Nov 3, 2026`` when short); a month alone: ``November 2026``."""
        if isinstance(value, Day):
            if value.is_month:
                return format_skeleton("yMMM" if short else "yMMMM", value.first_day, locale=self.locale)
            value = value.first_day
        return format_date(value, format="medium" if short else "long", locale=self.locale)

    def report(self, report: Any, edition: str, page_url: str) -> ReportView:
        happened = parse_day_or_month(report.date)
        when, when_short = self.day(happened), self.day(happened, short=True)
        if report.time_of_day:
            moment = translate_time(self.translate, report.time_of_day)
            when, when_short = f"{when}, {moment}", f"{when_short}, {moment}"
        place = translate_place(self.translate, report.place_type)
        aggressor = report.aggressor
        details = tuple(
            (label, getattr(aggressor, name))
            for name, label in self.words.aggressor.items()
            if getattr(aggressor, name)
        )
        vehicle = report.vehicle
        vehicle_details = (
            tuple(
                (label, getattr(vehicle, name))
                for name, label in self.words.vehicle_parts.items()
                if getattr(vehicle, name)
            )
            if vehicle is not None
            else ()
        )
        anchor = f"{ANCHOR_PREFIX}{report.id}"
        return ReportView(
            id=report.id,
            anchor=anchor,
            edition=edition,
            month=self.month(edition),
            url=f"{page_url}#{anchor}",
            when=when,
            when_short=when_short,
            where=" · ".join(part for part in (report.area, place) if part),
            kinds=tuple(self.config.type_label(key, self.lang) for key in report.types),
            description=aggressor.description,
            details=details,
            vehicle=self.vehicle_text(vehicle),
            vehicle_details=vehicle_details,
            contacts=tuple(report.contact_used),
            what_happened=report.what_happened,
            advice=report.advice or "",
            reported_on=self.day(report.reported_on),
            sort_key=(edition, happened, report.id),
            phones=tuple(
                digits for contact in report.contact_used if is_phone(contact) and (digits := phone_digits(contact))
            ),
            plates=(plate_key(vehicle.plate),)
            if vehicle is not None and vehicle.plate and plate_key(vehicle.plate)
            else (),
        )

    def vehicle_text(self, vehicle: Any) -> str:
        """``grey Honda Civic, plate ABC 1 (QC)``: the vehicle in one line."""
        if vehicle is None:
            return ""
        make_model = " ".join(part for part in (vehicle.make, vehicle.model) if part)
        name = make_model or vehicle.colour or ""
        if make_model and vehicle.colour:
            # "grey Honda Civic", "Honda Civic grise": the order is the language's.
            name = self.translate("%(colour)s %(vehicle)s") % {"colour": vehicle.colour, "vehicle": make_model}
        plate = ""
        if vehicle.plate:
            plate = self.translate("plate %(plate)s") % {"plate": vehicle.plate}
            if vehicle.province:
                plate = f"{plate} ({vehicle.province})"
        elif vehicle.province:
            plate = vehicle.province
        return ", ".join(part for part in (name, plate) if part)
