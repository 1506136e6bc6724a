"""A Pelican reader for Markdown files with YAML front matter.

The files were already read and validated by :mod:`relais.content`; this
reader takes the validated entry from the shared index instead of parsing the
front matter again, renders the Markdown body, and hands Pelican metadata it
understands.  Anything not published yet (draft, review, future date, other
language, invalid) is given Pelican's ``skip`` status, so it is never
processed and can never reach the output, not even a drafts/ folder.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, ClassVar

from pelican import signals
from pelican.readers import BaseReader, Readers

from relais.clock import as_datetime
from relais.content import Entry
from relais.rendering import render_body
from relais.site import SETTINGS_KEY, Site

SKIP: dict[str, Any] = {"status": "skip"}
OTHER_MARKDOWN_SUFFIXES = ("markdown", "mkd", "mdown")


class FrontMatterReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        site: Site | None = self.settings.get(SETTINGS_KEY)
        if site is None:
            return "", dict(SKIP)
        relative = Path(source_path).resolve().relative_to(site.content_dir.resolve()).as_posix()
        entry = site.index.by_source.get(relative)
        if entry is None or entry.lang != self.settings["DEFAULT_LANG"] or not site.index.is_published(entry):
            return "", dict(SKIP)
        return render_body(entry, site), self._metadata(entry, site)

    def _metadata(self, entry: Entry, site: Site) -> dict[str, Any]:
        data = entry.data
        metadata: dict[str, Any] = {
            "title": data.title,
            "slug": entry.slug,
            "lang": entry.lang,
            "status": "published",
            "relais_source": entry.source,
            "noindex": data.noindex,
        }
        if data.summary:
            metadata["summary"] = escape(data.summary)
            metadata["summary_text"] = data.summary
        if data.translation_key:
            metadata["translation_key"] = data.translation_key
        if entry.type.name == "post":
            metadata.update(self._post_metadata(entry, site))
        return metadata

    def _post_metadata(self, entry: Entry, site: Site) -> dict[str, Any]:
        data = entry.data
        index = site.index
        metadata: dict[str, Any] = {
            "date": index.published_at(entry),
            "category": self.process_metadata("category", site.config.category_label(data.category, entry.lang)),
            "category_key": data.category,
            "authors": [self.process_metadata("author", name) for name in index.author_names(entry)],
            "peer": index.is_peer(entry),
        }
        if data.tags:
            metadata["tags"] = self.process_metadata("tags", ",".join(tag.replace(",", " ") for tag in data.tags))
        if data.updated is not None:
            metadata["modified"] = as_datetime(data.updated, index.zone)
        return metadata


def use_front_matter_reader(readers: Readers) -> None:
    readers.reader_classes["md"] = FrontMatterReader
    # Other Markdown suffixes and Pelican's HTML/reST readers would bypass the
    # checks; content must be .md with front matter.
    for suffix in (*OTHER_MARKDOWN_SUFFIXES, "html", "htm", "rst"):
        readers.reader_classes[suffix] = None


def register() -> None:
    signals.readers_init.connect(use_front_matter_reader)
