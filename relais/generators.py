"""A Pelican generator for Relais' own content types.

Posts and pages are Pelican's; every other type (services, events, guides…)
subclasses :class:`EntryGenerator`, which writes one page per published
entry of the run's language with the type's template, and an optional
listing page.  Entries come from the checked index, never from a second
read of the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from pelican.generators import Generator

from .content import Entry
from .rendering import render_body
from .site import SETTINGS_KEY, Site


@dataclass
class EntryPage:
    """What a template sees of an entry: its fields, its HTML body and its URL."""

    entry: Entry
    content: str
    url: str
    save_as: str
    extra: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        # Front matter fields (title, summary, schedule…) read as attributes.
        if name.startswith("__"):
            raise AttributeError(name)
        extra = self.__dict__.get("extra", {})
        if name in extra:
            return extra[name]
        return getattr(self.__dict__["entry"].data, name)

    @property
    def relais_source(self) -> str:
        return self.entry.source

    @property
    def lang(self) -> str:
        return self.entry.lang

    @property
    def slug(self) -> str:
        return self.entry.slug


class EntryGenerator(Generator):
    """Writes the pages of one content type for the language of this run.

    Subclasses set ``content_type`` (its name), ``template`` and, for a listing
    page, ``listing_template`` and ``listing_setting`` (a URL setting name such
    as ``"SERVICES"``, whose ``_SAVE_AS`` tells where it goes).  URL settings
    ``<TYPE>_URL`` and ``<TYPE>_SAVE_AS`` place each entry.
    """

    content_type: ClassVar[str]
    template: ClassVar[str]
    listing_template: ClassVar[str | None] = None
    listing_setting: ClassVar[str | None] = None

    def generate_context(self) -> None:
        site: Site | None = self.settings.get(SETTINGS_KEY)
        self.items: list[EntryPage] = []
        if site is None:
            return
        lang = self.settings["DEFAULT_LANG"]
        prefix = self.content_type.upper()
        for entry in site.index.published(self.content_type, lang):
            values = {"slug": entry.slug, "lang": lang}
            url = self.settings[f"{prefix}_URL"].format(**values)
            save_as = self.settings[f"{prefix}_SAVE_AS"].format(**values)
            page = EntryPage(entry, render_body(entry, site), url, save_as)
            page.extra.update(self.extra_fields(page, site))
            self.items.append(page)
        self.items.sort(key=self.sort_key)
        self.context[f"{self.content_type}_pages"] = self.items

    def extra_fields(self, page: EntryPage, site: Site) -> dict[str, Any]:
        """Values computed for templates, beyond the front matter."""
        return {}

    def sort_key(self, page: EntryPage) -> Any:
        return str(getattr(page.entry.data, "title", page.slug)).lower()

    def generate_output(self, writer: Any) -> None:
        template = self.get_template(self.template)
        for page in self.items:
            writer.write_file(
                page.save_as,
                template,
                self.context,
                page=page,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=page.url,
            )
        if self.listing_template and self.listing_setting:
            save_as = self.settings.get(f"{self.listing_setting}_SAVE_AS")
            if save_as:
                writer.write_file(
                    save_as,
                    self.get_template(self.listing_template),
                    self.context,
                    pages_of_type=self.items,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=self.settings[f"{self.listing_setting}_URL"],
                )
