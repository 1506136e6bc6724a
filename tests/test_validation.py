"""Every validation rule, each with a broken file: the message names the file,
the line and the field, says what is wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from relais.build import BuildOptions, check
from relais.fields import parse_date_or_datetime
from relais.problems import Problem
from tests.helpers import ROOT, front_matter, write

SETTINGS = ROOT / "pelicanconf.py"


def problems_for(content: Path, strict: bool = False) -> list[Problem]:
    result = check(BuildOptions(settings_file=SETTINGS, content_dir=content, strict=strict))
    return result.problems.sorted()


def only_error(content: Path, file: str) -> Problem:
    errors = [p for p in problems_for(content) if p.severity.value == "error"]
    assert len(errors) == 1, [p.format() for p in errors]
    assert errors[0].file.endswith(file), errors[0].format()
    return errors[0]


POST_FIELDS = {
    "title": "A title",
    "date": "2026-01-15",
    "authors": "[ana]",
    "category": "news",
    "summary": "A summary.",
    "lang": "en",
    "status": "published",
}


def post(**fields: str | None) -> str:
    return front_matter(POST_FIELDS, **fields)


def line_of(text: str, field: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if line.startswith(field + ":"))


def test_minimal_fixture_is_valid(content: Path) -> None:
    assert [p.format() for p in problems_for(content)] == []


@pytest.mark.parametrize("field", ["title", "date", "authors", "category", "summary"])
def test_missing_required_post_field(content: Path, field: str) -> None:
    write(content, "posts/broken.md", post(**{field: None}))
    problem = only_error(content, "posts/broken.md")
    assert problem.field == field
    assert "required" in problem.what
    assert field in problem.fix  # the example shows how to write it


def test_unknown_field_suggests_the_right_one(content: Path) -> None:
    text = post(catgory="news")
    write(content, "posts/broken.md", text)
    problem = only_error(content, "posts/broken.md")
    assert (problem.field, problem.line) == ("catgory", line_of(text, "catgory"))
    assert "not a field we know" in problem.what
    assert "did you mean 'category'" in problem.fix


def test_upper_case_field_name_is_explained(content: Path) -> None:
    text = post(title=None, Title="Hello")
    write(content, "posts/broken.md", text)
    messages = [p.format() for p in problems_for(content)]
    assert any(
        "Title: 'Title' is not a field we know — field names are written in lower case: write 'title'" in m
        for m in messages
    )


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("status", "publised", "did you mean 'published'?"),
        ("date", "15/01/2026", "write 2026-01-15"),
        ("date", "2026-02-30", "February 2026 has no day 30"),
        ("noindex", "maybe", "true or false"),
        ("tags", "{a: b}", "list"),
        ("title", "[a, b]", "text"),
    ],
)
def test_wrong_values_are_explained(content: Path, field: str, value: str, expected: str) -> None:
    text = post(**{field: value})
    write(content, "posts/broken.md", text)
    problem = only_error(content, "posts/broken.md")
    assert problem.field.split(".")[0] == field
    assert problem.line == line_of(text, field)
    assert expected in problem.format()


def test_unknown_author_suggests_a_close_one(content: Path) -> None:
    text = post(authors="[anna]")
    write(content, "posts/broken.md", text)
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "authors" and problem.line == line_of(text, "authors")
    assert "no author called 'anna'" in problem.what and "did you mean 'ana'" in problem.fix


def test_undeclared_category(content: Path) -> None:
    write(content, "posts/broken.md", post(category="helth"))
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "category"
    assert "did you mean 'health'" in problem.fix


def test_language_not_on_the_site(content: Path) -> None:
    write(content, "posts/broken.md", post(lang="de"))
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "lang" and "en, fr" in problem.fix


def test_lang_no_is_text_not_false(content: Path) -> None:
    # YAML 1.1 reads `no` as false; we read it as text, so the message is about the language.
    write(content, "posts/broken.md", post(lang="no"))
    assert "'no' is not one of the site's languages" in only_error(content, "posts/broken.md").what


def test_peer_post_needs_a_staff_review_to_be_published(content: Path) -> None:
    text = post(authors="[moon]")
    write(content, "posts/broken.md", text)
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "status" and "reviewed" in problem.what and "reviewed_by" in problem.fix


def test_peer_post_in_review_is_fine(content: Path) -> None:
    write(content, "posts/ok.md", post(authors="[moon]", status="review"))
    assert problems_for(content) == []


def test_reviewer_must_be_staff(content: Path) -> None:
    write(content, "posts/broken.md", post(authors="[moon]", reviewed_by="moon"))
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "reviewed_by" and "not a staff member" in problem.what


def test_reviewer_must_exist(content: Path) -> None:
    write(content, "posts/broken.md", post(reviewed_by="nobody"))
    assert only_error(content, "posts/broken.md").field == "reviewed_by"


def test_update_before_date(content: Path) -> None:
    write(content, "posts/broken.md", post(updated="2025-01-01"))
    assert only_error(content, "posts/broken.md").field == "updated"


def clashes(content: Path) -> dict[str, Problem]:
    return {p.file.rsplit("/", 1)[-1]: p for p in problems_for(content) if p.severity.value == "error"}


def test_two_files_with_one_translation_key_in_one_language(content: Path) -> None:
    write(content, "posts/copy.md", post(translation_key="hello"))
    found = clashes(content)
    assert sorted(found) == ["copy.md", "hello.md"]  # each file names the other
    assert found["copy.md"].field == "translation_key" and "hello.md" in found["copy.md"].what
    assert "copy.md" in found["hello.md"].what


def test_two_files_with_the_same_slug(content: Path) -> None:
    write(content, "posts/Hello.md", post())
    found = clashes(content)
    assert sorted(found) == ["Hello.md", "hello.md"]
    assert found["Hello.md"].field == "file name"


def test_not_utf8_names_the_file_and_line(content: Path) -> None:
    (content / "posts/latin1.md").write_bytes(post().replace("Body.", "Caf\xe9").encode("latin-1"))
    problem = only_error(content, "posts/latin1.md")
    assert problem.field == "file" and "UTF-8" in problem.what and problem.line == 11


def test_missing_front_matter(content: Path) -> None:
    write(content, "posts/broken.md", "Just text.\n")
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "front matter" and "---" in problem.fix


def test_front_matter_never_closed(content: Path) -> None:
    write(content, "posts/broken.md", "---\ntitle: x\n\nBody\n")
    assert "never closed" in only_error(content, "posts/broken.md").what


def test_yaml_syntax_error_names_the_line(content: Path) -> None:
    write(content, "posts/broken.md", "---\ntitle: a\nsummary: [unclosed\ndate: 2026-01-01\n---\nBody\n")
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "front matter" and problem.line >= 3


def test_field_written_twice(content: Path) -> None:
    text = post().replace("lang: en", "lang: en\ntitle: again")
    write(content, "posts/broken.md", text)
    problem = only_error(content, "posts/broken.md")
    assert problem.field == "title" and "twice" in problem.what


def test_windows_line_endings_bom_accents_and_emoji_work(content: Path) -> None:
    text = post(title='"Où manger ce soir ? 🍲 — café & thé"').replace("\n", "\r\n")
    (content / "posts/crlf.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert problems_for(content) == []


def test_page_schema(content: Path) -> None:
    write(content, "pages/broken.md", "---\ntitle: P\nlang: en\nstatus: published\ndate: 2026-01-01\n---\nx\n")
    problem = only_error(content, "pages/broken.md")
    assert problem.field == "date" and "not a field we know" in problem.what


def test_author_schema(content: Path) -> None:
    write(content, "authors/bad.yml", "name: Bad\nrole: boss\nbio:\n  de: Hallo\n")
    messages = [p.format() for p in problems_for(content)]
    assert any("authors/bad.yml:2: role: 'boss' is not allowed here" in m and "staff, peer" in m for m in messages)


def test_author_bio_language(content: Path) -> None:
    write(content, "authors/bad.yml", "name: Bad\nrole: staff\nbio:\n  de: Hallo\n")
    problem = only_error(content, "authors/bad.yml")
    assert (problem.field, problem.line) == ("bio", 4)


def test_draft_problems_are_warnings_until_published(content: Path) -> None:
    write(content, "posts/wip.md", post(status="draft", summary=None, category="helth"))
    problems = problems_for(content)
    assert len(problems) == 2 and all(p.severity.value == "warning" for p in problems)
    assert all("before publishing" in p.fix for p in problems)


def test_every_mistake_in_one_run(content: Path) -> None:
    write(content, "posts/one.md", post(catgory="x"))
    write(content, "posts/two.md", post(date="tomorrow"))
    write(content, "pages/three.md", "no front matter\n")
    write(content, "authors/four.yml", "name: Four\n")
    files = sorted({p.file.rsplit("/", 2)[-2] + "/" + p.file.rsplit("/", 1)[-1] for p in problems_for(content)})
    assert files == ["authors/four.yml", "pages/three.md", "posts/one.md", "posts/two.md"]


def test_link_to_a_missing_file_names_the_line(content: Path) -> None:
    text = post() + "\nSee [the other post]({filename}/posts/nope.md) and [this one]({filename}hello.md).\n"
    write(content, "posts/linking.md", text)
    problem = only_error(content, "posts/linking.md")
    assert (problem.field, problem.line) == ("link", len(text.split("\n")) - 1)
    assert "{filename}/posts/nope.md" in problem.what


def test_bad_source_date_epoch_is_explained(content: Path) -> None:
    from tests.helpers import publish

    result = publish("check", "--content", str(content), env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode == 2 and "SOURCE_DATE_EPOCH" in result.stderr


def test_tabs_in_front_matter_are_explained(content: Path) -> None:
    write(content, "posts/tabs.md", "---\ntitle: Tabs\n\tdate: 2026-01-01\n---\nBody\n")
    problem = only_error(content, "posts/tabs.md")
    assert problem.line == 3 and "spaces, not tabs" in problem.fix


def test_a_time_with_its_own_offset_is_shown_in_the_site_zone(content: Path) -> None:
    from relais.clock import as_datetime

    result = check(BuildOptions(settings_file=SETTINGS, content_dir=content))
    zone = result.site.config.zone
    assert as_datetime(parse_date_or_datetime("2026-01-03T10:00:00Z"), zone).isoformat() == "2026-01-03T05:00:00-05:00"
