"""Every source a build turns into the site, read every way the site could show it.

- Each file under the content folder and the theme, by its raw text (which
  gives line numbers) and, for files that are not content entries, every
  view a built file of its kind gets.
- Each content entry's front matter as the YAML loader decodes it (escapes,
  folded and block scalars, binary values), each value with its field's
  line, all values also read one after the other (a template may show them
  side by side), and each value with markup or Markdown in it as rendered.
- Each body as rendered (:func:`relais.rendering.body_html`, converted once
  per build), its text, attributes and comments apart; a hit is mapped back
  to a body line as well as can be.
- The settings' values, as Python decoded them.
- The name of every file and folder: names become addresses, image names
  and slugs, and an image nobody links to is still published.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relais.built import KINDS
from relais.content import Entry
from relais.private_list import shown_path
from relais.rendering import MarkdownRenderer, body_html, convert_within_limits, markdown_options
from relais.sources import FrontMatter, SourceError, read_bytes, read_text

from .haystack import Haystack, Hit
from .markup import parse_html
from .views import add_decodings, add_file, add_markup, add_text

if TYPE_CHECKING:
    from relais.site import Site

# Names only: pixels and font programs hold no text the site shows (built images are read in full).
NAME_ONLY_KINDS = frozenset({"image"})
NAME_ONLY_SUFFIXES = frozenset({".woff", ".woff2", ".ttf", ".otf", ".eot"})
_MARKDOWN_HINT = re.compile(r"[\[\]*_`\\~!]")
_SETTING_LINE = re.compile(r"^([A-Z][A-Z0-9_]*)\s*(?::[^=\n]*)?=", re.MULTILINE)
_SKIPPED_SETTINGS = frozenset({"NEVER_PUBLISH_FILE", "SETTINGS_FILE", "RELAIS", "RELAIS_FROM_CLI"})


@dataclass(frozen=True)
class Spot:
    """Where in a source a hit is."""

    line: int = 0  # 0: unknown
    field: str = ""  # a setting's name
    needle: str = ""  # rendered body text, to find its line in the Markdown


@dataclass
class Source:
    shown_as: str  # how messages name it
    name: str  # its path from the content or theme folder: what the site may show of it
    haystack: Haystack
    literal_until: int = 0  # hits before this offset are in the text as written
    body: str = ""  # the Markdown body, to map a rendered hit back to a line
    body_line: int = 0

    def is_literal(self, hit: Hit) -> bool:
        """Whether the hit is in the text as written (else only once rendered or decoded)."""
        return hit.offset < self.literal_until

    def line_of(self, spot: Spot) -> int:
        if spot.line or not spot.needle:
            return spot.line
        return _line_in_body(self.body, self.body_line, spot.needle)


@dataclass
class SourceSet:
    sources: list[Source] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (shown as, why)


def read_sources(site: Site, skip: Path | None = None) -> SourceSet:
    """Every source, read every way; ``skip`` is the list itself, never read as a source."""
    found = SourceSet()
    for place in source_places(site, skip):
        try:
            found.sources.append(read_place(site, place))
        except Exception as err:  # noqa: BLE001 - fail closed: a source we cannot read is reported
            found.unreadable.append((place.shown_as, f"{type(err).__name__}: {err}"))
    return found


@dataclass(frozen=True)
class Place:
    """A source to read: a file of the content or the theme, or the settings (``path`` is the settings file)."""

    path: Path
    relative: str  # from its root folder; "" for the settings
    is_content: bool = False
    is_settings: bool = False

    @property
    def shown_as(self) -> str:
        return shown_path(self.path)


def source_places(site: Site, skip: Path | None = None) -> list[Place]:
    """Every file of the content and the theme (``skip`` excepted), then the settings."""
    skipped = skip.resolve() if skip is not None else None
    places = []
    for root, is_content in ((Path(site.content_dir), True), (Path(site.settings.get("THEME", "theme")), False)):
        for path in _files(root):
            if skipped is None or path.resolve() != skipped:
                places.append(Place(path, path.relative_to(root).as_posix(), is_content=is_content))
    places.append(Place(Path(site.settings_file), "", is_settings=True))
    return places


def read_place(site: Site, place: Place) -> Source:
    if place.is_settings:
        return _settings_source(site)
    entry = site.index.by_source.get(place.relative) if place.is_content else None
    return _read_source(site, place.path, place.relative, entry)


def _files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        for name in sorted(files):
            yield Path(folder, name)


def _read_source(site: Site, path: Path, relative: str, entry: Entry | None) -> Source:
    source = Source(shown_path(path), relative, Haystack(path.stat().st_size))
    suffix = path.suffix.lower()
    if KINDS.get(suffix) in NAME_ONLY_KINDS or suffix in NAME_ONLY_SUFFIXES:
        return source
    if entry is not None:
        _read_entry(site, source, path, entry)
    else:
        data = read_bytes(path, source.shown_as)  # never a link, never a pipe that would wait forever
        _add_written(source, data)
        add_file(source.haystack, data, path.name, kind=KINDS.get(suffix, ""), place=_at_line, lines=True, raw=False)
    return source


def _add_written(source: Source, data: bytes) -> None:
    """The text as written comes first, so that a hit in it is known as such."""
    if data and b"\x00" not in data[:8192]:
        source.haystack.add_lines(data.decode("utf-8", "replace").replace("\r\n", "\n"), 1, Spot)
    source.literal_until = source.haystack.size


def _at_line(_text: str, line: int) -> Spot:
    return Spot(line)


def _read_entry(site: Site, source: Source, path: Path, entry: Entry) -> None:
    text = entry.front.text  # as the build read it, once
    if not text:  # read before the text was kept (an entry made by hand, in a test)
        try:
            text = read_text(path, source.shown_as)
        except SourceError:
            text = read_bytes(path, source.shown_as).decode("utf-8", "replace")
    body = body_html(entry, site) if entry.type.has_body and entry.front.body.strip() else ""
    source.literal_until = add_entry(source.haystack, text, entry.front, body, lambda value: _markdown(site, value))
    if body:
        source.body, source.body_line = entry.front.body, entry.front.body_line


def add_entry(haystack: Haystack, text: str, front: FrontMatter, body: str, markdown: Callable[[str], str]) -> int:
    """A content file: as written, its fields as decoded, its body as rendered (``body``, HTML).

    Returns where the text as written ends in the haystack; ``markdown``
    renders a field value that holds Markdown.
    """
    haystack.add_lines(text, 1, Spot)
    written = haystack.size
    for number, line in enumerate(text.split("\n"), start=1):
        add_decodings(haystack, line, Spot(number), 1)
    values = [(value, Spot(front.line_of(location))) for location, value in _scalars(front.data)]
    haystack.add_runs(values)  # side by side, as a template may show them
    for value, spot in values:
        add_decodings(haystack, value, spot, 1)
        if _MARKDOWN_HINT.search(value):
            root = parse_html(markdown(value))
            if root is not None:
                add_markup(haystack, root, lambda _run, _line, spot=spot: spot, 1)
    root = parse_html(body) if body else None
    if root is not None:
        add_markup(haystack, root, lambda run, _line: Spot(0, needle=run))
    return written


def _scalars(value: Any, location: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalars(item, (*location, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _scalars(item, (*location, index))
    elif isinstance(value, bytes):  # !!binary
        yield location, value.decode("utf-8", "replace")
    elif value is not None and not isinstance(value, bool):
        yield location, str(value)


def _markdown(site: Site, text: str) -> str:
    renderer = site.once("never-publish markdown", lambda: MarkdownRenderer(markdown_options(site.settings)))
    # Within the build's limits: a value of 20,000 '[' would take minutes (ConversionError fails closed).
    return convert_within_limits(renderer, text, site.config)


def _settings_source(site: Site) -> Source:
    """The settings file as written, and every setting's value as Python decoded it."""
    path = Path(site.settings_file)
    try:
        written = path.read_bytes()
    except OSError:
        written = b""
    source = Source(shown_path(path), "", Haystack(len(written)))
    _add_written(source, written)
    add_file(source.haystack, written, path.name, kind="text", place=_at_line, lines=True, raw=False)
    lines = _setting_lines(written.decode("utf-8", "replace"))
    for name, value in site.settings.items():
        if not name.isupper() or name in _SKIPPED_SETTINGS:
            continue
        for label, text in _setting_strings(value, name):
            spot = Spot(lines.get(name, 0), field=label)
            add_text(source.haystack, text, spot, 1)
    return source


