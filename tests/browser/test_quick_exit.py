"""The quick exit lands on the neutral site: button, keyboard, Shift ×3, with or without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import NEUTRAL_TITLE, LocalServer

POST = "/en/posts/warm-clothes-and-hot-meals-this-winter/"


def _on_neutral_site(page: Page, neutral: LocalServer) -> bool:
    page.wait_for_url(neutral.origin + "/weather/")
    return page.title() == NEUTRAL_TITLE


@pytest.mark.parametrize("path", ["/", "/no/such/page/", "/en/", POST, "/fr/securite/", "/fr/recherche/"])
def test_the_button_lands_on_the_neutral_site(page: Page, site_server: LocalServer, neutral_site, path: str) -> None:
    page.goto(site_server.origin + path)
    page.click("[data-quick-exit-button]")
    assert _on_neutral_site(page, neutral_site)


def test_the_neutral_site_is_not_told_where_the_reader_was(
    page: Page, site_server: LocalServer, neutral_site: LocalServer
) -> None:
    page.goto(site_server.origin + POST)
    before = len(neutral_site.requests)
    page.click("[data-quick-exit-button]")
    assert _on_neutral_site(page, neutral_site)
    arrival = neutral_site.requests[before]
    assert "referer" not in arrival, arrival


def test_back_does_not_return_to_the_page_left(page: Page, site_server: LocalServer, neutral_site) -> None:
    page.goto(site_server.origin + "/en/")
    page.goto(site_server.origin + POST)
    page.click("[data-quick-exit-button]")
    assert _on_neutral_site(page, neutral_site)
    page.go_back()
    assert page.url == site_server.origin + "/en/"  # the post was replaced in the history


def test_shift_three_times_counts_down_then_exits(page: Page, site_server: LocalServer, neutral_site) -> None:
    page.goto(site_server.origin + "/fr/")
    status = page.locator("[data-quick-exit-status]")
    page.keyboard.press("Shift")
    assert (
        status.inner_text() == "Maj\u00a0: appuyez encore 2 fois pour quitter."
    )  # French spacing: never "Maj" / ": …"
    assert page.locator("[data-quick-exit-indicator]").is_visible()
    assert page.locator("[data-quick-exit-indicator] .is-on").count() == 1
    page.keyboard.press("Shift")
    assert status.inner_text() == "Maj\u00a0: appuyez encore 1 fois pour quitter."
    page.keyboard.press("Shift")
    assert _on_neutral_site(page, neutral_site)


def test_the_countdown_expires_after_five_seconds(page: Page, site_server: LocalServer) -> None:
    page.clock.install()
    page.goto(site_server.origin + "/en/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(5100)
    assert page.locator("[data-quick-exit-status]").inner_text() == "Quick exit cancelled."
    assert page.locator("[data-quick-exit-indicator]").is_hidden()
    page.keyboard.press("Shift")  # starts again from one
    assert "2 more times" in page.locator("[data-quick-exit-status]").inner_text()
    assert page.url == site_server.origin + "/en/"


def test_typing_capitals_is_not_a_shortcut(page: Page, site_server: LocalServer) -> None:
    page.goto(site_server.origin + "/en/search/")
    page.focus("#search--words")
    for letter in "ABCD":
        page.keyboard.press(f"Shift+{letter}")
    page.wait_for_timeout(300)
    assert page.url == site_server.origin + "/en/search/"
    assert page.input_value("#search--words") == "ABCD"


def test_the_page_is_blanked_before_the_neutral_site_arrives(
    page: Page, site_server: LocalServer, neutral_site: LocalServer
) -> None:
    page.route(neutral_site.origin + "/**", lambda route: None)  # a very slow connection: never answers
    page.goto(site_server.origin + POST)
    # Click and look in one go, before the next page could arrive.
    state = page.evaluate(
        """() => {
            document.querySelector("[data-quick-exit-button]").click();
            const overlay = document.querySelector(".quick-exit-overlay");
            return {
                overlay: overlay !== null && getComputedStyle(overlay).position === "fixed",
                main: getComputedStyle(document.querySelector("main")).visibility,
                title: document.title,
            };
        }"""
    )
    assert state == {"overlay": True, "main": "hidden", "title": ""}


def test_keyboard_reaches_the_exit_first(page: Page, site_server: LocalServer, neutral_site) -> None:
    page.goto(site_server.origin + "/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-quick-exit-button')")
    assert focused is not None
    name = page.evaluate("document.activeElement.innerText + '|' + document.activeElement.textContent")
    assert "Emergency" in name and "Exit this page" in name
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # visible focus
    page.keyboard.press("Enter")
    assert _on_neutral_site(page, neutral_site)


def test_without_javascript_the_button_is_a_plain_link(
    browser: Browser, site_server: LocalServer, neutral_site
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.origin + "/fr/")
        page.click("[data-quick-exit-button]")
        assert _on_neutral_site(page, neutral_site)
    finally:
        context.close()
