"""Build each language as its own Pelican run, all into one output folder.

The outermost run builds the default language; when it is finalized, it runs
Pelican again for every other language with the same settings, a different
``DEFAULT_LANG`` and language-prefixed URLs.  Plugins that need every
language (feeds, sitemap, checks on the whole output) connect to
``finalized`` after this plugin and act only when :func:`is_outermost` holds.

This also makes plain ``pelican`` and ``pelican -lr`` build both languages.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.generators import Generator

from relais.build import exception_problem
from relais.digest import pure, reads
from relais.i18n import _, ngettext
from relais.incremental import INCREMENTAL_KEY
from relais.ledger import LedgerState
from relais.problems import Problem
from relais.site import FROM_CLI_KEY, SETTINGS_KEY, Site, load_site, run_output_checks
from relais.urls import public_url
from relais.workers import TASKS_KEY, ForkedTask, ForkedTaskFailed
from relais.writer import RelaisWriter

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
        progress.info(
            ngettext("Building {language} ({count} post)…", "Building {language} ({count} posts)…", count).format(
                language=site.config.LANGUAGES[lang].name, count=count
            )
        )


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


def start_other_languages(generator: Generator) -> None:
    """Build every other language in a process of its own, beside the default language's run.

    Each language is an independent Pelican run writing its own folder
    (/fr/…), so the runs share nothing but the loaded site and the build
    folder; on a machine with two cores both languages are built at once.
    Started when the default language's first generator is made: every
    plugin's ``get_generators`` step (which may write files all languages
    share, such as images) has run by then, and no page is written yet.
    """
    settings = generator.settings
    site = settings.get(SETTINGS_KEY)
    if not is_outermost(settings) or site is None or TASKS_KEY in settings:
        return
    settings[TASKS_KEY] = [
        (lang, ForkedTask(_build_language, settings, lang))
        for lang in site.config.LANGUAGES
        if lang != settings["DEFAULT_LANG"]
    ]


def _build_language(settings: dict[str, Any], lang: str) -> tuple[list[Problem], LedgerState | None]:
    """One language's Pelican run; returns its problems and what it wrote, for the parent to take in."""
    site: Site = settings[SETTINGS_KEY]
    already = len(site.problems)
    sub_settings = {
        **settings,
        **language_settings(settings, lang),
        SUBSITE_KEY: True,
        TASKS_KEY: [],
        "DELETE_OUTPUT_DIRECTORY": False,
        # Root pages and the theme's files are shared by the languages: the
        # outermost run writes them, once (two runs at once must not both write a file).
        "TEMPLATE_PAGES": {},
        "THEME_STATIC_PATHS": [],
    }
    try:
        Pelican(sub_settings).run()
    except Exception as err:  # noqa: BLE001 - any failure must fail the build, with its reason
        site.problems.add(exception_problem(err))
    site.cache.note_used()  # this process's part of the build, for the parent's pruning
    incremental = settings.get(INCREMENTAL_KEY)
    return list(site.problems)[already:], incremental.ledger.state if incremental is not None else None


def finish_other_languages(pelican: Pelican) -> None:
    """Wait for the other languages, then take in their problems."""
    settings = pelican.settings
    site = settings.get(SETTINGS_KEY)
    if not is_outermost(settings) or site is None:
        return
    for lang, task in settings.pop(TASKS_KEY, []):
        try:
            problems, written = task.result()
        except ForkedTaskFailed as err:
            site.problems.add(
                Problem(
                    "build",
                    0,
                    "",
                    _("the build of '{lang}' stopped: {error}").format(lang=lang, error=err),
                    _("build again"),
                )
            )
            continue
        site.problems.extend(problems)
        incremental = settings.get(INCREMENTAL_KEY)
        if incremental is not None and written is not None:
            incremental.ledger.state.merge(written)
    if not settings.get(FROM_CLI_KEY):
        # publish.py runs these itself, before it replaces the output folder.
        already_reported = len(site.problems)
        run_output_checks(site, Path(pelican.output_path))
        for problem in list(site.problems)[already_reported:]:
            (log.error if problem.severity.value == "error" else log.warning)(problem.format())


def relais_writer(_pelican: Pelican) -> type[RelaisWriter]:
    return RelaisWriter


def add_language_links(generator: Generator) -> None:
    site = generator.settings.get(SETTINGS_KEY)
    if site is None:
        return
    links = LanguageLinks(generator.settings, site)
    # What each function's result depends on besides its arguments (see relais.digest).
    structure = functools.partial(translation_structure, site)
    generator.env.globals.update(
        language_links=reads(links.for_page, structure),
        translations_of=reads(links.translations, structure),
        LANGUAGES=site.config.LANGUAGES,
        LANG=generator.settings["DEFAULT_LANG"],
        SITE_DEFAULT_LANG=site.config.DEFAULT_LANG,
        home_url=pure(links.home),
        # A full address, for what is read away from the site: alternates, feeds' addresses.
        public_url=pure(functools.partial(public_url, generator.settings)),
        author_bio=reads(links.author_bio, functools.partial(author_bios, site)),
    )


def translation_structure(site: Site) -> tuple[tuple[Any, ...], ...]:
    """Which entries are on the site, in which language, with which translation and category.

    Links between languages depend on this only (and on the settings): a page's
    language links are the same as long as it does not change.
    """

    def compute() -> tuple[tuple[Any, ...], ...]:
        return tuple(
            sorted(
                (
                    entry.type.name,
                    entry.lang,
                    entry.slug,
                    entry.translation_key or "",
                    site.index.is_published(entry),
                    str(getattr(entry.data, "category", "") or ""),
                )
                for entry in site.index.entries
            )
        )

    return site.once("translation structure", compute)


def author_bios(site: Site) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((author.data.name, author.data.bio) for author in site.index.authors.values()))


def register() -> None:
    signals.initialized.connect(configure_default_language)
    signals.get_generators.connect(load_site_when_run_directly)
    signals.get_generators.connect(announce_language)
    signals.generator_init.connect(add_language_links)
    signals.generator_init.connect(start_other_languages)
    signals.finalized.connect(finish_other_languages)
    signals.get_writer.connect(relais_writer)
