"""The never-publish checks: the sources before a build, each built file, and text a command prints."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from relais.built import BuiltFile
from relais.private_list import FIELD, NeverPublishList, Rule, load_list
from relais.problems import Problem, Severity

from . import messages
from .haystack import Haystack
from .pdf_texts import UnreadablePdf
from .sources import SourceSet, read_sources
from .views import add_file

if TYPE_CHECKING:
    from relais.site import Site

progress = logging.getLogger("relais.progress")
BEST_PLACES = 3  # sources named as holding parts of a string put together elsewhere


def never_list(site: Site) -> tuple[NeverPublishList, list[Problem]]:
    return site.once("never-publish list", lambda: load_list(site.settings, site.settings_file))


def check_sources(site: Site) -> Iterator[Problem]:
    """Every source, every way the site could show it (see :mod:`.sources`)."""
    never, problems = never_list(site)
    yield from problems
    if not never.rules:
        if never.path is None and not problems:
            progress.info("No never-publish list (%s does not exist): see README.md, 'Never publish'.", never.shown_as)
        return
    yield from source_problems(site)


def source_problems(site: Site) -> list[Problem]:
    return site.once("never-publish source problems", lambda: list(_source_problems(site)))


def _sources(site: Site) -> SourceSet:
    never, _problems = never_list(site)
    return site.once("never-publish sources", lambda: read_sources(site, skip=never.path))


def _source_problems(site: Site) -> Iterator[Problem]:
    never, _problems = never_list(site)
    yield from _list_inside_the_site(site, never)
    found = _sources(site)
    for shown_as, why in found.unreadable:
        yield messages.unreadable_problem(shown_as, why, never)
    for source in found.sources:
        for rule in messages.name_rules(source.name, never):
            yield messages.name_problem(source.shown_as, rule, never)
        for rule, hit in source.haystack.search(never.rules).items():
            spot = hit.place
            line = source.line_of(spot) if spot is not None else 0
            field = spot.field if spot is not None else ""
            literal = source.is_literal(hit)
            yield messages.source_problem(source.shown_as, line, field, rule, literal=literal, never=never)


def _list_inside_the_site(site: Site, never: NeverPublishList) -> Iterator[Problem]:
    if never.path is None:
        return
    for folder in (site.content_dir, Path(site.settings.get("THEME", "theme"))):
        if never.path.resolve().is_relative_to(Path(folder).resolve()):
            yield Problem(
                never.shown_as,
                0,
                FIELD,
                "the never-publish list is inside a folder the site is built from, so it could be published",
                "move it out, for example to private/never-publish.txt (which Git ignores)",
            )


def check_output(site: Site, built: BuiltFile) -> Iterator[Problem]:
    """A built file, every way it can be read; a hit names the file (when its name is safe) and the sources."""
    never, problems = never_list(site)
    if problems or not never.rules:
        return  # the source check has reported it, and stopped the build
    haystack = Haystack(len(built.data))
    try:
        add_file(haystack, built.data, built.relative, kind=built.kind, tree=built.tree)
    except UnreadablePdf as err:
        yield from _once(site, [messages.unreadable_problem(built.shown_as, str(err), never, built=True)])
        return
    except Exception as err:  # noqa: BLE001 - fail closed: a file that cannot be searched is not published
        why = f"{type(err).__name__}: {err}"
        yield from _once(site, [messages.unreadable_problem(built.shown_as, why, never, built=True)])
        return
    in_name = messages.name_rules(built.relative, never)
    found = [rule for rule in never.rules if rule in in_name] + [
        rule for rule in haystack.search(never.rules) if rule not in in_name
    ]
    problems = []
    for rule in found:
        origins, whole = _origins(site, rule)
        problem = messages.built_problem(
            built.shown_as, rule, never, origins=origins, whole=whole, in_name=rule in in_name
        )
        problems.append(problem)
    yield from _once(site, problems)


def check_published_text(site: Site, texts: Iterable[tuple[str, str]]) -> Iterator[Problem]:
    """Text a command is about to print (``publish.py snippets``): anything here means print nothing.

    ``texts`` are (name, text) pairs, the name telling what the text is
    (``text-line.en.bbcode.txt``).  A list that cannot be used, or a
    private string in any source, refuses too.
    """
    never, problems = never_list(site)
    if problems:
        yield from problems
        return
    if not never.rules:
        return
    yield from (problem for problem in source_problems(site) if problem.severity is Severity.ERROR)
    for name, text in texts:
        data = text.encode("utf-8")
        haystack = Haystack(len(data))
        try:
            add_file(haystack, data, name, kind="text")
        except Exception as err:  # noqa: BLE001 - fail closed: what cannot be searched is not printed
            yield messages.unreadable_problem(name, f"{type(err).__name__}: {err}", never)
            continue
        for rule in haystack.search(never.rules):
            origins, whole = _origins(site, rule)
            yield messages.printed_problem("publish.py snippets", name, rule, never, origins=origins, whole=whole)


def _once(site: Site, problems: list[Problem]) -> Iterator[Problem]:
    """Each output problem once, however many built files share the folder it names."""
    reported: set[tuple[str, str]] = site.once("never-publish reported", set)
    for problem in problems:
        key = (problem.file, problem.what)
        if key not in reported:
            reported.add(key)
            yield problem


def _origins(site: Site, rule: Rule) -> tuple[list[str], bool]:
    """The sources that hold the string (True), or else those holding the largest parts of it (False)."""
    never, _problems = never_list(site)
    sources = _sources(site).sources
    whole = []
    for source in sources:
        hit = source.haystack.search([rule]).get(rule)
        if hit is not None:
            whole.append(messages.located(source.shown_as, source.line_of(hit.place) if hit.place else 0, never))
    if whole:
        return whole, True
    least = max(5, (len(rule.key) + 1) // 2)
    parts = []
    for source in sources:
        length, place = source.haystack.longest_piece(rule.key)
        if length >= least:
            parts.append((length, messages.located(source.shown_as, source.line_of(place) if place else 0, never)))
    parts.sort(key=lambda part: -part[0])
    return [where for _length, where in parts[:BEST_PLACES]], False
