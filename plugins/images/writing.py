"""Replace every image Pelican copied to the output with its cleaned version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .cleaning import clean_image, is_image, leftover_metadata, width_of
from .settings import image_max_width


def static_sources(settings: dict[str, Any]) -> dict[str, Path]:
    """Output path (relative) → source file, for every image of ``STATIC_PATHS``."""
    content = Path(settings["PATH"])
    save_as = settings.get("STATIC_SAVE_AS", "{path}")
    found: dict[str, Path] = {}
    for folder in settings.get("STATIC_PATHS", ()):
        root = content / folder
        candidates = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in candidates:
            if path.is_file() and is_image(path):
                found[save_as.format(path=path.relative_to(content).as_posix())] = path
    return found


def clean_output_images(settings: dict[str, Any], output_path: str) -> None:
    output = Path(output_path)
    width = image_max_width(settings)
    sources = static_sources(settings)
    for path in sorted(output.rglob("*")):
        if not (path.is_file() and is_image(path)):
            continue
        source = sources.get(path.relative_to(output).as_posix())
        if source is not None:
            # Pelican's fresh copy is byte-identical to the source; anything
            # else was cleaned by an earlier run of this build.
            if path.read_bytes() == source.read_bytes():
                path.write_bytes(clean_image(source, width))
        elif leftover_metadata(path) or width_of(path) > width:
            path.write_bytes(clean_image(path, width))  # a theme image: clean it in place
