"""The front matter of a guide (content/guides/*.md): a resource re-published with permission."""

from __future__ import annotations

from pydantic import Field

from relais.fields import DateOrDateTime, Key, Text
from relais.schemas import ContentModel, Status


class Permission(ContentModel):
    granted_by: Text = Field(
        description="Who gave permission to re-publish.", examples=["granted_by: Collectif Entre-Nous"]
    )
    date: DateOrDateTime = Field(description="When they gave it.", examples=["date: 2026-03-10"])


class Guide(ContentModel):
    title: Text = Field(
        description="The guide's title.", examples=["title: Money and banking", "title: L'argent et les banques"]
    )
    summary: Text = Field(
        description="One or two sentences for the list of guides.",
        examples=[
            "summary: Opening an account, saving and taxes, from workers who have been there.",
            "summary: Ouvrir un compte, épargner et faire ses impôts, par des TDS qui sont passées par là.",
        ],
    )
    lang: Key | None = Field(None, description="The guide's language: en or fr.", examples=["lang: fr"])
    translation_key: Key | None = Field(
        None, description="Shared by a guide and its translation.", examples=["translation_key: money-guide"]
    )
    status: Status = Field("draft", description="draft, review or published.", examples=["status: published"])
    source: Text = Field(
        description="The organisation or people who wrote it, as they want to be credited.",
        examples=["source: Collectif Entre-Nous"],
    )
    source_url: Text | None = Field(
        None, description="Where the original is published.", examples=["source_url: https://example.org/guide"]
    )
    permission: Permission = Field(
        description="Who granted permission to re-publish, and when.",
        examples=["permission:\n  granted_by: Collectif Entre-Nous\n  date: 2026-03-10"],
    )
    licence: Text = Field(
        description="The licence or terms of the re-publication.",
        examples=["licence: CC BY-NC-SA 4.0"],
    )
    updated: DateOrDateTime = Field(description="When this version was last updated.", examples=["updated: 2026-04-02"])
    noindex: bool = Field(
        False, description="true keeps the guide out of search engines and the sitemap.", examples=["noindex: true"]
    )
