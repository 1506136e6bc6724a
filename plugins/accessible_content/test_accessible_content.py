"""Headings in order: the writer hears about a skipped level or a second main heading."""

from __future__ import annotations

from pathlib import Path

from accessible_content import heading_problems, headings_of
from relais.build import BuildOptions, check
from relais.problems import Severity
from tests.helpers import ROOT, copy_minimal, write


def test_levels_go_down_one_at_a_time() -> None:
    ok = headings_of("<h2>A</h2><h3>B</h3><h3>C</h3><h2>D</h2><h3>E</h3><h4>F</h4><h2>G</h2>")
    assert list(heading_problems(ok)) == []
    wrong = headings_of("<h1>Title again</h1><h2>A</h2><h4>Too deep</h4>")
    assert [position for position, _, _ in heading_problems(wrong)] == [0, 2]


def test_check_names_the_markdown_line(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write(
        content,
        "posts/headings.md",
        "---\ntitle: Headings\ndate: 2026-01-15\nauthors: [ana]\ncategory: news\nsummary: S.\nlang: en\n"
        "status: published\n---\n\nIntro.\n\n## Where\n\nText.\n\n#### Hours\n\nText.\n",
    )
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    found = [p for p in result.problems if p.file.endswith("posts/headings.md")]
    assert [(p.line, p.field, p.severity) for p in found] == [(17, "heading", Severity.WARNING)]
    assert "from level 2 to level 4" in found[0].what and "###" in found[0].fix
