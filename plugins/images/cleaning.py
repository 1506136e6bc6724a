"""Decode an image and write it again with nothing but its pixels, at most a given width.

A phone photo carries EXIF (camera, date, often GPS coordinates), XMP (the
editing software, sometimes the author's name and the place), IPTC, an ICC
profile, comments, thumbnails and sometimes a second picture.  Copying pixels
into a new image leaves all of that behind; the orientation from EXIF is
applied first, so the picture stays the right way up, and colours are
converted to sRGB before the profile is dropped.

The file is checked before it is decoded: its first bytes must be the format
its suffix claims, and its size in pixels must be within the limits, so that
an HTML page named ``.png``, a truncated JPEG or a 400-megapixel image is a
problem in plain words, never a traceback or a machine out of memory.

:func:`clean_image` is a pure function of the source's bytes and the options,
so its result can be kept under the source's hash.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageFile, ImageOps

from relais.i18n import _

from .formats import ACCEPTED, KEEP_FORMATS, NAMES, OPENED_AS, described, sniff
from .settings import Limits

# Bump when the cleaned bytes change for the same source and options (a cache key part).
CLEANING_VERSION = 2
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_ORIENTATION = 0x0112
_SAVE_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 6},
    "GIF": {"optimize": True},
}


class NotCleanable(Exception):
    """Why an image cannot be published, and what to do: the parts of a problem."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix


@dataclass(frozen=True)
class CleanedImage:
    data: bytes
    width: int
    height: int
    format: str  # JPEG, PNG, WEBP or GIF
    frames: int = 1  # how many pictures the source held (an animation); the cleaned image keeps the first


def clean_image(data: bytes, expected: str, limits: Limits, max_width: int | None) -> CleanedImage:
    """The image's pixels only, upright, in sRGB, at most ``max_width`` wide, in its own format.

    ``expected`` is the format the file's suffix claims; ``max_width=None``
    keeps the full size.  Raises :class:`NotCleanable` for anything else.
    """
    _check_format(data, expected)
    with _strict_decoding(), _opened(data, expected, limits) as original:
        try:
            frames = getattr(original, "n_frames", 1)
            image = _pixels(original, expected, max_width)
        except NotCleanable:
            raise
        except Exception as err:  # any decoding failure of an untrusted file: a damaged file
            raise _damaged(expected) from err
    buffer = io.BytesIO()
    image.save(buffer, format=expected, **_SAVE_OPTIONS[expected])
    return CleanedImage(buffer.getvalue(), image.width, image.height, expected, frames)


def _check_format(data: bytes, expected: str) -> None:
    if not data:
        raise NotCleanable(_("this file is empty"), _("copy the image again, or delete the file"))
    actual = sniff(data[:64])
    if actual == expected:
        return
    name = NAMES[expected]
    if actual in NAMES:
        suffixes = ", ".join(suffix for suffix, kind in ACCEPTED.items() if kind == actual)
        raise NotCleanable(
            _("this file is named as {expected} but is {actual}").format(
                expected=described(expected), actual=described(actual)
            ),
            _("rename it with the suffix of its real format ({suffixes}) and change the links to it").format(
                suffixes=suffixes
            ),
        )
    what = _("it is {kind}").format(kind=described(actual)) if actual else _("Relais does not recognise what it is")
    raise NotCleanable(
        _("this file is not {expected}: {what}").format(expected=described(expected), what=what),
        _("replace it with a real {name} image (save it as {formats}), or move it out of content/images/").format(
            name=name, formats=_(KEEP_FORMATS)
        ),
    )


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """A truncated file is an error here, whatever another library chose for the whole process.

    WeasyPrint tells Pillow, when it is imported, to fill in what is missing
    from a truncated image; a damaged source must be named instead.  Pillow's
    own warnings about a damaged file (corrupt EXIF…) are not for writers: the
    file is either cleaned, which drops what was damaged, or named.
    """
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


@contextmanager
def _opened(data: bytes, expected: str, limits: Limits) -> Iterator[Image.Image]:
    """The image with only its header read, once its size is known to be within the limits."""
    try:
        image = Image.open(io.BytesIO(data), formats=OPENED_AS[expected])
    except Image.DecompressionBombError as err:
        raise _too_many_pixels(_pixels_in_message(str(err)), None, limits) from err
    except Exception as err:  # any failure to read the header of an untrusted file
        raise _damaged(expected) from err
    with image:
        width, height = image.size
        if width * height > limits.max_pixels:
            raise _too_many_pixels(width * height, (width, height), limits)
        if width < 1 or height < 1:
            raise _damaged(expected)
        yield image


def _pixels_in_message(message: str) -> int | None:
    found = re.search(r"\((\d+) pixels\)", message)
    return int(found.group(1)) if found else None


def _too_many_pixels(pixels: int | None, size: tuple[int, int] | None, limits: Limits) -> NotCleanable:
    count = _("{count} megapixels").format(count=f"{pixels / 1_000_000:,.0f}") if pixels else _("too many pixels")
    dimensions = _(" ({width} × {height} pixels)").format(width=size[0], height=size[1]) if size else ""
    return NotCleanable(
        _("this image has {count}{dimensions}, more than IMAGE_MAX_MEGAPIXELS ({most})").format(
            count=count, dimensions=dimensions, most=f"{limits.max_megapixels:g}"
        ),
        _(
            "save a smaller copy (2000 pixels wide is plenty: the site shows images at most IMAGE_MAX_WIDTH wide), "
            "or raise IMAGE_MAX_MEGAPIXELS in pelicanconf.py if the machine has the memory"
        ),
    )


def _damaged(expected: str) -> NotCleanable:
    return NotCleanable(
        _("this {name} image could not be read: the file is damaged or incomplete").format(name=NAMES[expected]),
        _("open it in an image editor and save it again, or copy it again from where it came from"),
    )


def _pixels(original: Image.Image, image_format: str, max_width: int | None) -> Image.Image:
    """A new image made of the original's pixels alone: no info, no EXIF, no palette tricks."""
    turned = original.getexif().get(_ORIENTATION) in _ROTATED
    if image_format == "JPEG" and max_width:
        _decode_smaller(original, turned, max_width)
    image = ImageOps.exif_transpose(original)
    image = _in_srgb(image, original.info.get("icc_profile"))
    image = image.convert(_plain_mode(image, image_format))
    if max_width:
        size = fitted(image.width, image.height, max_width)
        if size != image.size:
            image = image.resize(size, Image.Resampling.LANCZOS)
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _decode_smaller(original: Image.Image, turned: bool, max_width: int) -> None:
    """Let the JPEG decoder skip detail the resized picture will not show (2 to 8 times faster)."""
    width, height = (original.height, original.width) if turned else original.size
    target = fitted(width, height, max_width)
    original.draft(None, (target[1], target[0]) if turned else target)


def fitted(width: int, height: int, max_width: int) -> tuple[int, int]:
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))


def _plain_mode(image: Image.Image, image_format: str) -> str:
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if image_format == "JPEG" or not has_alpha:
        return "L" if image.mode in ("L", "1", "I;16") else "RGB"
    return "RGBA"


def _in_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    if not icc_profile:
        return image
    try:
        source_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        mode = "RGBA" if "A" in image.mode else "RGB"
        converted = ImageCms.profileToProfile(
            image.convert(mode), source_profile, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile: drop it and keep the colours as they are
    return converted or image
