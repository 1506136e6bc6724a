"""Check the built site: nothing is loaded from another host, nothing inline.

Runs on every HTML and CSS file before the site replaces ``output/``.  A page
that would fetch a font, script, style, image or frame from another site
fails the build (the reader's address would reach that site), and so does an
inline script or style, which the Content-Security-Policy would block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from relais.built import BuiltFile
from relais.problems import Problem

from .policy import other_host, own_hosts

# Attributes whose URL the browser fetches by itself, on any element.
_FETCHED = ("src", "srcset", "poster", "data", "background", "imagesrcset")
# <link rel=…> kinds that load something (others, like alternate, do not).
_LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
_CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)""", re.IGNORECASE)
_FIX_ASSET = "copy the file into theme/static/ (or content/images/) and link to it on this site"


def outside_requests(site: Any, built: BuiltFile) -> Iterator[Problem]:
    ours = own_hosts(site.settings)
    if built.suffix == ".html":
        finder = _PageFinder(ours)
        finder.feed(built.text)
        finder.close()
        for line, what, fix in finder.found:
            yield Problem(built.shown_as, line, "page", what, fix)
    elif built.suffix == ".css":
        text = built.text
        for match in _CSS_URL.finditer(text):
            host = other_host(match.group(1), ours)
            if host:
                line = text.count("\n", 0, match.start()) + 1
                yield Problem(built.shown_as, line, "stylesheet", f"loads a file from {host}", _FIX_ASSET)


class _PageFinder(HTMLParser):
    def __init__(self, ours: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.ours = ours
        self.found: list[tuple[int, str, str]] = []

    def _add(self, what: str, fix: str) -> None:
        self.found.append((self.getpos()[0], what, fix))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in _FETCHED:
            for url in values.get(name, "").split(","):
                host = other_host(url.strip().split(" ")[0], self.ours) if url.strip() else None
                if host:
                    self._add(f"<{tag} {name}> loads a file from {host}", _FIX_ASSET)
        rel = set(values.get("rel", "").lower().split())
        if tag == "link" and rel & _LOADING_LINKS and (host := other_host(values.get("href", ""), self.ours)):
            self._add(f"<link rel={values['rel']}> loads a file from {host}", _FIX_ASSET)
        if tag == "form" and (host := other_host(values.get("action", ""), self.ours)):
            self._add(f"a form sends what readers type to {host}", "forms may only send to this site")
        if tag == "script" and "src" not in values and values.get("type", "") != "application/ld+json":
            self._add("an inline <script>: the Content-Security-Policy blocks it", "move it to theme/static/js/")
        if tag == "style":
            self._add("an inline <style>: the Content-Security-Policy blocks it", "move the rules to relais.css")
        if "style" in values:
            self._add(f"a style attribute on <{tag}>: the Content-Security-Policy blocks it", "use a class")
        if any(name.startswith("on") for name in values):
            self._add(f"an event handler on <{tag}>: the Content-Security-Policy blocks it", "use a script file")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self._add("a <meta http-equiv=refresh>", "link to the page instead")
