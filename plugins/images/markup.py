"""Each ``<img>`` of a body: its public address, final size and lazy loading; links to images.

Pelican would resolve a ``{static}`` or ``{attach}`` address itself, and an
``{attach}`` one would point next to the page, where no image is written:
links to a published image get its one public address here instead.
"""

from __future__ import annotations

from typing import Any

from page_security.html_tags import rewrite_tags

from .published import publication
from .sources import public_src, resolve, static_target

_PELICAN_LINKS = ("{static}", "{attach}")


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

    def linked(attributes: dict[str, str]) -> dict[str, str] | None:
        href = attributes.get("href", "")
        relative = static_target(href, entry.source) if href.startswith(_PELICAN_LINKS) else None
        if relative is None or relative not in images:
            return None
        return {**attributes, "href": public_src(relative, settings)}

    return rewrite_tags(rewrite_tags(html, "img", sized), "a", linked)
