"""What an image file says about itself besides its pixels, read from its structure.

Pillow shows only the metadata it understands and skips the rest (an unknown
PNG chunk, a second XMP packet, a thumbnail, bytes after the end of the
picture).  The four published formats are simple chains of segments, so they
are walked here segment by segment: a clean file has nothing but pixels and
the few fields that say how to draw them.  Other formats (a theme's icon)
fall back to what Pillow sees.

Used to check what is published (:func:`metadata_in`) and to warn about
source photos that say where they were taken (:func:`positions_in`).
"""

from __future__ import annotations

import binascii
import io
import re
import warnings
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from relais.i18n import _

EXIF, XMP, IPTC = "EXIF", "XMP", "IPTC"
COMMENT, THUMBNAIL, ICC = "a comment", "a thumbnail", "an ICC colour profile"
TRAILING = "data after the end of the picture"
_TEXT_LIMIT = 16_000_000  # a compressed text chunk is never expanded beyond this


@dataclass(frozen=True)
class Segment:
    kind: str  # plain words: EXIF, XMP, a comment…
    payload: bytes  # the segment's content, decompressed when it was compressed


def segments(data: bytes) -> list[Segment] | None:
    """Every segment of a JPEG, PNG, WebP or GIF file that is not needed to draw it; None for other formats."""
    walker = _walker_for(data)
    if walker is None:
        return None
    try:
        return list(walker(data))
    except (IndexError, ValueError):
        return [Segment("a damaged structure", b"")]


def metadata_in(data: bytes) -> list[str]:
    """What the file holds besides its pixels, in plain words; empty when it is clean."""
    found = segments(data)
    if found is None:
        return _seen_by_pillow(data)
    return sorted({segment.kind for segment in found})


# --- Where a photo was taken --------------------------------------------------

_GPS_WORDS = re.compile(rb"gps\s*[-_:]?\s*(?:latitude|longitude|coordinates|position)", re.IGNORECASE)
_PLACE_WORDS = re.compile(
    rb"photoshop:(?:City|State)|Iptc4xmpCore:Location|Iptc4xmpExt:(?:Sublocation|City|LocationShown|LocationCreated)",
    re.IGNORECASE,
)
_IPTC_PLACE = re.compile(rb"\x1c\x02[\x5a\x5c\x5f]")  # IIM City, Sub-location, Province
_GPS_IFD = 0x8825
_GPS_COORDINATES = (1, 2, 3, 4)  # latitude and longitude, with their N/S, E/W


def positions_in(data: bytes) -> list[str]:
    """Where the file says it was taken: ``GPS position (EXIF)``, ``place name (XMP)``…; empty if nowhere."""
    found: set[str] = set()
    for segment in segments(data) or []:
        if segment.kind == EXIF and _exif_has_gps(segment.payload):
            found.add(_("GPS position ({where})").format(where=EXIF))
        elif segment.kind != EXIF:
            where = segment.kind if segment.kind in (XMP, IPTC) else _("text")
            if _GPS_WORDS.search(segment.payload):
                found.add(_("GPS position ({where})").format(where=where))
            if _PLACE_WORDS.search(segment.payload) or (segment.kind == IPTC and _IPTC_PLACE.search(segment.payload)):
                found.add(_("place name ({where})").format(where=where))
    return sorted(found)


def _exif_has_gps(payload: bytes) -> bool:
    from PIL import Image

    exif = Image.Exif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's words about a damaged block are not for writers
            exif.load(payload)
            gps = exif.get_ifd(_GPS_IFD)
    except Exception:  # noqa: BLE001 - a damaged EXIF block: look for the words instead
        return bool(_GPS_WORDS.search(payload))
    return any(key in gps for key in _GPS_COORDINATES)


# --- JPEG ---------------------------------------------------------------------

_SOS, _EOI, _COM = 0xDA, 0xD9, 0xFE
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length


def jpeg_header_metadata(data: bytes) -> list[str]:
    """The metadata of a JPEG found at the start of ``data``, read up to its pixels only.

    For a JPEG inside another file (a PDF), where what follows it is not its own.
    """
    try:
        return sorted({segment.kind for segment in _jpeg(data, header_only=True)})
    except (IndexError, ValueError):
        return ["a damaged structure"]


