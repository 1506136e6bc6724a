"""`publish.py snippets`, as staff use it from a terminal."""

from __future__ import annotations

from pathlib import Path

from announcements.model import StandaloneAnnouncement
from relais.schemas import Announce
from tests.helpers import DEMO_TODAY, ROOT, publish


def test_help_explains_the_command() -> None:
    result = publish("snippets", "--help")
    assert result.returncode == 0
    assert "usage: publish.py snippets" in result.stdout and "--format {bbcode,markdown,text,short}" in result.stdout


def test_one_snippet_prints_just_its_text_as_the_site_offers_it(demo_site: Path) -> None:
    result = publish("snippets", "post-peer-gatherings", "--format", "bbcode", "--lang", "fr", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (demo_site / "announcements/post-peer-gatherings.fr.bbcode.txt").read_text("utf-8")


def test_several_snippets_come_each_after_its_file_name(demo_site: Path) -> None:
    result = publish("snippets", "text-line", "--lang", "en", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    parts = result.stdout.split("==> ")
    names = [part.split(" <==")[0] for part in parts[1:]]
    assert names == ["text-line.en.bbcode.txt", "text-line.en.md.txt", "text-line.en.txt", "text-line.en.short.txt"]
    first = parts[1].split(" <==\n", 1)[1]
    assert first.rstrip("\n") == (demo_site / "announcements/text-line.en.bbcode.txt").read_text("utf-8").rstrip()


def test_unknown_announcement_lists_the_choices() -> None:
    result = publish("snippets", "peer-gathering", "--today", DEMO_TODAY)
    assert result.returncode == 1 and result.stdout == ""
    assert "There is no announcement 'peer-gathering' on offer on 2026-11-22" in result.stderr
    assert "did you mean 'post-peer-gatherings'?" in result.stderr
    assert "text-line (en, fr)" in result.stderr and "december-17 (en, fr)" in result.stderr


def test_unknown_language_and_missing_translation_are_explained() -> None:
    result = publish("snippets", "--lang", "de", "--today", DEMO_TODAY)
    assert result.returncode == 1 and "'de' is not one of the site's languages — use one of: en, fr" in result.stderr
    result = publish("snippets", "post-warm-clothes-and-hot-meals-this-winter", "--lang", "fr", "--today", DEMO_TODAY)
    assert result.returncode == 1
    assert "Nothing is on offer in 'fr'" in result.stderr and "(en)" in result.stderr


def test_nothing_on_offer(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    result = publish("snippets", "--content", str(content), "--today", DEMO_TODAY, cwd=ROOT)
    assert result.returncode == 1 and "No announcement is on offer on 2026-11-22." in result.stderr


def test_every_announcement_field_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for model in (Announce, StandaloneAnnouncement):
        for name in model.model_fields:
            assert f"| `{name}` |" in readme, f"document the field '{name}' of {model.__name__} in README.md"
