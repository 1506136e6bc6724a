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
import functools
import hashlib
import importlib.metadata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from .cache import Cache, key_of
from .i18n import _

CACHE_NAMESPACE = "pdf"


class SiteFiles:
    """Finds ``/path``, ``file:`` and the site's own URLs in the given folders; nothing else."""

    def __init__(self, roots: Iterable[Path], site_url: str = "") -> None:
        self.roots = [root.resolve() for root in roots]
        self.site_url = site_url.rstrip("/")

    def find(self, url: str) -> tuple[str, Path] | None:
        """The path a URL names on this site, and the file holding it; None for anything else."""
        wanted = self._site_path(url)
        if wanted is None:
            return None
        path = self.locate(wanted)
        return (wanted, path) if path is not None else None

    def locate(self, wanted: str) -> Path | None:
        """The file a site path (``/images/x.jpg``) names in the folders, if there is one."""
        return next((candidate for candidate in self._candidates(wanted) if candidate.is_file()), None)

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

    def site_relative(self, path: Path) -> str:
        """A found file as the same name in every build (the build folder's own name changes)."""
        for root in self.roots:
            if path.is_relative_to(root):
                return path.relative_to(root).as_posix()
        return path.as_posix()


@functools.cache
def _fetcher_class() -> type:
    """WeasyPrint's fetcher, limited to the site's files and noting each one it serves.

    Defined on first use: importing WeasyPrint takes a second, and a build
    whose PDFs all come from the cache never needs it.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SiteFilesFetcher(URLFetcher):  # type: ignore[misc,valid-type]
        def __init__(self, files: SiteFiles) -> None:
            super().__init__(allowed_protocols=("file",))
            self.files = files
            self.served: dict[str, str] = {}  # site path → hash of the bytes served

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
            found = self.files.find(url)
            if found is None:
                raise ValueError(
                    _("not loaded (PDFs use the site's own files only): {address}").format(address=url[:80])
                )
            _wanted, path = found
            self.served[self.files.site_relative(path)] = _file_hash(path)
            return super().fetch(path.as_uri(), headers)

    return SiteFilesFetcher


@dataclass(frozen=True)
class _CachedPdf:
    data: bytes
    served: dict[str, str]  # what the PDF embeds (images…), by site path, with each file's hash


def render_pdf(
    html: str,
    target: Path,
    *,
    stylesheets: Iterable[Path],
    roots: Iterable[Path],
    site_url: str = "",
    css: Iterable[str] = (),
    dated: dt.date | None = None,
    cache: Cache | None = None,
) -> None:
    """Write ``html`` as a tagged PDF at ``target``.

    Files are looked up in ``roots`` (the folder being built); ``site_url``
    (``SITEURL``) is the site's own address, which pages put in front of
    their images' paths.  ``dated`` becomes the document's creation and
    modification dates (the content's own date, so the file does not change
    from one build to the next); without it the PDF carries no date.  With a
    ``cache``, a PDF made from the same HTML, styles and embedded files as in
    an earlier build is taken from it rather than rendered again.
    """
    roots, stylesheets, css = list(roots), list(stylesheets), list(css)
    files = SiteFiles(roots, site_url)
    if dated is not None:
        stamp = f"{dated.isoformat()}T00:00:00Z"
        meta = f'<meta name="dcterms.created" content="{stamp}"><meta name="dcterms.modified" content="{stamp}">'
        html = html.replace("</head>", meta + "</head>", 1)
    key = _pdf_key(html, stylesheets, css, site_url)
    cached = cache.get(CACHE_NAMESPACE, key) if cache is not None else None
    if isinstance(cached, _CachedPdf) and _still_the_same(cached.served, files):
        _write(target, cached.data)
        return
    data, served = _render(html, files, stylesheets, css)
    _write(target, data)
    if cache is not None:
        cache.put(CACHE_NAMESPACE, key, _CachedPdf(data, served))


def _render(html: str, files: SiteFiles, stylesheets: list[Path], css: list[str]) -> tuple[bytes, dict[str, str]]:
    from weasyprint import CSS, HTML

    fetcher = _fetcher_class()(files)
    document = HTML(string=html, base_url=files.roots[0].as_uri() + "/", url_fetcher=fetcher)
    styles = [CSS(filename=str(sheet), url_fetcher=fetcher) for sheet in stylesheets]
    styles += [CSS(string=text, url_fetcher=fetcher) for text in css]
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    data = document.write_pdf(stylesheets=styles, pdf_tags=True, pdf_identifier=identifier)
    return data, dict(fetcher.served)


def _pdf_key(html: str, stylesheets: list[Path], css: list[str], site_url: str) -> str:
    sheets = [sheet.read_bytes() for sheet in stylesheets]
    return key_of(importlib.metadata.version("weasyprint"), site_url, html, *css, *sheets)


def _still_the_same(served: dict[str, str], files: SiteFiles) -> bool:
    """Every file the cached PDF embeds is, byte for byte, the one this build would give."""
    for site_path, digest in served.items():
        found = files.locate("/" + site_path)
        if found is None or _file_hash(found) != digest:
            return False
    return True


def _file_hash(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
