"""Everything the list publishes in one language: the pages, the lookup and its index, the PDFs and the text files.

- ``BAD_DATES_INDEX_SAVE_AS``: how to report, the safety note, every edition on the site, newest first;
- ``BAD_DATES_SAVE_AS``: one page per edition, with its reports;
- ``BAD_DATES_LOOKUP_SAVE_AS``: the lookup, which without JavaScript lists every report,
  and ``BAD_DATES_LOOKUP_INDEX_SAVE_AS``, the JSON its script searches;
- per edition, ``BAD_DATES_PDF_SAVE_AS`` in each of ``BAD_DATES_PAPER`` (Letter, A4), the plain-text
  edition (``BAD_DATES_TEXT_SAVE_AS``) and its SMS lines (``BAD_DATES_SMS_SAVE_AS``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from languages.urls import url_for

from relais.generators import EntryGenerator
from relais.incremental import write_built_file
from relais.pdf import render_pdf
from relais.site import SETTINGS_KEY, Site
from relais.urls import public_url

from .lookup import lookup_index
from .site_views import EditionView, LanguageViews, language_views
from .text import sms_lines, text_edition

STYLESHEET = Path(__file__).with_name("print.css")
PAPER_NAMES = {"letter": "Letter", "a4": "A4"}


def edition_files(settings: dict[str, Any], edition: EditionView, papers: list[str]) -> dict[str, Any]:
    """Where an edition's PDFs and text files are, site-relative.

    ``{"pdfs": [(paper name, url), …], "text": url, "sms": url}``.
    """
    lang, slug = edition.entry.lang, edition.entry.slug
    return {
        "pdfs": [
            (PAPER_NAMES[paper], url_for(settings, "BAD_DATES_PDF_SAVE_AS", lang, slug=slug, paper=paper))
            for paper in papers
        ],
        "text": url_for(settings, "BAD_DATES_TEXT_SAVE_AS", lang, slug=slug),
        "sms": url_for(settings, "BAD_DATES_SMS_SAVE_AS", lang, slug=slug),
    }


class BadDatesGenerator(EntryGenerator):
    content_type = "bad_dates"
    template = "bad_dates_edition"

    def generate_context(self) -> None:
        super().generate_context()
        site: Site | None = self.settings.get(SETTINGS_KEY)
        lang = self.settings["DEFAULT_LANG"]
        self.views: LanguageViews | None = None
        if site is None or lang not in site.config.LANGUAGES:
            return
        self.views = language_views(site, self.settings, lang)
        editions = {edition.entry.source: edition for edition in self.views.editions}
        self.items = [page for page in self.items if page.entry.source in editions]
        self.items.sort(key=lambda page: page.entry.data.edition, reverse=True)
        papers = list(self.views.config.BAD_DATES_PAPER)
        for page in self.items:
            edition = editions[page.entry.source]
            page.extra.update(edition=edition, files=edition_files(self.settings, edition, papers))
        self.context["bad_dates_pages"] = self.items

    def generate_output(self, writer: Any) -> None:
        site: Site | None = self.settings.get(SETTINGS_KEY)
        views = self.views
        if site is None or views is None:
            return
        common = {
            "relative_urls": self.settings["RELATIVE_URLS"],
            "bad_dates": views,
            "bad_dates_lookup_url": self.settings["BAD_DATES_LOOKUP_URL"],
            "bad_dates_index_url": self.settings["BAD_DATES_INDEX_URL"],
        }
        template = self.get_template(self.template)
        for page in self.items:
            writer.write_file(page.save_as, template, self.context, page=page, url=page.url, **common)
        writer.write_file(
            self.settings["BAD_DATES_INDEX_SAVE_AS"],
            self.get_template("bad_dates"),
            self.context,
            editions=self.items,
            url=self.settings["BAD_DATES_INDEX_URL"],
            **common,
        )
        writer.write_file(
            self.settings["BAD_DATES_LOOKUP_SAVE_AS"],
            self.get_template("bad_dates_lookup"),
            self.context,
            index_url=self.settings["BAD_DATES_LOOKUP_INDEX_SAVE_AS"],
            url=self.settings["BAD_DATES_LOOKUP_URL"],
            **common,
        )
        self._write(self.settings["BAD_DATES_LOOKUP_INDEX_SAVE_AS"], lookup_index(views.reports))
        for page in self.items:
            self._edition_files(site, views, page)

    def _edition_files(self, site: Site, views: LanguageViews, page: Any) -> None:
        edition: EditionView = page.edition
        files = page.files
        reports = list(edition.reports)
        text = text_edition(
            site_name=site.config.SITENAME,
            month_title=edition.title,
            link=public_url(self.settings, edition.url),
            intro=edition.intro,
            guidance=views.guidance,
            words=views.words,
            reports=reports,
        )
        self._write(files["text"], text.encode("utf-8"))
        self._write(files["sms"], sms_lines(reports, views.translate("BAD DATE")).encode("utf-8"))
        template = self.get_template("bad_dates_print")
        for (_paper_name, pdf_url), paper in zip(files["pdfs"], views.config.BAD_DATES_PAPER, strict=True):
            html = template.render(
                self.context,
                edition=edition,
                bad_dates=views,
                public_link=public_url(self.settings, edition.url),
                paper=paper,
            )
            render_pdf(
                html,
                Path(self.output_path, pdf_url),
                stylesheets=[STYLESHEET],
                roots=[Path(self.output_path)],
                site_url=self.settings.get("SITEURL", ""),
                css=[f"@page {{ size: {paper}; }}"],
                dated=edition.entry.data.date,
                cache=site.cache,
            )

    def _write(self, relative: str, data: bytes) -> None:
        write_built_file(self.settings, Path(self.output_path), relative, data)


def get_generators(_pelican: Any) -> type[BadDatesGenerator]:
    return BadDatesGenerator