def _jpeg(data: bytes, header_only: bool = False) -> Iterator[Segment]:
    position, end = 2, len(data)
    while position < end:
        if data[position] != 0xFF:
            position = data.find(b"\xff", position)
            if position < 0:
                return
        while position < end and data[position] == 0xFF:
            position += 1  # fill bytes
        if position >= end:
            return
        marker = data[position]
        position += 1
        if marker == _EOI:
            yield from _trailing(data[position:])
            return
        if marker in _STANDALONE or marker == 0x00:
            continue
        length = int.from_bytes(data[position : position + 2], "big")
        if length < 2:
            raise ValueError("a segment shorter than its own length field")  # not for writers: caught below
        payload = data[position + 2 : position + length]
        position += length
        if marker == _SOS:
            if header_only:
                return
            position = _end_of_scan(data, position)
            continue
        kind = _jpeg_kind(marker, payload)
        if kind:
            yield Segment(kind, payload)


def _end_of_scan(data: bytes, position: int) -> int:
    """Where the compressed pixels after a start-of-scan end: the next real marker."""
    while True:
        found = data.find(b"\xff", position)
        if found < 0 or found + 1 >= len(data):
            return len(data)
        following = data[found + 1]
        if following in (0x00, 0xFF) or 0xD0 <= following <= 0xD7:
            position = found + 1
            continue
        return found


_APP_KINDS: tuple[tuple[int, bytes, str], ...] = (
    (0xE1, b"Exif\x00", EXIF),
    (0xE1, b"http://ns.adobe.com/xap/1.0/", XMP),
    (0xE1, b"http://ns.adobe.com/xmp/extension/", XMP),
    (0xE2, b"ICC_PROFILE\x00", ICC),
    (0xE2, b"MPF\x00", "a second picture (MPF)"),
    (0xED, b"Photoshop 3.0\x00", IPTC),
    (0xE0, b"JFXX\x00", THUMBNAIL),
)


def _jpeg_kind(marker: int, payload: bytes) -> str | None:
    if marker == _COM:
        return COMMENT
    if marker == 0xE0 and payload.startswith(b"JFIF\x00"):
        # The JFIF header says only how dense the pixels are, unless it carries a thumbnail.
        return THUMBNAIL if len(payload) > 14 or payload[12:14].strip(b"\x00") else None
    if not 0xE0 <= marker <= 0xEF:
        return None  # tables, frame and scan headers: needed to draw the picture
    for app, start, kind in _APP_KINDS:
        if marker == app and payload.startswith(start):
            return kind
    return f"an APP{marker - 0xE0} segment"


# --- PNG ----------------------------------------------------------------------

_PNG_DRAWING = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"sBIT",
    b"pHYs",
    b"bKGD",
    b"acTL",
    b"fcTL",
    b"fdAT",
}
_PNG_TEXT = {b"tEXt", b"zTXt", b"iTXt"}


def _png(data: bytes) -> Iterator[Segment]:
    position = 8
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        chunk = data[position + 4 : position + 8]
        payload = data[position + 8 : position + 8 + length]
        position += 12 + length
        if chunk == b"IEND":
            yield from _trailing(data[position:])
            return
        if chunk in _PNG_DRAWING:
            continue
        if chunk in _PNG_TEXT:
            yield _png_text(chunk, payload)
        elif chunk == b"eXIf":
            yield Segment(EXIF, payload)
        elif chunk == b"iCCP":
            yield Segment(ICC, payload)
        else:
            yield Segment(f"a PNG '{chunk.decode('latin-1')}' chunk", payload)
    yield Segment("a PNG without its end", b"")


def _png_text(chunk: bytes, payload: bytes) -> Segment:
    keyword, _separator, rest = payload.partition(b"\x00")
    if chunk == b"zTXt":
        text = _inflated(rest[1:])
    elif chunk == b"iTXt":
        compressed = rest[:1] == b"\x01"
        _language, _separator, rest = rest[2:].partition(b"\x00")
        _translated, _separator, rest = rest.partition(b"\x00")
        text = _inflated(rest) if compressed else rest
    else:
        text = rest
    name = keyword.decode("latin-1")
    lowered = name.lower()
    if lowered in ("xml:com.adobe.xmp", "raw profile type xmp"):
        return Segment(XMP, _raw_profile(text) if lowered.startswith("raw") else text)
    if lowered in ("raw profile type exif", "raw profile type app1"):
        return Segment(EXIF, _raw_profile(text))
    if lowered in ("raw profile type iptc", "raw profile type 8bim"):
        return Segment(IPTC, _raw_profile(text))
    if lowered == "comment":
        return Segment(COMMENT, text)
    return Segment(f"text ('{name}')", text)


