"""Image files carrying everything a camera, a phone or an editor may leave in them.

Each planted text is written several ways (plain, UTF-16 as Windows writes
it, compressed, in EXIF, XMP, IPTC, a comment, a thumbnail, after the end of
the picture), so a test can search every output file for all of them.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin

AUTHOR = "Quillon Marchetti"  # the photographer's real name
DESCRIPTION = "backyard of the blue house on Lucioles"
COMMENT = "shot from the kitchen window"
THUMBNAIL_MARK = "thumbnail-still-here"
TRAILING_MARK = "second-picture-still-here"
CITY = "Port-Lumiere-Nord"
PLANTED = (AUTHOR, DESCRIPTION, COMMENT, THUMBNAIL_MARK, TRAILING_MARK, CITY)

XMP = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 exif:GPSLatitude="45,30.0167N" photoshop:City="{CITY}">
<exif:GPSLongitude>73,33.5W</exif:GPSLongitude>
<dc:creator><rdf:Seq><rdf:li>{AUTHOR}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{DESCRIPTION}</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>""".encode()

# Only a position, in XMP: the phone wrote no EXIF GPS block.
XMP_POSITION_ONLY = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="45,30.0167N"
 exif:GPSLongitude="73,33.5W"/></rdf:RDF></x:xmpmeta>"""


def spellings(text: str) -> list[bytes]:
    """How a text may appear in a file's bytes."""
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be"), text.upper().encode()]


# --- EXIF, built by hand: Pillow does not write a thumbnail (IFD1) ------------

_BYTE, _ASCII, _SHORT, _LONG, _RATIONAL = 1, 2, 3, 4, 5


def _rationals(*values: tuple[int, int]) -> bytes:
    return b"".join(struct.pack("<II", numerator, denominator) for numerator, denominator in values)


def _ifd(entries: list[tuple[int, int, int, bytes]], start: int, next_ifd: int) -> bytes:
    """One little-endian TIFF directory at ``start``, its long values right after it."""
    data_at = start + 2 + 12 * len(entries) + 4
    table, data = bytearray(struct.pack("<H", len(entries))), bytearray()
    for tag, kind, count, value in sorted(entries):
        if len(value) <= 4:
            table += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            table += struct.pack("<HHII", tag, kind, count, data_at + len(data))
            data += value + (b"\x00" if len(value) % 2 else b"")
    return bytes(table + struct.pack("<I", next_ifd) + data)


def exif_block(latitude: tuple[int, int, int] = (45, 30, 1), with_thumbnail: bool = True) -> bytes:
    """EXIF as a phone writes it: author, description, comment (twice each), GPS position, a thumbnail."""
    author, description = AUTHOR.encode() + b"\x00", DESCRIPTION.encode() + b"\x00"
    xp_author, xp_comment = (text.encode("utf-16-le") + b"\x00\x00" for text in (AUTHOR, COMMENT))
    user_comment = b"ASCII\x00\x00\x00" + COMMENT.encode()
    thumbnail = small_jpeg(THUMBNAIL_MARK) if with_thumbnail else b""

    def ifd0(gps_at: int, exif_at: int, ifd1_at: int) -> bytes:
        return _ifd(
            [
                (0x010E, _ASCII, len(description), description),
                (0x013B, _ASCII, len(author), author),
                (0x9C9D, _BYTE, len(xp_author), xp_author),
                (0x9C9C, _BYTE, len(xp_comment), xp_comment),
                (0x8825, _LONG, 1, struct.pack("<I", gps_at)),
                (0x8769, _LONG, 1, struct.pack("<I", exif_at)),
            ],
            8,
            ifd1_at,
        )

    def gps(at: int) -> bytes:
        degrees, minutes, seconds = latitude
        return _ifd(
            [
                (1, _ASCII, 2, b"N\x00"),
                (2, _RATIONAL, 3, _rationals((degrees, 1), (minutes, 1), (seconds, 1))),
                (3, _ASCII, 2, b"W\x00"),
                (4, _RATIONAL, 3, _rationals((73, 1), (33, 1), (30, 1))),
            ],
            at,
            0,
        )

    def exif_ifd(at: int) -> bytes:
        return _ifd([(0x9286, 7, len(user_comment), user_comment)], at, 0)

    def ifd1(at: int, thumbnail_at: int) -> bytes:
        return _ifd(
            [
                (0x0201, _LONG, 1, struct.pack("<I", thumbnail_at)),
                (0x0202, _LONG, 1, struct.pack("<I", len(thumbnail))),
            ],
            at,
            0,
        )

    gps_at = 8 + len(ifd0(0, 0, 0))
    exif_at = gps_at + len(gps(gps_at))
    ifd1_at = exif_at + len(exif_ifd(exif_at)) if with_thumbnail else 0
    tail = ifd1(ifd1_at, 0) if with_thumbnail else b""
    thumbnail_at = ifd1_at + len(tail)
    body = ifd0(gps_at, exif_at, ifd1_at) + gps(gps_at) + exif_ifd(exif_at)
    if with_thumbnail:
        body += ifd1(ifd1_at, thumbnail_at) + thumbnail
    return b"II*\x00" + struct.pack("<I", 8) + body


