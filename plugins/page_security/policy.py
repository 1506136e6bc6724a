"""The Content-Security-Policy every page carries, and which hosts are ours.

Sent as a ``<meta>`` tag, since a static site cannot count on its web server
to send headers.  Everything comes from this site ('self'); plugins, frames
and ``<base>`` are off; forms only submit here.  The search page alone also
allows WebAssembly, which Pagefind needs.  It says so with 'unsafe-eval',
not the narrower 'wasm-unsafe-eval': Safari before 16 (still on older
iPhones, which many readers have) and the W3C HTML validator know only the
former.  The page runs nothing but this site's and Pagefind's scripts, none
of which calls ``eval``, and 'self' still forbids any other script.

Whether an address leaves the site is decided the way browsers read it, with
the WHATWG URL parser (ada): spaces and control characters around it are
dropped, tabs and newlines inside it too, a backslash counts as a slash,
``//host``, ``\\\\host``, ``/\\host`` and ``http:host`` all name a host.
"""

from __future__ import annotations

from typing import Any

import ada_url

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

# Where a relative address is read from: a page of this site, over https and
# over http, since ``http:host`` names a host only on a page of the other
# scheme.  ``.invalid`` can never be a real host.
_PAGE_HOST = "relais-page.invalid"
_PAGES = (f"https://{_PAGE_HOST}/a/page/", f"http://{_PAGE_HOST}/a/page/")


def content_security_policy(wasm: bool = False) -> str:
    extra = {"script-src": " 'unsafe-eval'"} if wasm else {}
    return "; ".join(f"{name} {value}{extra.get(name, '')}" for name, value in _DIRECTIVES)


def policies() -> frozenset[str]:
    """Every policy a page of this site may carry."""
    return frozenset({content_security_policy(), content_security_policy(wasm=True)})


def own_hosts(settings: dict[str, Any]) -> frozenset[str]:
    """Hosts that are this site: the preview's (none) and the public address's."""
    hosts = {_host(settings.get(name) or "") for name in ("SITEURL", "FEED_DOMAIN")}
    return frozenset(host for host in hosts if host)


def other_host(url: str, ours: frozenset[str]) -> str | None:
    """The host (with its port, if any) of a URL that points to another site, else None.

    Read as a browser reads it on one of our pages; an address a browser
    cannot read at all (``https://exa mple.org``) goes nowhere.
    """
    for page in _PAGES:
        host = _host(url, page)
        if host and host != _PAGE_HOST and host not in ours:
            return host
    return None


def _host(url: str, base: str | None = None) -> str:
    try:
        return ada_url.URL(url, base).host if base else ada_url.URL(url).host
    except (ValueError, UnicodeError):
        return ""
