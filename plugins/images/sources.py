"""Where an image a writer links to is, and what a page should say about it.

Writers link images as ``![A description](/images/soup.jpg)`` (from the
content folder's root), relative to the file, or with Pelican's
``{static}``; all must land in a folder of ``STATIC_PATHS`` (``images/``),
the only one copied to the site, which every language shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from page_security.policy import other_host

from relais.i18n import _

from .folder import static_folders

_LINK_PREFIXES = ("{static}", "{attach}")


@dataclass(frozen=True)
class ImageLink:
    src: str
    relative: str | None  # the file's path in the content folder, when it is a local file
    remote_host: str | None = None
    problem: str | None = None
    fix: str | None = None


def resolve(src: str, source: str, settings: dict[str, Any]) -> ImageLink:
    """Find the content file an ``<img src>`` names, or say why there is none."""
    remote = other_host(src, frozenset())
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    if remote is not None and not (siteurl and src.startswith(siteurl + "/")):
        return ImageLink(
            src,
            None,
            remote,
            _("the image comes from another site ({host}), which would learn who reads this page").format(host=remote),
            _("save the image (with its owner's permission) in content/images/ and link to /images/its-name.jpg"),
        )
    relative = static_target(src.removeprefix(siteurl) if siteurl else src, source)
    folders = tuple(str(folder) for folder in static_folders(settings))
    if relative is None or not any(relative.startswith(folder.rstrip("/") + "/") for folder in folders):
        return ImageLink(
            src,
            None,
            problem=_("the image '{src}' is not in content/{folder}/").format(
                src=src, folder=folders[0] if folders else "images"
            ),
            fix=_("put the image in content/images/ and link to it as /images/its-name.jpg"),
        )
    return ImageLink(src, relative)


def _normalised(path: PurePosixPath) -> str | None:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts) or None


def public_src(relative: str, settings: dict[str, Any]) -> str:
    url = settings.get("STATIC_URL", "{path}").format(path=relative)
    return f"{settings.get('SITEURL', '')}/{url}"


def static_target(link: str, source: str) -> str | None:
    """The content path an address names (``/images/a.jpg``, ``../images/a.jpg``, ``{static}…``, ``{attach}…``).

    Relative addresses start from the folder of ``source``; None when the path leaves the content folder.
    """
    path = link
    for prefix in _LINK_PREFIXES:
        path = path.removeprefix(prefix)
    path = path.split("?", 1)[0].split("#", 1)[0]
    parts = PurePosixPath(path.lstrip("/")) if path.startswith("/") else PurePosixPath(source).parent / path
    return _normalised(parts)
