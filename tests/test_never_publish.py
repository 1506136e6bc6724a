"""The never-publish list: a private string anywhere fails the build, names where it came from,
and leaves the published site untouched."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from never_publish.extract import texts_of
from never_publish.rules import normalise

from tests.helpers import DEMO_TODAY, FIXTURES, ROOT, publish, tree_digest, write

SETTINGS = FIXTURES / "settings_without_cards.py"
TODAY = "2026-02-15"
SECRETS = "# private\n2250, rue des Lucioles\n514-555-0199\nMarie-Ève Tremblay-Secret\n"
SERVICE = """---
title: {title}
summary: {summary}
lang: en
status: active
category: drop-in
audience: [everyone]
how_to_access: Call us.
---

Come by.
"""
GUIDE = """---
title: {title}
summary: A guide.
lang: en
status: published
source: A collective
permission:
  granted_by: The collective
  date: 2026-01-10
licence: CC BY 4.0
updated: 2026-01-12
---

## One

Text.
"""


def settings_with(folder: Path, extra: str) -> Path:
    """The test settings plus a few lines."""
    path = folder / "extraconf.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(FIXTURES)!r})\nfrom settings_without_cards import *\n{extra}\n"
    )
    return path


@pytest.fixture()
def secrets(tmp_path: Path) -> Path:
    path = tmp_path / "never-publish.txt"
    path.write_text(SECRETS, encoding="utf-8")
    return path


def build(
    content: Path, output: Path, secrets: Path | None, settings: Path = SETTINGS
) -> subprocess.CompletedProcess[str]:
    env = {"RELAIS_NEVER_PUBLISH": str(secrets)} if secrets else {}
    return publish(
        "build",
        "--settings",
        str(settings),
        "--content",
        str(content),
        "--output",
        str(output),
        "--today",
        TODAY,
        env=env,
    )


@pytest.fixture()
def published(content: Path, tmp_path: Path, secrets: Path) -> Path:
    """A good site already in place, built with the list."""
    write(content, "services/line.md", SERVICE.format(title="Phone line", summary="Call us."))
    write(content, "guides/guide.md", GUIDE.format(title="A good guide"))
    output = tmp_path / "output"
    result = build(content, output, secrets)
    assert result.returncode == 0, result.stderr
    return output


PLANTS = {
    "post": ("posts/hello.md", "First post body.", "Meet us at 2250 Rue des Lucioles tonight."),
    "service": ("services/line.md", "summary: Call us.", "summary: Call (514) 555-0199 any time."),
    "guide title": ("guides/guide.md", "title: A good guide", "title: Marie-Eve TREMBLAY secret's guide"),
    "image alt text": ("posts/hello.md", "First post body.", "![2250, RUE DES LUCIOLES]({static}/images/door.png)"),
}


@pytest.mark.parametrize("where", sorted(PLANTS))
def test_a_planted_string_fails_the_build_and_names_its_source(
    where: str, content: Path, published: Path, secrets: Path
) -> None:
    relative, old, new = PLANTS[where]
    write(content, "images/door.png", "")
    source = content / relative
    source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    line = next(n for n, text in enumerate(source.read_text().split("\n"), 1) if new in text)
    before = tree_digest(published)
    result = build(content, published, secrets)
    assert result.returncode == 1
    assert f"{relative}:{line}: never-publish: this holds the" in result.stderr, result.stderr
    assert str(secrets) in result.stderr or "never-publish.txt" in result.stderr
    assert "left as it was" in result.stderr
    assert tree_digest(published) == before
    # The secret itself is never repeated in the message.
    assert "Lucioles" not in result.stderr and "0199" not in result.stderr and "Tremblay" not in result.stderr


def test_a_string_put_together_by_the_theme_is_caught_in_the_built_site(
    content: Path, published: Path, secrets: Path, tmp_path: Path
) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    page = theme / "templates/page.html"
    # Reversed in the template, so no source file holds it as written.
    page.write_text(page.read_text().replace("{{ page.content | safe }}", '{{ "seloicuL sed eur ,0522" | reverse }}'))
    settings = settings_with(tmp_path, f"THEME = {str(theme)!r}")
    before = tree_digest(published)
    result = build(content, published, secrets, settings)
    assert result.returncode == 1, result.stdout
    assert "en/about/index.html (built site): never-publish: this built file holds the text on line 2" in result.stderr
    assert "no source file holds it" in result.stderr
    assert tree_digest(published) == before
    assert not list(published.parent.glob(".relais-build-*"))


def test_without_a_list_the_build_says_so_and_passes(content: Path, tmp_path: Path) -> None:
    result = build(content, tmp_path / "out", None)
    assert result.returncode == 0, result.stderr
    assert "No never-publish list" in result.stderr


def test_a_list_asked_for_but_missing_is_an_error(content: Path, tmp_path: Path) -> None:
    result = publish(
        "check",
        "--settings",
        str(SETTINGS),
        "--content",
        str(content),
        env={"RELAIS_NEVER_PUBLISH": str(tmp_path / "nowhere.txt")},
    )
    assert result.returncode == 1
    assert "RELAIS_NEVER_PUBLISH: the never-publish list" in result.stderr and "does not exist" in result.stderr
    settings = settings_with(tmp_path, 'NEVER_PUBLISH_FILE = "private/missing.txt"')
    result = publish("check", "--settings", str(settings), "--content", str(content))
    assert result.returncode == 1
    assert "extraconf.py: NEVER_PUBLISH_FILE: the never-publish list" in result.stderr


def test_the_setting_points_at_the_list_and_the_environment_wins(content: Path, tmp_path: Path, secrets: Path) -> None:
    write(
        content,
        "posts/hello.md",
        (content / "posts/hello.md").read_text().replace("First post body.", "Call 514 555 0199."),
    )
    settings = settings_with(tmp_path, f"NEVER_PUBLISH_FILE = {str(secrets)!r}")
    result = publish("check", "--settings", str(settings), "--content", str(content))
    assert result.returncode == 1 and "the phone number on line 3" in result.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n")
    result = publish(
        "check", "--settings", str(settings), "--content", str(content), env={"RELAIS_NEVER_PUBLISH": str(empty)}
    )
    assert result.returncode == 0, result.stderr


def test_too_short_a_rule_is_refused(content: Path, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("ok line here\nA-1\n")
    result = publish(
        "check", "--settings", str(SETTINGS), "--content", str(content), env={"RELAIS_NEVER_PUBLISH": str(short)}
    )
    assert result.returncode == 1 and "short.txt:2: never-publish: this line has fewer than 4" in result.stderr


def test_the_demo_never_publishes_its_example_list() -> None:
    """The demo's confidential address and private line are in no built file."""
    result = publish("check", "--today", DEMO_TODAY, env={"RELAIS_NEVER_PUBLISH": "private/never-publish.example.txt"})
    assert result.returncode == 0, result.stderr


