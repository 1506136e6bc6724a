"""Lighthouse (mobile) gives every kind of page 100 for performance, accessibility, best practices and SEO.

Lighthouse is a Node program: ``make lighthouse`` installs the version pinned
in ``tests/browser/lighthouse/package-lock.json`` and runs this test with
``RELAIS_LIGHTHOUSE`` set to it; it drives Debian's Chromium, like the other
browser tests.  Without it this test is skipped (``make test`` does not
install Node packages); tests/test_seo.py checks what Lighthouse found
before (hreflang, descriptions) with lxml on every run.

Pages marked ``noindex`` are left out: they ask search engines not to list
them, which Lighthouse's SEO score counts against them, on purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, LocalServer
from tests.browser.pages import reader_pages

LIGHTHOUSE = os.environ.get("RELAIS_LIGHTHOUSE", "")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# A page takes Lighthouse about 15 seconds; one that hangs must not hang the tests.
TIMEOUT_SECONDS = 180

pytestmark = pytest.mark.skipif(
    not LIGHTHOUSE or not Path(LIGHTHOUSE).is_file(),
    reason="Lighthouse is not installed: run `make lighthouse` (it installs it and runs this test)",
)


def lighthouse(url: str) -> dict:
    result = subprocess.run(
        [
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def shortfalls(report: dict) -> list[str]:
    """Each category under 100, with the audits that cost it points."""
    found = []
    for name, category in report["categories"].items():
        if category["score"] == 1:
            continue
        failing = [
            f"{ref['id']} ({report['audits'][ref['id']].get('displayValue', '')})".replace(" ()", "")
            for ref in category["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        ]
        found.append(f"{name} {round(category['score'] * 100)}: {', '.join(failing)}")
    return found


def test_every_kind_of_page_scores_100_in_every_category(site_server: LocalServer) -> None:
    low = {}
    for page in reader_pages():
        if page.name == "404":
            continue  # Lighthouse scores a page that exists; the 404 page is checked by axe
        problems = shortfalls(lighthouse(site_server.origin + page.path))
        if problems:
            low[str(page)] = problems
    assert not low, json.dumps(low, indent=1, ensure_ascii=False)
