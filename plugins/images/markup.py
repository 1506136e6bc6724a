"""Each ``<img>`` of a body: its public address, final size and lazy loading."""

from __future__ import annotations

from typing import Any

from page_security.html_tags import rewrite_tags

from .cleaning import output_size
from .settings import image_max_width
from .sources import public_src, resolve


def sized_images(html: str, entry: Any, site: Any) -> str:
    settings = site.settings
    width = image_max_width(settings)

    def sized(attributes: dict[str, str]) -> dict[str, str] | None:
        link = resolve(attributes.get("src", ""), entry.source, settings)
        path = site.content_dir / link.relative if link.relative else None
        if path is None or not path.is_file():
            return None  # reported by the source check; the build stops there
        size = output_size(path, width)
        return {
            **attributes,
            "src": public_src(link.relative, settings),
            "width": str(size.width),
            "height": str(size.height),
            "loading": "lazy",
            "decoding": "async",
        }

    return rewrite_tags(html, "img", sized)
