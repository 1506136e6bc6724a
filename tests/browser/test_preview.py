"""The open page follows the writer: a real ``publish.py serve`` and Chromium, nobody pressing reload.

A saved change appears in the page by itself; a failed build shows its
messages in a panel (announced, never taking the focus, in the page's
language, dismissible) while the page keeps the last good version; the panel
goes once the file is fixed.  All along the page passes axe, asks nothing of
any other host and breaks no rule of its Content-Security-Policy.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browser.pages import VIEWPORTS
from tests.helpers import copy_minimal
from tests.serving import Hello, RunningPreview

AXE = Axe()
WAIT_MS = 60_000
PANEL = ".relais-live--panel"


def _main_says(page: Page, text: str) -> None:
    page.wait_for_function(
        "text => (document.querySelector('main') || document.body).textContent.includes(text)",
        arg=text,
        timeout=WAIT_MS,
    )


def _violations(page: Page) -> list[str]:
    return [f"{found['id']}: {found['help']}" for found in AXE.run(page).response["violations"]]


def test_the_page_reloads_by_itself_and_shows_a_failed_build_until_it_is_fixed(
    browser: Browser, tmp_path: Path
) -> None:
    content = copy_minimal(tmp_path)
    hello = Hello(content)
    with RunningPreview(
        "--content", str(content), "--output", str(tmp_path / "out"), "--today", "2026-02-15"
    ) as preview:
        preview.wait_until_built(1)
        ours = urlsplit(preview.origin).netloc
        context = browser.new_context(viewport=VIEWPORTS["phone"])
        elsewhere: list[str] = []
        complaints: list[str] = []
        context.on(
            "request", lambda request: elsewhere.append(request.url) if urlsplit(request.url).netloc != ours else None
        )
        try:
            page = context.new_page()
            page.on("console", lambda message: complaints.append(message.text) if message.type == "error" else None)
            page.goto(preview.origin + "/en/posts/hello/")
            _main_says(page, "First post body.")
            assert not _violations(page)

            hello.save("Saved, and nobody pressed reload.")
            _main_says(page, "Saved, and nobody pressed reload.")

            hello.save(date="date: someday")
            panel = page.locator(PANEL)
            panel.wait_for(timeout=WAIT_MS)
            alert = panel.locator("[role=alert]")
            assert "The last change could not be built" in alert.inner_text()
            assert "posts/hello.md:3: date: 'someday' is not a date" in alert.inner_text()
            assert "Saved, and nobody pressed reload." in page.inner_text("main")  # the last good version
            assert page.evaluate("document.activeElement === document.body")  # the focus stays where it was
            assert not _violations(page)

            french = context.new_page()
            french.goto(preview.origin + "/fr/")
            french.locator(PANEL).wait_for(timeout=WAIT_MS)
            assert "La dernière modification n’a pas pu être construite" in french.inner_text(PANEL)
            assert not _violations(french)
            french.close()

            page.get_by_role("button", name="Hide these messages").click()
            assert page.locator(PANEL).count() == 0
            hello.save(date="date: later")
            page.locator(PANEL).wait_for(timeout=WAIT_MS)  # a new failure shows again
            assert "'later' is not a date" in page.inner_text(PANEL)

            hello.save("Fixed.")
            _main_says(page, "Fixed.")
            page.wait_for_selector(PANEL, state="detached", timeout=WAIT_MS)
            assert not _violations(page)
        finally:
            context.close()
    assert not elsewhere, elsewhere
    assert not complaints, complaints


def test_the_page_works_without_the_live_script(browser: Browser, tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    with RunningPreview(
        "--content", str(content), "--output", str(tmp_path / "out"), "--today", "2026-02-15"
    ) as preview:
        preview.wait_until_built(1)
        context = browser.new_context(java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(preview.origin + "/en/posts/hello/")
            assert "First post body." in page.inner_text("main")
        finally:
            context.close()
