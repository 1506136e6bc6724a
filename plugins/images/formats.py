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

from relais.i18n import N_, _

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
KEEP_FORMATS = N_("JPEG, PNG, WebP or GIF")

_CONVERT_PHOTO = N_(
    "open it and export or save it as JPEG (File > Export, or share it as 'Most compatible'), then link to the .jpg"
)
_NOT_AN_IMAGE = N_("move it out of content/images/: only pictures shown in posts and pages belong there")


@dataclass(frozen=True)
class Refusal:
    what: str
    fix: str


# What a refused suffix usually is, to say why and what to do instead.
_REFUSED: dict[tuple[str, ...], Refusal] = {
    (".heic", ".heif", ".hif"): Refusal(N_("an iPhone photo (HEIC), which most browsers cannot show"), _CONVERT_PHOTO),
    (".avif",): Refusal(N_("an AVIF image, which Relais cannot clean yet"), _CONVERT_PHOTO),
    (".tif", ".tiff"): Refusal(N_("a TIFF image, which browsers cannot show"), _CONVERT_PHOTO),
    (".bmp", ".dib"): Refusal(
        N_("a BMP image, too heavy for the web"), N_("save it as PNG (drawings) or JPEG (photos)")
    ),
    (".dng", ".raw", ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".raf"): Refusal(
        N_("a camera's RAW file, which browsers cannot show"), _CONVERT_PHOTO
    ),
    (".svg", ".svgz"): Refusal(
        N_("an SVG drawing, which can hold scripts that would run as if they came from the site"),
        N_("export it as PNG and link to the .png"),
    ),
    (".ico", ".cur"): Refusal(N_("an icon file"), N_("save it as PNG")),
    (".psd", ".xcf", ".ai", ".eps", ".kra"): Refusal(
        N_("a drawing program's own file"), N_("export it as PNG (drawings) or JPEG (photos)")
    ),
    (".html", ".htm", ".xhtml", ".shtml"): Refusal(
        N_("a web page, which would run with the site's address"),
        N_(
            "write pages as Markdown in content/pages/; move it out of content/images/: only pictures shown in "
            "posts and pages belong there"
        ),
    ),
    (".php", ".phtml", ".cgi", ".pl", ".py", ".asp", ".aspx", ".jsp", ".sh"): Refusal(
        N_("a program that the web server could run"), _NOT_AN_IMAGE
    ),
    (".js", ".mjs", ".css", ".wasm"): Refusal(N_("a script or a style sheet"), _NOT_AN_IMAGE),
    (".pdf", ".doc", ".docx", ".odt", ".txt", ".md", ".zip"): Refusal(
        N_("a document, not a picture"),
        N_(
            "link to where it is published elsewhere; move it out of content/images/: only pictures shown in "
            "posts and pages belong there"
        ),
    ),
}
REFUSED: dict[str, Refusal] = {suffix: refusal for suffixes, refusal in _REFUSED.items() for suffix in suffixes}


def refusal_for(name: str, suffix: str) -> Refusal:
    """Why a file with this name is not published, and what to do instead, in the messages' language."""
    if name.startswith("."):
        return Refusal(
            _("this hidden file is not an image (a file such as .htaccess would change what the web server does)"),
            _("delete it, or move it out of content/images/"),
        )
    known = REFUSED.get(suffix)
    if known is not None:
        return Refusal(
            _("this file is {what}; only {formats} images are published").format(
                what=_(known.what), formats=_(KEEP_FORMATS)
            ),
            _(known.fix),
        )
    shown = f"'{suffix}'" if suffix else _("no suffix")
    return Refusal(
        _("this file has {suffix}; only {formats} images (.jpg, .jpeg, .png, .webp, .gif) are published").format(
            suffix=shown, formats=_(KEEP_FORMATS)
        ),
        _("save it as one of those, or {move}").format(move=_(_NOT_AN_IMAGE)),
    )


# First bytes → what a file is, to name a file that is not what its suffix says.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", N_("a TIFF image")),
    (b"MM\x00*", N_("a TIFF image")),
    (b"BM", N_("a BMP image")),
    (b"%PDF", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive (or an office document)")),
    (b"8BPS", N_("a Photoshop file")),
    (b"\x00\x00\x01\x00", N_("an icon file")),
)
_BRANDS = {
    b"avif": N_("an AVIF image"),
    b"avis": N_("an AVIF image"),
    **dict.fromkeys((b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"), N_("an iPhone photo (HEIC)")),
}
_TEXT_STARTS: tuple[tuple[bytes, str], ...] = (
    (b"<svg", N_("an SVG drawing")),
    (b"<?xml", N_("an XML file (perhaps an SVG drawing)")),
    (b"<!doctype html", N_("a web page (HTML)")),
    (b"<html", N_("a web page (HTML)")),
    (b"<?php", N_("a PHP program")),
    (b"<script", N_("a script")),
    (b"#!", N_("a program")),
)


def sniff(head: bytes) -> str | None:
    """What the first bytes of a file say it is: a format name (JPEG, PNG, WEBP, GIF) or words; None if unknown."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        return _BRANDS.get(head[8:12], N_("a video or a photo in a phone's own format"))
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    found = next((kind for signature, kind in _SIGNATURES if head.startswith(signature)), None)
    found = found or next((kind for start, kind in _TEXT_STARTS if text.startswith(start)), None)
    if found is None and any(tag in text for tag in (b"<svg", b"<html", b"<script")):
        return N_("a web page or drawing (it holds markup)")
    return found


def described(kind: str) -> str:
    """``JPEG`` → ``a JPEG image``; words (what :func:`sniff` says) in the messages' language."""
    return _("a {name} image").format(name=NAMES[kind]) if kind in NAMES else _(kind)
