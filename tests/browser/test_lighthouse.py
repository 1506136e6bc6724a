"""Lighthouse (mobile) gives every kind of page 100 for performance, accessibility, best practices and SEO.

Lighthouse is a Node program, pinned in ``tests/browser/lighthouse/``
(package.json and its lock file).  ``make test`` installs it with ``npm ci``
(and Node with apt when it is missing), then runs this test with
``RELAIS_LIGHTHOUSE=required``, so that on a fresh machine (``.ci/run``) it
runs for real and cannot be skipped.  A bare ``pytest`` without it installed
skips it and says how to run it.  It drives Debian's Chromium, like the other
browser tests: no browser is downloaded.

Each kind of page is scored once, the kinds taking turns between English and
French (both home pages and both timetables, and the root language chooser); what differs between
the two languages of a kind (descriptions, alternates, axe in both languages
and at three sizes) is checked on every page by tests/test_seo.py and the
other browser tests.  Pages marked ``noindex`` ask search engines not to list
them, which Lighthouse's SEO score counts against them (``is-crawlable``),
on purpose: for them that audit is the only one allowed to fail.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import lxml.html
import pytest

from tests.browser.conftest import CHROMIUM, LocalServer
from tests.browser.pages import PAGES_BY_LANGUAGE, ROOT_PAGES

FOLDER = Path(__file__).parent / "lighthouse"
RUNNER = FOLDER / "run.mjs"
INSTALLED = FOLDER / "node_modules" / "lighthouse" / "package.json"
# A page takes Lighthouse about 10 seconds; one that hangs must not hang the tests.
SECONDS_PER_PAGE = 60
# Performance is measured on a machine that may be busy (two cores shared with other work): a page
# under 100 is measured again, up to this many times in all, and its best run counts.
PERFORMANCE_RUNS = 3
NOINDEX_ONLY_FAILS = {"is-crawlable"}
# Scored in both languages: the home pages, and the timetable the French trial read on a phone.
BOTH_LANGUAGES = {"home", "timetable"}

if not INSTALLED.is_file():
    if os.environ.get("RELAIS_LIGHTHOUSE") == "required":
        pytest.fail(
            "Lighthouse is not installed in tests/browser/lighthouse/: run `make test`, which installs it",
            pytrace=False,
        )
    pytest.skip(
        "Lighthouse is not installed: `make test` installs and runs it (`make lighthouse` runs only this test)",
        allow_module_level=True,
    )


def pages_to_score() -> dict[str, str]:
    """The language chooser, both home pages, and every other kind of page in one language, in turn."""
    pages = {name: path for name, path in ROOT_PAGES.items() if name != "404"}
    for number, (kind, paths) in enumerate(PAGES_BY_LANGUAGE.items()):
        langs = ("en", "fr") if kind in BOTH_LANGUAGES else (("en", "fr")[number % 2],)
        pages.update({f"{kind} ({lang})": paths[lang] for lang in langs})
    return pages


def lighthouse(origin: str, paths: list[str]) -> dict[str, dict]:
    """Each path's categories: {"seo": {"score": 1, "failing": ["audit-id value", …]}, …}."""
    result = subprocess.run(
        ["node", str(RUNNER), *(origin + path for path in paths)],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        timeout=SECONDS_PER_PAGE * (len(paths) + 1),
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = {}
    for line in result.stdout.splitlines():
        report = json.loads(line)
        found[report["url"].removeprefix(origin)] = report["categories"]
    assert sorted(found) == sorted(paths), result.stdout[-3000:]
    return found


def is_noindex(site: Path, path: str) -> bool:
    page = lxml.html.parse(str(site / path.lstrip("/") / "index.html"))
    return "noindex" in " ".join(page.xpath("//head/meta[@name='robots']/@content"))


def shortfalls(categories: dict[str, dict], noindex: bool) -> list[str]:
    found = []
    for name, category in categories.items():
        failing = category["failing"]
        if noindex and name == "seo":
            failing = [audit for audit in failing if audit.split()[0] not in NOINDEX_ONLY_FAILS]
            if not failing:
                continue
        elif category["score"] == 1:
            continue
        found.append(f"{name} {round(category['score'] * 100)}: {', '.join(failing) or '(no single audit)'}")
    return found


def test_every_kind_of_page_scores_100_in_every_category(site_server: LocalServer, browser_site: Path) -> None:
    pages = pages_to_score()
    scores = lighthouse(site_server.origin, list(pages.values()))
    for _run in range(1, PERFORMANCE_RUNS):
        slow = [path for path, categories in scores.items() if categories["performance"]["score"] < 1]
        if not slow:
            break
        for path, categories in lighthouse(site_server.origin, slow).items():
            if categories["performance"]["score"] > scores[path]["performance"]["score"]:
                scores[path]["performance"] = categories["performance"]
    low = {}
    for name, path in pages.items():
        problems = shortfalls(scores[path], is_noindex(browser_site, path))
        if problems:
            low[f"{name} {path}"] = problems
    assert not low, json.dumps(low, indent=1, ensure_ascii=False)
