"""sitemap.xml with hreflang alternates, and robots.txt pointing to it."""

from __future__ import annotations

from pathlib import Path

from languages.languages import is_outermost
from pelican import Pelican, signals

from relais.incremental import INCREMENTAL_KEY
from relais.site import SETTINGS_KEY

from .sitemap import write_sitemap


def write_when_every_language_is_built(pelican: Pelican) -> None:
    # `languages` builds the other languages in its own `finalized` step, which runs first.
    settings = pelican.settings
    if is_outermost(settings):
        site, incremental = settings.get(SETTINGS_KEY), settings.get(INCREMENTAL_KEY)
        hashes = incremental.ledger.hashes() if incremental is not None else None
        write_sitemap(Path(pelican.output_path), settings, hashes, site.cache if site is not None else None)


def register() -> None:
    signals.finalized.connect(write_when_every_language_is_built)


__all__ = ["register"]
