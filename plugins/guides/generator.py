"""Guide pages with credit and contents, the list of guides, and a PDF of each guide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from relais.generators import EntryGenerator, EntryPage
from relais.pdf import render_pdf
from relais.site import SETTINGS_KEY, Site
from relais.urls import public_url

from .headings import nested, with_heading_ids

STYLESHEET = Path(__file__).with_name("guide_print.css")


class GuideGenerator(EntryGenerator):
    content_type = "guide"
    template = "guide"
    listing_template = "guides"
    listing_setting = "GUIDES"

    def generate_context(self) -> None:
        super().generate_context()
        for page in self.items:
            page.content, headings = with_heading_ids(page.content)
            page.extra["toc"] = nested(headings)

    def extra_fields(self, page: EntryPage, site: Site) -> dict[str, Any]:
        pdf = self.settings["GUIDE_PDF_SAVE_AS"].format(slug=page.slug, lang=page.lang)
        return {"pdf_url": pdf, "pdf_save_as": pdf, "public_url": public_url(self.settings, page.url)}

    def generate_output(self, writer: Any) -> None:
        super().generate_output(writer)
        site: Site | None = self.settings.get(SETTINGS_KEY)
        if site is None:
            return
        template = self.get_template("guide_pdf")
        for page in self.items:
            html = template.render(self.context, page=page)
            updated = page.updated.date() if isinstance(page.updated, dt.datetime) else page.updated
            render_pdf(
                html,
                Path(self.output_path, page.pdf_save_as),
                stylesheets=[STYLESHEET],
                roots=[Path(self.output_path)],  # images: the cleaned copies, written there before any PDF
                site_url=self.settings.get("SITEURL", ""),
                dated=updated,
            )


def get_generators(_pelican: Any) -> type[GuideGenerator]:
    return GuideGenerator
