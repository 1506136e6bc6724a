"""One line per report for SMS and email lists: at most 160 characters, counted as a phone counts them.

A single SMS holds 160 characters of the GSM 03.38 alphabet (GSM-7).  One
character outside it (ê, î, ô, œ, a curly apostrophe, an emoji) turns the
whole message into UCS-2, where a single SMS holds only 70, and the line
arrives in pieces or costs several messages.  So the line is written in
GSM-7: letters it lacks are replaced by their plain forms (ê → e, œ → oe,
’ → '), the way SMS gateways' "smart encoding" does, and characters of its
extension table (€ [ ] { } ^ ~ | \\) count two, as they take two places in
a message.  A line within 160 here is also within 160 for a JavaScript or
browser counter (UTF-16 code units): every GSM-7 character is one unit.

What does not fit is cut between words, least useful first: the
description, then the place, then the vehicle and numbers; the kinds of harm
and the date stay.
"""

from __future__ import annotations

import unicodedata

from unidecode import unidecode

from .views import ReportView

LIMIT = 160
ELLIPSIS = "..."
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
    "abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")
# Plain forms a reader expects, before the generic transliteration.
_PLAIN = {
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
    "‑": "-",
    "…": "...",
    "·": "-",
    "•": "-",
    "ç": "c",
    "œ": "oe",
    "Œ": "OE",
    "\u00a0": " ",
    "\u202f": " ",
    "\t": " ",
}


def gsm_length(text: str) -> int:
    """Places ``text`` takes in a GSM-7 message (extension characters count two)."""
    return sum(2 if char in GSM_EXTENSION else 1 for char in text)


def to_gsm(text: str) -> str:
    """``text`` with every character a GSM-7 message can carry, others replaced by plain forms (or left out)."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in GSM_BASIC or char in GSM_EXTENSION:
            out.append(char)
            continue
        plain = _PLAIN.get(char)
        if plain is None:
            plain = unidecode(char)
        out.extend(part for part in plain if part in GSM_BASIC or part in GSM_EXTENSION)
    return " ".join("".join(out).replace("\r", " ").replace("\n", " ").split())


def _cut(text: str, room: int) -> str:
    """``text`` if it fits in ``room``; else its first words and "..." (empty when not even a word fits)."""
    if gsm_length(text) <= room:
        return text
    words = text.split(" ")
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(" ,;:.-") + ELLIPSIS
        if words and gsm_length(candidate) <= room:
            return candidate
    return ""


def sms_line(view: ReportView, prefix: str) -> str:
    """``BAD DATE Nov 3, 2026, night: Physical assault. 514-555-0199; grey Honda Civic… East end (car). Tall man…``"""
    head = to_gsm(f"{prefix} {view.when_short}: {', '.join(view.kinds)}.")
    marks = to_gsm("; ".join(part for part in (*view.contacts, view.vehicle) if part))
    where = to_gsm(view.where)
    person = to_gsm(view.description)
    parts = [head, marks, where, person]
    # Shrink the least useful part first, until the line fits.
    for position in (3, 2, 1, 0):
        line = _join(parts)
        over = gsm_length(line) - LIMIT
        if over <= 0:
            return line
        parts[position] = _cut(parts[position], max(0, gsm_length(parts[position]) - over))
    return _cut(_join(parts), LIMIT)


def _join(parts: list[str]) -> str:
    return " ".join(part if part.endswith((".", ELLIPSIS)) else f"{part}." for part in parts if part)
