"""The image settings, with their defaults."""

from __future__ import annotations

from typing import Any

DEFAULT_MAX_WIDTH = 960


def image_max_width(settings: dict[str, Any]) -> int:
    """``IMAGE_MAX_WIDTH`` in pixels: wide enough for a phone at 2× and a laptop column."""
    value = settings.get("IMAGE_MAX_WIDTH", DEFAULT_MAX_WIDTH)
    return value if isinstance(value, int) and value > 0 else DEFAULT_MAX_WIDTH
