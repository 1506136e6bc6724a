"""Each rule for announcements, with a broken file: the message names the file, line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import Field

from announcements.collect import offered
from relais.build import BuildOptions, check
from relais.content_types import ContentType
from relais.fields import Key, Text
from relais.pelican_settings import read_site_settings, site_plugins
from relais.problems import Problem
from relais.schemas import Announce, ContentModel, Status
from relais.site import load_site
from tests.helpers import POST, ROOT, write

SETTINGS = ROOT / "pelicanconf.py"

STANDALONE = """\
headline: {headline}
text: {text}
date: 2026-01-10
lang: en
status: published
"""


def problems_for(content: Path, today: str = "2026-02-15") -> list[Problem]:
    options = BuildOptions(settings_file=SETTINGS, content_dir=content, today=dt.date.fromisoformat(today))
    return check(options).problems.sorted()


def only_error(content: Path, file: str) -> Problem:
    errors = [p for p in problems_for(content) if p.severity.value == "error"]
    assert len(errors) == 1, [p.format() for p in errors]
    assert errors[0].file.endswith(file), errors[0].format()
    return errors[0]


def test_a_valid_standalone_announcement_passes(content: Path) -> None:
    write(content, "announcements/open.yml", STANDALONE.format(headline="Open tonight", text="Come by."))
    assert [p.format() for p in problems_for(content)] == []


def test_missing_headline(content: Path) -> None:
    write(content, "announcements/open.yml", "text: Come by.\ndate: 2026-01-10\nlang: en\nstatus: published\n")
    problem = only_error(content, "announcements/open.yml")
    assert problem.field == "headline" and "required" in problem.what and "headline:" in problem.fix


def test_unknown_field_suggests_the_right_one(content: Path) -> None:
    text = STANDALONE.format(headline="Open", text="Come by.") + "untill: 2026-02-01\n"
    write(content, "announcements/open.yml", text)
    problem = only_error(content, "announcements/open.yml")
    assert (problem.field, problem.line) == ("untill", 6) and "did you mean 'until'" in problem.fix


def test_until_before_the_start(content: Path) -> None:
    write(
        content, "announcements/open.yml", STANDALONE.format(headline="Open", text="Come by.") + "until: 2026-01-01\n"
    )
    problem = only_error(content, "announcements/open.yml")
    assert (problem.field, problem.line) == ("until", 6)
    assert "before it starts" in problem.what


def test_until_before_the_start_of_an_announce_block(content: Path) -> None:
    text = POST.format(title="Gathering").replace(
        "status: published\n",
        "status: published\nannounce:\n  headline: Gathering\n  text: Come.\n  date: 2026-01-20\n  until: 2026-01-19\n",
    )
    write(content, "posts/gathering.md", text)
    problem = only_error(content, "posts/gathering.md")
    assert (problem.field, problem.line) == ("announce.until", 13)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "Details at https://bit.ly/x?utm_source=forum"),
        ("text", "See www.example.com"),
        ("headline", "Write to someone@example.com"),
    ],
)
def test_web_and_email_addresses_are_refused(content: Path, field: str, value: str) -> None:
    values = {"headline": "Open", "text": "Come by.", field: f'"{value}"'}
    write(content, "announcements/open.yml", STANDALONE.format(**values))
    problem = only_error(content, "announcements/open.yml")
    assert problem.field == field and "address" in problem.what and "links to its own page" in problem.fix


def test_a_headline_too_long_for_the_short_text(content: Path) -> None:
    write(content, "announcements/open.yml", STANDALONE.format(headline="Long " * 40, text="Come by."))
    problem = only_error(content, "announcements/open.yml")
    assert (problem.field, problem.line) == ("headline", 1)
    assert "280-character short text" in problem.what and "shorten it by" in problem.fix


def test_two_announcements_with_the_same_snippet_names(content: Path) -> None:
    write(content, "announcements/post-hello-again.yml", STANDALONE.format(headline="Hi", text="Hello."))
    text = POST.format(title="Hello").replace(
        "status: published\n", "status: published\nannounce:\n  headline: Hello\n  text: Hi.\n"
    )
    write(content, "posts/hello-again.md", text)
    errors = [p for p in problems_for(content) if p.severity.value == "error"]
    assert sorted(p.file.rsplit("/", 1)[-1] for p in errors) == ["hello-again.md", "post-hello-again.yml"]
    assert all("snippet files would be named like those of" in p.what for p in errors)


def test_problems_of_a_draft_are_warnings(content: Path) -> None:
    text = STANDALONE.format(headline="Open", text="Come by.").replace("published", "draft") + "until: 2026-01-01\n"
    write(content, "announcements/open.yml", text)
    problems = problems_for(content)
    assert [(p.field, p.severity.value) for p in problems] == [("until", "warning")]


def test_expired_scheduled_and_draft_announcements_are_not_offered(content: Path) -> None:
    write(content, "announcements/past.yml", STANDALONE.format(headline="Past", text="Gone.") + "until: 2026-01-31\n")
    write(
        content, "announcements/later.yml", STANDALONE.format(headline="Later", text="Soon.").replace("01-10", "03-01")
    )
    write(
        content,
        "announcements/wip.yml",
        STANDALONE.format(headline="Wip", text="Not yet.").replace("published", "draft"),
    )
    write(content, "announcements/now.yml", STANDALONE.format(headline="Now", text="Here.") + "until: 2026-02-15\n")
    result = check(BuildOptions(settings_file=SETTINGS, content_dir=content, today=dt.date(2026, 2, 15)))
    assert result.site is not None
    assert [a.slug for a in offered(result.site, result.site.settings)] == ["now"]


# --- A content type added later gets announcements without changes here ---


class Workshop(ContentModel):
    name: Text = Field(description="The workshop's name.")
    lang: Key | None = None
    status: Status = "draft"
    announce: Announce | None = None


WORKSHOPS = ModuleType("fake_workshops")
WORKSHOPS.CONTENT_TYPES = (ContentType("workshop", "workshops", Workshop),)  # type: ignore[attr-defined]


def load_with_workshops(content: Path):
    settings = read_site_settings(SETTINGS, content)
    return load_site(settings, str(SETTINGS), [*site_plugins(settings)[0], WORKSHOPS], dt.date(2026, 2, 15))


def test_announce_blocks_of_any_content_type_are_collected(content: Path) -> None:
    block = "announce:\n  headline: Clinic tonight\n  text: Free testing.\n  date: 2026-02-01\n"
    write(content, "workshops/clinic.md", f"---\nname: Clinic\nlang: en\nstatus: published\n{block}---\n\nBody.\n")
    site, problems = load_with_workshops(content)
    assert site is not None and not problems.errors, [p.format() for p in problems]
    (announcement,) = offered(site, site.settings)
    assert announcement.slug == "workshop-clinic"
    # No WORKSHOP_URL in these settings: the link goes to the announcement on the announcements page.
    assert announcement.link == "https://lanterne.example.org/en/announcements/#announcement--workshop-clinic"


def test_an_announce_block_without_any_date_is_refused(content: Path) -> None:
    block = "announce:\n  headline: Clinic tonight\n  text: Free testing.\n"
    write(content, "workshops/clinic.md", f"---\nname: Clinic\nlang: en\nstatus: published\n{block}---\n\nBody.\n")
    _site, problems = load_with_workshops(content)
    (problem,) = problems.errors
    assert (problem.file.rsplit("/", 1)[-1], problem.line, problem.field) == ("clinic.md", 5, "announce")
    assert "add 'date:' under 'announce:'" in problem.fix


# --- The footer setting ---


def footer_problems(content: Path, footer: object) -> list[str]:
    settings = read_site_settings(SETTINGS, content)
    settings["ANNOUNCEMENT_FOOTER"] = footer
    _site, problems = load_site(settings, str(SETTINGS), site_plugins(settings)[0], dt.date(2026, 2, 15))
    return [p.format() for p in problems.errors]


def test_footer_setting_missing(content: Path) -> None:
    (message,) = footer_problems(content, None)
    assert "ANNOUNCEMENT_FOOTER: this setting is missing" in message and "pelicanconf.py:" in message


def test_footer_setting_incomplete(content: Path) -> None:
    settings = read_site_settings(SETTINGS, content)
    english = dict(settings["ANNOUNCEMENT_FOOTER"]["en"])
    del english["promise"]
    messages = footer_problems(content, {"en": english, "de": english})
    assert any("ANNOUNCEMENT_FOOTER.en.promise: this part is missing" in m for m in messages), messages
    assert any("there is no footer for 'fr'" in m for m in messages)
    assert any("'de' is not one of the site's languages" in m for m in messages)