def _setting_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for match in _SETTING_LINE.finditer(text):
        lines.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    return lines


def _setting_strings(value: Any, label: str, depth: int = 0) -> Iterator[tuple[str, str]]:
    """Each string in a setting, with where it is (``SITE_DESCRIPTION.fr``)."""
    if depth > 8:
        return
    if isinstance(value, str):
        if not _local_path(value):
            yield label, value
    elif isinstance(value, bytes):
        yield label, value.decode("utf-8", "replace")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _setting_strings(key, label, depth + 1)
            yield from _setting_strings(item, f"{label}.{key}", depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _setting_strings(item, f"{label}.{index}", depth + 1)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield label, str(value)


def _local_path(value: str) -> bool:
    """A file or folder on this computer (PATH, THEME…): not something the site shows."""
    try:
        return Path(value).is_absolute() and Path(value).exists()
    except (OSError, ValueError):
        return False


def _line_in_body(body: str, body_line: int, needle: str) -> int:
    """The line where a run of rendered text starts in the Markdown body (its first line if not found)."""
    words = needle.split()
    for length in (len(words), 3, 1):
        probe = " ".join(words[:length])
        if probe:
            position = body.find(probe)
            if position >= 0:
                return body_line + body.count("\n", 0, position)
    return body_line
