"""The never-publish list, built for real: a private string, however it is written, fails the build,
names where it came from without repeating it, and leaves the published site untouched; the public
build refuses to run without a list; nothing publish.py prints repeats a private string."""

from __future__ import annotations

import gzip
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from relais.folding import fold
from relais.private_list import NeverPublishList, Rule
from relais.report import RedactingStream, redact
from tests.helpers import DEMO_TODAY, FIXTURES, ROOT, publish, tree_digest, write

SETTINGS = FIXTURES / "settings_without_cards.py"
TODAY = "2026-02-15"
SECRETS = "# private\n2250, rue des Lucioles\n514-555-0199\nMarie-Ève Tremblay-Secret\n"
# What must never appear in anything publish.py prints, nor in the published site.
PRIVATE_WORDS = ("lucioles", "luci", "0199", "tremblay")
SERVICE = """---
title: {title}
summary: {summary}
lang: en
status: active
category: drop-in
audience: [everyone]
how_to_access: Call us.
location:
  confidential: true
  note: Ask an outreach worker.
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
ANNOUNCEMENT = """headline: Tonight
text: {text}
date: 2026-02-01
lang: en
translation_key: tonight
status: published
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


def run(
    command: str, content: Path, secrets: Path | None, *extra: str, settings: Path = SETTINGS
) -> subprocess.CompletedProcess[str]:
    env = {"RELAIS_NEVER_PUBLISH": str(secrets)} if secrets else {}
    return publish(command, "--settings", str(settings), "--content", str(content), *extra, env=env)


def build(
    content: Path, output: Path, secrets: Path | None, settings: Path = SETTINGS
) -> subprocess.CompletedProcess[str]:
    return run("build", content, secrets, "--output", str(output), "--today", TODAY, settings=settings)


def assert_nothing_private_printed(result: subprocess.CompletedProcess[str]) -> None:
    printed = fold(result.stdout + result.stderr)
    for word in PRIVATE_WORDS:
        assert fold(word) not in printed, (word, result.stderr)


@pytest.fixture()
def published(content: Path, tmp_path: Path, secrets: Path) -> Path:
    """A good site already in place, built with the list."""
    write(content, "services/line.md", SERVICE.format(title="Phone line", summary="Call us."))
    write(content, "guides/guide.md", GUIDE.format(title="A good guide"))
    output = tmp_path / "output"
    result = build(content, output, secrets)
    assert result.returncode == 0, result.stderr
    return output


# --- Sources: every field, every spelling ----------------------------------------------------------

# (file, text replaced, planted text, what marks the planted line)
PLANTS = {
    "post body": ("posts/hello.md", "First post body.", "Meet us at 2250 Rue des Lucioles tonight.", "Meet us"),
    "service summary": ("services/line.md", "summary: Call us.", "summary: Call (514) 555-0199 any time.", "summary"),
    "guide title": ("guides/guide.md", "title: A good guide", "title: Marie-Eve TREMBLAY secret's guide", "title"),
    "image alt text": (
        "posts/hello.md",
        "First post body.",
        "![2250, RUE DES LUCIOLES]({static}/images/door.png)",
        "![",
    ),
}
# The same, written so that the text as written does not show it.
SPELLINGS = {
    "body, a tag with an attribute": (
        "posts/hello.md",
        "First post body.",
        'We meet at 2250 rue des <span lang="fr">Luci</span>oles.',
        "We meet",
    ),
    "body, a Markdown reference link": (
        "posts/hello.md",
        "First post body.",
        "We meet at 2250 rue des [Luci][1]oles.\n\n[1]: /en/about/",
        "We meet",
    ),
    "summary, a comment inside": (
        "posts/hello.md",
        "summary: A first post with an ampersand & angle <brackets>.",
        'summary: "2250 rue des Luci<!-- hidden -->oles"',
        "summary",
    ),
    "summary, folded over two lines": (
        "posts/hello.md",
        "summary: A first post with an ampersand & angle <brackets>.",
        "summary: >\n  We meet at 2250 rue des\n  Luci<wbr>oles.",
        "summary",
    ),
    "tag, in look-alike letters": (
        "posts/hello.md",
        "tags: [welcome]",
        "tags: [welcome, 2250 rue des Lucіоles]",
        "tags",
    ),
    "location note, a YAML escape": (
        "services/line.md",
        "note: Ask an outreach worker.",
        'note: "Text 514\\u2011555\\u20110199 for the address"',
        "note:",
    ),
}


