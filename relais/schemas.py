"""Typed schemas for the content types Relais knows out of the box.

One pydantic model per content type.  Unknown keys are errors
(``extra="forbid"``); each field carries a plain description and an example
that error messages and the writer's guide reuse.  Checks that depend on the
site's settings or on other files (known authors, declared categories,
translations) live in :mod:`relais.content`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .fields import DateOrDateTime, Key, KeyList, QuestionNumber, Text, TextList


class ContentModel(BaseModel):
    """Base for every content schema: strict about unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    @classmethod
    def example_of(cls, field: str) -> str:
        info = cls.model_fields.get(field)
        if info is None or not info.examples:
            return ""
        return str(info.examples[0])


Status = Literal["draft", "review", "published"]


class Announce(ContentModel):
    """A short message to post on forums, attached to a post, event or service."""

    headline: Text = Field(description="A short headline.", examples=["headline: Peer gathering this Thursday"])
    text: Text = Field(description="One to three sentences.", examples=["text: Come share a meal and news."])
    date: DateOrDateTime | None = Field(
        None,
        description="When the announcement starts being offered; defaults to the page's own date.",
        examples=["date: 2026-11-16"],
    )
    until: DateOrDateTime | None = Field(
        None, description="After this date the announcement is no longer offered.", examples=["until: 2026-12-01"]
    )


class Post(ContentModel):
    title: Text = Field(description="The post's title.", examples=["title: Getting tested without stress"])
    date: DateOrDateTime = Field(
        description="When the post goes live, in the site's time zone; a future date schedules it.",
        examples=["date: 2026-11-03"],
    )
    updated: DateOrDateTime | None = Field(
        None,
        description="When the post was last changed in a way readers should know.",
        examples=["updated: 2026-11-20"],
    )
    authors: KeyList = Field(
        min_length=1,
        description="Who wrote it: the names of files in content/authors/, without '.yml'.",
        examples=["authors: [lune]"],
    )
    category: Key = Field(description="One of the site's categories.", examples=["category: health"])
    tags: TextList = Field(
        default_factory=list, description="Free words to group posts.", examples=["tags: [testing, clinics]"]
    )
    summary: Text = Field(
        description="One or two sentences used in listings, feeds and forum snippets.",
        examples=["summary: Where to get tested for free, and what to expect."],
    )
    lang: Key | None = Field(None, description="The post's language: en or fr.", examples=["lang: fr"])
    translation_key: Key | None = Field(
        None,
        description="Any word shared by a post and its translation, so each links to the other.",
        examples=["translation_key: getting-tested"],
    )
    status: Status = Field("draft", description="draft, review or published.", examples=["status: published"])
    peer: bool | None = Field(
        None, description="true when a peer wrote it (defaults from the author).", examples=["peer: true"]
    )
    reviewed_by: Key | None = Field(
        None,
        description="The staff member who reviewed a peer's post (their author file name).",
        examples=["reviewed_by: camille"],
    )
    noindex: bool = Field(
        False, description="true keeps the post out of search engines and the sitemap.", examples=["noindex: true"]
    )
    announce: Announce | None = Field(
        None,
        description="A forum announcement for this post: headline, text and optionally until.",
        examples=["announce:\n  headline: New guide on testing\n  text: Free, confidential, no judgement."],
    )
    answers: QuestionNumber | None = Field(
        None,
        description="The number of the question of content/questions.yml this post answers.",
        examples=["answers: 12"],
    )


class Page(ContentModel):
    title: Text = Field(description="The page's title.", examples=["title: About us"])
    lang: Key | None = Field(None, description="The page's language: en or fr.", examples=["lang: en"])
    translation_key: Key | None = Field(
        None, description="Shared with the page's translation.", examples=["translation_key: about"]
    )
    status: Status = Field("draft", description="draft, review or published.", examples=["status: published"])
    summary: Text | None = Field(None, description="A sentence describing the page.", examples=["summary: Who we are."])
    noindex: bool = Field(
        False, description="true keeps the page out of search engines and the sitemap.", examples=["noindex: true"]
    )


class Author(ContentModel):
    name: Text = Field(description="The name shown to readers; a pseudonym is fine.", examples=["name: Lune"])
    role: Literal["staff", "peer"] = Field(description="staff or peer.", examples=["role: peer"])
    bio: dict[Key, Text] = Field(
        default_factory=dict,
        description="A short biography per language.",
        examples=["bio:\n  en: Peer writer since 2024.\n  fr: Pair·e rédacteur·rice depuis 2024."],
    )


def field_names(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def describe(model: type[BaseModel]) -> list[dict[str, Any]]:
    """Field documentation for the writer's guide and ``--help`` texts."""
    return [
        {
            "name": name,
            "required": info.is_required(),
            "description": info.description,
            "example": model.example_of(name),
        }
        for name, info in model.model_fields.items()
        if issubclass(model, ContentModel)
    ]
