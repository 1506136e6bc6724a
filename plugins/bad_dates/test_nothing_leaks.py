"""What is not a published report's public text never reaches the built site, in any file or any form."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from bad_dates.conftest import both_languages, built, report, write_edition
from tests.helpers import publish, settings_file, tree_digest, write

MARKERS = {
    "draft": "Quillfeather",
    "review": "Marmaduke",
    "old": "Thistlewood",
    "key": "Vexwick",
}


def _site_text(folder: Path) -> str:
    """Every file's text, every PDF's extracted text, and every file name."""
    parts = []
    for path in sorted(folder.rglob("*")):
        parts.append(path.relative_to(folder).as_posix())
        if path.suffix == ".pdf":
            parts += [page.extract_text() or "" for page in PdfReader(io.BytesIO(path.read_bytes())).pages]
        elif path.is_file():
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def test_drafts_editions_in_review_and_old_editions_stay_off_the_site(content: Path, tmp_path: Path) -> None:
    both_languages(content, "2026-11", [report()])
    both_languages(
        content,
        "2026-10",
        [report(id="2026-10-r1", date="2026-10-02", reported_on="2026-10-03", what_happened=MARKERS["draft"])],
        status="draft",
    )
    both_languages(
        content,
        "2026-09",
        [report(id="2026-09-r1", date="2026-09-02", reported_on="2026-09-03", what_happened=MARKERS["review"])],
        status="review",
    )
    both_languages(
        content,
        "2025-06",
        [report(id="2025-06-r1", date="2025-06-02", reported_on="2025-06-03", what_happened=MARKERS["old"])],
    )
    result = built(tmp_path, content)
    assert result.built, [problem.format() for problem in result.problems]
    text = _site_text(tmp_path / "out")
    assert "He refused to pay and hit the worker." in text
    for marker in ("draft", "review", "old"):
        assert MARKERS[marker] not in text, marker
    for month in ("2026-10", "2026-09", "2025-06"):
        assert month + "-r1" not in text


def test_a_file_with_a_reporter_key_stops_the_build_and_the_site_stays_as_it_was(content: Path, tmp_path: Path) -> None:
    both_languages(content, "2026-11", [report()])
    output = tmp_path / "output"
    first = publish("build", "--content", str(content), "--output", str(output), "--today", "2026-11-22")
    assert first.returncode == 0, first.stderr
    before = tree_digest(output)
    leaking = report(id="2026-11-r2", area="Downtown")
    leaking["reporter"] = {"name": MARKERS["key"], "phone": "438-555-0111"}
    path = write_edition(content, "2026-11", "en", [report(), leaking])
    second = publish("build", "--content", str(content), "--output", str(output), "--today", "2026-11-22")
    assert second.returncode == 1
    assert f"{path.name}:" in second.stderr and "bad-dates/en/" in second.stderr
    assert "reports.1.reporter: 'reporter' is not a field of the bad date list" in second.stderr
    assert MARKERS["key"] not in second.stdout + second.stderr and "0111" not in second.stderr
    assert tree_digest(output) == before


def test_the_never_publish_list_covers_editions(content: Path, tmp_path: Path) -> None:
    both_languages(content, "2026-11", [report(advice="Ask for Lucie at the back door of the Lighthouse Inn.")])
    listed = write(tmp_path, "never.txt", "Lighthouse Inn\n")
    result = publish(
        "build",
        "--content",
        str(content),
        "--output",
        str(tmp_path / "output"),
        "--today",
        "2026-11-22",
        env={"RELAIS_NEVER_PUBLISH": str(listed)},
    )
    assert result.returncode == 1
    assert "bad-dates/en/2026-11.md" in result.stderr and "Lighthouse" not in result.stdout + result.stderr
    assert not (tmp_path / "output").exists()


def test_the_list_can_be_let_into_search_engines(content: Path, tmp_path: Path) -> None:
    both_languages(content, "2026-11", [report()])
    settings = settings_file(tmp_path, "BAD_DATES_NOINDEX = False")
    output = tmp_path / "output"
    result = publish(
        "build",
        "--settings",
        str(settings),
        "--content",
        str(content),
        "--output",
        str(output),
        "--today",
        "2026-11-22",
    )
    assert result.returncode == 0, result.stderr
    assert 'name="robots"' not in (output / "en/bad-dates/2026-11/index.html").read_text(encoding="utf-8")
    assert "/en/bad-dates/2026-11/" in (output / "sitemap.xml").read_text(encoding="utf-8")