def plant(content: Path, relative: str, old: str, new: str, marker: str) -> int:
    """Replace a line of a file; return the line the planted text is on."""
    write(content, "images/door.png", "")
    if not (content / relative).exists():
        write(content, "services/line.md", SERVICE.format(title="Phone line", summary="Call us."))
        write(content, "guides/guide.md", GUIDE.format(title="A good guide"))
    source = content / relative
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new), encoding="utf-8")
    return next(n for n, written in enumerate(source.read_text().split("\n"), 1) if marker in written)


@pytest.mark.parametrize("where", sorted(PLANTS))
def test_a_planted_string_fails_the_build_and_names_its_source(
    where: str, content: Path, published: Path, secrets: Path
) -> None:
    relative = PLANTS[where][0]
    line = plant(content, *PLANTS[where])
    before = tree_digest(published)
    result = build(content, published, secrets)
    assert result.returncode == 1
    assert f"{relative}:{line}: never-publish: this holds the" in result.stderr, result.stderr
    assert "never-publish.txt" in result.stderr
    assert "left as it was" in result.stderr
    assert tree_digest(published) == before
    assert_nothing_private_printed(result)
    assert_nothing_private_in(published)


@pytest.mark.parametrize("where", sorted(SPELLINGS))
def test_a_string_hidden_by_how_it_is_written_fails_the_build(
    where: str, content: Path, secrets: Path, tmp_path: Path
) -> None:
    relative = SPELLINGS[where][0]
    line = plant(content, *SPELLINGS[where])
    result = build(content, tmp_path / "out", secrets)
    assert result.returncode == 1
    assert f"{relative}:{line}: never-publish: this holds the" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()
    assert_nothing_private_printed(result)


def test_an_announcement_written_with_an_entity_fails(content: Path, secrets: Path, tmp_path: Path) -> None:
    write(content, "announcements/tonight.yml", ANNOUNCEMENT.format(text='"At 2250 rue des Luci&#111;les."'))
    result = build(content, tmp_path / "out", secrets)
    assert result.returncode == 1
    assert "announcements/tonight.yml:2: never-publish: this holds the text on line 2" in result.stderr
    assert "formatting, escapes or look-alike characters" in result.stderr
    assert not (tmp_path / "out").exists()
    assert_nothing_private_printed(result)


def test_file_and_folder_names_count_even_for_an_image_nobody_links_to(
    content: Path, secrets: Path, tmp_path: Path
) -> None:
    write(content, "images/2250-rue-des-lucioles.png", "")
    hello = (content / "posts/hello.md").read_text()
    write(content, "posts/Marie-Eve-Tremblay-secret.md", hello.replace("translation_key: hello\n", ""))
    result = build(content, tmp_path / "out", secrets)
    assert result.returncode == 1
    assert "content/images/: never-publish: a file or folder in here has the text on line 2" in result.stderr
    assert "content/posts/: never-publish: a file or folder in here has the text on line 4" in result.stderr
    assert_nothing_private_printed(result)


