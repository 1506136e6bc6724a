"""The standalone announcement: a forum message written apart from the page it is about.

One YAML file per announcement and language in ``content/announcements/``,
with the same ``headline``, ``text`` and ``until`` as an ``announce`` block,
plus what any published content has: a date, a language, a status.  Its
``about`` names the page it is about (an event, a service…); without it,
it links to its place on the announcements page.
"""

from __future__ import annotations

from pydantic import Field

from relais.content_types import ContentType
from relais.fields import DateOrDateTime, Key, Text
from relais.schemas import ContentModel, Status


class StandaloneAnnouncement(ContentModel):
    headline: Text = Field(
        description="A short headline.",
        examples=["headline: Our text line is open tonight", "headline: Notre ligne texto est ouverte ce soir"],
    )
    text: Text = Field(
        description="One to three sentences, as plain text: Relais adds the link and the footer.",
        examples=["text: Ask us anything, no name needed.", "text: Posez-nous vos questions, sans donner votre nom."],
    )
    date: DateOrDateTime = Field(
        description="When the announcement starts being offered; a future date schedules it.",
        examples=["date: 2026-11-16"],
    )
    until: DateOrDateTime | None = Field(
        None, description="After this date the announcement is no longer offered.", examples=["until: 2026-11-26"]
    )
    about: Text | None = Field(
        None,
        description="The page it is about, as its file's place in content/: the announcement links there "
        "(its translation in the announcement's language), and an event's date and time go in every snippet.",
        examples=["about: events/december-17.md"],
    )
    lang: Key | None = Field(None, description="The announcement's language: en or fr.", examples=["lang: fr"])
    translation_key: Key | None = Field(
        None,
        description="Shared by an announcement and its translation; it also names the snippet files.",
        examples=["translation_key: peer-gathering"],
    )
    status: Status = Field("draft", description="draft, review or published.", examples=["status: published"])


ANNOUNCEMENT = ContentType(
    "announcement", "announcements", StandaloneAnnouncement, suffixes=(".yml", ".yaml"), has_body=False
)
