"""Writes, for the language of each run, the announcements page and the snippet files.

The page (``ANNOUNCEMENTS_SAVE_AS``, per language) shows every announcement
on offer, newest first, each format in a read-only text box.  The snippet
files go to ``/announcements/SLUG.LANG.FORMAT.txt`` at the site's root, as
plain UTF-8, so a moderator can fetch one directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import Generator

from relais.digest import pure
from relais.site import SETTINGS_KEY, Site

from .collect import PAGE_SETTING, Announcement, offered
from .formats import FORMATS

TEMPLATE = "announcements"


class AnnouncementsGenerator(Generator):
    def generate_context(self) -> None:
        site: Site | None = self.settings.get(SETTINGS_KEY)
        self.announcements: list[Announcement] = []
        if site is not None:
            self.announcements = offered(site, self.settings, self.settings["DEFAULT_LANG"])
        self.context["announcements"] = self.announcements

    def generate_output(self, writer: Any) -> None:
        if self.settings.get(SETTINGS_KEY) is None:
            return
        writer.write_file(
            self.settings[f"{PAGE_SETTING.removesuffix('_URL')}_SAVE_AS"],
            self.get_template(TEMPLATE),
            self.context,
            announcements=self.announcements,
            snippet_formats=FORMATS,
            snippet_rows=snippet_rows,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.settings[PAGE_SETTING],
        )
        for announcement in self.announcements:
            write_snippet_files(Path(self.output_path), announcement)


def write_snippet_files(output: Path, announcement: Announcement) -> None:
    for format_name, text in announcement.snippets.items():
        path = output / announcement.file_path(format_name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


@pure
def snippet_rows(text: str, width: int = 60, most: int = 14) -> int:
    """A text box tall enough for a snippet on a phone, up to a limit (it scrolls beyond)."""
    lines = sum(max(1, -(-len(line) // width)) for line in text.rstrip("\n").split("\n"))
    return min(max(lines, 3), most)


def get_generators(pelican: Any) -> type[Generator]:
    return AnnouncementsGenerator