def test_a_string_put_together_by_the_theme_is_caught_in_every_built_file(
    content: Path, published: Path, secrets: Path, tmp_path: Path
) -> None:
    """Pages and PDFs: the source check cannot see it, the check of the built site does."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    for name in ("page.html", "guide_pdf.html"):
        template = theme / "templates" / name
        marker = "{{ page.content | safe }}" if name == "page.html" else "</body>"
        assert marker in template.read_text()
        # Built from pieces no source holds: one letter swapped, and a title ending on part of a rule.
        assembled = '<p>{{ "514-555-x199" | replace("x", "0") }} {{ page.title }}oles</p>'
        template.write_text(template.read_text().replace(marker, assembled + marker))
    about = content / "pages/about.md"
    about.write_text(about.read_text().replace("title: About", 'title: "2250 rue des Luci"', 1))
    settings = settings_with(tmp_path, f"THEME = {str(theme)!r}")
    before = tree_digest(published)
    result = build(content, published, secrets, settings)
    assert result.returncode == 1, result.stdout
    errors = result.stderr
    assert "output/en/about/index.html (built site): never-publish: this built file holds the phone number" in errors
    assert "no source file holds it whole: a template, a setting or a plugin put it together" in errors
    assert "theme/templates/page.html:" in errors  # where the parts are
    assert "output/en/about/index.html (built site): never-publish: this built file holds the text on line 2" in errors
    assert "parts found in " in errors and "pages/about.md:2" in errors
    assert "guides/guide/guide.pdf (built site): never-publish: this built file holds the phone number" in errors
    assert tree_digest(published) == before
    assert not list(published.parent.glob(".relais-build-*"))
    assert_nothing_private_printed(result)
    assert_nothing_private_in(published)


def assert_nothing_private_in(folder: Path) -> None:
    rules = [fold(line) for line in SECRETS.splitlines() if line and not line.startswith("#")]
    for name, text in readable_texts(folder).items():
        folded = fold(text)
        assert not [rule for rule in rules if rule in folded], name


# --- A good build: nothing private in any file a reader can get ------------------------------------


def readable_texts(folder: Path) -> dict[str, str]:
    """Every built file's text, read with the parsers readers' tools use (not the check's own)."""
    import lxml.html
    from PIL import Image
    from pypdf import PdfReader

    texts = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        parts = [path.relative_to(folder).as_posix()]
        if data.startswith(b"%PDF"):
            reader = PdfReader(io.BytesIO(data))
            parts += [page.extract_text() for page in reader.pages] + [str(reader.metadata)]
            for page in reader.pages:
                for image in page.images:
                    with Image.open(io.BytesIO(image.data)) as embedded:
                        parts += [str(embedded.info), str(dict(embedded.getexif()))]
        elif path.suffix in (".jpg", ".jpeg", ".png", ".webp", ".gif"):
            with Image.open(path) as image:
                parts += [str(image.info), str(dict(image.getexif()))]
        else:
            text = data.decode("utf-8", "replace")
            parts.append(text)
            if path.suffix == ".html":
                parts.append(lxml.html.document_fromstring(data).text_content())
        texts[path.relative_to(folder).as_posix()] = "\n".join(parts)
    return texts


def test_the_demo_builds_with_its_example_list_and_no_file_holds_a_listed_string(tmp_path: Path) -> None:
    output = tmp_path / "output"
    env = {"RELAIS_NEVER_PUBLISH": "private/never-publish.example.txt"}
    result = publish("build", "--output", str(output), "--today", DEMO_TODAY, env=env)
    assert result.returncode == 0, result.stderr
    assert "No never-publish list" not in result.stderr
    example = (ROOT / "private/never-publish.example.txt").read_text()
    rules = [fold(line) for line in example.splitlines() if line.strip() and not line.startswith("#")]
    texts = readable_texts(output)
    assert any(name.endswith(".pdf") for name in texts) and any(name.endswith("pf_fragment") for name in texts)
    for name, text in texts.items():
        folded = fold(text)
        assert not [rule for rule in rules if rule in folded], name


# --- Fail closed -------------------------------------------------------------------------------------


def test_without_a_list_the_preview_says_so_and_builds(content: Path, tmp_path: Path) -> None:
    result = build(content, tmp_path / "out", None)
    assert result.returncode == 0, result.stderr
    assert "No never-publish list" in result.stderr


def test_the_public_settings_refuse_to_run_without_a_list(content: Path, tmp_path: Path) -> None:
    settings = settings_with(tmp_path, "NEVER_PUBLISH_REQUIRED = True")
    for command in ("check", "build"):
        result = run(command, content, None, "--today", TODAY, settings=settings)
        assert result.returncode == 1, command
        assert "extraconf.py:4: NEVER_PUBLISH_REQUIRED: the never-publish list" in result.stderr
        assert "copy private/never-publish.example.txt to private/never-publish.txt" in result.stderr
    for command in ("serve", "snippets"):
        result = run(command, content, None, settings=settings)
        assert result.returncode == 1, command
        assert "Nothing was done: the public site needs a never-publish list" in result.stderr
    without_plugin = settings_with(
        tmp_path, "NEVER_PUBLISH_REQUIRED = True\nPLUGINS = [p for p in PLUGINS if p != 'never_publish']"
    )
    result = run("check", content, None, settings=without_plugin)
    assert result.returncode == 1 and "the 'never_publish' plugin that checks it is not in PLUGINS" in result.stderr


def test_the_real_public_settings_need_the_list_and_build_with_it() -> None:
    result = publish(
        "check",
        "--settings",
        "publishconf.py",
        "--today",
        DEMO_TODAY,
        env={"RELAIS_NEVER_PUBLISH": "private/never-publish.example.txt"},
    )
    assert result.returncode == 0, result.stderr
    assert "NEVER_PUBLISH_REQUIRED = True" in (ROOT / "publishconf.py").read_text()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("empty variable", "RELAIS_NEVER_PUBLISH: the variable is set but empty"),
        ("no rule", "the never-publish list holds no string, so nothing would be checked"),
        ("a folder", "the never-publish list could not be read"),
        ("not UTF-8", "this list is not saved as UTF-8 text"),
        ("missing", "RELAIS_NEVER_PUBLISH: the never-publish list"),
        ("inside the content", "the never-publish list is inside a folder the site is built from"),
    ],
)
def test_a_list_that_cannot_be_used_stops_every_build(content: Path, tmp_path: Path, case: str, expected: str) -> None:
    paths = {
        "empty variable": "",
        "no rule": tmp_path / "empty.txt",
        "a folder": tmp_path,
        "not UTF-8": tmp_path / "latin.txt",
        "missing": tmp_path / "nowhere.txt",
        "inside the content": content / "never-publish.txt",
    }
    (tmp_path / "empty.txt").write_text("# nothing yet\n\n")
    (tmp_path / "latin.txt").write_bytes("2250 rue des Lucìoles\n".encode("latin-1"))
    (content / "never-publish.txt").write_text("2250 rue des Lucioles\n")
    result = publish(
        "build",
        "--settings",
        str(SETTINGS),
        "--content",
        str(content),
        "--output",
        str(tmp_path / "out"),
        env={"RELAIS_NEVER_PUBLISH": str(paths[case])},
    )
    assert result.returncode == 1, result.stderr
    assert expected in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_list_asked_for_by_the_settings_must_exist(content: Path, tmp_path: Path) -> None:
    settings = settings_with(tmp_path, 'NEVER_PUBLISH_FILE = "private/missing.txt"')
    result = publish("check", "--settings", str(settings), "--content", str(content))
    assert result.returncode == 1
    assert "extraconf.py:4: NEVER_PUBLISH_FILE: the never-publish list" in result.stderr


