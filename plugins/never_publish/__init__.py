"""Never publish: strings listed in a private file must appear in no source and no built file.

``publish.py check`` and every build search the sources; every build also
searches each file it wrote (HTML, XML, JSON, text, calendars, the text of
PDFs) before the new site replaces the old one, so a hit fails the build
and leaves the published site as it was.
"""

from __future__ import annotations

from .scan import check_output, check_sources

SOURCE_CHECKS = (check_sources,)
OUTPUT_CHECKS = (check_output,)


def register() -> None:
    """Nothing to connect: the checks run from publish.py's pipeline."""
