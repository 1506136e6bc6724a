"""Clean, light images: no metadata, a maximum width, alt text, lazy loading.

- ``SOURCE_CHECKS``: every image in a body has alt text and is a file of
  ``content/images/`` (an error otherwise, naming file and line);
- ``HTML_FILTERS``: each ``<img>`` gets its final ``width``/``height`` (no
  layout jump), ``loading="lazy"`` and ``decoding="async"``;
- ``finalized``: every image written to the output is re-encoded from its
  source with nothing but its pixels, at most ``IMAGE_MAX_WIDTH`` wide;
- ``OUTPUT_CHECKS``: no image in the output carries metadata or is too wide.
"""

from __future__ import annotations

from pelican import Pelican, signals

from .checks import image_problems, images_in_output
from .markup import sized_images
from .writing import clean_output_images

HTML_FILTERS = (sized_images,)
SOURCE_CHECKS = (image_problems,)
OUTPUT_CHECKS = (images_in_output,)


def clean_after_run(pelican: Pelican) -> None:
    # Every language's run copies content/images/ again, so every run cleans;
    # a file already cleaned in this build is recognised and skipped.
    clean_output_images(pelican.settings, pelican.output_path)


def register() -> None:
    signals.finalized.connect(clean_after_run)
