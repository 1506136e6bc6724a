"""sitemap.xml and robots.txt of the demo."""

from __future__ import annotations

from pathlib import Path

import lxml.etree
import pytest

from tests.feed_helpers import PUBLIC, output_file

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def sitemap(demo_site: Path) -> lxml.etree._ElementTree:
    return lxml.etree.parse(str(demo_site / "sitemap.xml"))


def locations(sitemap: lxml.etree._ElementTree) -> list[str]:
    return sitemap.xpath("//s:url/s:loc/text()", namespaces=NS)


def test_every_url_exists_in_the_output(demo_site: Path, sitemap: lxml.etree._ElementTree) -> None:
    urls = locations(sitemap)
    assert len(urls) == len(set(urls)) > 50
    for url in urls:
        assert output_file(demo_site, url).is_file(), url


def test_every_indexable_page_is_listed(demo_site: Path, sitemap: lxml.etree._ElementTree) -> None:
    listed = {output_file(demo_site, url) for url in locations(sitemap)}
    for page in demo_site.glob("*/**/*.html"):
        text = page.read_text(encoding="utf-8")
        if '<meta name="robots" content="noindex">' not in text:
            assert page in listed, page


def test_noindex_pages_error_pages_and_the_language_chooser_are_left_out(sitemap: lxml.etree._ElementTree) -> None:
    urls = set(locations(sitemap))
    assert f"{PUBLIC}/en/posts/choosing-and-screening-clients/" not in urls  # noindex: true
    assert f"{PUBLIC}/" not in urls and f"{PUBLIC}/404.html" not in urls
    assert {f"{PUBLIC}/en/events/peer-gathering/", f"{PUBLIC}/fr/suivre/"} <= urls


def test_translations_are_alternates_of_each_other(demo_site: Path, sitemap: lxml.etree._ElementTree) -> None:
    url = sitemap.xpath("//s:url[s:loc='" + PUBLIC + "/en/events/peer-gathering/']", namespaces=NS)[0]
    alternates = {link.get("hreflang"): link.get("href") for link in url.xpath("x:link", namespaces=NS)}
    assert alternates == {
        "en": f"{PUBLIC}/en/events/peer-gathering/",
        "fr": f"{PUBLIC}/fr/evenements/rencontre-entre-pairs/",
        "x-default": f"{PUBLIC}/",
    }
    for link in sitemap.xpath("//x:link", namespaces=NS):
        assert link.get("rel") == "alternate"
        assert output_file(demo_site, link.get("href")).is_file()


def test_robots_txt_points_to_the_sitemap(demo_site: Path) -> None:
    robots = (demo_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots and "Disallow: /" not in robots
