"""PDFs with WeasyPrint: offline, reproducible, and from our own files only.

Used by the features that print (info cards, guides).  A PDF is rendered
from HTML we produced, with a print stylesheet of the feature's own (the web
stylesheet is for screens).  Resources are read from the folder being built
only (never from content/): an image is embedded as the copy Relais cleaned
and wrote there, not as the writer's original with its metadata.  The
fetcher refuses every other URL, ``data:`` included, so a PDF never makes a
request to another host nor embeds anything that was not cleaned.  Two
builds of the same content give byte-identical PDFs: the dates in the
metadata come from the content, and WeasyPrint adds no clock time or random
identifier of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class SiteFilesFetcher(URLFetcher):
    """Serves ``/path``, ``file:`` and the site's own URLs from the given folders; refuses the rest."""

    def __init__(self, roots: Iterable[Path], site_url: str = "") -> None:
        super().__init__(allowed_protocols=("file",))
        self.roots = [root.resolve() for root in roots]
        self.site_url = site_url.rstrip("/")

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        wanted = self._site_path(url)
        if wanted is None:
            raise ValueError(f"not loaded (PDFs use the site's own files only): {url[:80]}")
        for candidate in self._candidates(wanted):
            if candidate.is_file():
                return super().fetch(candidate.as_uri(), headers)
        raise ValueError(f"not one of the site's files: {wanted}")

    def _site_path(self, url: str) -> str | None:
        """The path a URL names on this site (pages link images with the site's address), or None."""
        if self.site_url and url.startswith(self.site_url + "/"):
            return unquote(urlparse(url[len(self.site_url) :]).path)
        parsed = urlparse(url)
        return unquote(parsed.path) if parsed.scheme == "file" else None

    def _candidates(self, wanted: str) -> Iterable[Path]:
        path = Path(wanted).resolve()
        if any(path.is_relative_to(root) for root in self.roots):
            yield path
        # A site-absolute link (/images/x.png) is looked up in each folder.
        relative = wanted.lstrip("/")
        for root in self.roots:
            candidate = (root / relative).resolve()
            if candidate.is_relative_to(root):
                yield candidate


def render_pdf(
    html: str,
    target: Path,
    *,
    stylesheets: Iterable[Path],
    roots: Iterable[Path],
    site_url: str = "",
    css: Iterable[str] = (),
    dated: dt.date | None = None,
) -> None:
    """Write ``html`` as a tagged PDF at ``target``.

    Files are looked up in ``roots`` (the folder being built); ``site_url``
    (``SITEURL``) is the site's own address, which pages put in front of
    their images' paths.  ``dated`` becomes the document's creation and modification dates (the
    content's own date, so the file does not change from one build to the
    next); without it the PDF carries no date.
    """
    roots = list(roots)
    fetcher = SiteFilesFetcher(roots, site_url)
    if dated is not None:
        stamp = f"{dated.isoformat()}T00:00:00Z"
        meta = f'<meta name="dcterms.created" content="{stamp}"><meta name="dcterms.modified" content="{stamp}">'
        html = html.replace("</head>", meta + "</head>", 1)
    document = HTML(string=html, base_url=roots[0].as_uri() + "/", url_fetcher=fetcher)
    styles = [CSS(filename=str(sheet), url_fetcher=fetcher) for sheet in stylesheets]
    styles += [CSS(string=text, url_fetcher=fetcher) for text in css]
    target.parent.mkdir(parents=True, exist_ok=True)
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document.write_pdf(target, stylesheets=styles, pdf_tags=True, pdf_identifier=identifier)
