"""Quick exit: where it goes, the safety pages it links to, and the warning when one is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from quick_exit.settings import DEFAULT_EXIT_URL, exit_url
from relais.build import BuildOptions, check
from relais.problems import Severity
from tests.helpers import ROOT, build_minimal


def test_exit_address_per_language_or_single() -> None:
    assert exit_url({}, "fr") == DEFAULT_EXIT_URL["fr"]
    assert exit_url({"QUICK_EXIT_URL": "https://weather.example.org/"}, "fr") == "https://weather.example.org/"
    assert exit_url({"QUICK_EXIT_URL": {"en": "https://a.example/"}}, "fr") == "https://a.example/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_minimal(tmp_path_factory.mktemp("exit"))


@pytest.mark.parametrize(
    "page,lang,label,safety",
    [
        ("en/index.html", "en", "Exit this page", "/en/safety/"),
        ("fr/articles/bonjour/index.html", "fr", "Quitter cette page", "/fr/securite/"),
        ("index.html", "en", "Quitter cette page", "/fr/securite/"),  # the root speaks both
        ("404.html", "en", "Exit this page", "/en/safety/"),
    ],
)
def test_every_page_starts_with_the_exit(site: Path, page: str, lang: str, label: str, safety: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    skip, rest = body.split('<aside class="quick-exit"', 1)
    assert "skip-link" in skip and "<a " not in skip.split("</a>", 1)[1]  # only the skip link comes first
    assert f'href="{DEFAULT_EXIT_URL[lang]}" rel="nofollow noreferrer' in rest
    assert label in rest and 'class="visually-hidden">' in rest
    assert f'href="{safety}"' in rest
    assert 'role="status"' in rest and "/theme/js/quick-exit.js" in html


def test_footer_links_the_safety_page(site: Path) -> None:
    footer = (site / "fr/index.html").read_text(encoding="utf-8").split('<footer class="site-footer">', 1)[1]
    assert '<a href="/fr/securite/">Sécurité en ligne</a>' in footer


def test_a_language_without_safety_page_is_warned(tmp_path: Path) -> None:
    from tests.helpers import copy_minimal

    content = copy_minimal(tmp_path)
    (content / "pages/securite.md").unlink()
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    found = [p for p in result.problems if p.field == "QUICK_EXIT_SAFETY_PAGE"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "'fr'" in found[0].what and "translation_key: safety" in found[0].fix
