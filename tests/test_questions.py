"""The topic backlog (content/questions.yml): its schema, the posts that name a question, and that it is never
published nor ever stops the site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from relais.build import BuildOptions, check
from relais.notices import NoticeFields
from relais.questions import Question
from tests.helpers import POST, ROOT, all_text, check_messages, publish, write

BACKLOG = """# Questions we hear
questions:
  - id: 1
    text: Where can I get tested without my name?
    lang: en
    asked: 2026-01-20
    times: 4
  - id: 2
    text: Où manger gratuitement le dimanche ?
    lang: fr
    asked: 2026-02-01
"""


def problems_of(content: Path, name: str) -> list:
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    return [problem for problem in result.problems.sorted() if problem.file.endswith(name)]


def test_a_post_names_the_question_it_answers(content: Path) -> None:
    write(content, "questions.yml", BACKLOG)
    write(
        content,
        "posts/testing.md",
        POST.format(title="Testing").replace("status: published", "answers: 1\nstatus: published"),
    )
    assert problems_of(content, "testing.md") == [] and problems_of(content, "questions.yml") == []


def test_a_question_that_does_not_exist_is_an_error_naming_the_numbers(content: Path) -> None:
    write(content, "questions.yml", BACKLOG)
    text = POST.format(title="Testing").replace("status: published", "answers: 7\nstatus: published")
    write(content, "posts/testing.md", text)
    [problem] = problems_of(content, "testing.md")
    assert (problem.field, problem.line, problem.severity.value) == ("answers", 8, "error")
    assert "no question 7" in problem.what and problem.fix.endswith(": 1, 2")


def test_a_question_number_is_a_whole_number(content: Path) -> None:
    write(content, "questions.yml", BACKLOG)
    write(
        content,
        "posts/testing.md",
        POST.format(title="T").replace("status: published", "answers: one\nstatus: published"),
    )
    [problem] = problems_of(content, "testing.md")
    assert problem.field == "answers" and "'one' is not a whole number" in problem.what and "answers: 12" in problem.fix


def test_the_backlog_is_checked_but_never_stops_the_site(content: Path, tmp_path: Path) -> None:
    broken = BACKLOG.replace("id: 2", "id: 1").replace("lang: fr", "lang: es") + "  - text: No number\n    asked: x\n"
    write(content, "questions.yml", broken)
    code, lines = check_messages(content, "--strict")
    assert code == 0, lines
    mine = [line for line in lines if "questions.yml:" in line]
    fields = sorted(line.split(": ")[2] for line in mine)
    assert fields == ["questions.1.id", "questions.1.lang", "questions.2.asked", "questions.2.id"], lines
    assert all(": warning: " in line and "never published" in line for line in mine), mine


def test_the_backlog_is_never_published(content: Path, tmp_path: Path) -> None:
    write(content, "questions.yml", BACKLOG.replace("Where can I get tested", "QUESTION-TEXT-NEVER-SHOWN"))
    result = publish("build", "--content", str(content), "--output", str(tmp_path / "out"), "--today", "2026-02-15")
    assert result.returncode == 0, result.stderr
    assert "QUESTION-TEXT-NEVER-SHOWN" not in all_text(tmp_path / "out")
    assert not list((tmp_path / "out").rglob("questions*"))


def test_the_demo_backlog_is_valid_and_answered_in_part() -> None:
    result = publish("check", "--strict", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert "questions.yml" not in result.stderr


def test_new_post_from_a_question_names_it_and_takes_its_words(content: Path) -> None:
    write(content, "questions.yml", BACKLOG)
    result = publish("new", "post", "--from-question", "2", "--author", "ana", "--content", str(content))
    assert result.returncode == 0, result.stderr
    [path] = (content / "posts").glob("ou-manger*.md")
    text = path.read_text(encoding="utf-8")
    fields = yaml.safe_load(text.split("---")[1])
    assert (fields["title"], fields["lang"], fields["answers"], fields["status"]) == (
        "Où manger gratuitement le dimanche ?",
        "fr",
        2,
        "draft",
    )
    code, lines = check_messages(content)
    assert code == 0 and not any("answers" in line for line in lines), lines
    status = publish("status", "--content", str(content), "--json", "--today", "2026-02-15")
    [question] = json.loads(status.stdout)["languages"]["fr"]["questions"]
    assert question["number"] == 2 and [Path(file).name for file in question["in_progress"]] == [path.name]


def test_new_post_from_a_question_that_does_not_exist(content: Path) -> None:
    write(content, "questions.yml", BACKLOG)
    result = publish("new", "post", "--from-question", "9", "--content", str(content))
    assert result.returncode == 1
    assert "there is no question 9 in" in result.stderr and "the questions are: 1, 2" in result.stderr
    assert not list((content / "posts").glob("*9*"))


@pytest.mark.parametrize("model", [Question, NoticeFields])
def test_every_field_is_documented(model: type) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert f"| `{name}` |" in readme, f"document the field '{name}' of {model.__name__} in README.md"
