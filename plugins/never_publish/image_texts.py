"""The text an image file carries besides its pixels: EXIF, XMP, IPTC, comments, PNG text chunks.

Anyone who saves an image from the site can read it.  The pixels are left
alone (reading text drawn in a picture is beyond this check); everything
else is returned as text, decoded the ways it may be written (ASCII and
UTF-8, and UTF-16 for Windows' EXIF fields).
"""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from collections.abc import Iterator
from typing import Any

JPEG = b"\xff\xd8"
PNG = b"\x89PNG\r\n\x1a\n"
MAX_TEXT = 16 * 1024 * 1024
_EXIF_FOLDERS = (0x8769, 0x8825, 0xA005)  # Exif, GPS and interoperability sub-folders


def is_image(data: bytes) -> bool:
    return data.startswith((JPEG, PNG, b"GIF8", b"II*\x00", b"MM\x00*")) or (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    )


def image_texts(data: bytes) -> Iterator[str]:
    """Every piece of text in the file outside its pixels."""
    raw = b"".join(_metadata_blocks(data))
    yield from _decodings(raw[:MAX_TEXT])
    yield from _pillow_texts(data)


def _metadata_blocks(data: bytes) -> Iterator[bytes]:
    """The parts of the file that are not pixels (the whole file for formats read as a whole)."""
    if data.startswith(JPEG):
        yield from _jpeg_segments(data)
    elif data.startswith(PNG):
        yield from _png_chunks(data)
    else:
        yield data


def _jpeg_segments(data: bytes) -> Iterator[bytes]:
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xFF:  # padding
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segment = data[position + 4 : position + 2 + length]
        if marker == 0xDA:  # start of scan: pixels until the end (metadata never follows in practice)
            trailer = data.rfind(b"\xff\xd9")
            if trailer >= 0:
                yield data[trailer + 2 :]  # anything appended after the image
            return
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # APPn (EXIF, XMP, IPTC…) and comments
            yield segment
        position += 2 + length
    yield data[position:]  # not a well-formed JPEG: read what is left as a whole


def _png_chunks(data: bytes) -> Iterator[bytes]:
    position = len(PNG)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind != b"IDAT":
            yield body
            if kind in (b"zTXt", b"iTXt"):
                yield _png_compressed_text(kind, body)
        position += 12 + length
    yield data[position:]


def _png_compressed_text(kind: bytes, body: bytes) -> bytes:
    keyword_end = body.find(b"\x00")
    if keyword_end < 0:
        return b""
    if kind == b"zTXt":
        compressed = body[keyword_end + 2 :]
    else:  # iTXt: keyword, flag, method, language, translated keyword, text
        if body[keyword_end + 1 : keyword_end + 2] != b"\x01":
            return b""
        rest = body[keyword_end + 3 :]
        parts = rest.split(b"\x00", 2)
        compressed = parts[2] if len(parts) == 3 else b""
    try:
        return zlib.decompressobj().decompress(compressed, MAX_TEXT)
    except zlib.error:
        return b""


def _decodings(raw: bytes) -> Iterator[str]:
    if not raw:
        return
    yield raw.decode("latin-1")
    yield raw.decode("utf-8", "replace")
    if b"\x00" in raw:  # UTF-16 text, at either byte alignment
        yield raw.decode("utf-16-le", "replace")
        yield raw[1:].decode("utf-16-le", "replace")


def _pillow_texts(data: bytes) -> Iterator[str]:
    """What Pillow decodes: EXIF values in every sub-folder, and the text in ``info``."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged image is read as far as it goes, without a word
            with Image.open(io.BytesIO(data)) as image:
                values: list[Any] = list(image.info.values())
                exif = image.getexif()
                values.extend(exif.values())
                for folder in _EXIF_FOLDERS:
                    values.extend(exif.get_ifd(folder).values())
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, struct.error, Image.DecompressionBombError):
        return  # the blocks above were still read as text
    for value in values:
        yield from _value_texts(value)


def _value_texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes):
        yield from _decodings(value[:MAX_TEXT])
    elif isinstance(value, tuple | list):
        if value and all(isinstance(item, int) and 0 <= item < 256 for item in value):
            yield from _decodings(bytes(value))  # Windows' XP fields come as a tuple of bytes
        else:
            for item in value:
                yield from _value_texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _value_texts(item)
