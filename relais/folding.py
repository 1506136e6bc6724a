"""Folding text to what a reader recognises: letters and digits only, one spelling per look.

Two texts that a reader would read as the same string fold to the same
letters: case, accents, spaces, punctuation, invisible characters (zero-width
spaces, soft hyphens, joiners) and the forms Unicode keeps for compatibility
(full-width digits, ligatures, mathematical letters, circled numbers) are
dropped or undone, letters from other scripts that look like Latin ones
(Cyrillic « о », Greek « ο ») become those Latin letters, other letters are
transliterated, and the look-alikes ``0``/``o`` and ``1``/``l``/``i`` become one.

The folding is done character by character, so that a folded string is found
inside a folded text exactly when the text holds some spelling of it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources

_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Digits and letters a reader cannot tell apart in many fonts.
_LOOK_ALIKE_FROM, _LOOK_ALIKE_TO = b"01iI", b"olll"
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_TABLE = bytes.maketrans(_UPPER + _LOOK_ALIKE_FROM, _UPPER.lower() + _LOOK_ALIKE_TO)
_ASCII_DELETE = bytes(byte for byte in range(256) if not (byte < 128 and chr(byte).isalnum()))
_ASCII_FOLDED = {
    char: bytes([ord(char)]).translate(_ASCII_TABLE, _ASCII_DELETE).decode("ascii") for char in map(chr, range(128))
}


def fold(text: str) -> str:
    """The letters and digits of ``text`` as a reader recognises them, in one spelling."""
    if not text.isascii():
        # Most text is mostly ASCII: fold the other characters one run at a time, then all of it at once.
        text = _NOT_ASCII.sub(_fold_run, text)
    return text.encode("ascii").translate(_ASCII_TABLE, _ASCII_DELETE).decode("ascii")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_FOLDED)


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the position in ``text`` it comes from."""
    chars: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(text):
        folded = _FOLDED[ord(char)]
        chars.append(folded)
        positions.extend([position] * len(folded))
    return "".join(chars), positions


class _FoldedChars(dict[int, str]):
    """Each character's folding, worked out the first time the character is met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


def _fold_char(char: str) -> str:
    if char.isascii():
        return _ASCII_FOLDED[char]
    parts: list[str] = []
    for part in unicodedata.normalize("NFKD", char).casefold():
        if part.isascii():
            parts.append(_ASCII_FOLDED[part])
        elif part.isalnum():  # combining accents, invisible characters and symbols are not
            parts.append(_non_latin(part))
    return "".join(parts)


def _non_latin(char: str) -> str:
    alike = _latin_look_alikes().get(char)
    if alike is not None:
        return _ASCII_FOLDED[alike]
    from unidecode import unidecode

    return "".join(_ASCII_FOLDED.get(part, "") for part in unidecode(char))


@functools.cache
def _latin_look_alikes() -> dict[str, str]:
    """Letters of other scripts that look like a Latin letter or a digit (Unicode's confusables)."""
    data = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    alikes: dict[str, str] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        latin = [glyph["c"] for glyph in glyphs if len(glyph["c"]) == 1 and glyph["c"].isascii()]
        latin = [glyph for glyph in latin if glyph.isalnum()]
        if latin:
            alikes[char] = latin[0]
    return alikes


_FOLDED = _FoldedChars((ord(char), folded) for char, folded in _ASCII_FOLDED.items())
