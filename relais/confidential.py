"""A confidential location must carry nothing that locates it.

The drop-in's safety depends on its address staying unknown, so a file
(a service, an event) whose location is confidential is searched as a whole
(every field of the front matter, at any depth, and the text below it) for
what looks like an address, a postal code or coordinates.  The never-publish
list catches the real address by name; this catches the ones nobody thought
to list.  Content types use these functions as checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .i18n import N_, _
from .problems import Problem

if TYPE_CHECKING:
    from .content import ContentIndex, Entry

# Field names that hold a place, wherever they appear.
LOCATING_KEYS = {
    "address",
    "addresses",
    "street",
    "postal_code",
    "postcode",
    "zip",
    "latitude",
    "longitude",
    "lat",
    "lng",
    "lon",
    "coordinates",
    "geo",
    "gps",
    "map",
}
_POSTAL_CODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", re.IGNORECASE)
_ZIP_CODE = re.compile(r"\b(?:[A-Z]{2}\s+)\d{5}(?:-\d{4})?\b")
_COORDINATES = re.compile(r"-?\b\d{1,3}\.\d{3,}\s*°?\s*[NS]?\s*[,;/ ]\s*-?\d{1,3}\.\d{3,}")
_STREET_FR = re.compile(
    r"\b\d{1,5}[A-Za-z]?\s*,?\s+(?:rue|avenue|av\.|boulevard|boul\.|bd|chemin|ch\.|place|route|rang|côte|montée"
    r"|ruelle|impasse|allée|promenade|croissant|terrasse)\s+(?:de\s+la\s+|du\s+|des\s+|de\s+l['’]|d['’])?[A-ZÀ-Ý0-9]",
    re.IGNORECASE,
)
_STREET_EN = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z0-9][\w'’.-]*\s+){1,4}"
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Crescent|Court|Place"
    r"|Terrace|Square|Parkway)(?!\w)"
)
PATTERNS = (
    (_POSTAL_CODE, N_("a postal code")),
    (_ZIP_CODE, N_("a ZIP code")),
    (_COORDINATES, N_("map coordinates")),
    (_STREET_FR, N_("a street address")),
    (_STREET_EN, N_("a street address")),
)
FIX = N_(
    "remove it: a confidential location is never published with anything that locates it; "
    "say in 'note' how people get the address (in person or by phone)"
)


def locating_text(text: str) -> str | None:
    """What kind of locating detail ``text`` holds, if any, in the messages' language."""
    for pattern, kind in PATTERNS:
        if pattern.search(text):
            return _(kind)
    return None


def confidential_location(entry: Entry, index: ContentIndex) -> Iterator[Problem]:
    """Locating fields, and locating text anywhere in the file of a confidential place."""
    if _is_confidential(entry):
        yield from _locating_problems(entry)


def _is_confidential(entry: Entry) -> bool:
    location = getattr(entry.data, "location", None)
    raw_location = entry.front.data.get("location")
    return (location is not None and location.confidential) or (
        isinstance(raw_location, dict) and raw_location.get("confidential") is True
    )


def _locating_problems(entry: Entry) -> Iterator[Problem]:
    for path, key, value in _walk(entry.front.data):
        field = ".".join(str(part) for part in path)
        if key is not None and str(key).lower() in LOCATING_KEYS and value not in (None, "", [], {}):
            yield entry.problem(path, field, _("a confidential location cannot have '{key}'").format(key=key), _(FIX))
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            kind = locating_text(str(value))
            if kind:
                what = _("this looks like {kind}, and the location is confidential").format(kind=kind)
                yield entry.problem(path, field, what, _(FIX))
    for number, line in enumerate(entry.front.body.split("\n")):
        kind = locating_text(line)
        if kind:
            yield Problem(
                entry.shown_as,
                entry.front.body_line + number,
                _("text"),
                _("this line looks like it holds {kind}, and the location is confidential").format(kind=kind),
                _(FIX),
            )


def _walk(value: Any, path: tuple[Any, ...] = (), key: Any = None) -> Iterator[tuple[tuple[Any, ...], Any, Any]]:
    """Every value of the front matter with its location and its own key (None for list items)."""
    if path:
        yield path, key, value
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from _walk(child, (*path, child_key), child_key)
    elif isinstance(value, list):
        for position, child in enumerate(value):
            yield from _walk(child, (*path, position), None)
