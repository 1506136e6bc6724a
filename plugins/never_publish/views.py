"""Every way a reader, a browser or a program can read a file, added to a haystack.

:func:`add_file` takes any file (a page, a feed, JSON, a calendar, a script,
a compressed search index, a PDF, an image) and adds its text views;
:func:`add_text` a piece of text that may hold escapes, escaped markup or
``data:`` addresses; :func:`add_markup` a parsed document.  Each decodes
what it finds again, a few levels deep, so escapes inside escapes and
markup shown as text are read the way a reader would get them.

``place`` turns a run of text and its line (0 when unknown) into whatever
the caller wants back with a hit: nothing for built files, a line for
sources.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterator
from typing import Any

from .decode import data_uris, decoded_forms, without_bbcode
from .haystack import Haystack, Place, TooMuchToRead
from .image_texts import image_texts, is_image
from .markup import looks_like_markup, parse_html, read_markup
from .pdf_texts import pdf_parts

MAX_DEPTH = 4  # escapes in escapes in markup in JSON…
MAX_EXPANDED = 64 * 1024 * 1024  # a compressed file larger than this once expanded is not searched, but refused
MARKUP_KINDS = frozenset({"html", "xhtml", "svg", "xml"})
PlaceOf = Callable[[str, int], Place]
# What any escape, markup or data: address needs; most texts (class names, plain words) have none of it.
_ENCODED = re.compile(r"[\\&%<\[\]\n\u202e]|data:", re.IGNORECASE)


def nowhere(_text: str, _line: int) -> Place:
    return None


def _fixed(place: Place) -> PlaceOf:
    """Every run at one place (``nowhere`` when that place is None, so built files keep the fast path)."""
    return nowhere if place is None else lambda _text, _line: place


def by_line(_text: str, line: int) -> Place:
    return line


def add_text(haystack: Haystack, text: str, place: Place = None, depth: int = 0) -> None:
    """A piece of text on its own, and everything its escapes, markup and ``data:`` addresses hold."""
    haystack.add(text, place)
    add_decodings(haystack, text, place, depth)


def add_decodings(haystack: Haystack, text: str, place: Place, depth: int) -> None:
    """What a text holds once its escapes are undone, its markup rendered, its ``data:`` addresses opened."""
    if depth >= MAX_DEPTH or not _ENCODED.search(text) or not haystack.first_time(text):
        return
    for decoded in decoded_forms(text):
        add_text(haystack, decoded, place, depth + 1)
    if looks_like_markup(text):
        root = parse_html(text)
        if root is not None:
            add_markup(haystack, root, _fixed(place), depth + 1)
    bbcode = without_bbcode(text)
    if bbcode is not None:
        plain, values = bbcode
        for part in (plain, *values):
            add_text(haystack, part, place, depth + 1)
    for media, data in data_uris(text):
        add_file(haystack, data, _name_for(media), depth=depth + 1, place=_fixed(place))


def add_markup(haystack: Haystack, root: Any, place: PlaceOf = nowhere, depth: int = 0) -> None:
    """A parsed document: its text as rendered (three ways), each attribute, comment and script on its own."""
    texts = read_markup(root)
    views = [texts.everything, texts.seen, texts.heard] if texts.hides_something else [texts.everything]
    lines_kept = place is not nowhere  # a built file has no line to keep: the cheapest way then
    for runs in views:
        if lines_kept:
            haystack.add_view([text for text, _line in runs], [line for _text, line in runs], place)
        else:
            haystack.add_view([text for text, _line in runs])
    if lines_kept:
        for text, line in texts.attributes:
            add_text(haystack, text, place(text, line), depth + 1)
    else:
        haystack.add_each(text for text, _line in texts.attributes)
        for text, _line in texts.attributes:
            add_decodings(haystack, text, None, depth + 1)
    for text, line in texts.asides:
        add_text(haystack, text, place(text, line), depth + 1)
    if depth >= MAX_DEPTH or not texts.everything:
        return
    # Markup or entities shown as text (escaped in a feed, a summary with tags in it): read it as markup
    # again; text forced right to left: read it as displayed.
    shown = "".join(text for text, _line in texts.everything)
    add_decodings(haystack, shown, place(*texts.everything[0]), depth + 1)


def add_file(
    haystack: Haystack,
    data: bytes,
    name: str,
    *,
    kind: str = "",
    tree: Any = None,
    depth: int = 0,
    place: PlaceOf = nowhere,
    lines: bool = False,
    raw: bool = True,
) -> None:
    """Every text view of a file.

    ``kind`` is :attr:`relais.built.BuiltFile.kind` when known ("" or
    "other": found from the bytes); ``tree`` its parsed document, if any.
    ``lines``: undo escapes line by line too, giving ``place`` each line's
    number; ``raw=False``: the caller has already added the text as written.
    """
    kind = "" if kind == "other" else kind
    if depth > MAX_DEPTH:
        return
    expanded = _gunzip(data) if data[:2] == b"\x1f\x8b" else None
    if expanded is not None:
        add_file(haystack, expanded, name.removesuffix(".gz"), depth=depth + 1, place=place)
    elif data.startswith(b"%PDF-") or kind == "pdf":
        _add_pdf(haystack, data, depth, place)
    elif kind == "image" or is_image(data):
        for text in image_texts(data):
            haystack.add(text, place("", 0))
    elif b"\x00" in data[:8192]:
        # A font or another binary format: its bytes as text are all there is to read.
        haystack.add(data.decode("utf-8", "replace"), place("", 0))
    else:
        _add_text_file(haystack, data, name, kind=kind, tree=tree, depth=depth, place=place, lines=lines, raw=raw)


def _add_text_file(
    haystack: Haystack,
    data: bytes,
    name: str,
    *,
    kind: str,
    tree: Any,
    depth: int,
    place: PlaceOf,
    lines: bool,
    raw: bool,
) -> None:
    text, latin = _decode(data)
    if raw:
        haystack.add(text, place("", 0))
    if latin is not None:
        add_text(haystack, latin, place("", 0), depth + 1)
    if kind in MARKUP_KINDS or (not kind and looks_like_markup(text[:1024])):
        root = tree if tree is not None else _parse(text, kind or "html")
        if root is not None:
            add_markup(haystack, root, place, depth)
        return
    if lines:  # escapes undone line by line, so that a hit names its line
        for number, line in enumerate(text.split("\n"), start=1):
            if _ENCODED.search(line):
                add_decodings(haystack, line, place("", number), depth + 1)
    add_decodings(haystack, text, place("", 0), depth)
    for string in _json_strings(text):
        add_text(haystack, string, place("", 0), depth + 1)
    if name.lower().endswith((".md", ".md.txt", ".markdown")):
        # Forums render a Markdown snippet: read it as they show it.
        root = parse_html(_markdown(text))
        if root is not None:
            add_markup(haystack, root, nowhere, depth + 1)


def _add_pdf(haystack: Haystack, data: bytes, depth: int, place: PlaceOf) -> None:
    for part in pdf_parts(data):
        if part.kind == "text":
            add_text(haystack, part.text, place("", 0), depth + 1)
        elif part.kind == "markup":
            add_file(haystack, part.text.encode("utf-8"), "metadata.xml", kind="xml", depth=depth + 1, place=place)
        elif part.kind == "image":
            for text in image_texts(part.data):
                haystack.add(text, place("", 0))
        else:
            add_file(haystack, part.data, part.name, depth=depth + 1, place=place)


def _decode(data: bytes) -> tuple[str, str | None]:
    """The bytes as text, and a second reading when they are not valid UTF-8 (Latin-1)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), data.decode("latin-1")


