"""Each language's editions on the site, as views: computed once per language and build, shared by every output."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from feeds.plugin import translator
from languages.urls import url_for

from relais.intake.pages import report_folder
from relais.intake.settings import form_is_built

from .config import BadDatesSettings, bad_dates_settings
from .editions import editions_on_site
from .reporting import Guidance, guidance
from .views import ReportView, ViewMaker, Words

if TYPE_CHECKING:
    from relais.content import Entry
    from relais.site import Site

EDITION_URL = "BAD_DATES_URL"


@dataclass(frozen=True)
class EditionView:
    entry: Entry
    edition: str  # 2026-11
    month: str  # November 2026
    title: str  # Bad date list: November 2026
    url: str  # site-relative, with the language
    intro: str
    reports: tuple[ReportView, ...]


@dataclass(frozen=True)
class LanguageViews:
    lang: str
    config: BadDatesSettings
    words: Words
    guidance: Guidance
    editions: tuple[EditionView, ...]  # newest first
    translate: Any

    @property
    def reports(self) -> list[ReportView]:
        """Every report on the site in this language: newest edition first, then in each edition's order."""
        return [report for edition in self.editions for report in edition.reports]


def language_views(site: Site, settings: dict[str, Any], lang: str) -> LanguageViews:
    """The editions readers get in ``lang``; computed once per build (and per language process)."""
    return site.once(f"bad-dates views {lang}", lambda: _compute(site, settings, lang))


def edition_url(settings: dict[str, Any], entry: Entry) -> str:
    return url_for(settings, EDITION_URL, entry.lang, slug=entry.slug)


def _compute(site: Site, settings: dict[str, Any], lang: str) -> LanguageViews:
    config = bad_dates_settings(settings)
    translate = translator(site, settings, lang)
    maker = ViewMaker(config, lang, site.config.LANGUAGES[lang].locale, translate)
    editions = []
    for entry in editions_on_site(site, lang):
        url = edition_url(settings, entry)
        month = maker.month(entry.data.edition)
        editions.append(
            EditionView(
                entry=entry,
                edition=entry.data.edition,
                month=month,
                title=translate("Bad date list: %(month)s") % {"month": month},
                url=url,
                intro=entry.data.intro or "",
                reports=tuple(maker.report(report, entry.data.edition, url) for report in entry.data.reports),
            )
        )
    more = _how_to_report_url(site, settings, config, lang)
    form = f"{lang}/{report_folder(settings, lang)}/" if form_is_built(site) else ""
    return LanguageViews(
        lang, config, maker.words, guidance(config, lang, translate, more, form), tuple(editions), translate
    )


def _how_to_report_url(site: Site, settings: dict[str, Any], config: BadDatesSettings, lang: str) -> str:
    key = config.BAD_DATES_HOW_TO_REPORT_PAGE
    page = next((entry for entry in site.index.published("page", lang) if key and entry.translation_key == key), None)
    return url_for(settings, "PAGE_URL", lang, slug=page.slug) if page is not None else ""
