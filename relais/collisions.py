"""Two things written to the same place in the output: caught in the sources, before the build.

Pelican finds out only while writing (``FileOverwriteFailedError``, naming a
temporary folder).  Every output path a content file will get is known from
the URL settings, so a page named like a page Relais writes itself
(``pages/search.md`` and the search page, ``events/past.md`` and the past
events) or like another file's page is reported on the source file, with
what it collides with.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .content import Entry, as_draft_warning
from .i18n import _
from .messages import choose_from
from .problems import Problem, Severity
from .settings import line_of_setting
from .url_words import base_patterns, in_words, literal_words, url_words

if TYPE_CHECKING:
    from .site import Site

# Pelican calls posts articles; every other type's settings start with its name (SERVICE_SAVE_AS).
_SETTING_PREFIX = {"post": "ARTICLE"}
# Files shared by every language, or not written from a pattern.
_NOT_PAGES = ("STATIC_", "THEME_")


def output_collisions(site: Site) -> Iterator[Problem]:
    """Each content file whose output path is taken by a page Relais writes or by another file's.

    Paths are those of the file's language, in its words (``url_words``): a
    French page named ``evenements.md`` takes the place of ``/fr/evenements/``.
    """
    patterns = {name: value for name, value in base_patterns(site.settings).items() if _is_page_pattern(name, value)}
    yield from _address_word_problems(site, patterns)
    fixed: dict[str, dict[str, str]] = {}
    taken: dict[tuple[str, str], Entry] = {}
    for entry in site.index.entries:
        if not entry.type.translatable:
            continue
        if entry.lang not in fixed:
            fixed[entry.lang] = _fixed_outputs(patterns, url_words(site.settings, entry.lang))
        for path in _entry_outputs(entry, patterns, url_words(site.settings, entry.lang)):
            problem = _collision(entry, path, fixed[entry.lang], taken)
            if problem is not None:
                yield as_draft_warning(problem, entry) if entry.is_unpublished else problem


def _collision(entry: Entry, path: str, fixed: dict[str, str], taken: dict[tuple[str, str], Entry]) -> Problem | None:
    shown = f"output/{entry.lang}/{path}"
    if path in fixed:
        return entry.problem(
            ("title",),
            _("file name"),
            _("this file's page would be written to {path}, where the site's own {page} goes").format(
                path=shown, page=fixed[path]
            ),
            _("rename the file: its name becomes the page's address"),
        )
    other = taken.setdefault((entry.lang, path), entry)
    if other is entry or other.type is entry.type:
        return None  # the same type's clashes are reported as files with the same name
    return entry.problem(
        ("title",),
        _("file name"),
        _("this file's page would be written to {path}, where the page of {other} goes").format(
            path=shown, other=other.shown_as
        ),
        _("rename one of the two files"),
    )


def _fixed_outputs(patterns: dict[str, str], words: Mapping[str, str]) -> dict[str, str]:
    """Pages Relais writes in a language, by path: ``{"search/index.html": "search page (SEARCH_SAVE_AS)"}``."""
    return {
        in_words(value, words): f"{name.removesuffix('_SAVE_AS').lower().replace('_', ' ')} page ({name})"
        for name, value in patterns.items()
        if "{" not in value
    }


def _entry_outputs(entry: Entry, patterns: dict[str, str], words: Mapping[str, str]) -> list[str]:
    """The paths of an entry's files in its language: its page, and others such as a guide's PDF."""
    prefix = _SETTING_PREFIX.get(entry.type.name, entry.type.name.upper())
    paths = []
    for name, value in patterns.items():
        own = name == f"{prefix}_SAVE_AS" or (name.startswith(f"{prefix}_") and "_LANG_" not in name)
        if own and "{slug}" in value:
            try:
                paths.append(in_words(value, words).format(slug=entry.slug, lang=entry.lang))
            except (KeyError, IndexError, ValueError):
                continue  # a pattern with other fields ({date}…): its paths cannot be known here
    return paths


def _is_page_pattern(name: str, value: Any) -> bool:
    return bool(value) and name.endswith("_SAVE_AS") and not name.startswith(_NOT_PAGES)


def _address_word_problems(site: Site, patterns: dict[str, str]) -> Iterator[Problem]:
    """A language's ``url_words`` that change nothing (a typo), or that send two of the site's pages to one place."""
    in_patterns = {word for value in patterns.values() for word in literal_words(value)}
    # Words of addresses plugins make themselves (the feeds': feeds/all.atom.xml).
    words_in_patterns = sorted((in_patterns | set(site.hooks("ADDRESS_WORDS"))) - {""})
    where = (site.settings_file, line_of_setting(site.settings_file, "LANGUAGES"))
    for lang in site.config.LANGUAGES:
        words = url_words(site.settings, lang)
        field = f"LANGUAGES.{lang}.url_words"
        for word in words:
            if word not in words_in_patterns:
                yield Problem(
                    *where,
                    field,
                    _("'{word}' is not a word of any address of the site, so it changes nothing").format(word=word),
                    choose_from(word, words_in_patterns),
                    Severity.WARNING,
                )
        seen: dict[str, str] = {}
        for name, value in patterns.items():
            path = in_words(value, words)
            if "{" not in path and seen.setdefault(path, name) != name:
                yield Problem(
                    *where,
                    field,
                    _("{first} and {second} would both be written to output/{lang}/{path}").format(
                        first=seen[path], second=name, lang=lang, path=path
                    ),
                    _("give each of them its own word in url_words"),
                )
