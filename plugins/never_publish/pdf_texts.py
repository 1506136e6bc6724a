"""Everything a PDF holds that a reader could get out of it.

The text of its pages, and then every object in the file, reachable or not:
every string (the document information, bookmarks, link addresses, notes,
named destinations, form fields), every name, the XMP metadata, embedded
files, and the metadata of embedded images.  Streams that only draw
(pixels, font programs) are not read as text.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_STREAM = 16 * 1024 * 1024  # bytes of one decoded stream read as text


@dataclass(frozen=True)
class PdfPart:
    """One thing found in a PDF: text, or the bytes of a file or image inside it."""

    kind: str  # "text", "markup" (XMP), "image" (the encoded image) or "file" (an embedded file)
    text: str = ""
    data: bytes = b""
    name: str = ""


class UnreadablePdf(Exception):
    """The PDF could not be read, so it cannot be checked."""


def pdf_parts(data: bytes) -> Iterator[PdfPart]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        logging.getLogger("pypdf").setLevel(logging.ERROR)
        reader = PdfReader(io.BytesIO(data))
        yield PdfPart("text", "\n".join(page.extract_text() or "" for page in reader.pages))
        for obj in _every_object(reader):
            yield from _object_parts(obj)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as err:
        raise UnreadablePdf(f"{type(err).__name__}: {err}") from err


def _every_object(reader: Any) -> Iterator[Any]:
    """Every numbered object of the file, including those nothing points at any more."""
    from pypdf.generic import IndirectObject

    numbers = {(number, generation) for generation, table in reader.xref.items() for number in table}
    numbers |= {(number, 0) for number in reader.xref_objStm}
    for number, generation in sorted(numbers):
        yield reader.get_object(IndirectObject(number, generation, reader))
    yield reader.trailer


def _object_parts(obj: Any) -> Iterator[PdfPart]:
    from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, StreamObject, TextStringObject

    stack = [obj]
    strings: list[str] = []
    while stack:
        item = stack.pop()
        if isinstance(item, TextStringObject | str):
            strings.append(str(item))
        elif isinstance(item, ByteStringObject | bytes):
            strings.append(bytes(item).decode("latin-1"))
        elif isinstance(item, DictionaryObject):
            if isinstance(item, StreamObject):
                yield from _stream_parts(item)
            for key, value in item.items():
                strings.append(str(key))
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(reversed(item))
    if strings:
        yield PdfPart("text", "\n".join(strings))


def _stream_parts(stream: Any) -> Iterator[PdfPart]:
    kind = str(stream.get("/Subtype", "")) or str(stream.get("/Type", ""))
    filters = stream.get("/Filter", [])
    filters = [str(name) for name in (filters if isinstance(filters, list) else [filters])]
    if kind == "/Image":
        if filters and filters[-1] in ("/DCTDecode", "/JPXDecode"):
            yield PdfPart("image", data=bytes(stream._data))  # the encoded image, with its own metadata
        return
    if any(key in stream for key in ("/Length1", "/Length2", "/Length3")) or kind in ("/Type1C", "/CIDFontType0C"):
        return  # a font program
    data = stream.get_data()
    if kind == "/XML" or str(stream.get("/Type", "")) == "/Metadata":
        yield PdfPart("markup", data.decode("utf-8", "replace"))
    elif str(stream.get("/Type", "")) == "/EmbeddedFile":
        yield PdfPart("file", data=data, name=str(stream.get("/Subtype", "")))
    elif len(data) <= MAX_STREAM:
        yield PdfPart("text", data.decode("latin-1"))
