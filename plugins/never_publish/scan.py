"""The never-publish checks: the sources before a build, each built file, and text a command prints."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from relais.built import BuiltFile
from relais.cache import key_of
from relais.incremental import checks_inputs
from relais.private_list import FIELD, NeverPublishList, Rule, load_list
from relais.problems import Problem, Severity
from relais.sources import SourceError, read_bytes
from relais.workers import remembered_map

from . import messages
from .haystack import Haystack
from .pdf_texts import UnreadablePdf
from .sources import Place, SourceSet, read_place, read_sources, source_places
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
    """Every source's problems: read side by side, and taken from the cache for a file that did not change."""
    global _scanning  # noqa: PLW0603 - what forked workers read, set before they start
    never, _problems = never_list(site)
    yield from _list_inside_the_site(site, never)
    places = source_places(site, skip=never.path)
    inputs = checks_inputs(site)
    keys = [_place_key(inputs, place) for place in places]
    _scanning = site
    try:
        found = remembered_map(site.cache, CACHE_NAMESPACE, _place_problems, places, keys)
    finally:
        _scanning = None
    for problems in found:
        yield from problems


CACHE_NAMESPACE = "never-publish-sources"
_scanning: Site | None = None


def _place_key(inputs: str, place: Place) -> str:
    """The file's name and bytes (the settings: their values too, in ``inputs``); "" when it cannot be read.

    Read like every source: never through a link, never from a pipe that would wait forever.
    """
    try:
        data = read_bytes(place.path, place.shown_as)
    except (OSError, SourceError):
        return ""
    return key_of(inputs, place.shown_as, place.relative, data)


def _place_problems(place: Place) -> list[Problem]:
    assert _scanning is not None
    site = _scanning
    never, _problems = never_list(site)
    try:
        source = read_place(site, place)
    except Exception as err:  # noqa: BLE001 - fail closed: a source we cannot read is reported
        return [messages.unreadable_problem(place.shown_as, f"{type(err).__name__}: {err}", never)]
    problems = [messages.name_problem(source.shown_as, rule, never) for rule in messages.name_rules(source.name, never)]
    for rule, hit in source.haystack.search(never.rules).items():
        spot = hit.place
        line = source.line_of(spot) if spot is not None else 0
        field = spot.field if spot is not None else ""
        literal = source.is_literal(hit)
        problems.append(messages.source_problem(source.shown_as, line, field, rule, literal=literal, never=never))
    return problems


def list_digest(site: Site) -> str:
    """The list's rules, for the keys of cached checks (``CACHE_INPUTS``)."""
    never, problems = never_list(site)
    return key_of(repr([(rule.line, rule.keys) for rule in never.rules]), repr([p.format() for p in problems]))


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
