"""sitemap.xml with hreflang alternates, and robots.txt pointing to it."""

from __future__ import annotations

from pathlib import Path

from languages.languages import is_outermost
from pelican import Pelican, signals

from .sitemap import write_sitemap


def write_when_every_language_is_built(pelican: Pelican) -> None:
    # `languages` builds the other languages in its own `finalized` step, which runs first.
    if is_outermost(pelican.settings):
        write_sitemap(Path(pelican.output_path), pelican.settings)


def register() -> None:
    signals.finalized.connect(write_when_every_language_is_built)


__all__ = ["register"]
