"""The command line as writers use it: help, check, new."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.helpers import POST, check_messages, publish, write

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<field>[^:]+): (?P<what>.+) — (?P<fix>.+)$")


@pytest.mark.parametrize("command", [[], ["check"], ["build"], ["serve"], ["new"], ["status"], ["review"], ["deploy"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = publish(*command, "--help")
    assert result.returncode == 0
    assert "usage: publish.py" in result.stdout and len(result.stdout) > 200


def test_check_reports_each_mistake_once_in_one_run(content: Path) -> None:
    write(content, "posts/one.md", POST.format(title="One").replace("category: news", "category: helth"))
    write(content, "posts/two.md", POST.format(title="Two").replace("date: 2026-01-15", "date: someday"))
    write(content, "posts/three.md", POST.format(title="Three").replace("authors: [ana]", "authers: [ana]"))
    write(content, "pages/four.md", "---\ntitle: Four\nlang: en\nstatus: publish\n---\nx\n")
    code, lines = check_messages(content)
    assert code == 1
    problems = [line for line in lines if LINE.match(line)]
    assert len(problems) == 5, lines  # 'authers' is unknown and 'authors' is then missing
    fields = sorted((LINE.match(line)["file"].rsplit("/", 1)[-1], LINE.match(line)["field"]) for line in problems)
    assert fields == [
        ("four.md", "status"),
        ("one.md", "category"),
        ("three.md", "authers"),
        ("three.md", "authors"),
        ("two.md", "date"),
    ]
    assert lines[-1] == "5 errors, 0 warnings."


def test_check_passes_on_valid_content(content: Path) -> None:
    code, lines = check_messages(content)
    assert code == 0 and lines == []


def test_warnings_fail_only_with_strict(content: Path) -> None:
    write(content, "posts/top-heading.md", POST.format(title="Top").replace("Body.", "# A second title\n\nBody."))
    assert check_messages(content)[0] == 0
    code, lines = check_messages(content, "--strict")
    assert code == 1 and "warning: heading" in lines[0]
    assert lines[-1].endswith("(--strict: warnings count as errors).")


@pytest.mark.parametrize("status", ["draft", "review"])
def test_unpublished_files_never_stop_the_site_even_with_strict(content: Path, tmp_path: Path, status: str) -> None:
    """A draft or a post waiting for review with errors gives warnings; the published content still builds."""
    write(
        content,
        "posts/wip.md",
        POST.format(title="Wip")
        .replace("status: published", f"status: {status}")
        .replace("summary: A summary.\n", "")
        .replace("category: news", "category: helth"),
    )
    code, lines = check_messages(content, "--strict")
    assert code == 0, lines
    held = [line for line in lines if "wip.md" in line]
    assert len(held) == 2 and all(": warning: " in line and "before" in line for line in held), held
    assert lines[-1].startswith("0 errors, 2 warnings (--strict: warnings count as errors, except those of files")
    result = publish("build", "--strict", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/en/posts/hello/index.html").is_file()
    assert not (tmp_path / "out/en/posts/wip").exists()


def test_a_scheduled_post_must_be_clean(content: Path) -> None:
    """A post dated later goes out on a build nobody watches: its problems stay errors."""
    write(
        content,
        "posts/later.md",
        POST.format(title="Later").replace("2026-01-15", "2099-01-01").replace("news", "helth"),
    )
    code, lines = check_messages(content, "--strict")
    assert code == 1 and any("later.md" in line and "warning" not in line for line in lines), lines


def test_new_post_fills_in_the_fields(content: Path) -> None:
    result = publish(
        "new",
        "post",
        "Où manger gratuitement ce soir ? 🍲",
        "--lang",
        "fr",
        "--author",
        "ana",
        "--content",
        str(content),
    )
    assert result.returncode == 0, result.stderr
    path = content / "posts/ou-manger-gratuitement-ce-soir.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert front["title"] == "Où manger gratuitement ce soir ? 🍲"
    assert front["lang"] == "fr" and front["status"] == "draft" and front["authors"] == ["ana"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(front["date"]))
    # A new draft is not an error: only warnings until it is filled in.
    code, lines = check_messages(content)
    assert code == 0 and all("warning" in line for line in lines[:-1])


def test_new_never_overwrites(content: Path) -> None:
    path = content / "pages/about.md"
    before = path.read_bytes()
    result = publish("new", "page", "About", "--content", str(content))
    assert result.returncode == 1 and "already exists" in result.stderr
    assert path.read_bytes() == before


def test_new_rejects_unknown_language(content: Path) -> None:
    result = publish("new", "post", "Hallo", "--lang", "de", "--content", str(content))
    assert result.returncode == 1 and "en, fr" in result.stderr


def test_bad_today_is_explained(content: Path) -> None:
    result = publish("build", "--content", str(content), "--today", "22/11/2026")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_a_plugin_that_cannot_be_loaded_fails_the_build(content: Path, tmp_path: Path) -> None:
    from tests.helpers import ROOT

    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nPLUGINS = PLUGINS + ['no_such_plugin']\n"
    )
    result = publish("build", "--settings", str(settings), "--content", str(content), "--output", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "PLUGINS: the plugin 'no_such_plugin' could not be loaded" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_private_string_stops_the_build_even_in_a_draft(content: Path, tmp_path: Path) -> None:
    """The one exception to held problems: the repository itself must not keep a never-publish string."""
    (tmp_path / "never.txt").write_text("Rue des Lucioles 2250\n")
    write(content, "posts/wip.md", POST.format(title="Meet at Rue des Lucioles 2250").replace("published", "draft"))
    result = publish("check", "--content", str(content), env={"RELAIS_NEVER_PUBLISH": str(tmp_path / "never.txt")})
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if "wip.md" in line]
    assert "never-publish" in line and ": warning:" not in line
