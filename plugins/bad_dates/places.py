"""Text that gives a place away: a street address, a postal code, map coordinates.

An incall's address is where the person who reported works: a report names
an area (a neighbourhood, a part of town, a stretch of road), never a door.
Relais' own detector (:mod:`relais.confidential`) knows capitalised street
names; here a number followed by a street word in any case counts too, since
a report is often typed quickly.
"""

from __future__ import annotations

import re

from relais.confidential import locating_text

_STREET_WORDS = (
    r"street|st|avenue|ave|av|road|rd|boulevard|boul|blvd|bd|drive|dr|lane|ln|way|crescent|cres|court|ct|place|pl"
    r"|terrace|square|parkway|rue|chemin|ch|route|rang|côte|cote|montée|montee|ruelle|impasse|allée"
    r"|allee|promenade|croissant|terrasse"
)
# "1234 rue des Érables", "12 main st", "apt 4, 55 king street": a door number, then a street within a few words.
_NUMBERED_STREET = re.compile(
    rf"(?<!\w)\d{{1,5}}[a-z]?\s*,?\s+(?:[\w'’.-]+\s+){{0,3}}(?:{_STREET_WORDS})\.?(?!\w)", re.IGNORECASE
)
_FRENCH_NUMBERED_STREET = re.compile(rf"(?<!\w)\d{{1,5}}[a-z]?\s*,\s*(?:{_STREET_WORDS})\.?\s+\w", re.IGNORECASE)


def gives_a_place_away(text: str) -> bool:
    """Whether ``text`` holds a street address, a postal code or coordinates."""
    return bool(locating_text(text) or _NUMBERED_STREET.search(text) or _FRENCH_NUMBERED_STREET.search(text))
