"""``publish.py review FILE --by STAFF``: a staff member publishes a peer's post, changing two lines and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import publish, write

# A peer's post as a writer might leave it: a byte-order mark, Windows line
# endings, comments, quotes and an unusual order of fields.
WAITING = (
    "\ufeff---\r\n"
    "title: 'Staying warm: my tips'   # a quoted title\r\n"
    'status: "review"  # Lune: ready when you are!\r\n'
    "lang: en\r\n"
    "date: 2026-02-01\r\n"
    "authors: [moon]\r\n"
    "category: community\r\n"
    "summary: >\r\n"
    "  Layers, a thermos, and friends.\r\n"
    "---\r\n"
    "\r\n"
    "Wear layers.\r\n"
)


def review(content: Path, name: str, reviewer: str, *more: str, lang: str = "en") -> tuple[int, str, str]:
    result = publish(
        "review", str(content / "posts" / name), "--by", reviewer, "--content", str(content), "--today", "2026-02-15",
        *more, env={"RELAIS_LANG": lang},
    )  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def test_reviewing_changes_exactly_two_lines_and_keeps_everything_else(content: Path, tmp_path: Path) -> None:
    path = content / "posts/warm.md"
    path.write_bytes(WAITING.encode())
    code, out, err = review(content, "warm.md", "ana")
    assert code == 0, err
    expected = WAITING.replace(
        'status: "review"  # Lune: ready when you are!\r\n',
        'status: "published"  # Lune: ready when you are!\r\nreviewed_by: ana\r\n',
    )
    assert path.read_bytes() == expected.encode()
    assert "reviewed by Ana and published (status: published, reviewed_by: ana)" in out
    assert "dated 2026-02-01" in out and "2026-02-15" in out  # it would be listed under its own date
    built = publish("build", "--content", str(content), "--output", str(tmp_path / "out"), "--today", "2026-02-15")
    assert built.returncode == 0, built.stderr
    assert "Wear layers." in (tmp_path / "out/en/posts/warm/index.html").read_text(encoding="utf-8")


def test_a_reviewed_by_already_written_gets_its_value(content: Path) -> None:
    path = content / "posts/in-review.md"
    path.write_text(path.read_text().replace("status: review\n", "status: review\nreviewed_by:\n"))
    code, _out, err = review(content, "in-review.md", "ana")
    assert code == 0, err
    front = path.read_text().split("---")[1]
    assert "status: published\nreviewed_by: ana\n" in front and front.count("reviewed_by") == 1


@pytest.mark.parametrize(
    ("reviewer", "why"),
    [
        ("moon", "'moon' is not a staff member, and a staff member reviews peers' posts — staff members are: ana"),
        ("anna", "there is no author called 'anna' — did you mean 'ana'? staff members are: ana"),
    ],
)
def test_only_a_staff_author_reviews(content: Path, reviewer: str, why: str) -> None:
    before = (content / "posts/in-review.md").read_bytes()
    code, out, err = review(content, "in-review.md", reviewer)
    assert (code, out) == (1, "")
    assert err.strip() == f"Nothing was changed: {why}."
    assert (content / "posts/in-review.md").read_bytes() == before


def test_nobody_reviews_their_own_post(content: Path) -> None:
    write(content, "posts/mine.md", WAITING.replace("[moon]", "[moon, ana]"))
    code, _out, err = review(content, "mine.md", "ana")
    assert code == 1 and "'ana' wrote " in err and "mine.md: someone who did not write it reviews it." in err


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("secret-draft.md", "is not waiting for review (status: draft): when the writer is done, they set"),
        ("hello.md", "is already published"),
        ("../pages/about.md", "is not a post: only posts are reviewed this way"),
    ],
)
def test_only_a_post_waiting_for_review(content: Path, name: str, why: str) -> None:
    before = (content / "posts" / name).read_bytes()
    code, _out, err = review(content, name, "ana")
    assert code == 1 and why in err, err
    assert (content / "posts" / name).read_bytes() == before


def test_a_post_with_a_problem_stays_waiting_and_its_problems_are_shown(content: Path) -> None:
    """Warnings too: the public build is strict, so only a clean post is published."""
    text = WAITING.replace("Wear layers.", "# Wear layers\r\n\r\nAnd a hat.").replace("community", "comunity")
    write(content, "posts/warm.md", text)
    before = (content / "posts/warm.md").read_bytes()
    code, _out, err = review(content, "warm.md", "ana")
    assert code == 1
    lines = err.strip().splitlines()
    assert any("warm.md:7: warning: category: 'comunity' is not one of our categories" in line for line in lines), err
    assert any("warm.md:12: warning: heading" in line for line in lines), err
    assert lines[-1].startswith("Nothing was changed: ")
    assert lines[-1].endswith("warm.md still has problems; it stays waiting for review until they are fixed.")
    assert (content / "posts/warm.md").read_bytes() == before


def test_refusals_in_french(content: Path) -> None:
    code, _out, err = review(content, "in-review.md", "moon", lang="fr")
    assert code == 1
    assert err.strip().startswith("Rien n'a été changé : « moon » ne fait pas partie de l'équipe")
