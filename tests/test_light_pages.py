"""Light pages for cheap phones: the budget, one small stylesheet, no script needed to read.

Measured on the demo build: a page's weight is its HTML plus every stylesheet,
script and font it loads (uncompressed, as on disk); images are left out
(they load lazily and have their own limit, IMAGE_MAX_WIDTH).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

BUDGET = 50 * 1024
CSS_BUDGET = 16 * 1024
_CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)")


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.inline_scripts = 0
        self.lang = ""
        self.other_language_links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split():
            self.stylesheets.append(values.get("href") or "")
        if tag == "script":
            if values.get("src"):
                self.scripts.append(values)
            else:
                self.inline_scripts += 1
        if tag == "a" and values.get("hreflang"):
            self.other_language_links.append(values)


def _assets(page: Path) -> _Assets:
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _file(site: Path, url: str) -> Path:
    return site / url.split("?", 1)[0].lstrip("/")


def page_weight(site: Path, page: Path) -> int:
    assets = _assets(page)
    total = page.stat().st_size
    for href in assets.stylesheets:
        css = _file(site, href)
        total += css.stat().st_size
        for url in _CSS_URL.findall(css.read_text(encoding="utf-8")):
            if url.endswith((".woff2", ".woff", ".ttf", ".otf")):
                total += _file(site, url).stat().st_size
    for script in assets.scripts:
        total += _file(site, script["src"] or "").stat().st_size
    return total


def _text_pages(site: Path) -> list[Path]:
    homes = [site / lang / "index.html" for lang in ("en", "fr")]
    posts = sorted([*site.glob("en/posts/*/index.html"), *site.glob("fr/articles/*/index.html")])
    pages = [site / "en/safety/index.html", site / "fr/securite/index.html"]
    return homes + posts + pages


def test_every_text_page_is_under_the_budget(demo_site: Path) -> None:
    weights = {page.relative_to(demo_site).as_posix(): page_weight(demo_site, page) for page in _text_pages(demo_site)}
    assert len(weights) > 20
    heavy = {page: weight for page, weight in weights.items() if weight > BUDGET}
    assert not heavy, f"over {BUDGET} bytes: {heavy}"


def test_the_budget_counts_what_it_should(demo_site: Path) -> None:
    home = demo_site / "en/index.html"
    css = demo_site / "theme/css/relais.css"
    script = demo_site / "theme/js/quick-exit.js"
    assert page_weight(demo_site, home) == home.stat().st_size + css.stat().st_size + script.stat().st_size


@pytest.mark.parametrize("page", ["en/index.html", "fr/articles/vetements-chauds-et-soupe/index.html", "index.html"])
def test_one_small_stylesheet_and_only_deferred_scripts(demo_site: Path, page: str) -> None:
    assets = _assets(demo_site / page)
    assert assets.stylesheets == ["/theme/css/relais.css"]
    assert (demo_site / "theme/css/relais.css").stat().st_size <= CSS_BUDGET
    assert assets.inline_scripts == 0
    assert all("defer" in script for script in assets.scripts), assets.scripts


def test_reading_needs_no_script(demo_site: Path) -> None:
    post = (demo_site / "en/posts/warm-clothes-and-hot-meals-this-winter/index.html").read_text(encoding="utf-8")
    body = post.split('<div class="post-body">', 1)[1]
    assert "hand warmers" in body.split("</div>", 1)[0]
    assert "<noscript" not in post  # nothing on a post waits for a script


def test_links_to_the_other_language_say_so(demo_site: Path) -> None:
    """A passage in another language carries its lang (here: links to translations and languages)."""
    missing = []
    for page in demo_site.glob("*/**/index.html"):
        assets = _assets(page)
        for link in assets.other_language_links:
            if link.get("hreflang") != assets.lang and link.get("lang") != link.get("hreflang"):
                missing.append(f"{page.relative_to(demo_site)}: {link.get('href')}")
    assert not missing, missing[:10]
