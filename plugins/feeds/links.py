"""Make every link and image in an HTML fragment absolute, for feed readers.

A feed is read far from the site: ``/en/posts/x/``, ``../x/`` or ``#notes``
mean nothing there.  Root-relative links get the public address (which may
have a path of its own), other relative ones are resolved against the
item's own address.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

import lxml.html

_SCHEMES = ("http:", "https:", "mailto:", "tel:", "sms:", "data:")


def absolute_url(url: str, base_url: str, site_base: str) -> str:
    url = url.strip()
    if not url or url.lower().startswith(_SCHEMES) or url.startswith("//"):
        return url
    if url.startswith("/"):
        return site_base.rstrip("/") + url
    return urljoin(base_url, url)


def _srcset(value: str, base_url: str, site_base: str) -> str:
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split(maxsplit=1)
        if parts:
            parts[0] = absolute_url(parts[0], base_url, site_base)
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def absolute_links(html: str, base_url: str, site_base: str) -> str:
    """``html`` with ``href``, ``src``, ``srcset`` and ``poster`` made absolute."""
    if not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name in ("href", "src", "poster", "cite"):
            if element.get(name) is not None:
                element.set(name, absolute_url(element.get(name), base_url, site_base))
        if element.get("srcset") is not None:
            element.set("srcset", _srcset(element.get("srcset"), base_url, site_base))
    return _inner_html(root)


def _inner_html(root: lxml.html.HtmlElement) -> str:
    text = escape(root.text, quote=False) if root.text else ""
    return text + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
