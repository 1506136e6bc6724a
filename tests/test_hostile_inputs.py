"""Hostile or broken content ends in a named error, in seconds, with every other problem of the run.

The first test puts every kind of hostile input found from outside in ONE
content folder and runs the real ``publish.py check`` and ``build`` on it, each
under a subprocess timeout (a hang fails the test, rather than a timing
assertion).  The others look at one class each.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from relais.build import BuildOptions, check
from relais.limits import Limits
from relais.problems import Problem
from relais.sources import SourceError, parse_yaml
from tests.helpers import POST, ROOT, front_matter, publish, write
from tests.test_validation import POST_FIELDS

TIMEOUT = 120  # seconds; far above what each run takes, far below a hang
SETTINGS = ROOT / "pelicanconf.py"


def post(body: str = "Body.", **fields: str | None) -> str:
    return front_matter(POST_FIELDS, body, **fields)


def billion_laughs() -> str:
    """Nine levels of nine aliases each: a billion strings once expanded."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n\nBody.\n"


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size and holds no pixels: enough to look like a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def as_ordinary_user() -> dict[str, Callable[[], None]]:
    """Run the command without root's right to read any file, so that file permissions apply.

    Under root (containers, CI), the child drops CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH from its bounding set before it starts Python.
    """
    if os.geteuid() != 0:
        return {}
    libc = ctypes.CDLL(None, use_errno=True)

    def drop_read_anything() -> None:
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return {"preexec_fn": drop_read_anything}


# (file, words its message must hold): one line per file, whatever else is wrong in the run.
EXPECTED = {
    "posts/nested-fields.md:": ["nested too deeply", "MAX_FIELD_DEPTH in hostileconf.py"],
    "posts/laughs.md:": ["YAML anchor", "write each value out in full"],
    "posts/unreadable.md:": ["you do not have permission to read it", "chmod u+r"],
    "pages/locked:": ["this folder cannot be read", "chmod u+rx"],
    "posts/pipe.md:": ["not an ordinary file but a named pipe", "delete it"],
    "posts/broken-link.md:": ["symbolic link", "replace the link with a copy"],
    "posts/outside.md:": ["symbolic link"],
    "pages/elsewhere:": ["symbolic link"],
    "posts/too-big.md:": ["KB; the most is 256 KB (MAX_FILE_KB in hostileconf.py)"],
    "posts/many-tags.md:": ["this post has 400 tags; the most is 30 (MAX_TAGS in hostileconf.py)"],
    "posts/long-list.md:": ["too many values", "the most is 1000 values (MAX_VALUES in hostileconf.py)"],
    "posts/brackets.md:": ["takes too long", "the most is 1 second (MAX_CONVERT_SECONDS in hostileconf.py)"],
    "posts/nested-lists.md:": ["lists, quotes or HTML elements nest too deeply here; the most is 50 levels"],
    "posts/bracket-title.md:": ["never-publish", "takes too long"],
    "posts/nested-html.md:": ["nest too deeply here; the most is 50 levels (MAX_TEXT_DEPTH in hostileconf.py)"],
    "pages/search.md:": ["output/en/search/index.html", "search page (SEARCH_SAVE_AS)", "rename the file"],
    "posts/line\\x0abreak.md:1:": ["this name holds characters that cannot be shown", "rename it"],
    "posts/\\xff-latin1.md:1:": ["this name holds characters that cannot be shown"],
}


