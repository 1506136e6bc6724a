"""Accounts written in the first person ("I", "my", "je", "j'", "mon"…).

Staff rewrite each account in the third person: it reads as the program's
warning rather than a testimony, and it takes out the reporter's own voice,
which people who know them could recognise.  Words inside quotation marks
are left alone: what the aggressor said may well be "I".
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|‘[^’]*’")
_FIRST_PERSON = {
    "en": re.compile(r"(?<![\w'’-])(?:I|I['’](?:m|ve|d|ll)|(?i:my|me|mine|myself))(?![\w'’-])"),
    "fr": re.compile(
        r"(?<![\w'’-])(?:(?i:je|moi|mon|ma|mes|me|mien|mienne|miens|miennes)(?![\w'’-])|(?i:j|m)['’](?=\w))"
    ),
}


def first_person_word(text: str, lang: str) -> str | None:
    """The first first-person word of ``text`` outside quotation marks, if there is one."""
    pattern = _FIRST_PERSON.get(lang)
    if pattern is None:
        return None
    match = pattern.search(_QUOTED.sub(" ", text))
    return match.group(0) if match else None
