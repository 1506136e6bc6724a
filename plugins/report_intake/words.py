"""The words of the report form and of the intake's answers, in one language (the theme's catalogs).

Field labels, hints and choices reuse the bad date list's vocabulary
(places, times of day, kinds of harm); ``problems`` has a sentence for every
code the intake may give (``relais.intake.form.problem_codes``).
"""

from __future__ import annotations

from dataclasses import dataclass

from bad_dates.config import BadDatesSettings
from bad_dates.views import Translate, translate_place, translate_time

from relais.intake.form import FormField


@dataclass(frozen=True)
class FieldView:
    name: str
    label: str
    hint: str
    kind: str  # text, textarea, date, select, checkboxes
    max_chars: int
    required: bool
    options: tuple[tuple[str, str], ...] = ()  # (value, label)


def field_labels(translate: Translate) -> dict[str, str]:
    return {
        "date": translate("When did it happen?"),
        "time_of_day": translate("Time of day"),
        "area": translate("Where: the area or part of town"),
        "place_type": translate("What kind of place"),
        "types": translate("What kind of harm"),
        "aggressor_description": translate("What the person looks like"),
        "vehicle_make": translate("Vehicle make"),
        "vehicle_model": translate("Vehicle model"),
        "vehicle_colour": translate("Vehicle colour"),
        "vehicle_plate": translate("Licence plate (part of it is fine)"),
        "contact_used": translate("The number, name, handle or ad they used"),
        "what_happened": translate("What happened"),
    }


def field_hints(translate: Translate) -> dict[str, str]:
    return {
        "date": translate("The day, if you know it."),
        "area": translate("A neighbourhood or a street corner is enough; never your address."),
        "types": translate("Tick all that apply."),
        "aggressor_description": translate(
            "Age, height, hair, accent, tattoos, clothes: what would help others know them."
        ),
        "contact_used": translate("Theirs, never yours."),
        "what_happened": translate(
            "Required. In your own words; we will rewrite it before warning others, without anything about you."
        ),
    }


def field_views(
    fields: tuple[FormField, ...], config: BadDatesSettings, lang: str, translate: Translate
) -> list[FieldView]:
    labels, hints = field_labels(translate), field_hints(translate)
    views = []
    for item in fields:
        if item.name == "types":
            kind, options = "checkboxes", tuple((key, config.type_label(key, lang)) for key in item.choices)
        elif item.name == "place_type":
            kind, options = "select", tuple((key, translate_place(translate, key)) for key in item.choices)
        elif item.name == "time_of_day":
            kind, options = "select", tuple((key, translate_time(translate, key).capitalize()) for key in item.choices)
        else:
            kind, options = ("textarea" if item.multiline else "date" if item.is_date else "text"), ()
        views.append(
            FieldView(
                item.name, labels[item.name], hints.get(item.name, ""), kind, item.max_chars, item.required, options
            )
        )
    return views


def problem_sentences(codes: list[str], translate: Translate) -> list[tuple[str, str]]:
    """``(code, sentence)`` for every code the intake may answer with."""
    labels = field_labels(translate)
    fixed = {
        "too_big": translate("The report is longer than the form allows. Shorten the longest parts and send it again."),
        "content_type": translate("The report did not come from our form. Please use the form on our site."),
        "not_utf8": translate("Some characters of the report could not be read. Please send it again from our form."),
        "unknown_field": translate(
            "The report held something our form does not ask for. Please use the form on our site."
        ),
        "repeated": translate("A part of the form was sent twice. Please send the report again from our form."),
        "not_text": translate("A part of the report holds characters that are not text. Please type it again."),
        "get": translate("This address only receives reports sent from the form."),
    }
    sentences = []
    for code in codes:
        if code in fixed:
            sentences.append((code, fixed[code]))
            continue
        kind, _sep, name = code.partition(":")
        label = labels.get(name, name)
        if kind == "required":
            text = translate("“%(field)s” is needed: tell us what happened, in a few words or at length.")
        elif kind == "too_long":
            text = translate("“%(field)s” is too long. Shorten it, then send the report again.")
        elif kind == "choice":
            text = translate("“%(field)s”: choose one of the answers the form offers.")
        else:
            text = translate("“%(field)s”: choose the day in the calendar, or write it as year-month-day (2026-11-30).")
        sentences.append((code, text % {"field": label}))
    return sentences
