"""Relais writes the cleaned images into the site itself; Pelican copies nothing from content/.

Pelican's StaticGenerator would copy every file of ``STATIC_PATHS`` as it is
(and every file a ``{static}`` link names), following links.  Here its list
of files to copy is emptied as soon as it is made (its record of them stays,
so ``{static}`` links still find their address), and the cleaned images are
written instead: once per build, by the first language's run, before any
page or PDF is written, so the PDFs embed the cleaned copies from the output
folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from languages.languages import is_outermost

from relais.site import SETTINGS_KEY

from .published import Publication, publication


def publish_cleaned_images(generator: Any) -> None:
    """``static_generator_finalized``: copy nothing as it is, write the cleaned images once."""
    generator.staticfiles.clear()
    generator.context["staticfiles"] = generator.staticfiles
    site = generator.settings.get(SETTINGS_KEY)
    if site is not None and is_outermost(generator.settings):
        write_images(publication(site), Path(generator.output_path))


def write_images(published: Publication, output: Path) -> None:
    root = output.resolve()
    for image in published.images.values():
        target = root / image.save_as
        if not target.resolve().is_relative_to(root):
            continue  # STATIC_SAVE_AS is checked when the images are read; never write elsewhere
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # a link left by an earlier plain Pelican run is replaced, not followed
        target.write_bytes(image.cleaned.data)
