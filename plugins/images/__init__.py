"""Clean, light images: only images Relais cleaned are published, with alt text and lazy loading.

- ``SOURCE_CHECKS``: every file of ``STATIC_PATHS`` (``content/images/``) is
  an image in an allowed format that Relais can decode, within the size
  limits, and no link, hidden or special file (an error naming the file
  otherwise); a source that says where it was taken is a warning; every
  image in a body has alt text and is one of those files;
- ``HTML_FILTERS``: each ``<img>`` gets its final ``width``/``height`` (no
  layout jump), ``loading="lazy"`` and ``decoding="async"``;
- ``static_generator_finalized``: Pelican copies nothing from content/;
  Relais writes each image re-encoded from its pixels only, at most
  ``IMAGE_MAX_WIDTH`` wide, once per build and before any PDF is made;
- ``OUTPUT_CHECKS``: no image in the output, nor any JPEG a PDF embeds,
  carries metadata; each content image is the cleaned copy.
"""

from __future__ import annotations

from pelican import signals

from .checks import image_problems, images_in_output
from .markup import sized_images
from .writing import publish_cleaned_images

HTML_FILTERS = (sized_images,)
SOURCE_CHECKS = (image_problems,)
OUTPUT_CHECKS = (images_in_output,)


def register() -> None:
    signals.static_generator_finalized.connect(publish_cleaned_images)
