"""Never publish: strings listed in a private file must reach no reader, however they are written.

``publish.py check`` and every build search every source (content, theme,
settings, file names); every build also searches each file it wrote (pages,
feeds, JSON, calendars, scripts, compressed search indexes, PDFs and the
images in them, image metadata) before the new site replaces the old one,
and every command that prints content (``publish.py snippets``) searches
what it is about to print.  Text is compared as a reader sees it: markup
rendered, escapes decoded, invisible and look-alike characters undone (see
README.md, "Never publish").  A hit fails the build and leaves the
published site as it was.
"""

from __future__ import annotations

from relais.site import whatever_the_status

from .scan import check_output, check_published_text, check_sources, list_digest

# A listed string stops the build even in a draft (relais.site.whatever_the_status).
SOURCE_CHECKS = (whatever_the_status(check_sources),)
# Cached checks (entries', built files') depend on the list's rules too.
CACHE_INPUTS = (list_digest,)
OUTPUT_CHECKS = (check_output,)
PUBLISHED_TEXT_CHECKS = (check_published_text,)


def register() -> None:
    """Nothing to connect: the checks run from publish.py's pipeline."""
