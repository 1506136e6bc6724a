"""The readable text of any file the build writes.

A string can hide in many forms: HTML with entities or tags in the middle,
an attribute (alt text, a link), escaped HTML inside a feed, a JSON string
with ``\\u`` escapes, a gzip-compressed search index, or a PDF.  Each file is
turned into the texts a reader or a program could get out of it.
"""

from __future__ import annotations

import gzip
import html
import json
import logging
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

BINARY_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".wasm"}
)
MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xml", ".svg", ".atom", ".rss", ".xhtml"})


class _TextAndAttributes(HTMLParser):
    """Collects the text of markup and the values of every attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.extend(unquote(value) for _name, value in attrs if value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.parts.append(data)

    def unknown_decl(self, data: str) -> None:
        # <![CDATA[…]]> in feeds and SVG
        self.parts.append(data.removeprefix("CDATA["))


def markup_text(text: str) -> str:
    parser = _TextAndAttributes()
    parser.feed(text)
    parser.close()
    return "\n".join(parser.parts)


def texts_of(path: Path) -> Iterator[str]:
    """Every text view of a file; nothing for files that cannot hold text."""
    suffix = path.suffix.lower()
    if suffix in BINARY_SUFFIXES:
        return
    data = path.read_bytes()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        yield from pdf_texts(path)
        return
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    text = data.decode("utf-8", errors="replace")
    yield from text_views(text, suffix)


def text_views(text: str, suffix: str = "") -> Iterator[str]:
    if suffix not in MARKUP_SUFFIXES:
        # Markup's own view below holds its text and attributes, decoded.
        yield text
        yield html.unescape(unquote(text))
    if suffix in MARKUP_SUFFIXES or "<" in text:
        inner = markup_text(text)
        yield inner
        if "<" in inner:  # escaped HTML inside a feed or a JSON string
            yield markup_text(inner)
    parsed = _json(text)
    if parsed is not None:
        strings = "\n".join(_json_strings(parsed))
        yield strings
        if "<" in strings:
            yield markup_text(strings)


def pdf_texts(path: Path) -> Iterator[str]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(path)
    yield "\n".join(page.extract_text() or "" for page in reader.pages)
    metadata = reader.metadata or {}
    yield "\n".join(str(value) for value in metadata.values())


def _gunzip(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return data


def _json(text: str) -> Any:
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        # Pagefind's fragments start with a signature before the JSON.
        start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
        if start < 0 or start > 64:
            return None
        stripped = text[start:]
    try:
        return json.loads(stripped)
    except ValueError:
        return None


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    elif value is not None:
        yield str(value)
