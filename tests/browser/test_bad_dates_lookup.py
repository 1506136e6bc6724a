"""The bad date lookup in Chromium: a number found however it is written, a plate, words; nothing sent anywhere."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import LocalServer

LOOKUP = "/en/bad-dates/lookup/"


def _look_up(page: Page, words: str) -> list[str]:
    """What the reader types, then the reports found (their links' anchors)."""
    page.fill("#bad-dates--words", words)
    page.press("#bad-dates--words", "Enter")
    # The first search waits for reports.json; later ones run at once, on the key press.
    page.wait_for_selector("[data-lookup-status]:not(:empty)")
    return [
        link.split("#report--", 1)[1]
        for link in page.eval_on_selector_all("[data-lookup-results] h2 a", "links => links.map(a => a.href)")
    ]


@pytest.mark.parametrize("written", ["514 555-0168", "(514) 555 0168", "5145550168", "+1 514-555-0168", "555.0168"])
def test_a_number_is_found_however_it_is_written(page: Page, site_server: LocalServer, written: str) -> None:
    page.goto(site_server.origin + LOOKUP)
    assert _look_up(page, written) == ["2026-11-r1"]
    assert page.locator("[data-lookup-results] .bad-dates-match").first.inner_text() == "Same phone number"


def test_plates_ignore_case_spaces_and_dashes(page: Page, site_server: LocalServer) -> None:
    page.goto(site_server.origin + LOOKUP)
    for written in ("gxt4", "GXT-4", "k12 zrt", "K12-ZRT"):
        found = _look_up(page, written)
        assert found == (["2026-11-r1"] if written.lower().startswith("g") else ["2026-10-r1"]), written


def test_words_and_nothing_found(page: Page, site_server: LocalServer) -> None:
    page.goto(site_server.origin + "/fr/mauvais-clients/verifier/")
    assert _look_up(page, "corolla blanche") == ["2026-10-r1"]
    assert _look_up(page, "hirondelle") == ["2026-10-r1"]
    assert _look_up(page, "514 555 0100") == []
    assert "Aucun signalement ne correspond" in page.inner_text("[data-lookup-status]")


def test_the_lookup_asks_only_for_its_index_and_keeps_nothing_in_the_address(
    browser: Browser, site_server: LocalServer
) -> None:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(site_server.origin + LOOKUP)
        before = len(requests)
        _look_up(page, "514 555-0168")
        _look_up(page, "Ford")
        asked = [urlsplit(url).path for url in requests[before:] if not url.endswith("/favicon.svg")]
        assert asked == ["/en/bad-dates/lookup/reports.json"]  # once, whatever is looked up
        assert {urlsplit(url).netloc for url in requests} == {urlsplit(site_server.origin).netloc}
        assert page.url == site_server.origin + LOOKUP
    finally:
        context.close()


def test_without_javascript_every_report_is_listed(browser: Browser, site_server: LocalServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.origin + LOOKUP)
        listed = page.eval_on_selector_all(".bad-dates-all li a", "links => links.map(a => a.href.split('#')[1])")
        assert sorted(listed) == ["report--2026-10-r1", "report--2026-10-r2"] + [
            f"report--2026-11-r{n}" for n in (1, 2, 3)
        ]
        assert "514-555-0168" in page.inner_text(".bad-dates-all")
    finally:
        context.close()