def test_the_setting_points_at_the_list_and_the_environment_wins(content: Path, tmp_path: Path, secrets: Path) -> None:
    write(
        content,
        "posts/hello.md",
        (content / "posts/hello.md").read_text().replace("First post body.", "Call 514 555 0199."),
    )
    settings = settings_with(tmp_path, f"NEVER_PUBLISH_FILE = {str(secrets)!r}")
    result = publish("check", "--settings", str(settings), "--content", str(content))
    assert result.returncode == 1 and "the phone number on line 3" in result.stderr
    other = tmp_path / "other.txt"
    other.write_text("Somebody Else Entirely\n")
    result = publish(
        "check", "--settings", str(settings), "--content", str(content), env={"RELAIS_NEVER_PUBLISH": str(other)}
    )
    assert result.returncode == 0, result.stderr


def test_too_short_a_rule_is_refused(content: Path, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("ok line here\nA-1\n")
    result = run("check", content, short)
    assert result.returncode == 1 and "short.txt:2: never-publish: this line has fewer than 4" in result.stderr


# --- What publish.py prints -----------------------------------------------------------------------


def test_snippets_refuse_to_print_a_private_string(content: Path, secrets: Path) -> None:
    write(content, "announcements/tonight.yml", ANNOUNCEMENT.format(text='"Come to 2250 rue des <b>Luci</b>oles."'))
    result = run("snippets", content, secrets, "--today", TODAY)
    assert result.returncode == 1 and result.stdout == ""
    assert "content/announcements/tonight.yml:2: never-publish: this holds the text on line 2" in result.stderr
    assert "Nothing was printed" in result.stderr
    assert_nothing_private_printed(result)
    # With the string gone, the same command prints the snippet.
    write(content, "announcements/tonight.yml", ANNOUNCEMENT.format(text="Come by tonight."))
    result = run("snippets", content, secrets, "tonight", "--format", "text", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tonight")


def test_snippets_refuse_when_the_list_cannot_be_used(content: Path, tmp_path: Path) -> None:
    write(content, "announcements/tonight.yml", ANNOUNCEMENT.format(text="Come by tonight."))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("snippets", content, empty, "--today", TODAY)
    assert result.returncode == 1 and result.stdout == ""
    assert "the never-publish list holds no string" in result.stderr


def test_every_line_printed_is_redacted(content: Path, secrets: Path) -> None:
    """Messages that quote a name or what was typed go through the redaction too."""
    hello = (content / "posts/hello.md").read_text().replace("translation_key: hello\n", "")
    write(content, "posts/2250-rue-des-lucioles.md", hello.replace("First post body.", "A prostituée, she said."))
    result = run("check", content, secrets)
    assert "«[private: line 2 of " in result.stderr  # the language check's warning names the file
    assert_nothing_private_printed(result)
    (content / "posts/2250-rue-des-lucioles.md").unlink()
    write(content, "announcements/tonight.yml", ANNOUNCEMENT.format(text="Come by tonight."))
    result = run("snippets", content, secrets, "2250-RUE-des-Lucioles", "--today", TODAY)
    assert result.returncode == 1 and "There is no announcement '«[private: line 2 of " in result.stderr
    assert_nothing_private_printed(result)


NEVER = NeverPublishList(
    Path("private/never-publish.txt"),
    "private/never-publish.txt",
    (Rule(2, fold("2250, rue des Lucioles"), "text"), Rule(3, fold("514-555-0199"), "phone number")),
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("content/posts/2250-rue-des-lucioles.md:3: warning", "content/posts/«[private: line 2 of "),
        ("Call 514 555 0199 or (514) 555-0199.", "Call «[private: line 3 of private/never-publish.txt]» or («[priv"),
        ("At 2250 rue des <b>Luci</b>oles", "«[private: line 2 of private/never-publish.txt]»"),
        ("At 2250 rue des Luci&#111;les", "«[private: line 2 of private/never-publish.txt]»"),
        ("seloicuL sed eur 0522", "«[private: line 2 of private/never-publish.txt]»"),
        ("Nothing private here.", "Nothing private here."),
    ],
)
def test_redaction_replaces_each_spelling_by_its_rule(line: str, expected: str) -> None:
    redacted = redact(line, NEVER)
    assert redacted.startswith(expected), redacted
    assert "lucioles" not in fold(redacted) and "0199" not in redacted


def test_the_redacting_stream_waits_for_whole_lines() -> None:
    inner = io.StringIO()
    stream = RedactingStream(inner, NEVER)
    stream.write("Meet at 2250 rue des ")
    assert inner.getvalue() == ""
    stream.write("Lucioles.\nNext")
    assert inner.getvalue() == "Meet at «[private: line 2 of private/never-publish.txt]».\n"
    stream.write(" line 514-555-")
    stream.write("0199")
    stream.finish()
    assert inner.getvalue().endswith("Next line «[private: line 3 of private/never-publish.txt]»")
