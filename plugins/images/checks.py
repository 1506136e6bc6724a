"""Problems with images: in the sources (alt text, missing files) and in the output."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from relais.built import BuiltFile
from relais.messages import did_you_mean
from relais.problems import Problem, Severity
from relais.rendering import body_entries
from relais.settings import line_of_setting

from .cleaning import is_image, leftover_metadata, width_of
from .settings import image_max_width
from .sources import resolve
from .writing import static_sources


def image_problems(site: Any) -> Iterator[Problem]:
    yield from _setting_problems(site)
    yield from _located_sources(site)
    for entry, html in body_entries(site):
        images = _images_in(html)
        lines = entry.front.lines_in_body([src or "![" for src, _ in images])
        for (src, alt), line in zip(images, lines, strict=True):
            for what, fix in _problems_of(src, alt, entry, site):
                problem = Problem(entry.shown_as, line, "image", what, fix)
                yield problem.as_warning() if entry.is_draft else problem


def _located_sources(site: Any) -> Iterator[Problem]:
    """Source photos that still say where they were taken.

    The published copy is always cleaned; but the file in content/ is in the
    repository (and its history) for anyone who can read it.
    """
    for source in static_sources(site.settings).values():
        if _readable(source) and "GPS" in leftover_metadata(source):
            yield Problem(
                _shown(source),
                0,
                "image",
                "this image file holds the GPS position where it was taken; the site publishes a cleaned copy, "
                "but the file itself keeps it in the repository",
                "run ./publish.py clean-images to remove it from the file, before you commit it",
                Severity.WARNING,
            )


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _problems_of(src: str, alt: str | None, entry: Any, site: Any) -> Iterator[tuple[str, str]]:
    if not alt or not alt.strip():
        yield (
            f"the image '{src}' has no description (alt text), so people who cannot see it miss it",
            "describe what it shows between the brackets: ![A bowl of hot soup](/images/soup.jpg)",
        )
    if src.lower().startswith("data:"):
        return  # the sanitiser removes it and says so
    link = resolve(src, entry.source, site.settings)
    if link.problem:
        yield link.problem, link.fix or ""
        return
    path = site.content_dir / (link.relative or "")
    if not path.is_file():
        names = [p.name for p in path.parent.glob("*") if p.is_file()] if path.parent.is_dir() else []
        guess = did_you_mean(path.name, names)
        yield (
            f"there is no image content/{link.relative}",
            f"did you mean '{guess}'?" if guess else "check the file name, or add the image to content/images/",
        )
        return
    if not is_image(path) or not _readable(path):
        yield (
            f"content/{link.relative} is not an image Relais can clean",
            "save it as JPEG, PNG, WebP or GIF (photos: JPEG)",
        )


def _readable(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        return False
    return True


def _setting_problems(site: Any) -> Iterator[Problem]:
    value = site.settings.get("IMAGE_MAX_WIDTH")
    if value is not None and not (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        yield Problem(
            site.settings_file,
            line_of_setting(site.settings_file, "IMAGE_MAX_WIDTH"),
            "IMAGE_MAX_WIDTH",
            f"{value!r} is not a width in pixels",
            "write a whole number, for example IMAGE_MAX_WIDTH = 960",
        )


def images_in_output(site: Any, built: BuiltFile) -> Iterator[Problem]:
    """The promise, checked on what is about to be published."""
    if not is_image(built.path):
        return
    width = image_max_width(site.settings)
    try:
        leftovers, actual = leftover_metadata(built.path), width_of(built.path)
    except (UnidentifiedImageError, OSError) as err:
        yield Problem(built.shown_as, 0, "image", f"could not be read ({err})", "replace the file with a JPEG or PNG")
        return
    if leftovers:
        yield Problem(
            built.shown_as,
            0,
            "image",
            f"still carries {', '.join(leftovers)}",
            "report this as a bug in plugins/images; nothing was published",
        )
    if actual > width:
        yield Problem(built.shown_as, 0, "image", f"is {actual} pixels wide, more than IMAGE_MAX_WIDTH ({width})", "")


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
