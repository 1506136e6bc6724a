"""Where a build keeps what the next build can reuse.

The cache sits beside the output folder (``.relais-cache/<output name>/``,
ignored by Git), so two sites built side by side never share one.  Nothing in
it is needed: a missing, stale or damaged cache only makes a build slower.
"""

from __future__ import annotations

from pathlib import Path

CACHE_FOLDER = ".relais-cache"


def cache_folder(output: Path) -> Path:
    return output.parent / CACHE_FOLDER / output.name
