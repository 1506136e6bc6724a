"""Every text view of one file, folded once, searched for every rule at once.

A file gives several views: its raw text, the text a reader sees once the
markup is rendered, each attribute value on its own, what escapes decode
to…  Each view is folded (:func:`relais.folding.fold`) and the views are
joined with a separator that no folded text holds, so that one search per
rule covers them all while no match runs from one view into the next.

Each piece of a view carries a *place* (a line number, or whatever the
caller needs to point a writer at the right spot), returned with a hit.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from relais.folding import fold, fold_with_positions
from relais.i18n import _
from relais.private_list import Rule

SEPARATOR = "|"  # never in folded text, which holds only a-z and 0-9
Place = Any
# Decoding can multiply a text (escapes in markup in escapes…): past this many folded characters for each
# character of the file (plus a fixed allowance), the file is reported as too convoluted to be searched.
GROWTH = 64
ALLOWANCE = 8 * 1024 * 1024


class TooMuchToRead(Exception):
    """A file whose decodings grow without end: it is reported, never published unsearched."""


@dataclass(frozen=True)
class Hit:
    offset: int  # in the folded text: views added first come first
    place: Place


class _Runs:
    """Runs of text folded together; which run a hit is in is worked out only when there is a hit."""

    __slots__ = ("lines", "place_of", "texts")

    def __init__(self, texts: Sequence[str], lines: Sequence[int], place_of: Callable[[str, int], Place]) -> None:
        self.texts, self.lines, self.place_of = texts, lines, place_of

    def place_at(self, offset: int) -> Place:
        _folded, positions = fold_with_positions("".join(self.texts))
        ends = list(itertools.accumulate(len(text) for text in self.texts))
        index = bisect.bisect_right(ends, positions[offset])
        return self.place_of(self.texts[index], self.lines[index] if self.lines else 0)


@functools.lru_cache(maxsize=1 << 16)
def _fold_short_cached(text: str) -> str:
    return fold(text)


def _fold_short(text: str) -> str:
    """Attribute values repeat from page to page (classes, links): short ones are folded once per build."""
    return _fold_short_cached(text) if len(text) < 256 else fold(text)


class Haystack:
    def __init__(self, source_size: int = 0) -> None:
        self._limit = GROWTH * source_size + ALLOWANCE
        self._pieces: list[str] = []
        self._starts: list[int] = []
        self._places: list[Place] = []
        self._size = 0
        self._joined: str | None = None
        self._decoded: set[str] = set()

    def first_time(self, text: str) -> bool:
        """Whether this text is met for the first time (decoding it again would only repeat views)."""
        if text in self._decoded:
            return False
        self._decoded.add(text)
        return True

    def add(self, text: str, place: Place = None) -> None:
        """A view of its own: an attribute value, a comment, a decoded string."""
        folded = fold(text)
        if folded:
            self._append(SEPARATOR + folded, place)

    def add_each(self, texts: Iterable[str], place: Place = None) -> None:
        """Many short texts (attribute values), each a view of its own, all at one place."""
        folded = SEPARATOR.join(filter(None, map(_fold_short, texts)))
        if folded:
            self._append(SEPARATOR + folded, place)

    def add_view(
        self, texts: Sequence[str], lines: Sequence[int] = (), place_of: Callable[[str, int], Place] | None = None
    ) -> None:
        """One view made of consecutive runs of text, read one after the other as a reader would.

        ``place_of(run, line)`` gives a hit's place; it is only called for a hit.
        """
        folded = fold("".join(texts))
        if folded:
            self._append(SEPARATOR, None)
            self._append(folded, _Runs(texts, lines, place_of) if place_of is not None else None)

    def add_runs(self, runs: Iterable[tuple[str, Place]]) -> None:
        """One view of runs, each with its place."""
        pairs = list(runs)
        places = [place for _text, place in pairs]
        self.add_view([text for text, _place in pairs], range(len(pairs)), lambda _text, index: places[index])

    def add_lines(self, text: str, first_line: int = 1, place: Callable[[int], Place] = int) -> None:
        """A text as one view, each line with its number (so a hit names the line it starts on)."""
        lines = text.split("\n")
        self.add_view(lines, range(first_line, first_line + len(lines)), lambda _text, line: place(line))

    def _append(self, folded: str, place: Place) -> None:
        if self._size + len(folded) > self._limit:
            raise TooMuchToRead(
                _("its escapes and markup unfold to more than {count} characters").format(count=f"{self._limit:,}")
            )
        self._pieces.append(folded)
        self._starts.append(self._size)
        self._places.append(place)
        self._size += len(folded)
        self._joined = None

    @property
    def folded(self) -> str:
        if self._joined is None:
            self._joined = "".join(self._pieces)
            self._pieces = [self._joined]  # joined once; later additions join onto it
        return self._joined

    def place_at(self, offset: int) -> Place:
        index = bisect.bisect_right(self._starts, offset) - 1
        place = self._places[index]
        return place.place_at(offset - self._starts[index]) if isinstance(place, _Runs) else place

    @property
    def size(self) -> int:
        """How much folded text it holds: a view added later starts at or after this offset."""
        return self._size

    def search(self, rules: Iterable[Rule]) -> dict[Rule, Hit]:
        """Each rule found, with its first occurrence."""
        text = self.folded
        found: dict[Rule, Hit] = {}
        for rule in rules:
            offsets = [offset for offset in (text.find(key) for key in rule.keys) if offset >= 0]
            if offsets:
                offset = min(offsets)
                found[rule] = Hit(offset, self.place_at(offset))
        return found

    def longest_piece(self, key: str) -> tuple[int, Place]:
        """The length of the longest part of ``key`` this haystack holds, and where it is."""
        text = self.folded
        best, where = 0, -1
        for start in range(len(key)):
            end = start + best + 1
            while end <= len(key):
                offset = text.find(key[start:end])
                if offset < 0:
                    break
                best, where = end - start, offset
                end += 1
        return best, (self.place_at(where) if where >= 0 else None)
