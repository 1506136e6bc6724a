"""The images a build publishes: each source read and cleaned once, shared by pages, PDFs and the output.

:func:`publication` is computed the first time a check or a hook asks for it
(``site.once``), before Pelican runs: the source check reports what cannot be
published, the pages take each image's final size from it, and the output
and the PDFs get the cleaned bytes, never the source's.  Every cleaned image
is computed from the source's bytes and the options alone, under a key made
of the source's hash (:func:`cleaning_key`), so that a persistent cache can
keep them between builds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from relais.i18n import _
from relais.problems import Problem, Severity

from .cleaning import CLEANING_VERSION, CleanedImage, NotCleanable, clean_image
from .folder import FIELD, SourceImage, read_folders, read_source
from .metadata import positions_in
from .settings import Limits, image_limits, image_max_width

_KEY = "images: publication"


@dataclass(frozen=True)
class PublishedImage:
    source: SourceImage
    save_as: str  # its path in the output folder
    cleaned: CleanedImage


@dataclass
class Publication:
    images: dict[str, PublishedImage] = field(default_factory=dict)  # by the source's path in content/
    problems: list[Problem] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # files in the folders that are not published


def publication(site: Any) -> Publication:
    """This build's published images, computed once."""
    return site.once(_KEY, lambda: publish_images(site.content_dir, site.settings, site.settings_file))


def published_at(site: Any) -> dict[str, PublishedImage]:
    """The published images by their path in the output folder."""
    return site.once(f"{_KEY} by output path", lambda: {i.save_as: i for i in publication(site).images.values()})


def publish_images(content_dir: Path, settings: dict[str, Any], settings_file: str) -> Publication:
    folder = read_folders(content_dir, settings, settings_file)
    result = Publication(problems=list(folder.problems), refused=set(folder.refused))
    limits, width = image_limits(settings), image_max_width(settings)
    cleaned: dict[str, CleanedImage] = {}  # identical files are cleaned once
    for source in folder.images:
        try:
            data = read_source(source, limits.max_bytes, limits.max_file_mb)
            key = cleaning_key(data, source.format, limits, width)
            if key not in cleaned:
                cleaned[key] = clean_image(data, source.format, limits, width)
            save_as = _save_as(settings, source.relative)
        except NotCleanable as err:
            result.problems.append(Problem(source.shown_as, 0, FIELD, err.what, err.fix))
            result.refused.add(source.relative)
            continue
        result.images[source.relative] = PublishedImage(source, save_as, cleaned[key])
        result.problems.extend(_position_warning(source, positions_in(data)))
        result.problems.extend(_animation_warning(source, cleaned[key]))
    return result


def cleaning_key(data: bytes, image_format: str, limits: Limits, max_width: int) -> str:
    """Everything the cleaned bytes depend on."""
    digest = hashlib.sha256(data).hexdigest()
    return f"{digest}:{image_format}:{max_width}:{limits.max_pixels}:{CLEANING_VERSION}"


def _save_as(settings: dict[str, Any], relative: str) -> str:
    pattern = settings.get("STATIC_SAVE_AS") or "{path}"
    try:
        save_as = PurePosixPath(pattern.format(path=relative))
    except (KeyError, IndexError, ValueError, AttributeError) as err:
        raise NotCleanable(
            _("STATIC_SAVE_AS ({pattern}) does not say where to write it").format(pattern=repr(pattern)),
            _("use {setting}").format(setting='STATIC_SAVE_AS = "{path}"'),
        ) from err
    if save_as.is_absolute() or ".." in save_as.parts:
        raise NotCleanable(
            _("STATIC_SAVE_AS ({pattern}) would write it outside the site").format(pattern=repr(pattern)),
            _("use {setting}").format(setting='STATIC_SAVE_AS = "{path}"'),
        )
    return save_as.as_posix()


def _position_warning(source: SourceImage, positions: list[str]) -> list[Problem]:
    """A source photo that says where it was taken.

    The published copy is always cleaned; but the file in content/ is in the
    repository (and its history) for anyone who can read it.
    """
    if not positions:
        return []
    return [
        Problem(
            source.shown_as,
            0,
            FIELD,
            _(
                "this image file says where it was taken ({positions}); the site publishes a cleaned "
                "copy, but the file itself keeps it in the repository"
            ).format(positions=", ".join(positions)),
            _("run ./publish.py clean-images to remove it from the file, before you commit it"),
            Severity.WARNING,
        )
    ]


def _animation_warning(source: SourceImage, cleaned: CleanedImage) -> list[Problem]:
    """A moving picture is published still: readers could not pause it (WCAG 2.2.2), and it is heavy."""
    if cleaned.frames <= 1:
        return []
    return [
        Problem(
            source.shown_as,
            0,
            FIELD,
            _(
                "this image is animated ({count} pictures); the site shows its first picture only, "
                "because readers could not pause a moving image"
            ).format(count=cleaned.frames),
            _("if the movement matters, describe it in the text, or link to a video published elsewhere"),
            Severity.WARNING,
        )
    ]
