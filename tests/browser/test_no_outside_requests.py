"""Every page of the demo, opened in Chromium, asks nothing of any host but ours.

Also: no Content-Security-Policy complaint (the policy breaks nothing), no
cookie, and the content is there with JavaScript off.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser

from tests.browser.conftest import LocalServer


def _page_paths(site: Path) -> list[str]:
    paths = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        paths.append("/" + relative.removesuffix("index.html"))
    return paths


def test_no_page_requests_another_host(browser: Browser, browser_site: Path, site_server: LocalServer) -> None:
    ours = urlsplit(site_server.origin).netloc
    context = browser.new_context(viewport={"width": 375, "height": 667})
    outside: list[str] = []
    complaints: list[str] = []
    context.on("request", lambda request: outside.append(request.url) if urlsplit(request.url).netloc != ours else None)
    page = context.new_page()
    page.on(
        "console", lambda message: complaints.append(f"{page.url}: {message.text}") if message.type == "error" else None
    )
    cookies: list[str] = []
    paths = _page_paths(browser_site)
    assert len(paths) > 50
    try:
        for path in paths:
            page.goto(site_server.origin + path, wait_until="load")
            if page.evaluate("document.cookie"):
                cookies.append(path)
    finally:
        context.close()
    assert not outside, outside
    assert not complaints, complaints
    assert not cookies


def test_searching_stays_on_the_site(browser: Browser, site_server: LocalServer) -> None:
    ours = urlsplit(site_server.origin).netloc
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(site_server.origin + "/en/search/")
        page.fill("#search--words", "soup")
        page.press("#search--words", "Enter")
        page.wait_for_selector("[data-search-results] li")
        titles = page.locator("[data-search-results] h2").all_inner_texts()
        status = page.inner_text("[data-search-status]")
        assert page.url == site_server.origin + "/en/search/"  # nothing typed in the address
    finally:
        context.close()
    assert any("warm clothes" in title.lower() for title in titles), titles
    assert re.fullmatch(r"\d+ results?\.", status), status  # results of every kind, not "posts"
    assert any("/en/pagefind/" in url for url in requests)
    assert all(urlsplit(url).netloc == ours for url in requests), requests
    assert not errors, errors


def test_content_is_there_without_javascript(browser: Browser, site_server: LocalServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.origin + "/en/posts/warm-clothes-and-hot-meals-this-winter/")
        assert "hand warmers" in page.inner_text("main")
        page.goto(site_server.origin + "/fr/recherche/")
        assert page.locator("main .archive li").count() >= 10  # every post, as a plain list
        assert page.locator("main noscript").count() == 1
    finally:
        context.close()
