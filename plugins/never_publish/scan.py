"""Search the sources and the built site for the never-publish strings."""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relais.built import BuiltFile
from relais.problems import Problem

from .extract import BINARY_SUFFIXES, texts_of
from .rules import NeverPublishList, Rule, load_list, normalise, normalise_with_positions

if TYPE_CHECKING:
    from relais.site import Site

progress = logging.getLogger("relais.progress")
FIX_SOURCE = "remove it from this file: it must never be published (the list is in README.md, 'Never publish')"


@dataclass(frozen=True)
class Hit:
    file: str
    line: int
    rule: Rule


def source_files(site: Site) -> Iterator[tuple[Path, str]]:
    """Content, settings and theme: everything a build turns into the site."""
    roots = [site.content_dir, Path(site.settings.get("THEME", "theme"))]
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(folder, name)
                yield path, _shown(path)
    settings_file = Path(site.settings_file)
    if settings_file.is_file():
        yield settings_file, _shown(settings_file)


def find_in_file(path: Path, shown_as: str, rules: tuple[Rule, ...]) -> list[Hit]:
    """Each rule found in the file, with the line where it starts."""
    hits: list[Hit] = []
    if path.suffix.lower() in BINARY_SUFFIXES:
        return hits  # images and fonts hold no text we publish (image metadata is another feature's)
    data = path.read_bytes()
    if data.startswith((b"%PDF-", b"\x1f\x8b")):
        views = [normalise(view) for view in texts_of(path)]
        return [Hit(shown_as, 0, rule) for rule in rules if any(rule.found_in(view) for view in views)]
    text = data.decode("utf-8", errors="replace")
    normalised, positions = normalise_with_positions(text)
    remaining = []
    for rule in rules:
        start = normalised.find(rule.key)
        if start >= 0:
            hits.append(Hit(shown_as, text.count("\n", 0, positions[start]) + 1, rule))
        else:
            remaining.append(rule)
    if remaining:
        # Hidden behind entities, escapes or compression: found, but without a line.
        views = [normalise(view) for view in texts_of(path)]
        hits.extend(Hit(shown_as, 0, rule) for rule in remaining if any(rule.found_in(view) for view in views))
    return hits


def source_hits(site: Site, never: NeverPublishList) -> list[Hit]:
    if not never.rules:
        return []
    return [hit for path, shown_as in source_files(site) for hit in find_in_file(path, shown_as, never.rules)]


def check_sources(site: Site) -> Iterator[Problem]:
    never, problems = load_list(site.settings, site.settings_file)
    yield from problems
    if never.path is None:
        if not problems:
            progress.info("No never-publish list (%s does not exist): see README.md, 'Never publish'.", never.shown_as)
        return
    for hit in source_hits(site, never):
        yield Problem(hit.file, hit.line, "never-publish", f"this holds {never.describe(hit.rule)}", FIX_SOURCE)


def check_output(site: Site, built: BuiltFile) -> Iterator[Problem]:
    """A built file, as text; a hit names the file, the rule and the source it came from."""
    never, problems = site.once("never-publish list", lambda: load_list(site.settings, site.settings_file))
    if problems or not never.rules:
        return  # the source check has reported it, and stopped the build
    views = [normalise(view) for view in texts_of(built.path)]
    for rule in never.rules:
        if any(rule.found_in(view) for view in views):
            origins = site.once("never-publish origins", lambda: _origins(site, never))
            yield _output_problem(built.relative, rule, origins[rule], never)


def _origins(site: Site, never: NeverPublishList) -> dict[Rule, list[Hit]]:
    origins: dict[Rule, list[Hit]] = defaultdict(list)
    for hit in source_hits(site, never):
        origins[hit.rule].append(hit)
    return origins


def _output_problem(built_file: str, rule: Rule, origins: list[Hit], never: NeverPublishList) -> Problem:
    if origins:
        sources = ", ".join(f"{hit.file}:{hit.line}" if hit.line else hit.file for hit in origins)
        where, fix = f"it comes from {sources}", f"remove it from {sources}"
    else:
        where = "no source file holds it as written, so a template, a setting or a plugin put it together"
        fix = "look at the theme, the settings and the plugins that wrote this file"
    return Problem(
        f"{built_file} (built site)",
        0,
        "never-publish",
        f"this built file holds {never.describe(rule)}; {where}",
        f"{fix}; nothing was published and the previous site is still in place",
    )


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
