"""Text that XML and iCalendar can carry.

XML 1.0 cannot hold most control characters, not even escaped, and
iCalendar forbids them too.  They are never meant by a writer (they come
from copying and pasting), so they are removed; everything else, quotes,
ampersands, angle brackets, accents and emoji, is kept and escaped by the
serialisers.
"""

from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return; DEL and C1 controls;
# lone surrogates; the two non-characters XML excludes.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """Control characters removed; line breaks written as ``\n``.

    XML parsers and iCalendar readers both turn a carriage return into a
    line feed, so a lone ``\r`` would not survive the trip anyway.
    """
    return _NOT_IN_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """For names, which readers show on one line: line breaks become spaces."""
    return " ".join(printable(text).split("\n"))
