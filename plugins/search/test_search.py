"""Search: one Pagefind index per language, a page that works without JavaScript."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import demo_site
from tests.helpers import build_minimal

__all__ = ["demo_site"]


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


@pytest.mark.parametrize(
    "lang,address,title", [("en", "search", "Hello &amp; welcome"), ("fr", "recherche", "Bonjour")]
)
def test_the_search_page_lists_every_post_without_javascript(site: Path, lang: str, address: str, title: str) -> None:
    page = (site / lang / address / "index.html").read_text(encoding="utf-8")
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


@pytest.mark.parametrize(
    "lang,address,words",
    [
        ("en", "search", ["No result for these words.", "1 result.", "{count} results.", "the first {shown}"]),
        (
            "fr",
            "recherche",
            ["Aucun résultat pour ces mots.", "1 résultat.", "{count} résultats.", "les {shown} premiers"],
        ),
    ],
)
def test_the_count_says_results_not_posts(site: Path, lang: str, address: str, words: list[str]) -> None:
    """Services, events and guides are found too: the count must not call them posts."""
    form = lxml.html.parse(str(site / lang / address / "index.html")).find(".//form[@data-search]")
    said = " ".join(form.get(name) for name in ("data-none", "data-one", "data-many", "data-more"))
    for word in words:
        assert word in said
    assert "post" not in said and "article" not in said


def _fragments(site: Path, lang: str) -> dict[str, str]:
    """What Pagefind keeps of each page, read back from its index: url → text."""
    found = {}
    for path in (site / lang / "pagefind/fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        found[fragment["url"]] = fragment["content"]
    return found


@pytest.mark.parametrize("lang,translations", [("en", "Also in"), ("fr", "Aussi en")])
def test_excerpts_leave_out_the_other_languages_link(demo_site: Path, lang: str, translations: str) -> None:
    fragments = _fragments(demo_site, lang)
    assert len(fragments) > 20
    for url, text in fragments.items():
        assert translations not in text, url


def test_excerpts_keep_a_space_between_table_cells_and_terms(demo_site: Path) -> None:
    french = _fragments(demo_site, "fr")["/fr/services/halte-accueil/"]
    for glued in ("JoursHeures", "PourTDS", "venirTravailleuses", "accéderPassez", "CoûtGratuit"):
        assert glued not in french
    assert "Jours Heures" in french and "Pour TDS de tous les genres" in french
    english = _fragments(demo_site, "en")["/en/services/drop-in/"]
    assert "DaysHours" not in english and "Days Hours" in english
