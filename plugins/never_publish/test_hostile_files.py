"""Files made to defeat the search: each is either searched or refused, quickly, never let through."""

from __future__ import annotations

import gzip
import io
import time

import pytest

from never_publish.haystack import Haystack, TooMuchToRead
from never_publish.pdf_texts import UnreadablePdf
from never_publish.test_spellings import RULES, found
from never_publish.views import add_file


def test_a_compressed_bomb_is_refused_not_expanded() -> None:
    bomb = gzip.compress(b"\0" * (80 * 1024 * 1024), compresslevel=9)
    started = time.monotonic()
    with pytest.raises(TooMuchToRead):
        add_file(Haystack(len(bomb)), bomb, "x.pf_fragment")
    assert time.monotonic() - started < 30


def test_escapes_in_escapes_are_undone_within_a_budget() -> None:
    """Escaped three times over, a string is still found; a file that unfolds without end is refused."""
    text = "2250 rue des Luci&amp;amp;#111;les %2526%2523108%253B " * 2000
    haystack = Haystack(len(text))
    started = time.monotonic()
    add_file(haystack, text.encode(), "x.txt")
    assert haystack.search(RULES[:1])
    assert time.monotonic() - started < 30
    with pytest.raises(TooMuchToRead):
        add_file(Haystack(0), ("<p>" + "x" * 1000 + "</p>").encode() * 20000, "page.html", kind="html")


def test_a_broken_pdf_is_reported_as_unreadable() -> None:
    with pytest.raises(UnreadablePdf):
        found(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", "x.pdf")


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\x00\x00\x00\x08",  # a JPEG cut short in its EXIF
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00",  # a PNG cut short
        b"GIF89a" + b"\x00" * 4,
        b"\xff\xd8\xff\xfe\x00\x162250 rue des Lucioles",  # a comment, then nothing
    ],
)
def test_truncated_images_are_read_as_far_as_they_go(data: bytes) -> None:
    haystack = Haystack(len(data))
    add_file(haystack, data, "x.jpg", kind="image")
    if b"Lucioles" in data:
        assert haystack.search(RULES)


def test_deep_markup_and_json_do_not_crash() -> None:
    assert found("<b>" * 5000 + "2250 rue des Lucioles" + "</b>" * 5000, "x.html", kind="html") == {2}
    assert found("[" * 100000 + "]" * 100000, "x.json") == set()
    assert found(io.BytesIO(b"\x00\x01binary 2250 rue des Lucioles").getvalue(), "font.woff2") == {2}
