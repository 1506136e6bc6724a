"""Problems with images: in the settings, the images folder, the bodies, and the built site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any

from relais.built import BuiltFile
from relais.i18n import N_, _
from relais.messages import did_you_mean
from relais.problems import Problem
from relais.rendering import body_html

from .folder import FIELD, static_folders
from .formats import ACCEPTED, NAMES, sniff
from .metadata import jpeg_header_metadata, metadata_in
from .published import Publication, publication, published_at
from .settings import image_max_width, setting_problems
from .sources import resolve, static_target


def image_problems(site: Any) -> Iterator[Problem]:
    """The settings and the images folder (each file cleaned once per build, see :mod:`.published`)."""
    yield from setting_problems(site.settings, site.settings_file)
    yield from publication(site).problems


def images_in_body(entry: Any, site: Any) -> Iterator[Problem]:
    """Each image a body shows: described, and one of the published images."""
    if not (entry.type.has_body and entry.front.body.strip()):
        return
    html = body_html(entry, site)
    published = publication(site)
    images = _images_in(html)
    lines = entry.front.lines_in_body([src or "![" for src, _alt in images])
    for (src, alt), line in zip(images, lines, strict=True):
        for what, fix in _problems_of(src, alt, entry, site, published):
            problem = Problem(entry.shown_as, line, FIELD, what, fix)
            yield problem.as_warning() if entry.is_draft else problem
    yield from _static_links(entry, html, site, published)


def published_images_digest(site: Any) -> str:
    """What the checks of a body depend on besides the body: which images are published, and as what."""
    published = publication(site)
    images = sorted(
        (relative, image.save_as, image.cleaned.width, image.cleaned.height)
        for relative, image in published.images.items()
    )
    return repr((images, sorted(published.refused)))


def _problems_of(src: str, alt: str | None, entry: Any, site: Any, published: Publication) -> Iterator[tuple[str, str]]:
    if not alt or not alt.strip():
        yield (
            _("the image '{src}' has no description (alt text), so people who cannot see it miss it").format(src=src),
            _("describe what it shows between the brackets: ![A bowl of hot soup](/images/soup.jpg)"),
        )
    if src.lower().startswith("data:"):
        return  # the sanitiser removes it and says so
    link = resolve(src, entry.source, site.settings)
    if link.problem:
        yield link.problem, link.fix or ""
        return
    relative = link.relative or ""
    if relative in published.images or relative in published.refused:
        return  # a refused file has its own problem, naming it
    wanted = PurePosixPath(relative)
    # Suggest only among the images that are published: never a name from a folder a link leads to.
    names = [PurePosixPath(path).name for path in published.images if PurePosixPath(path).parent == wanted.parent]
    guess = did_you_mean(wanted.name, names)
    yield (
        _("there is no image content/{path}").format(path=relative),
        _("did you mean '{guess}'?").format(guess=guess)
        if guess
        else _("check the file name, or add the image to content/images/"),
    )


# Pelican copies whatever a {static} or {attach} link names; Relais publishes the cleaned images only.
_STATIC_LINK = re.compile(r"\{(?:static|attach)\}[^\s\"'<>)]+")


def _static_links(entry: Any, html: str, site: Any, published: Publication) -> Iterator[Problem]:
    links = _STATIC_LINK.findall(html)
    lines = entry.front.lines_in_body(links)
    for link, line in zip(links, lines, strict=True):
        relative = static_target(link, entry.source)
        if relative is None or relative in published.images or relative in published.refused:
            continue
        if not (site.content_dir / relative).exists():
            continue  # relais.link_checks says that the file does not exist
        problem = Problem(
            entry.shown_as,
            line,
            _("link"),
            _(
                "the link {link} names a file that is not published: only the images of {folders} are put on the site"
            ).format(link=link, folders=", ".join(f"content/{folder}/" for folder in static_folders(site.settings))),
            _("link to a post or a page with {filename}, or put the image in content/images/"),
        )
        yield problem.as_warning() if entry.is_draft else problem


class _ImageFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.images.append((values.get("src") or "", values.get("alt")))


def _images_in(html: str) -> list[tuple[str, str | None]]:
    finder = _ImageFinder()
    finder.feed(html)
    finder.close()
    return finder.images


# --- The built site ------------------------------------------------------------

_IMAGE_SUFFIXES = frozenset(ACCEPTED) | {".avif", ".ico", ".bmp", ".tif", ".tiff", ".heic", ".heif"}
_CHECKED_KINDS = frozenset({"image", "other"})
_BUG = N_("report this as a bug in plugins/images; nothing was published")


def images_in_output(site: Any, built: BuiltFile) -> Iterator[Problem]:
    """The promise, checked on what is about to be published: no image says anything but its pixels."""
    if built.kind == "pdf":
        yield from _pdf_images(built)
        return
    if built.kind not in _CHECKED_KINDS:
        return
    if built.suffix not in _IMAGE_SUFFIXES and sniff(built.data[:64]) not in NAMES:
        return
    content_image = published_at(site).get(built.relative)
    leftovers = metadata_in(built.data)
    if leftovers:
        fix = _(_BUG) if content_image else _("this image comes from the theme: save it again without its metadata")
        yield Problem(built.shown_as, 0, FIELD, _("still carries {what}").format(what=", ".join(leftovers)), fix)
    if content_image is None:
        return
    if built.data != content_image.cleaned.data:
        yield Problem(built.shown_as, 0, FIELD, _("is not the copy Relais cleaned"), _(_BUG))
        return
    width = image_max_width(site.settings)
    if content_image.cleaned.width > width:
        yield Problem(
            built.shown_as,
            0,
            FIELD,
            _("is {width} pixels wide, more than IMAGE_MAX_WIDTH").format(width=content_image.cleaned.width),
            _(_BUG),
        )


# WeasyPrint writes a JPEG as a stream of its own, without decoding it: its header is in the PDF.
_JPEG_STREAM = re.compile(rb"stream\r?\n\xff\xd8\xff")
_XMP_PACKET = re.compile(rb"<x:xmpmeta|<\?xpacket begin")
_HEADER_MOST = 4_000_000  # a JPEG's segments before its pixels: at most a few 64 KB segments


def _pdf_images(built: BuiltFile) -> Iterator[Problem]:
    """The metadata of every JPEG the PDF embeds, and any XMP packet in it."""
    data = built.data
    found: set[str] = set()
    for stream in _JPEG_STREAM.finditer(data):
        start = stream.end() - 3
        found.update(jpeg_header_metadata(data[start : start + _HEADER_MOST]))
    if _XMP_PACKET.search(data):
        found.add("XMP")
    if found:
        yield Problem(
            built.shown_as,
            0,
            FIELD,
            _("embeds an image that still carries {what}").format(what=", ".join(sorted(found))),
            _(_BUG),
        )
