"""WCAG 2.2 AA: axe-core finds nothing on any kind of page, in both languages, phone and desktop.

axe-core comes from the pinned ``axe-playwright-python`` package (its bundled
axe.min.js); nothing is fetched at run time.  Every rule axe enables by
default runs: WCAG 2.0–2.2 A and AA, and its best practices (landmarks,
heading order, one main heading…).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.browser.conftest import LocalServer
from tests.browser.pages import VIEWPORTS, ReaderPage, problems_on_every_page, reader_pages

AXE = Axe()


def _violations(results: dict) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["html"][:160] for node in violation["nodes"][:3])
        for violation in results["violations"]
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_axe_finds_no_violation(browser: Browser, site_server: LocalServer, viewport: str) -> None:
    found = problems_on_every_page(
        browser, site_server.origin, VIEWPORTS[viewport], lambda page: _violations(AXE.run(page).response)
    )
    assert not found, found


def test_every_kind_of_page_is_covered() -> None:
    names = {str(page) for page in reader_pages()}
    for expected in [
        "root language chooser",
        "404",
        "home (en)",
        "post (fr)",
        "safety page (en)",
        "search (fr)",
        "services directory (en)",
        "announcements (fr)",
    ]:
        assert expected in names
    assert all(isinstance(page, ReaderPage) for page in reader_pages())


def test_the_harness_does_see_violations(page) -> None:
    """A page with known faults: if axe did not run, the test above would pass for nothing."""
    page.set_content('<html><body><img src="/a.png"><a href="/x"></a><p style="color:#bbb">faint</p></body></html>')
    ids = {violation["id"] for violation in AXE.run(page).response["violations"]}
    assert {"image-alt", "link-name", "html-has-lang", "color-contrast"} <= ids
