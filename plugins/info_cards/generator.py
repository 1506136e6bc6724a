"""Write each language's sheet of wallet cards as a PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import Generator

from relais.content import Entry
from relais.pdf import render_pdf
from relais.site import SETTINGS_KEY, Site
from relais.urls import public_url

from .config import InfoCards, card_settings, service_by_key
from .sheet import Sheet

STYLESHEET = Path(__file__).with_name("cards.css")


class InfoCardsGenerator(Generator):
    def generate_context(self) -> None:
        """Tell the other pages whether this language has cards (and where)."""
        self.context["info_cards_url"] = self.settings["INFO_CARDS_SAVE_AS"] if self._sources() else None

    def _sources(self) -> tuple[Site, InfoCards, Entry, Entry] | None:
        """The site, settings, line and drop-in the cards need; None if this language has none."""
        site: Site | None = self.settings.get(SETTINGS_KEY)
        cards = card_settings(self.settings)
        if site is None or cards is None or not self.settings.get("INFO_CARDS_SAVE_AS"):
            return None
        lang = self.settings["DEFAULT_LANG"]
        line = service_by_key(site, cards.contact_service, lang)
        drop_in = service_by_key(site, cards.drop_in_service, lang)
        if line is None or drop_in is None:
            return None  # no services in this language yet (a wrong key is reported by the check)
        return site, cards, line, drop_in

    def generate_output(self, writer: Any) -> None:
        sources = self._sources()
        if sources is None:
            return
        _site, cards, line, drop_in = sources
        lang = self.settings["DEFAULT_LANG"]
        save_as = self.settings["INFO_CARDS_SAVE_AS"]
        sheet = Sheet(cards.paper)
        web = public_url(self.settings, f"{lang}/")
        html = self.get_template("info_cards").render(
            self.context,
            words=cards.words[lang],
            line=line.data,
            drop_in=drop_in.data,
            web=web.split("://", 1)[-1],
            cards=range(len(sheet.cards())),
            marks=range(len(sheet.marks())),
        )
        render_pdf(
            html,
            Path(self.output_path, save_as),
            stylesheets=[STYLESHEET],
            roots=[Path(self.output_path)],  # images: the cleaned copies, written there before any PDF
            site_url=self.settings.get("SITEURL", ""),
            css=[sheet.css()],
        )


def get_generators(_pelican: Any) -> type[Generator]:
    return InfoCardsGenerator
