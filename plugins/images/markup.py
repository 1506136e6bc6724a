"""Each ``<img>`` of a body: its public address, final size and lazy loading."""

from __future__ import annotations

from typing import Any

from page_security.html_tags import rewrite_tags

from .published import publication
from .sources import public_src, resolve


def sized_images(html: str, entry: Any, site: Any) -> str:
    settings = site.settings
    images = publication(site).images

    def sized(attributes: dict[str, str]) -> dict[str, str] | None:
        link = resolve(attributes.get("src", ""), entry.source, settings)
        image = images.get(link.relative or "")
        if image is None:
            return None  # reported by the source check; the build stops there
        return {
            **attributes,
            "src": public_src(link.relative or "", settings),
            "width": str(image.cleaned.width),
            "height": str(image.cleaned.height),
            "loading": "lazy",
            "decoding": "async",
        }

    return rewrite_tags(html, "img", sized)
