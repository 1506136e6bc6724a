"""Re-encode an image with nothing but its pixels, at most a given width.

A phone photo carries EXIF (camera, date, often GPS coordinates), XMP (the
editing software, sometimes the author's name), an ICC profile and comments.
Copying pixels into a new image leaves all of that behind; the orientation
from EXIF is applied first, so the picture stays the right way up, and
colours are converted to sRGB before the profile is dropped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_ORIENTATION = 0x0112
_SAVE_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 6},
    "GIF": {"optimize": True},
}
# What a clean file may still say about itself: sizes and pixel density.
_HARMLESS_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression"}
_HARMLESS_INFO |= {"transparency", "duration", "loop", "background", "version", "gamma", "aspect", "interlace"}
_HARMLESS_INFO |= {"loss", "srgb", "chromaticity", "lossless", "optimize", "compression"}


@dataclass(frozen=True)
class Size:
    width: int
    height: int


def is_image(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def output_size(source: Path, max_width: int) -> Size:
    """The size the cleaned image will have, read from the file's header only."""
    with Image.open(source) as image:
        width, height = image.size
        if image.getexif().get(_ORIENTATION) in _ROTATED:
            width, height = height, width
    return _fitted(width, height, max_width)


def _fitted(width: int, height: int, max_width: int) -> Size:
    if width <= max_width:
        return Size(width, height)
    return Size(max_width, max(1, round(height * max_width / width)))


def clean_image(source: Path, max_width: int) -> bytes:
    """The image's pixels only, upright, in sRGB, resized, in its own format."""
    with Image.open(source) as original:
        image_format = original.format or "PNG"
        image = ImageOps.exif_transpose(original)
        image = _in_srgb(image, original.info.get("icc_profile"))
        image = image.convert(_plain_mode(image, image_format))
        size = _fitted(image.width, image.height, max_width)
        if (size.width, size.height) != image.size:
            image = image.resize((size.width, size.height), Image.Resampling.LANCZOS)
        # A new image from the pixels alone: no info, no EXIF, no palette tricks.
        pixels_only = Image.frombytes(image.mode, image.size, image.tobytes())
    buffer = io.BytesIO()
    pixels_only.save(buffer, format=image_format, **_SAVE_OPTIONS.get(image_format, {}))
    return buffer.getvalue()


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


def leftover_metadata(path: Path) -> list[str]:
    """What a written image still says beyond its pixels (empty when clean)."""
    found = []
    with Image.open(path) as image:
        exif = image.getexif()
        if exif:
            found.append("EXIF")
            if exif.get_ifd(0x8825):
                found.append("GPS")
        found.extend(key for key in image.info if key.lower() not in _HARMLESS_INFO and key != "exif")
        found.extend(f"{marker} segment" for marker, _ in getattr(image, "applist", []) if marker != "APP0")
    return sorted(set(found))


def width_of(path: Path) -> int:
    with Image.open(path) as image:
        return image.width


def strip_in_place(path: Path) -> bool:
    """Rewrite a source image without its metadata, at full size; True if it had any."""
    if not leftover_metadata(path):
        return False
    with Image.open(path) as image:
        width, height = image.size  # either may become the width once turned upright
    cleaned = clean_image(path, max_width=max(width, height, 1))
    path.write_bytes(cleaned)
    return True
