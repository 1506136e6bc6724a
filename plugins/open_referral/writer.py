"""Write the export during each language's run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from services.config import service_settings
from theme_i18n.theme_i18n import gettext_in

from relais.site import SETTINGS_KEY, Site

from .hsds import HsdsWriter

ROOT_SAVE_AS = "services.json"


class OpenReferralGenerator(Generator):
    def generate_context(self) -> None:
        """Everything comes from the checked index; nothing to read."""

    def generate_output(self, writer: Any) -> None:
        site: Site | None = self.settings.get(SETTINGS_KEY)
        save_as = self.settings.get("OPEN_REFERRAL_SAVE_AS")
        if site is None or not save_as:
            return
        lang = self.settings["DEFAULT_LANG"]
        document = self.document(site, lang)
        targets = [save_as]
        if lang == site.config.DEFAULT_LANG:
            targets.append(ROOT_SAVE_AS)
        for target in targets:
            path = Path(self.output_path, target)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(document, encoding="utf-8")

    def document(self, site: Site, lang: str) -> str:
        def translate(message: str) -> str:
            return gettext_in(self.settings["THEME"], site.config.LANGUAGES, lang, message)

        hsds = HsdsWriter(site, self.settings, service_settings(self.settings), lang, translate)
        pattern = self.settings["SERVICE_URL"]
        entries = sorted(site.index.published("service", lang), key=lambda entry: entry.data.title.lower())
        services = [(entry, pattern.format(slug=entry.slug, lang=lang)) for entry in entries]
        return json.dumps(hsds.page(services), ensure_ascii=False, indent=2) + "\n"


def get_generators(_pelican: Any) -> type[Generator]:
    return OpenReferralGenerator
