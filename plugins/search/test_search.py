"""Search: one Pagefind index per language, a page that works without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import build_minimal


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_minimal(tmp_path_factory.mktemp("search"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_index_per_language(site: Path, lang: str) -> None:
    bundle = site / lang / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == [lang]
    assert entry["languages"][lang]["page_count"] >= 1
    assert (bundle / "pagefind.js").is_file() and (bundle / f"wasm.{lang}.pagefind").is_file()
    assert not (bundle / "pagefind-ui.js").exists()  # the theme has its own, lighter interface


def test_only_content_pages_are_indexed(site: Path) -> None:
    post = (site / "en/posts/hello/index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in post
    for listing in ["en/index.html", "en/archives/index.html", "en/tags/index.html", "en/search/index.html"]:
        assert "data-pagefind-body" not in (site / listing).read_text(encoding="utf-8"), listing


@pytest.mark.parametrize("lang,title", [("en", "Hello &amp; welcome"), ("fr", "Bonjour")])
def test_the_search_page_lists_every_post_without_javascript(site: Path, lang: str, title: str) -> None:
    page = (site / lang / "search/index.html").read_text(encoding="utf-8")
    assert f'data-index="/{lang}/pagefind/"' in page
    assert title in page and "<noscript>" in page
    assert 'id="search--words"' in page and 'name="q"' not in page  # nothing typed goes into the address
    assert "script-src 'self' 'unsafe-eval'" in page
    assert "/theme/js/search.js" in page


def test_other_pages_load_no_search_code(site: Path) -> None:
    for page in ["en/index.html", "en/posts/hello/index.html", "index.html"]:
        text = (site / page).read_text(encoding="utf-8")
        assert "search.js" not in text and "pagefind/" not in text and "wasm" not in text, page
        assert '/en/search/"' in text or page == "index.html"


def test_indexing_writes_only_into_the_output(tmp_path: Path) -> None:
    from tests.helpers import ROOT, copy_minimal, publish

    content = copy_minimal(tmp_path)
    result = publish(
        "build", "--settings", str(ROOT / "pelicanconf.py"), "--content", str(content), "--output", "out", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    # The build cache sits beside the output (README, "Fast builds"); nothing else is written outside it.
    assert sorted(path.name for path in tmp_path.iterdir()) == [".relais-cache", "content", "out"]
    assert (tmp_path / "out/en/pagefind/pagefind-entry.json").is_file()
