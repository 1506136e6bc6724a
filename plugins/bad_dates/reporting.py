"""How to report, and the safety note: what every edition opens with, on the web, on paper and in text.

The ways to report come from ``BAD_DATES_CHANNELS`` (the answering line,
the text line, in person, partner agencies and, once the program runs one,
the report form); their labels and the safety note are the theme's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import BadDatesSettings
from .views import Translate


@dataclass(frozen=True)
class ChannelView:
    kind: str
    label: str
    number: str  # as written in the settings
    tel: str  # the number for a tel: or sms: link (digits and +)
    url: str  # a page of this site, with the language: "en/report/"
    note: str


def channel_label(translate: Translate, kind: str) -> str:
    return {
        "answering_line": translate("Answering line"),
        "text_line": translate("Text line"),
        "in_person": translate("In person"),
        "partners": translate("Through a partner agency"),
        "form": translate("On our website"),
    }.get(kind, kind)


def channels(config: BadDatesSettings, lang: str, translate: Translate, form_url: str = "") -> tuple[ChannelView, ...]:
    """The ways to report in ``lang``; the report form only when this build makes it (``form_url``, with the
    language), with its note from ``BAD_DATES_CHANNELS["form"]`` or the theme's words."""
    views = [
        ChannelView(
            kind=kind,
            label=channel_label(translate, kind),
            number=channel.number or "",
            tel="".join(char for char in channel.number or "" if char.isdigit() or char == "+"),
            url=f"{lang}/{channel.url.lstrip('/')}" if channel.url else "",
            note=channel.note.get(lang, ""),
        )
        for kind, channel in config.channels()
        if kind != "form"
    ]
    if form_url:
        configured = config.BAD_DATES_CHANNELS.get("form")
        note = configured.note.get(lang, "") if configured is not None else ""
        default = translate("Anonymous: we cannot see who sent it, and only our staff can read it.")
        views.append(ChannelView("form", channel_label(translate, "form"), "", "", form_url, note or default))
    return tuple(views)


@dataclass(frozen=True)
class Guidance:
    """The words around the reports, in one language."""

    title: str
    how_to_report: str
    report_promise: str
    safety_title: str
    safety: tuple[str, ...]
    channels: tuple[ChannelView, ...]
    more_url: str = ""  # the page that explains reporting at length, when the site has one in this language
    more: str = ""


def guidance(
    config: BadDatesSettings, lang: str, translate: Translate, more_url: str = "", form_url: str = ""
) -> Guidance:
    return Guidance(
        title=translate("Bad date list"),
        how_to_report=translate("How to report a bad date"),
        report_promise=translate(
            "Reports are anonymous. We never publish who reported, and we go to the police only if you ask us to."
        ),
        safety_title=translate("Stay safe"),
        safety=(
            translate(
                "This list holds only what was reported to us: someone who is not on it is not necessarily safe."
            ),
            translate("Trust your instincts. If you can, tell someone you trust where you are going and with whom."),
            translate("If you are in danger right now, call emergency services first."),
        ),
        channels=channels(config, lang, translate, form_url),
        more_url=more_url,
        more=translate("More about reporting: what we ask, and what we never share"),
    )
