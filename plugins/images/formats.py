"""Which files ``content/images/`` may hold, and what a file really is.

Only formats that Relais decodes and writes again from their pixels are
published: JPEG, PNG, WebP and GIF, the four every browser shows.  Everything
else is refused with a fix in plain words: a format a browser cannot show or
that Relais cannot clean (HEIC, AVIF, TIFF, RAW) is to be converted; an SVG
drawing or an HTML page can run scripts with the site's address; a file meant
for the web server (``.php``, ``.htaccess``) would change what the server does.

The suffix says what a file claims to be; its first bytes (:func:`sniff`) say
what it is, so that an HTML page named ``.png`` is named for what it is.
"""

from __future__ import annotations

from dataclasses import dataclass

# Suffix (lower case) → the format Relais decodes it as and writes it back in.
ACCEPTED: dict[str, str] = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".jpe": "JPEG",
    ".jfif": "JPEG",
    ".png": "PNG",
    ".webp": "WEBP",
    ".gif": "GIF",
}
# What Pillow may call a file of each format once opened: phones write JPEGs
# with a second picture (depth map, preview) that Pillow opens as MPO.
OPENED_AS: dict[str, tuple[str, ...]] = {"JPEG": ("JPEG", "MPO"), "PNG": ("PNG",), "WEBP": ("WEBP",), "GIF": ("GIF",)}
NAMES: dict[str, str] = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
MEDIA_TYPES: dict[str, str] = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
KEEP_FORMATS = "JPEG, PNG, WebP or GIF"

_CONVERT_PHOTO = (
    "open it and export or save it as JPEG (File > Export, or share it as 'Most compatible'), then link to the .jpg"
)
_NOT_AN_IMAGE = "move it out of content/images/: only pictures shown in posts and pages belong there"


@dataclass(frozen=True)
class Refusal:
    what: str
    fix: str


# What a refused suffix usually is, to say why and what to do instead.
_REFUSED: dict[tuple[str, ...], Refusal] = {
    (".heic", ".heif", ".hif"): Refusal("an iPhone photo (HEIC), which most browsers cannot show", _CONVERT_PHOTO),
    (".avif",): Refusal("an AVIF image, which Relais cannot clean yet", _CONVERT_PHOTO),
    (".tif", ".tiff"): Refusal("a TIFF image, which browsers cannot show", _CONVERT_PHOTO),
    (".bmp", ".dib"): Refusal("a BMP image, too heavy for the web", "save it as PNG (drawings) or JPEG (photos)"),
    (".dng", ".raw", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf"): Refusal(
        "a camera's RAW file, which browsers cannot show", _CONVERT_PHOTO
    ),
    (".svg", ".svgz"): Refusal(
        "an SVG drawing, which can hold scripts that would run as if they came from the site",
        "export it as PNG and link to the .png",
    ),
    (".ico", ".cur"): Refusal("an icon file", "save it as PNG"),
    (".psd", ".xcf", ".ai", ".eps", ".kra"): Refusal(
        "a drawing program's own file", "export it as PNG (drawings) or JPEG (photos)"
    ),
    (".html", ".htm", ".xhtml", ".shtml"): Refusal(
        "a web page, which would run with the site's address",
        "write pages as Markdown in content/pages/; " + _NOT_AN_IMAGE,
    ),
    (".php", ".phtml", ".cgi", ".pl", ".py", ".asp", ".aspx", ".jsp", ".sh"): Refusal(
        "a program that the web server could run", _NOT_AN_IMAGE
    ),
    (".js", ".mjs", ".css", ".wasm"): Refusal("a script or a style sheet", _NOT_AN_IMAGE),
    (".pdf", ".doc", ".docx", ".odt", ".txt", ".md", ".zip"): Refusal(
        "a document, not a picture", "link to where it is published elsewhere; " + _NOT_AN_IMAGE
    ),
}
REFUSED: dict[str, Refusal] = {suffix: refusal for suffixes, refusal in _REFUSED.items() for suffix in suffixes}


def refusal_for(name: str, suffix: str) -> Refusal:
    """Why a file with this name is not published, and what to do instead."""
    if name.startswith("."):
        return Refusal(
            "this hidden file is not an image (a file such as .htaccess would change what the web server does)",
            "delete it, or move it out of content/images/",
        )
    known = REFUSED.get(suffix)
    if known is not None:
        return Refusal(f"this file is {known.what}; only {KEEP_FORMATS} images are published", known.fix)
    shown = f"'{suffix}'" if suffix else "no suffix"
    return Refusal(
        f"this file has {shown}; only {KEEP_FORMATS} images (.jpg, .jpeg, .png, .webp, .gif) are published",
        f"save it as one of those, or {_NOT_AN_IMAGE}",
    )


# First bytes → what a file is, to name a file that is not what its suffix says.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"8BPS", "a Photoshop file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)
_BRANDS = {
    b"avif": "an AVIF image",
    b"avis": "an AVIF image",
    **dict.fromkeys((b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"), "an iPhone photo (HEIC)"),
}
_TEXT_STARTS: tuple[tuple[bytes, str], ...] = (
    (b"<svg", "an SVG drawing"),
    (b"<?xml", "an XML file (perhaps an SVG drawing)"),
    (b"<!doctype html", "a web page (HTML)"),
    (b"<html", "a web page (HTML)"),
    (b"<?php", "a PHP program"),
    (b"<script", "a script"),
    (b"#!", "a program"),
)


def sniff(head: bytes) -> str | None:
    """What the first bytes of a file say it is: a format name (JPEG, PNG, WEBP, GIF) or words; None if unknown."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        return _BRANDS.get(head[8:12], "a video or a photo in a phone's own format")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    found = next((kind for signature, kind in _SIGNATURES if head.startswith(signature)), None)
    found = found or next((kind for start, kind in _TEXT_STARTS if text.startswith(start)), None)
    if found is None and any(tag in text for tag in (b"<svg", b"<html", b"<script")):
        return "a web page or drawing (it holds markup)"
    return found


def described(kind: str) -> str:
    """``JPEG`` → ``a JPEG image``; words pass through."""
    return f"a {NAMES[kind]} image" if kind in NAMES else kind
