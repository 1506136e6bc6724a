"""Two things written to the same place in the output: caught in the sources, before the build.

Pelican finds out only while writing (``FileOverwriteFailedError``, naming a
temporary folder).  Every output path a content file will get is known from
the URL settings, so a page named like a page Relais writes itself
(``pages/search.md`` and the search page, ``events/past.md`` and the past
events) or like another file's page is reported on the source file, with
what it collides with.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .content import Entry, as_draft_warning
from .problems import Problem

if TYPE_CHECKING:
    from .site import Site

# Pelican calls posts articles; every other type's settings start with its name (SERVICE_SAVE_AS).
_SETTING_PREFIX = {"post": "ARTICLE"}
# Files shared by every language, or not written from a pattern.
_NOT_PAGES = ("STATIC_", "THEME_")


def output_collisions(site: Site) -> Iterator[Problem]:
    """Each content file whose output path is taken by a page Relais writes or by another file's."""
    fixed = _fixed_outputs(site.settings)
    taken: dict[tuple[str, str], Entry] = {}
    for entry in site.index.entries:
        if not entry.type.translatable:
            continue
        for path in _entry_outputs(entry, site.settings):
            problem = _collision(entry, path, fixed, taken)
            if problem is not None:
                yield as_draft_warning(problem, entry) if entry.is_unpublished else problem


def _collision(entry: Entry, path: str, fixed: dict[str, str], taken: dict[tuple[str, str], Entry]) -> Problem | None:
    shown = f"output/{entry.lang}/{path}"
    if path in fixed:
        return entry.problem(
            ("title",),
            "file name",
            f"this file's page would be written to {shown}, where the site's own {fixed[path]} goes",
            "rename the file: its name becomes the page's address",
        )
    other = taken.setdefault((entry.lang, path), entry)
    if other is entry or other.type is entry.type:
        return None  # the same type's clashes are reported as files with the same name
    return entry.problem(
        ("title",),
        "file name",
        f"this file's page would be written to {shown}, where the page of {other.shown_as} goes",
        "rename one of the two files",
    )


def _fixed_outputs(settings: dict[str, Any]) -> dict[str, str]:
    """Pages Relais writes in each language, by path: ``{"search/index.html": "search page (SEARCH_SAVE_AS)"}``."""
    return {
        value: f"{name.removesuffix('_SAVE_AS').lower().replace('_', ' ')} page ({name})"
        for name, value in settings.items()
        if _is_pattern(name, value) and "{" not in value
    }


def _entry_outputs(entry: Entry, settings: dict[str, Any]) -> list[str]:
    """The paths of an entry's files in its language: its page, and others such as a guide's PDF."""
    prefix = _SETTING_PREFIX.get(entry.type.name, entry.type.name.upper())
    paths = []
    for name, value in settings.items():
        own = name == f"{prefix}_SAVE_AS" or (name.startswith(f"{prefix}_") and "_LANG_" not in name)
        if own and _is_pattern(name, value) and "{slug}" in value:
            try:
                paths.append(value.format(slug=entry.slug, lang=entry.lang))
            except (KeyError, IndexError, ValueError):
                continue  # a pattern with other fields ({date}…): its paths cannot be known here
    return paths


def _is_pattern(name: str, value: Any) -> bool:
    return (
        isinstance(value, str)
        and bool(value)
        and name.isupper()
        and name.endswith("_SAVE_AS")
        and not name.startswith(_NOT_PAGES)
        and "://" not in value
    )