def _parse(text: str, kind: str) -> Any:
    import lxml.etree

    if kind == "html":
        return parse_html(text)
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        return lxml.etree.fromstring(text.encode("utf-8"), parser)
    except (lxml.etree.XMLSyntaxError, ValueError):
        return parse_html(text)


def _gunzip(data: bytes) -> bytes | None:
    """The expanded bytes, up to a limit (a small file must not expand to fill the memory)."""
    try:
        expander = zlib.decompressobj(wbits=31)
        expanded = expander.decompress(data, MAX_EXPANDED)
        # Several gzip members one after the other (rare, but valid).
        while expander.eof and expander.unused_data and len(expanded) < MAX_EXPANDED:
            rest = expander.unused_data
            expander = zlib.decompressobj(wbits=31)
            expanded += expander.decompress(rest, MAX_EXPANDED - len(expanded))
    except (zlib.error, gzip.BadGzipFile, EOFError):
        return None
    if len(expanded) >= MAX_EXPANDED:
        raise TooMuchToRead(f"it expands to more than {MAX_EXPANDED:,} bytes")
    return expanded


def _json_strings(text: str) -> Iterator[str]:
    """The strings of a JSON document, keys apart and values in order; nothing if it is not JSON."""
    value = _json(text)
    if value is None:
        return
    keys: list[str] = []
    values: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            values.append(item)
        elif isinstance(item, dict):
            keys.extend(str(key) for key in item)
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif item is not None:
            values.append(str(item))
    yield "\n".join(values)
    yield "\n".join(keys)
    yield from (item for item in values if "<" in item or "&" in item or "\\" in item or "%" in item)


def _json(text: str) -> Any:
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        # Pagefind's fragments start with a short signature before the JSON.
        start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
        if start < 0 or start > 64:
            return None
        stripped = text[start:]
    try:
        return json.loads(stripped)
    except (ValueError, RecursionError):
        return None


def _markdown(text: str) -> str:
    """The text as a forum shows it; within the default limits (ConversionError fails closed)."""
    from relais.limits import DEFAULT_LIMITS
    from relais.rendering import MarkdownRenderer, convert_within_limits

    renderer = MarkdownRenderer({"extensions": ["extra"], "output_format": "html"})
    return convert_within_limits(renderer, text, DEFAULT_LIMITS)


def _name_for(media: str) -> str:
    """A file name for a ``data:`` address's content, so it is read by its type."""
    if "svg" in media:
        return "data.svg"
    if "html" in media or "xml" in media:
        return "data.html"
    return "data"
