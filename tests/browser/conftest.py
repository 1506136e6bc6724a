"""The demo site built for the browser, served on 127.0.0.1, and Debian's Chromium.

The demo is built once with ``QUICK_EXIT_URL`` pointing to a stand-in
"neutral site" on another local port, so that following the exit needs no
internet.  Chromium is Debian's (``apt-packages.txt``), driven by Playwright
with a fresh temporary profile; Playwright never downloads a browser here.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from relais.preview.server import SiteHandler
from tests.helpers import DEMO_TODAY, ROOT, publish

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NEUTRAL_TITLE = "Weather for Port-Lumière"


class _Quiet(SiteHandler):
    """The preview server's handler (404.html for missing pages), remembering what it was asked."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass


class LocalServer:
    def __init__(self, folder: Path) -> None:
        self.requests: list[dict[str, str]] = []
        requests = self.requests

        class Recording(_Quiet):
            def do_GET(self) -> None:
                requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
                super().do_GET()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Recording, directory=folder))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def neutral_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    folder = tmp_path_factory.mktemp("neutral")
    (folder / "weather").mkdir()
    (folder / "weather/index.html").write_text(
        f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{NEUTRAL_TITLE}</title>'
        f"<h1>{NEUTRAL_TITLE}</h1></html>",
        encoding="utf-8",
    )
    server = LocalServer(folder)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory: pytest.TempPathFactory, neutral_site: LocalServer) -> Path:
    """The demo, built with the quick exit pointing at the local stand-in."""
    folder = tmp_path_factory.mktemp("browser-demo")
    settings = folder / "testconf.py"
    settings.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"PATH = {str(ROOT / 'content')!r}\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"QUICK_EXIT_URL = {neutral_site.origin + '/weather/'!r}\n",
        encoding="utf-8",
    )
    output = folder / "output"
    result = publish("build", "--settings", str(settings), "--output", str(output), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def site_server(browser_site: Path) -> Iterator[LocalServer]:
    server = LocalServer(browser_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's Chromium is missing: install the 'chromium' package (make does, from apt-packages.txt)")
    with sync_playwright() as playwright:
        # launch() gives every run a fresh temporary profile (user data dir).
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 375, "height": 667})
    yield context
    context.close()


@pytest.fixture()
def page(context: BrowserContext) -> Page:
    return context.new_page()