def _inflated(compressed: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(compressed, _TEXT_LIMIT)
    except zlib.error:
        return compressed


def _raw_profile(text: bytes) -> bytes:
    """ImageMagick's 'Raw profile type …' text: a name, a length, then hexadecimal."""
    lines = text.strip().split(b"\n", 2)
    digits = b"".join(lines[-1].split()) if len(lines) == 3 else b""
    try:
        return binascii.unhexlify(digits)
    except (binascii.Error, ValueError):
        return text


# --- WebP ---------------------------------------------------------------------

_WEBP_DRAWING = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"}
_WEBP_KINDS = {b"EXIF": EXIF, b"XMP ": XMP, b"ICCP": ICC}


def _webp(data: bytes) -> Iterator[Segment]:
    end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    position = 12
    while position + 8 <= end:
        fourcc = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        payload = data[position + 8 : position + 8 + size]
        position += 8 + size + (size & 1)
        if fourcc not in _WEBP_DRAWING:
            yield Segment(_WEBP_KINDS.get(fourcc, f"a WebP '{fourcc.decode('latin-1')}' chunk"), payload)
    yield from _trailing(data[end:])


# --- GIF ----------------------------------------------------------------------

_GIF_ANIMATION = (b"NETSCAPE2.0", b"ANIMEXTS1.0")
_GIF_APPLICATIONS = {b"XMP DataXMP": XMP, b"ICCRGBG1012": ICC}


def _gif(data: bytes) -> Iterator[Segment]:
    flags = data[10]
    position = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    while position < len(data):
        block = data[position]
        if block == 0x3B:
            yield from _trailing(data[position + 1 :])
            return
        if block == 0x2C:
            flags = data[position + 9]
            position += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0) + 1
            position = _after_sub_blocks(data, position)
        elif block == 0x21:
            label, start = data[position + 1], position + 2
            position = _after_sub_blocks(data, start)
            kind = _gif_extension(label, data[start:position])
            if kind:
                yield Segment(kind, data[start:position])
        else:
            raise ValueError("an unknown GIF block")  # not for writers: caught below
    yield Segment("a GIF without its end", b"")


def _after_sub_blocks(data: bytes, position: int) -> int:
    while data[position] != 0:
        position += data[position] + 1
    return position + 1


def _gif_extension(label: int, raw: bytes) -> str | None:
    if label == 0xF9:
        return None  # frame delay and transparency
    if label == 0xFE:
        return COMMENT
    if label == 0xFF:
        application = raw[1:12]
        if application in _GIF_ANIMATION:
            return None
        return _GIF_APPLICATIONS.get(application, "GIF application data")
    return "GIF text" if label == 0x01 else "a GIF extension"


# --- Shared -------------------------------------------------------------------


def _trailing(rest: bytes) -> Iterator[Segment]:
    if rest.strip(b"\x00"):
        yield Segment(TRAILING, rest)


_WALKERS = ((b"\xff\xd8", _jpeg), (b"\x89PNG\r\n\x1a\n", _png), (b"GIF87a", _gif), (b"GIF89a", _gif))


def _walker_for(data: bytes) -> Callable[[bytes], Iterator[Segment]] | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp
    return next((walker for signature, walker in _WALKERS if data.startswith(signature)), None)


# What Pillow reports of a clean file in a format walked by nobody here.
_HARMLESS_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression"}
_HARMLESS_INFO |= {"transparency", "duration", "loop", "background", "version", "gamma", "aspect", "interlace"}
_HARMLESS_INFO |= {"loss", "srgb", "chromaticity", "lossless", "optimize", "compression", "sizes"}


def _seen_by_pillow(data: bytes) -> list[str]:
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(io.BytesIO(data)) as image:
                found = [EXIF] if image.getexif() else []
                found += [key for key in image.info if key.lower() not in _HARMLESS_INFO and key != "exif"]
        except Exception:  # noqa: BLE001 - unreadable: it cannot be shown to be clean
            return ["data Relais cannot read"]
    return sorted(set(found))
