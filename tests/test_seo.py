"""What search engines read in every page's head: a description, and translations given by full address.

Lighthouse's SEO audit (run for real by tests/browser/test_lighthouse.py when
Lighthouse is installed) found these on the demo: feed links carrying
``hreflang`` with relative addresses, read by search engines as translations
of the page, and the language chooser without a description.  Checked here
on every page, with lxml.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.browser.pages import PAGES_BY_LANGUAGE
from tests.feed_helpers import PUBLIC

SITE_DESCRIPTION = {
    "en": "Lantern Project: peer support, health and rights for sex workers in Port-Lumière.",
    "fr": "Projet Lanterne : soutien par les pairs, santé et droits des travailleuses et travailleurs du sexe "
    "à Port-Lumière.",
}


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)


def head(page: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(page)).getroot().find("head")


def description(page: Path) -> str:
    found = head(page).xpath("meta[@name='description']/@content")
    assert len(found) == 1, page
    return " ".join(found[0].split())


def test_every_page_has_a_description(demo_site: Path) -> None:
    for page in pages(demo_site):
        assert len(description(page)) > 15, page


def test_the_language_chooser_describes_the_site_in_every_language(demo_site: Path) -> None:
    said = description(demo_site / "index.html")
    assert SITE_DESCRIPTION["en"] in said and " ".join(SITE_DESCRIPTION["fr"].split()) in said


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("en/archives/index.html", "Every post, newest first."),
        ("fr/sujets/index.html", "Nos articles, sujet par sujet."),
        ("fr/sujets/sante/index.html", "Articles sur le sujet « Santé »."),
        ("en/tags/testing/index.html", "Posts tagged “testing”"),
        ("fr/evenements/index.html", "Nos prochains événements : dates, heures et comment y participer."),
        ("en/events/past/index.html", "Our events that are over."),
        ("fr/recherche/index.html", "Cherchez dans nos articles, nos services, nos événements et nos guides."),
        ("en/subscribe/index.html", "Follow our posts and events in a feed reader or in your calendar"),
        ("en/authors/lune/index.html", "joined the outreach team as a peer worker"),
    ],
)
def test_listing_pages_say_what_they_list(demo_site: Path, page: str, expected: str) -> None:
    assert expected.replace("\xa0", " ") in description(demo_site / page).replace("\xa0", " ")


def test_translations_are_announced_with_full_addresses(demo_site: Path) -> None:
    checked = 0
    for page in pages(demo_site):
        for link in head(page).xpath("link[@hreflang]"):
            assert link.get("rel") == "alternate" and link.get("type") is None, (page, link.attrib)
            assert link.get("href").startswith(PUBLIC + "/"), (page, link.get("href"))
            checked += 1
    assert checked > 300


def test_feed_links_carry_no_hreflang(demo_site: Path) -> None:
    """A feed is not a translation of the page; its own xml:lang says its language."""
    for page in pages(demo_site):
        feeds = head(page).xpath("link[@rel='alternate'][@type]")
        assert feeds or page.name == "404.html", page
        assert all(link.get("hreflang") is None for link in feeds), page


def test_each_kind_of_page_names_itself_and_its_translation(demo_site: Path) -> None:
    for kind, paths in PAGES_BY_LANGUAGE.items():
        for lang, address in paths.items():
            page = demo_site / address.lstrip("/") / "index.html"
            alternates = {link.get("hreflang"): link.get("href") for link in head(page).xpath("link[@hreflang]")}
            assert alternates.get(lang) == PUBLIC + address, (kind, lang, alternates)
            if len(alternates) > 1:  # a tag or a writer has no translation: no other language, no x-default
                assert alternates.get("x-default") == PUBLIC + "/", (kind, lang)
                assert {"en", "fr"} <= set(alternates), (kind, lang)
