"""sitemap.xml and robots.txt, read from the built pages themselves.

Each HTML page already says what a search engine needs: its translations
(``<link rel="alternate" hreflang>``) and whether it may be indexed
(``<meta name="robots" content="noindex">``).  Reading the built site rather
than Pelican's content objects covers every kind of page, including those
that plugins add later, without knowing about them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from relais.cache import Cache, key_of
from relais.urls import public_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Not pages to find from a search engine: the error page and the language chooser
# (the latter is every page's x-default alternate).
LEFT_OUT = {"404.html", "index.html"}
CACHE_NAMESPACE = "sitemap-facts"


@dataclass(frozen=True)
class PageFacts:
    url: str
    noindex: bool
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL)


def page_url(relative: str) -> str:
    """``en/posts/x/index.html`` → ``en/posts/x/``: the address pages link to."""
    return relative.removesuffix("index.html")


def read_page(path: Path, relative: str, settings: dict[str, Any]) -> PageFacts:
    document = lxml.html.fromstring(path.read_bytes())
    robots = " ".join(document.xpath("//meta[@name='robots']/@content")).lower()
    alternates = tuple(
        (link.get("hreflang"), public_url(settings, link.get("href")))
        for link in document.xpath("//head/link[@rel='alternate'][@hreflang][@href][not(@type)]")
    )
    return PageFacts(public_url(settings, page_url(relative)), "noindex" in robots, alternates)


def indexable_pages(
    output_dir: Path, settings: dict[str, Any], hashes: Mapping[str, str] | None = None, cache: Cache | None = None
) -> Iterator[PageFacts]:
    """Each page a search engine may index; with ``hashes`` of the pages, a page already read is not read again."""
    hashes = hashes or {}
    for path in sorted(output_dir.rglob("*.html")):
        relative = path.relative_to(output_dir).as_posix()
        if relative in LEFT_OUT or path.name == "404.html":
            continue
        key = key_of(public_url(settings, ""), relative, hashes[relative]) if relative in hashes else ""
        facts = cache.get(CACHE_NAMESPACE, key) if cache is not None and key else None
        if not isinstance(facts, PageFacts):
            facts = read_page(path, relative, settings)
            if cache is not None and key:
                cache.put(CACHE_NAMESPACE, key, facts)
        if not facts.noindex:
            yield facts


def sitemap_xml(pages: list[PageFacts]) -> bytes:
    root = lxml.etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    for page in pages:
        url = lxml.etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        lxml.etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = page.url
        languages = {lang for lang, _href in page.alternates if lang != "x-default"}
        if len(languages) > 1:  # a page without translations needs no alternates
            for lang, href in page.alternates:
                lxml.etree.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang, href=href)
    return lxml.etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def robots_txt(settings: dict[str, Any]) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {public_url(settings, 'sitemap.xml')}\n"


def write_sitemap(
    output_dir: Path, settings: dict[str, Any], hashes: Mapping[str, str] | None = None, cache: Cache | None = None
) -> None:
    pages = list(indexable_pages(output_dir, settings, hashes, cache))
    (output_dir / "sitemap.xml").write_bytes(sitemap_xml(pages))
    (output_dir / "robots.txt").write_text(robots_txt(settings), encoding="utf-8")
