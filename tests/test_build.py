"""Real builds of a small content folder: what the build guarantees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, all_text, publish, tree_digest, write

UNPUBLISHED = [
    "SECRET-DRAFT-BODY",
    "Secret draft title",
    "Unpublished draft summary",
    "SECRET-REVIEW-BODY",
    "Waiting for review",
    "Review summary",
    "SCHEDULED-BODY",
    "Scheduled for later",
    "in-review",
    "secret-draft",
]


def build(content: Path, output: Path, *extra: str, env: dict[str, str] | None = None) -> str:
    result = publish("build", "--content", str(content), "--output", str(output), *extra, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture()
def built(content: Path, tmp_path: Path) -> Path:
    output = tmp_path / "output"
    build(content, output, "--today", "2026-02-15")
    return output


def test_both_languages_under_their_prefix(built: Path) -> None:
    for path in [
        "index.html",
        "404.html",
        "en/index.html",
        "fr/index.html",
        "en/posts/hello/index.html",
        "fr/articles/bonjour/index.html",
        "en/about/index.html",
        "fr/a-propos/index.html",
        "en/archives/index.html",
        "fr/sujets/index.html",
        "en/tags/welcome/index.html",
        "en/authors/moon/index.html",
        "theme/css/relais.css",
    ]:
        assert (built / path).is_file(), path
    assert '<html lang="fr">' in (built / "fr/index.html").read_text()
    assert '<html lang="en">' in (built / "en/index.html").read_text()


def test_nothing_unpublished_anywhere(built: Path) -> None:
    text = all_text(built)
    for marker in UNPUBLISHED:
        assert marker not in text, marker
    assert not (built / "drafts").exists()
    assert not list(built.rglob("*draft*"))


def test_scheduled_post_appears_when_its_date_comes(content: Path, tmp_path: Path) -> None:
    early, late = tmp_path / "early", tmp_path / "late"
    build(content, early, "--today", "2026-02-28")
    build(content, late, "--today", "2026-03-01")
    assert "SCHEDULED-BODY" not in all_text(early)
    assert "SCHEDULED-BODY" in (late / "en/posts/scheduled/index.html").read_text()
    assert "Scheduled for later" in (late / "en/index.html").read_text()


def test_source_date_epoch_sets_today(content: Path, tmp_path: Path) -> None:
    march = str(1772400000)  # 2026-03-01 21:20 UTC
    build(content, tmp_path / "out", env={"SOURCE_DATE_EPOCH": march})
    assert (tmp_path / "out/en/posts/scheduled/index.html").exists()


def test_same_content_builds_byte_identical(content: Path, tmp_path: Path) -> None:
    build(content, tmp_path / "one", "--today", "2026-02-15")
    build(content, tmp_path / "two", "--today", "2026-02-15")
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_rebuilding_in_place_is_identical(content: Path, built: Path) -> None:
    before = tree_digest(built)
    build(content, built, "--today", "2026-02-15")
    assert tree_digest(built) == before


def test_failed_check_leaves_the_previous_site(content: Path, built: Path) -> None:
    before = tree_digest(built)
    write(content, "posts/broken.md", "---\ntitle: x\nstatus: published\n---\n")
    result = publish("build", "--content", str(content), "--output", str(built), "--today", "2026-02-15")
    assert result.returncode == 1
    assert "posts/broken.md" in result.stderr and "left as it was" in result.stderr
    assert tree_digest(built) == before
    assert not list(built.parent.glob(".relais-build-*"))


def test_failure_while_rendering_leaves_the_previous_site(content: Path, built: Path, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates/article.html").write_text("{% if %}broken{% endif %}")
    settings = tmp_path / "brokenconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(theme)!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
    )
    before = tree_digest(built)
    result = publish(
        "build", "--settings", str(settings), "--content", str(content), "--output", str(built), "--today", "2026-02-15"
    )
    assert result.returncode == 1, result.stdout
    assert "article.html" in result.stderr
    assert tree_digest(built) == before
    assert not list(built.parent.glob(".relais-build-*"))


def test_translations_link_each_other_both_ways(built: Path) -> None:
    english = (built / "en/posts/hello/index.html").read_text()
    french = (built / "fr/articles/bonjour/index.html").read_text()
    assert '<link rel="alternate" hreflang="fr" href="https://lanterne.example.org/fr/articles/bonjour/">' in english
    assert '<link rel="alternate" hreflang="en" href="https://lanterne.example.org/en/posts/hello/">' in french
    assert 'href="/fr/articles/bonjour/" hreflang="fr" lang="fr"' in english
    assert 'href="/en/posts/hello/" hreflang="en" lang="en"' in french
    # A post without translation offers the other language's home, without hreflang.
    peer = (built / "en/posts/peer-post/index.html").read_text()
    assert 'hreflang="fr" href=' not in peer and 'href="/fr/" hreflang="fr"' in peer


def test_dates_and_theme_words_in_each_language(built: Path) -> None:
    english = (built / "en/posts/hello/index.html").read_text()
    french = (built / "fr/articles/bonjour/index.html").read_text()
    assert "January 10, 2026" in english and "Skip to content" in english
    assert "11 janvier 2026" in french and "Aller au contenu" in french and "Skip to content" not in french


def test_titles_are_escaped(built: Path) -> None:
    page = (built / "en/posts/hello/index.html").read_text()
    assert "<h1>Hello &amp; welcome &lt;3</h1>" in page
    assert "<3" not in page


def test_emoji_and_accents_survive(built: Path) -> None:
    assert "Bonjour à toutes et à tous 🌙" in (built / "fr/index.html").read_text(encoding="utf-8")


def test_summary_says_what_was_built(content: Path, tmp_path: Path) -> None:
    out = build(content, tmp_path / "out", "--today", "2026-02-15")
    assert "posts: en 2, fr 1" in out and "pages: en 2, fr 2" in out and " s " in out


def test_refuses_to_replace_the_project_folder(content: Path) -> None:
    result = publish("build", "--content", str(content), "--output", str(ROOT))
    assert result.returncode == 1
    assert "holds the project itself" in result.stderr and (ROOT / "publish.py").exists()


def test_plain_pelican_builds_every_language_too(content: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    output = tmp_path / "pelican-out"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "en/posts/hello/index.html").exists() and (output / "fr/articles/bonjour/index.html").exists()
    assert "SECRET-DRAFT-BODY" not in all_text(output)
