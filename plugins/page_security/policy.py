"""The Content-Security-Policy every page carries, and which hosts are ours.

Sent as a ``<meta>`` tag, since a static site cannot count on its web server
to send headers.  Everything comes from this site ('self'); plugins, frames
and ``<base>`` are off; forms only submit here.  The search page alone also
allows WebAssembly, which Pagefind needs.  It says so with 'unsafe-eval',
not the narrower 'wasm-unsafe-eval': Safari before 16 (still on older
iPhones, which many readers have) and the W3C HTML validator know only the
former.  The page runs nothing but this site's and Pagefind's scripts, none
of which calls ``eval``, and 'self' still forbids any other script.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

_DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self'"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("media-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)


def content_security_policy(wasm: bool = False) -> str:
    extra = {"script-src": " 'unsafe-eval'"} if wasm else {}
    return "; ".join(f"{name} {value}{extra.get(name, '')}" for name, value in _DIRECTIVES)


def own_hosts(settings: dict[str, Any]) -> frozenset[str]:
    """Hosts that are this site: the preview's (none) and the public address's."""
    hosts = {urlsplit(settings.get(name) or "").netloc.lower() for name in ("SITEURL", "FEED_DOMAIN")}
    return frozenset(host for host in hosts if host)


def other_host(url: str, ours: frozenset[str]) -> str | None:
    """The host of a URL that points to another site, else None."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://", "//")):
        return None
    host = urlsplit(url if not url.startswith("//") else "https:" + url).netloc.lower()
    return host if host and host not in ours else None
