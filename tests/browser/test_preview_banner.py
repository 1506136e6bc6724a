"""The drafts preview's "not published" banner passes axe-core, in both languages, phone and desktop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from relais.build import BuildOptions, build
from tests.browser.conftest import LocalServer
from tests.browser.pages import VIEWPORTS
from tests.browser.test_accessibility import AXE, _violations
from tests.helpers import ROOT

# Page → its address, and what its banner says ("" for a published page).
PAGES = {
    "draft (en)": ("/en/posts/new-outreach-route/", "This is a draft"),
    "waiting for review (en)": ("/en/posts/my-first-year-as-a-peer-worker/", "This is waiting for review"),
    "scheduled (en)": ("/en/posts/holiday-hours-2026/", "This goes out on December 15, 2026"),
    "home with drafts (fr)": ("/fr/", ""),
}


@pytest.fixture(scope="module")
def preview_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    output = tmp_path_factory.mktemp("drafts-preview") / "out"
    options = BuildOptions(ROOT / "pelicanconf.py", ROOT / "content", output, dt.date(2026, 11, 22), drafts=True)
    result = build(options)
    assert result.built, [problem.format() for problem in result.problems]
    server = LocalServer(output)
    yield server
    server.close()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_axe_finds_no_violation_in_the_preview(browser: Browser, preview_server: LocalServer, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        for name, (path, says) in PAGES.items():
            response = page.goto(preview_server.origin + path)
            assert response is not None and response.status == 200, path
            banners = page.locator(".preview-banner")
            assert banners.count() == (1 if says else 0), name
            if says:
                assert banners.inner_text().startswith(f"Not published. {says}")
            violations = _violations(AXE.run(page).response)
            if violations:
                found[name] = violations
    finally:
        context.close()
    assert not found, found