@pytest.fixture()
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """The minimal site plus one file of each hostile kind, and settings that allow 1 s per conversion."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests/fixtures/minimal", content)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(POST.format(title="OUTSIDE-SECRET"), encoding="utf-8")
    write(content, "posts/nested-fields.md", post(title="[" * 20_000 + "]" * 20_000))
    write(content, "posts/laughs.md", billion_laughs())
    write(content, "posts/unreadable.md", post()).chmod(0)
    write(content, "pages/locked/inside.md", post()).parent.chmod(0)
    os.mkfifo(content / "posts/pipe.md")
    (content / "posts/broken-link.md").symlink_to(tmp_path / "nowhere.md")
    (content / "posts/outside.md").symlink_to(outside / "secret.md")
    (content / "pages/elsewhere").symlink_to(outside)
    write(content, "posts/too-big.md", post(body="Words and more words.\n" * 20_000))
    write(content, "posts/many-tags.md", post(tags="[" + ", ".join(f"tag{n}" for n in range(400)) + "]"))
    write(content, "posts/long-list.md", post(authors="[" + ", ".join(["ana"] * 5000) + "]"))
    write(content, "posts/brackets.md", post(body="[" * 30_000))
    write(content, "posts/nested-lists.md", post(body="".join("    " * depth + "- item\n" for depth in range(300))))
    write(content, "posts/bracket-title.md", post(title='"' + "[" * 20_000 + '"'))
    write(content, "posts/nested-html.md", post(body="<blockquote>" * 3000 + "deep" + "</blockquote>" * 3000))
    write(content, "posts/line\nbreak.md", post())
    (content / "posts" / os.fsdecode(b"\xff-latin1.md")).write_text(post())  # a name saved as Latin-1
    write(content, "pages/search.md", front_matter({"title": "Search tips", "lang": "en", "status": "published"}))
    (content / "images").mkdir()
    (content / "images/huge.png").write_bytes(png_header(20_000, 20_000))
    settings = tmp_path / "hostileconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nTHEME = {str(ROOT / 'theme')!r}\n"
        "MAX_CONVERT_SECONDS = 1\n"
    )
    return content, settings


def assert_every_input_named(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    for file, words in EXPECTED.items():
        named = [line for line in lines if file in line]
        assert named, f"nothing names {file}:\n{stderr}"
        assert any(all(word in line for word in words) for line in named), (file, words, named)
    assert "OUTSIDE-SECRET" not in stderr
    assert ".relais-build" not in stderr


@pytest.mark.parametrize("command", ["check", "build"])
def test_every_hostile_input_is_named_in_one_run(hostile: tuple[Path, Path], tmp_path: Path, command: str) -> None:
    content, settings = hostile
    output = ["--output", str(tmp_path / "output")] if command == "build" else []
    result = publish(
        command,
        "--settings",
        str(settings),
        "--content",
        str(content),
        *output,
        env={"RELAIS_NEVER_PUBLISH": str(ROOT / "private/never-publish.example.txt")},  # it reads every file too
        timeout=TIMEOUT,
        **as_ordinary_user(),
    )
    assert result.returncode == 1, result.stderr
    assert_every_input_named(result.stderr)
    # The images plugin names the image and its limit; whatever it says, the run goes on and ends.
    assert "huge.png" in result.stderr or "images" in result.stderr
    if command == "build":
        assert "left as it was" in result.stderr
        assert not (tmp_path / "output").exists()
        assert not list(tmp_path.glob(".relais-build-*"))


def problems_for(content: Path, settings: Path = SETTINGS) -> list[Problem]:
    return check(BuildOptions(settings_file=settings, content_dir=content)).problems.sorted()


def settings_with(tmp_path: Path, **values: object) -> Path:
    """pelicanconf.py with some settings changed."""
    settings = tmp_path / "changedconf.py"
    lines = [f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *"]
    lines += [f"{name} = {value!r}" for name, value in values.items()]
    lines.append(f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nTHEME = {str(ROOT / 'theme')!r}")
    settings.write_text("\n".join(lines) + "\n")
    return settings


def formatted(problems: list[Problem], file: str) -> list[str]:
    return [problem.format() for problem in problems if problem.file.endswith(file)]


# --- The front matter: parsed from libyaml's events, refused before anything is built from it


@pytest.mark.parametrize(
    ("yaml_text", "line", "words"),
    [
        ("title: x\nsummary: &s A summary\nother: *s", 3, "YAML anchor"),
        ("title: x\nlist: [*nothing]", 3, "YAML alias"),
        ("title: x\nnested: " + "[" * 50_000 + "]" * 50_000, 3, "MAX_FIELD_DEPTH"),
        ("title: x\nnested: " + "{a: " * 11 + "b" + "}" * 11, 3, "MAX_FIELD_DEPTH"),
        ("title: x\ntags: [" + ",".join(["a"] * 1001) + "]", 3, "MAX_VALUES"),
        ("title: x\n" + "".join(f"field{n}: x\n" for n in range(1000)), 1002, "MAX_VALUES"),
        ("title: x\nx: " + "[" * 5 + ", ".join(["[" + ",".join(["1"] * 200) + "]"] * 20) + "]" * 5, 3, "MAX_VALUES"),
        ("title: !!binary aGVsbG8=", 2, "'!!binary' is a YAML tag"),
        ("date: !!timestamp 2026-02-30", 2, "'!!timestamp' is a YAML tag"),
        ("draft: !!bool maybe", 2, "'!!bool' is a YAML tag"),
        ("? [a, b]\n: value", 2, "a field's name must be a word"),
        ("title: x\n---\ntitle: y", 3, "a second block of fields"),
    ],
)
def test_hostile_front_matter_is_refused_with_its_line(yaml_text: str, line: int, words: str) -> None:
    with pytest.raises(SourceError) as raised:
        parse_yaml(yaml_text, 2, "content/posts/x.md")
    problem = raised.value.problem
    assert (problem.file, problem.line) == ("content/posts/x.md", line)
    assert words in problem.format()


def test_front_matter_lines_and_values_are_read_as_before() -> None:
    text = 'title: !!str 1984\ntags: [a, "b"]\nlocation:\n  note: Ask us.\n  days: [monday]\nsize: 12\nok: true\nno: no'
    data, lines, duplicates = parse_yaml(text, 2, "x.md")
    assert data == {
        "title": "1984",
        "tags": ["a", "b"],
        "location": {"note": "Ask us.", "days": ["monday"]},
        "size": 12,
        "ok": True,
        "no": "no",
    }
    assert lines[("title",)] == 2 and lines[("tags", 1)] == 3 and lines[("location", "days", 0)] == 6
    assert duplicates == []


def test_a_number_of_thousands_of_digits_stays_text() -> None:
    digits = "9" * 5000
    data, _lines, _duplicates = parse_yaml(f"title: {digits}\ncode: 0x{'f' * 5000}", 1, "x.md")
    assert data["title"] == digits and data["code"] == "0x" + "f" * 5000


def test_keys_written_twice_are_still_each_reported() -> None:
    _data, _lines, duplicates = parse_yaml("title: a\ntitle: b\nlocation:\n  note: x\n  note: y", 1, "x.md")
    assert [(problem.line, problem.field) for problem in duplicates] == [(2, "title"), (5, "note")]


def test_a_file_with_many_problems_lists_the_first_and_counts_the_rest(content: Path) -> None:
    # 100 misspelt fields, 1 unknown author far down, and 40 stigmatising words (warnings) in the body.
    authors = "[" + ", ".join(["ana"] * 60 + ["nobody"]) + "]"
    body = "A prostitute.\n" * 40  # in English, as the post says (lang: en)
    write(content, "posts/pasted.md", post(body=body, authors=authors, **{f"pasted{n}": "x" for n in range(100)}))
    lines = formatted(problems_for(content), "posts/pasted.md")
    assert len(lines) == 31
    assert [line.split(": ")[1] for line in lines[:30]] == ["authors", *(f"pasted{n}" for n in range(29))]
    assert lines[-1].endswith(
        ":38: 111 more problems in this file, not listed (71 errors, 40 warnings) — fix the ones above first; "
        "the file may hold something pasted by mistake"
    )


# --- Limits are settings, and their messages name them


def test_file_size_limit_is_a_setting(content: Path, tmp_path: Path) -> None:
    write(content, "posts/long.md", post(body="A sentence of a long post.\n" * 100))
    assert formatted(problems_for(content), "posts/long.md") == []
    lines = formatted(problems_for(content, settings_with(tmp_path, MAX_FILE_KB=2)), "posts/long.md")
    assert len(lines) == 1
    assert lines[0].endswith(
        "posts/long.md:1: file: this file is 3 KB; the most is 2 KB (MAX_FILE_KB in changedconf.py) — "
        "split it into several files, or remove what does not belong in it (such as pasted data)"
    )


def test_tag_limit_is_a_setting_and_a_draft_only_warns(content: Path, tmp_path: Path) -> None:
    write(content, "posts/tagged.md", post(tags="[one, two, three]"))
    write(content, "posts/tagged-draft.md", post(tags="[one, two, three]", status="draft"))
    problems = problems_for(content, settings_with(tmp_path, MAX_TAGS=2))
    [published] = formatted(problems, "posts/tagged.md")
    assert "tags: this post has 3 tags; the most is 2 (MAX_TAGS in changedconf.py)" in published
    [draft] = formatted(problems, "posts/tagged-draft.md")
    assert "warning: tags: this post has 3 tags" in draft


def test_a_limit_set_wrong_is_a_settings_problem(content: Path, tmp_path: Path) -> None:
    problems = problems_for(content, settings_with(tmp_path, MAX_FIELD_DEPTH=100_000))
    assert [(problem.field, problem.file) for problem in problems] == [
        ("MAX_FIELD_DEPTH", str(tmp_path / "changedconf.py"))
    ]


# --- Bodies: converted once, within MAX_CONVERT_SECONDS, never a crash


def test_a_body_that_takes_too_long_is_named_and_a_draft_only_warns(content: Path, tmp_path: Path) -> None:
    write(content, "posts/slow.md", post(body="Intro.\n\n" + "[a](" * 20_000))
    write(content, "posts/slow-draft.md", post(body="[" * 20_000, status="draft"))
    problems = problems_for(content, settings_with(tmp_path, MAX_CONVERT_SECONDS=0.5))
    [slow] = formatted(problems, "posts/slow.md")
    assert ":10: text: this text takes too long to turn into a web page; the most is 0.5 seconds" in slow
    [draft] = formatted(problems, "posts/slow-draft.md")
    assert ": warning: text: this text takes too long" in draft


def test_markup_nested_past_the_limit_is_named(content: Path, tmp_path: Path) -> None:
    write(content, "posts/nested.md", post(body="<div>" * 12 + "Deep." + "</div>" * 12))
    write(content, "posts/flat.md", post(body="<p>One<p>Two<br><img alt='x' src='/images/x.jpg'>" * 50))
    problems = problems_for(content, settings_with(tmp_path, MAX_TEXT_DEPTH=11))
    [nested] = formatted(problems, "posts/nested.md")
    assert nested.endswith(
        ":10: text: lists, quotes or HTML elements nest too deeply here; the most is 11 levels "
        "(MAX_TEXT_DEPTH in changedconf.py) — use a few levels at most, and close every HTML element you open"
    )
    assert not [line for line in formatted(problems, "posts/flat.md") if "nest too deeply" in line]


def test_lists_nested_too_deep_are_named(content: Path) -> None:
    write(content, "posts/deep.md", post(body="".join("    " * depth + "- item\n" for depth in range(300))))
    [deep] = formatted(problems_for(content), "posts/deep.md")
    assert "text: lists, quotes or HTML elements nest too deeply here; the most is 50 levels" in deep


# --- Files: only regular files are read; links and special files are named, never followed


def test_links_are_refused_and_never_followed(content: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "other.md").write_text(POST.format(title="Outside"), encoding="utf-8")
    (content / "posts/more").symlink_to(outside)
    (content / "posts/linked.md").symlink_to(outside / "other.md")
    (content / "posts/.#hello.md").symlink_to("someone@host.1234")  # an editor's lock file: skipped
    (content / "pages/.hidden").mkdir()
    (content / "pages/.hidden/copied").symlink_to(outside)  # Pelican would copy what a hidden folder holds
    problems = problems_for(content)
    assert [(problem.file.split("/content/")[1], problem.line) for problem in problems] == [
        ("pages/.hidden/copied", 0),
        ("posts/linked.md", 1),
        ("posts/more", 0),
    ]
    assert all("symbolic link" in problem.what for problem in problems)
    assert all(str(outside) not in problem.format() for problem in problems)


def test_a_missing_content_folder_is_named(tmp_path: Path) -> None:
    result = publish("check", "--content", str(tmp_path / "nothing"), timeout=TIMEOUT)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Could not find the content folder {tmp_path / 'nothing'}: pass --content")


# --- Output paths: a content file's page never lands on a page Relais writes


def test_pages_named_like_the_sites_own_pages_are_named(content: Path) -> None:
    # French addresses are in French words: the French tags page is /fr/mots-cles/.
    write(content, "pages/mots-cles.md", front_matter({"title": "Mots-clés", "lang": "fr", "status": "published"}))
    write(content, "pages/archives.md", front_matter({"title": "Archives", "lang": "en"}))
    problems = problems_for(content)
    [tags] = formatted(problems, "pages/mots-cles.md")
    assert tags.endswith(
        ":2: file name: this file's page would be written to output/fr/mots-cles/index.html, where the site's own "
        "tags page (TAGS_SAVE_AS) goes — rename the file: its name becomes the page's address"
    )
    [archives] = formatted(problems, "pages/archives.md")
    assert "warning: file name:" in archives and "output/en/archives/index.html" in archives


def test_services_and_events_named_like_their_listing_pages_are_named(content: Path) -> None:
    for folder in ("events", "services"):
        (content / folder).mkdir()
    for name in ("past", "calendar"):
        shutil.copy(ROOT / "content/events/tax-workshop.md", content / "events" / f"{name}.md")
    shutil.copy(ROOT / "content/services/counselling.md", content / "services/timetable.md")
    problems = problems_for(content)
    assert (
        "output/en/events/past/index.html, where the site's own past events page"
        in formatted(problems, "events/past.md")[0]
    )
    assert "output/en/events/calendar.ics, where the site's own calendar page (CALENDAR_SAVE_AS)" in " ".join(
        formatted(problems, "events/calendar.md")
    )
    assert "output/en/services/timetable/index.html" in " ".join(formatted(problems, "services/timetable.md"))


def test_pelicans_own_overwrite_error_names_the_output_not_the_temporary_folder(content: Path, tmp_path: Path) -> None:
    # Posts placed by their year: two posts of 2026 are one file, which only Pelican can see.
    settings = settings_with(tmp_path, ARTICLE_SAVE_AS="posts/{date:%Y}/index.html")
    output = tmp_path / "site"
    result = publish(
        "build", "--settings", str(settings), "--content", str(content), "--output", str(output), timeout=TIMEOUT
    )
    assert result.returncode == 1
    assert f"{output}/en/posts/2026/index.html: two pages would be written to this same file" in result.stderr
    assert ".relais-build" not in result.stderr and "Traceback" not in result.stderr


# --- publish.py itself: named inputs, and one plain line for anything unexpected


def test_a_missing_settings_file_is_named(content: Path, tmp_path: Path) -> None:
    result = publish("check", "--settings", str(tmp_path / "nowhere.py"), timeout=TIMEOUT)
    assert result.returncode == 2
    assert f"Could not find the settings file {tmp_path / 'nowhere.py'}" in result.stderr


def test_an_unexpected_error_is_one_line_without_traceback(content: Path, tmp_path: Path) -> None:
    settings = tmp_path / "brokenconf.py"
    settings.write_text("SITENAME = 'x'\nraise RuntimeError('the settings file stops here')\n")
    result = publish("check", "--settings", str(settings), "--content", str(content), timeout=TIMEOUT)
    assert result.returncode == 70
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "unexpected error (RuntimeError: the settings file stops here)" in result.stderr
    assert "Please report it" in result.stderr


@pytest.mark.parametrize("name", [name for name in Limits.model_fields if name.isupper()])
def test_every_limit_is_documented(name: str) -> None:
    rows = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if f"| `{name}` |" in line]
    assert len(rows) == 1, f"document {name} in README.md, in the table of limits"
    assert rows[0].endswith(f"| `{Limits.model_fields[name].default:g}` |")
