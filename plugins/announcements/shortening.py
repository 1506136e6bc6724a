"""Cutting a writer's text to fit the 280-character short text, keeping the day and time.

A short text that says "meet at the drop-in from 6:30 to…" is worse than
none: readers need to know when.  So the text is cut, in this order of
preference:

1. not at all, when it fits;
2. after its last whole sentence that fits;
3. after its last whole word that fits ("…"), if that keeps its first time
   ("18 h 30", "6:30 pm", "de 13 h à 22 h" count as one word each, never
   cut in two);
4. else to the part that says which day and the part that says what time,
   put together: "Le dernier jeudi du mois, de 18 h 30 à 20 h 30…",
   "du lundi au vendredi, de 13 h à 22 h…";
5. else as in 3, without the time.

Lengths are counted as :func:`length` counts them (UTF-16 code units).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# Where a sentence's parts meet: a comma, a colon, a semicolon, a dash.
_CLAUSE_END = re.compile(r"\s*[,;:]\s+|\s+[—–]\s+|(?<=[.!?…])\s+")
# A time written with spaces inside (18 h 30, 9 h, 6:30 pm, 6 p.m.), or without (18:30, 6pm).
_TIME = re.compile(
    r"\b\d{1,2} ?h(?: ?\d{2})?\b|\b\d{1,2}(?::\d{2})? ?(?:[ap]\.m\.|[ap]m\b)|\b\d{1,2}:\d{2}\b"
    r"|\b(?:midi|minuit|noon|midnight)\b",
    re.IGNORECASE,
)
# Words that say which day, in English and French.
_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd'hui|demain|ce soir"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b",
    re.IGNORECASE,
)
# A short lower-case word right before a day or a time belongs with it: "du lundi", "de 18 h", "from 6 pm".
_LEADING_WORD = re.compile(r"(?:^|\s)([a-zàâçéèêëîïôûù']{1,4})\s+$")
_TRAILING = " ,;:—–-"


def cut(text: str, room: int, length: Callable[[str], int]) -> str:
    """The longest form of ``text`` within ``room`` that keeps, if it can, the day and time (see above)."""
    if length(text) <= room:
        return text
    sentences = _SENTENCE_END.split(text)
    while len(sentences) > 1:
        sentences.pop()
        if length(" ".join(sentences)) <= room:
            return " ".join(sentences)
    by_words = _cut_words(text, room, length)
    time_end = _end_of_first_times(text)
    if time_end is None or len(by_words.removesuffix(ELLIPSIS)) >= time_end:
        return by_words
    for candidate in _day_and_time(text):
        shortened = candidate.rstrip(_TRAILING) + ELLIPSIS
        if length(shortened) <= room:
            return shortened
    return by_words


def _cut_words(text: str, room: int, length: Callable[[str], int]) -> str:
    words = _words(text)
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(_TRAILING) + ELLIPSIS
        if words and length(candidate) <= room:
            return candidate
    return ""


def _end_of_first_times(text: str) -> int | None:
    """Where the first part that gives a time ends: after "8:30 pm" in "from 6:30 to 8:30 pm: a meal"."""
    position = 0
    for clause in _CLAUSE_END.split(text):
        position = text.index(clause, position)
        times = list(_TIME.finditer(clause))
        if times:
            return position + times[-1].end()
        position += len(clause)
    return None


def _words(text: str) -> list[str]:
    """The text's words, split at spaces, but never inside a time."""
    glued = _TIME.sub(lambda match: match.group(0).replace(" ", "\0"), text)
    return [word.replace("\0", " ") for word in glued.split(" ")]


def _day_and_time(text: str) -> Iterator[str]:
    """The parts of the text that say when, longest first: day part and time part, then the time part alone."""
    clauses = [clause for clause in _CLAUSE_END.split(text) if clause]
    at_time = next(index for index, clause in enumerate(clauses) if _TIME.search(clause))
    time_part = clauses[at_time]
    times = [time_part, _from_word_before(time_part, _TIME)]
    day_index = next((index for index, clause in enumerate(clauses[:at_time]) if _DAY.search(clause)), None)
    if day_index is not None:
        day_part = clauses[day_index]
        for day in (day_part, _from_word_before(day_part, _DAY)):
            for time in times:
                yield f"{day}, {time}"
    yield from times


def _from_word_before(clause: str, pattern: re.Pattern[str]) -> str:
    """The clause from where ``pattern`` first matches, with the short word before it: "du lundi au vendredi"."""
    match = pattern.search(clause)
    assert match is not None
    before = _LEADING_WORD.search(clause[: match.start()])
    return clause[before.start(1) if before else match.start() :]