def small_jpeg(mark: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), "#3366aa").save(buffer, "JPEG", comment=mark.encode())
    return buffer.getvalue()


def _srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _iptc_segment() -> bytes:
    """APP13 with IPTC: by-line, caption, city."""
    records = b"".join(
        b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value
        for number, value in ((0x50, AUTHOR.encode()), (0x78, DESCRIPTION.encode()), (0x5A, CITY.encode()))
    )
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(records)) + records + b"\x00" * (len(records) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


# --- Whole files, one per format -----------------------------------------------


def _picture(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    image = Image.new(mode, size, "#cc5533" if mode == "RGB" else (200, 80, 50, 255))
    image.paste("#2255aa" if mode == "RGB" else (30, 80, 170, 255), (0, 0, size[0] // 2, size[1] // 3))
    return image


def dirty_jpeg(size: tuple[int, int] = (1600, 900), orientation: int | None = None) -> bytes:
    exif = b"Exif\x00\x00" + exif_block()  # in a JPEG, EXIF starts with its name
    if orientation:
        loaded = Image.Exif()
        loaded.load(exif)
        loaded[0x0112] = orientation
        exif = loaded.tobytes()  # (loses the thumbnail: Pillow does not write IFD1)
    buffer = io.BytesIO()
    _picture(size).save(buffer, "JPEG", exif=exif, xmp=XMP, icc_profile=_srgb_profile(), comment=COMMENT.encode())
    data = buffer.getvalue()
    app0_end = 2 + 2 + int.from_bytes(data[4:6], "big")  # after SOI and the JFIF header
    return data[:app0_end] + _iptc_segment() + data[app0_end:] + small_jpeg(TRAILING_MARK)


def dirty_png(size: tuple[int, int] = (400, 300)) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", AUTHOR)
    info.add_text("Description", DESCRIPTION, zip=True)
    info.add_itxt("Comment", COMMENT, zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode(), zip=True)
    info.add(b"tIME", struct.pack(">HBBBBB", 2026, 3, 4, 5, 6, 7))
    info.add(b"caBX", f"{AUTHOR} {CITY}".encode())  # a chunk Pillow does not know
    buffer = io.BytesIO()
    _picture(size, "RGBA").save(buffer, "PNG", pnginfo=info, exif=exif_block(with_thumbnail=False))
    return buffer.getvalue() + TRAILING_MARK.encode()


def dirty_webp(size: tuple[int, int] = (400, 300)) -> bytes:
    buffer = io.BytesIO()
    _picture(size).save(buffer, "WEBP", exif=exif_block(), xmp=XMP, icc_profile=_srgb_profile())
    return buffer.getvalue() + TRAILING_MARK.encode()


def dirty_gif(size: tuple[int, int] = (200, 150)) -> bytes:
    buffer = io.BytesIO()
    _picture(size).save(buffer, "GIF", comment=f"{COMMENT} by {AUTHOR}".encode())
    data = buffer.getvalue()
    # XMP the way Adobe writes it in a GIF: raw, then a "magic trailer" that ends the sub-blocks.
    magic_trailer = b"\x01" + bytes(range(255, -1, -1)) + b"\x00"
    xmp = b"\x21\xff\x0bXMP DataXMP" + XMP + magic_trailer
    return data[:-1] + xmp + b"\x3b" + TRAILING_MARK.encode()


DIRTY = {"JPEG": dirty_jpeg, "PNG": dirty_png, "WEBP": dirty_webp, "GIF": dirty_gif}


def write_image(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
