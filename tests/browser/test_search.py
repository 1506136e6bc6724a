"""Search in Chromium, as the French trial used it: the count says results, and excerpts read as the page does.

The demo's Pagefind index is searched for real by theme/static/js/search.js;
the words the count uses are checked in plugins/search/test_search.py, and
what the index keeps of each page there too.  Here: what a reader sees.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import LocalServer


def _search(page: Page, words: str) -> tuple[str, list[str], list[str]]:
    """What the reader types, then the count, the results' addresses and their excerpts."""
    page.fill("#search--words", words)
    page.press("#search--words", "Enter")
    page.wait_for_selector("[data-search-status]:not(:empty)")
    status = page.inner_text("[data-search-status]")
    addresses = page.eval_on_selector_all("[data-search-results] h2 a", "links => links.map(a => a.pathname)")
    excerpts = page.eval_on_selector_all("[data-search-results] li p", "ps => ps.map(p => p.textContent)")
    return status, addresses, excerpts


# Language → (search page, words, the service they find, the count's form, the other language's link)
CASES = {
    "fr": (
        "/fr/recherche/",
        "halte",
        "/fr/services/halte-accueil/",
        r"^\d+ résultats?(\s?: voici les 20 premiers)?\.$",
        "Aussi en",
    ),
    "en": ("/en/search/", "drop-in", "/en/services/drop-in/", r"^\d+ results?(: here are the first 20)?\.$", "Also in"),
}


@pytest.mark.parametrize("lang", CASES)
def test_services_are_found_and_counted_as_results(page: Page, site_server: LocalServer, lang: str) -> None:
    address, words, service, count, other_language = CASES[lang]
    page.goto(site_server.origin + address)
    status, addresses, excerpts = _search(page, words)
    assert service in addresses
    assert re.match(count, status.replace("\u202f", " ").replace("\xa0", " ")), status
    assert "post" not in status and "article" not in status
    assert excerpts and not [text for text in excerpts if other_language in text]


def test_more_results_than_shown_say_how_many_were_found(page: Page, site_server: LocalServer) -> None:
    page.goto(site_server.origin + "/fr/recherche/")
    status, addresses, _excerpts = _search(page, "nous")
    found = re.match(r"^(\d+) résultats\s?: voici les 20 premiers\.$", status.replace("\xa0", " "))
    assert found and int(found.group(1)) > 20 and len(addresses) == 20, status


def test_nothing_found_says_so(page: Page, site_server: LocalServer) -> None:
    page.goto(site_server.origin + "/fr/recherche/")
    status, addresses, _excerpts = _search(page, "zzyzx")
    assert status == "Aucun résultat pour ces mots." and addresses == []
