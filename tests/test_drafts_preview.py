"""The drafts preview (``BuildOptions(drafts=True)``, for ``serve --drafts``): drafts, posts waiting for review and
scheduled posts at their future address with a "not published" banner, in a folder of their own; ``build`` never
writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from relais.build import BuildOptions, build
from tests.helpers import ROOT, all_text, copy_minimal, settings_file, write

TODAY = dt.date(2026, 2, 15)
NOT_OUT = {
    "secret-draft": "This is a draft: only this preview shows it.",
    "in-review": "This is waiting for review: only this preview shows it.",
    "scheduled": "This goes out on March 1, 2026: until then, only this preview shows it.",
}


def preview(content: Path, output: Path | None, settings: Path = ROOT / "pelicanconf.py", drafts: bool = True):
    return build(BuildOptions(settings, content, output, TODAY, drafts=drafts))


def banner(page: Path) -> str:
    found = lxml.html.parse(str(page)).xpath("//aside[@class='preview-banner']")
    return " ".join(found[0].text_content().split()) if found else ""


@pytest.fixture(scope="module")
def previewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("preview")
    result = preview(copy_minimal(folder), folder / "out")
    assert result.built, [problem.format() for problem in result.problems]
    return folder / "out"


@pytest.mark.parametrize("slug", sorted(NOT_OUT))
def test_each_unpublished_post_is_at_its_future_address_with_a_banner(previewed: Path, slug: str) -> None:
    page = previewed / f"en/posts/{slug}/index.html"
    assert banner(page) == f"Not published. {NOT_OUT[slug]}"
    body = lxml.html.parse(str(page)).getroot().body
    assert body.index(body.find(".//aside[@class='preview-banner']")) < 4  # at the top of the page


def test_published_pages_have_no_banner(previewed: Path) -> None:
    for page in ("en/posts/hello/index.html", "en/index.html", "fr/posts/bonjour/index.html", "en/about/index.html"):
        assert banner(previewed / page) == "", page


def test_build_never_writes_them(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    result = preview(content, tmp_path / "out", drafts=False)
    assert result.built
    text = all_text(tmp_path / "out")
    for slug in NOT_OUT:
        assert not (tmp_path / f"out/en/posts/{slug}").exists()
    assert 'class="preview-banner"' not in text and "SECRET-DRAFT-BODY" not in text and "SECRET-REVIEW-BODY" not in text


def test_the_preview_goes_beside_the_output_never_into_it(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    settings = settings_file(tmp_path, f"OUTPUT_PATH = {str(tmp_path / 'site')!r}")
    result = preview(content, None, settings)
    assert result.built and result.output == (tmp_path / "site-drafts").resolve()
    assert (tmp_path / "site-drafts/en/posts/secret-draft/index.html").is_file()
    assert not (tmp_path / "site").exists()


def test_a_draft_with_errors_does_not_stop_the_preview(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write(content, "posts/broken.md", "---\ntitle: Broken\ndate: someday\nstatus: draft\n---\n\nUnfinished.\n")
    result = preview(content, tmp_path / "out")
    assert result.built, [problem.format() for problem in result.problems]
    assert any(p.file.endswith("broken.md") and p.held for p in result.problems)
    assert not (tmp_path / "out/en/posts/broken").exists()  # what cannot be read is not shown


def test_the_never_publish_list_still_holds_in_the_preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "never.txt").write_text("SECRET-DRAFT-BODY\n")
    monkeypatch.setenv("RELAIS_NEVER_PUBLISH", str(tmp_path / "never.txt"))
    result = preview(copy_minimal(tmp_path), tmp_path / "out")
    assert not result.built and not (tmp_path / "out").exists()
    assert any(p.file.endswith("secret-draft.md") and p.field == "never-publish" for p in result.problems.errors)
