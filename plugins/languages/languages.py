"""Build each language as its own Pelican run, all into one output folder.

The outermost run builds the default language; when it is finalized, it runs
Pelican again for every other language with the same settings, a different
``DEFAULT_LANG`` and language-prefixed URLs.  Plugins that need every
language (feeds, sitemap, checks on the whole output) connect to
``finalized`` after this plugin and act only when :func:`is_outermost` holds.

This also makes plain ``pelican`` and ``pelican -lr`` build both languages.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.generators import Generator

from relais.site import FROM_CLI_KEY, SETTINGS_KEY, load_site, run_output_checks

from .links import LanguageLinks
from .urls import base_patterns, localised_patterns

SUBSITE_KEY = "RELAIS_SUBSITE"
log = logging.getLogger(__name__)
progress = logging.getLogger("relais.progress")


def is_outermost(settings: dict[str, Any]) -> bool:
    return not settings.get(SUBSITE_KEY, False)


def language_settings(settings: dict[str, Any], lang: str) -> dict[str, Any]:
    """The overrides that turn the site's settings into one language's run."""
    return {"DEFAULT_LANG": lang, **localised_patterns(settings, lang)}


def configure_default_language(pelican: Pelican) -> None:
    settings = pelican.settings
    if is_outermost(settings):
        base_patterns(settings)
        settings.update(language_settings(settings, settings["DEFAULT_LANG"]))


def announce_language(pelican: Pelican) -> None:
    site = pelican.settings.get(SETTINGS_KEY)
    lang = pelican.settings["DEFAULT_LANG"]
    if site is not None and lang in site.config.LANGUAGES:
        count = len(site.index.published("post", lang))
        progress.info("Building %s (%d posts)…", site.config.LANGUAGES[lang].name, count)


def load_site_when_run_directly(pelican: Pelican) -> None:
    """``publish.py`` loads and checks the site itself; plain ``pelican`` does not."""
    settings = pelican.settings
    if not is_outermost(settings) or settings.get(FROM_CLI_KEY):
        return
    plugins = getattr(pelican, "plugins", [])
    site, problems = load_site(settings, settings.get("SETTINGS_FILE", "pelicanconf.py"), plugins)
    for problem in problems.sorted():
        (log.error if problem.severity.value == "error" else log.warning)(problem.format())
    settings[SETTINGS_KEY] = site


def build_other_languages(pelican: Pelican) -> None:
    settings = pelican.settings
    site = settings.get(SETTINGS_KEY)
    if not is_outermost(settings) or site is None:
        return
    for lang in site.config.LANGUAGES:
        if lang == settings["DEFAULT_LANG"]:
            continue
        sub_settings = {
            **settings,
            **language_settings(settings, lang),
            SUBSITE_KEY: True,
            "DELETE_OUTPUT_DIRECTORY": False,
            "TEMPLATE_PAGES": {},  # root pages are written once, by the outermost run
        }
        Pelican(sub_settings).run()
    if not settings.get(FROM_CLI_KEY):
        # publish.py runs these itself, before it replaces the output folder.
        already_reported = len(site.problems)
        run_output_checks(site, Path(pelican.output_path))
        for problem in list(site.problems)[already_reported:]:
            (log.error if problem.severity.value == "error" else log.warning)(problem.format())


def add_language_links(generator: Generator) -> None:
    site = generator.settings.get(SETTINGS_KEY)
    if site is None:
        return
    links = LanguageLinks(generator.settings, site)
    generator.env.globals.update(
        language_links=links.for_page,
        translations_of=links.translations,
        LANGUAGES=site.config.LANGUAGES,
        LANG=generator.settings["DEFAULT_LANG"],
        SITE_DEFAULT_LANG=site.config.DEFAULT_LANG,
        home_url=links.home,
        author_bio=links.author_bio,
    )


def register() -> None:
    signals.initialized.connect(configure_default_language)
    signals.get_generators.connect(load_site_when_run_directly)
    signals.get_generators.connect(announce_language)
    signals.generator_init.connect(add_language_links)
    signals.finalized.connect(build_other_languages)
