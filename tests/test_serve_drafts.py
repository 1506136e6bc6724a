"""``publish.py serve --drafts``, for real: a process on a free port, HTTP requests to it, then a real build.

What a staff member relies on when previewing a peer's post: drafts, posts
waiting for review and scheduled posts are served at their future address
with the "Not published" banner; the preview follows saves and restarts with
the same choice; its files go into a folder beside the output (never the
output itself); and the next ``build`` of the same output has none of them.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html

from tests.helpers import ROOT, all_text, publish, settings_file
from tests.serving import RunningPreview, wait_for

TODAY = "2026-02-15"
NOT_OUT = ("secret-draft", "in-review", "scheduled")


def banner(page: str) -> str:
    found = lxml.html.fromstring(page).xpath("//aside[@class='preview-banner']")
    return " ".join(found[0].text_content().split()) if found else ""


def test_drafts_are_previewed_with_a_banner_beside_the_output_and_never_built(content: Path, tmp_path: Path) -> None:
    settings = settings_file(tmp_path, 'SITENAME = "Before"')
    output, drafts = tmp_path / "out", tmp_path / "out-drafts"
    args = ("--settings", str(settings), "--content", str(content), "--output", str(output), "--today", TODAY)
    with RunningPreview(*args, "--drafts") as preview:
        preview.wait_until_built(1)
        assert f"scheduled posts, each marked 'Not published', from {drafts}" in preview.output
        for slug in NOT_OUT:
            status, page = preview.get(f"/en/posts/{slug}/")
            assert status == 200 and banner(page).startswith("Not published. "), slug
        assert "SECRET-REVIEW-BODY" in preview.get("/en/posts/in-review/")[1]
        assert banner(preview.get("/en/posts/hello/")[1]) == ""  # published: no banner

        # A save to the peer's post is previewed within moments, still with its banner.
        review = content / "posts/in-review.md"
        review.write_text(review.read_text().replace("SECRET-REVIEW-BODY", "REVISED-REVIEW-BODY"))
        assert wait_for(lambda: "REVISED-REVIEW-BODY" in preview.get("/en/posts/in-review/")[1], 60), preview.output

        # A settings change restarts the preview: it still shows drafts.
        settings.write_text(settings.read_text().replace('"Before"', '"After"'))
        preview.wait_until_built(3)
        assert "restarting the preview" in preview.output
        page = preview.get("/en/posts/secret-draft/")[1]
        assert (
            "· After</title>" in page and banner(page) == "Not published. This is a draft: only this preview shows it."
        )
    assert "Traceback" not in preview.output
    assert (drafts / "en/posts/secret-draft/index.html").is_file()
    assert "__relais__" not in all_text(drafts)  # the live script is only in what the browser gets
    assert not output.exists()  # the preview never writes into the output folder

    result = publish("build", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    built = all_text(output)
    for slug in NOT_OUT:
        assert not (output / f"en/posts/{slug}").exists(), slug
    for secret in ("REVISED-REVIEW-BODY", "SECRET-DRAFT-BODY", "SCHEDULED-BODY", 'class="preview-banner"'):
        assert secret not in built, secret


def test_without_drafts_the_preview_shows_only_what_is_published(content: Path, tmp_path: Path) -> None:
    with RunningPreview("--content", str(content), "--output", str(tmp_path / "out"), "--today", TODAY) as preview:
        preview.wait_until_built(1)
        assert preview.get("/en/posts/hello/")[0] == 200
        for slug in NOT_OUT:
            assert preview.get(f"/en/posts/{slug}/")[0] == 404, slug
        assert "Not published" not in preview.output
    assert not (tmp_path / "out-drafts").exists()


def test_publishing_day_preview_a_peer_post_review_it_and_deploy_it(content: Path, tmp_path: Path) -> None:
    """The issue's day, for real: the post in review is previewed, reviewed while the preview runs, and deployed."""
    (tmp_path / "never-publish.txt").write_text("Rue des Lucioles 2250\n", encoding="utf-8")
    env = {"RELAIS_LANG": "en", "RELAIS_NEVER_PUBLISH": str(tmp_path / "never-publish.txt")}
    where = ("--content", str(content), "--today", TODAY)
    with RunningPreview(*where, "--output", str(tmp_path / "out"), "--drafts", env=env) as preview:
        preview.wait_until_built(1)
        page = preview.get("/en/posts/in-review/")[1]
        assert banner(page) == "Not published. This is waiting for review: only this preview shows it."

        reviewed = publish("review", str(content / "posts/in-review.md"), "--by", "ana", *where, env=env)
        assert reviewed.returncode == 0, reviewed.stderr
        preview.wait_until_built(2)
        page = preview.get("/en/posts/in-review/")[1]
        assert "SECRET-REVIEW-BODY" in page and banner(page) == ""  # published now: no banner
        assert banner(preview.get("/en/posts/secret-draft/")[1]).startswith("Not published.")

    target = tmp_path / "www"
    deployed = publish(
        "deploy", "--settings", str(ROOT / "publishconf.py"), *where, "--output", str(tmp_path / "public"),
        "--folder", str(target), env=env,
    )  # fmt: skip
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert deployed.stdout.startswith(f"Deployed to {target} (folder): ")
    assert "SECRET-REVIEW-BODY" in (target / "en/posts/in-review/index.html").read_text(encoding="utf-8")
    assert not (target / "en/posts/secret-draft").exists()
    assert 'class="preview-banner"' not in all_text(target)