def test_matching_ignores_case_accents_spacing_and_punctuation() -> None:
    key = normalise("2250, rue des Lucioles")
    for written in ("2250 RUE DES LUCIOLES", "2250,rue-des-lucioles", "2 250 rue des Lucìoles"):
        assert key in normalise(written), written
    assert normalise("514-555-0199") in normalise("+1 (514) 555.0199")
    assert normalise("Marie-Ève") == normalise("marie eve")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.html", "<p>2250, rue <em>des</em> Luc&iacute;oles</p>"),
        ("alt.html", '<img src="/x.png" alt="2250 rue des Lucioles">'),
        ("link.html", '<a href="/map?q=2250%20rue%20des%20Lucioles">map</a>'),
        ("feed.xml", "<content type='html'>&lt;p&gt;2250 rue &lt;b&gt;des&lt;/b&gt; Lucioles&lt;/p&gt;</content>"),
        ("data.json", json.dumps({"a": "2250 rue des Lucioles"}, ensure_ascii=True).replace("u", "\\u0075", 0)),
        ("escaped.json", '{"a": "2250 rue des Luci\\u006fles"}'),
        ("event.ics", "LOCATION:2250\\, rue des\r\n  Lucioles\r\n"),
        ("cdata.xml", "<summary><![CDATA[<p>2250 rue des <i>Lucioles</i></p>]]></summary>"),
        ("inline.html", "<script>var a = '2250 rue des Lucioles';</script><!-- 2250 rue des Lucioles -->"),
    ],
)
def test_every_kind_of_built_file_is_read(tmp_path: Path, name: str, data: str) -> None:
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    assert any(normalise("2250 rue des Lucioles") in normalise(view) for view in texts_of(path)), name


def test_compressed_files_and_pdfs_are_read(tmp_path: Path) -> None:
    from weasyprint import HTML

    (tmp_path / "index.pf_fragment").write_bytes(gzip.compress(b'pagefind_dcd{"content": "514-555-0199"}'))
    HTML(string="<p>Call 514&#8209;555&#8209;0199</p>").write_pdf(tmp_path / "card.pdf")
    for name in ("index.pf_fragment", "card.pdf"):
        assert any("5145550199" in normalise(view) for view in texts_of(tmp_path / name)), name
