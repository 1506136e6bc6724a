"""``publish.py status``: what is due this month, per language, the same in words and in JSON."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers import POST, ROOT, publish, settings_file, write

DEMO_TODAY = "2026-11-22"


def status(*args: str, lang: str = "en", **options: object) -> subprocess.CompletedProcess[str]:
    return publish("status", *args, env={"RELAIS_LANG": lang}, **options)


@pytest.fixture(scope="module")
def demo() -> tuple[str, dict]:
    text = status("--today", DEMO_TODAY)
    data = status("--today", DEMO_TODAY, "--json")
    assert text.returncode == 0 and data.returncode == 0, text.stderr + data.stderr
    return text.stdout, json.loads(data.stdout)


def section(text: str, language: str) -> str:
    """The lines of one language's part of the plain report."""
    start = text.index(f"\n{language}\n") if f"\n{language}\n" in text else text.index(f"{language} (")
    rest = text[start:].lstrip("\n")
    end = rest.find("\n\n")
    return rest if end < 0 else rest[:end]


def test_the_demo_peer_post_waits_for_review_with_its_author_and_how_long(demo: tuple[str, dict]) -> None:
    text, data = demo
    [waiting] = data["languages"]["en"]["waiting_for_review"]
    assert waiting == {
        "kind": "post",
        "title": "My first year as a peer worker",
        "file": "content/posts/my-first-year-as-a-peer-worker.md",
        "day": "2026-10-27T00:00:00-04:00",
        "days": 26,
        "authors": ["Lune"],
    }
    english = section(text, "English (en)")
    assert "post “My first year as a peer worker” by Lune, dated October 27, 2026 (26 days ago)" in english
    assert "publish.py review FILE --by THEIR-NAME" in english


def test_the_last_post_and_the_monthly_rhythm(demo: tuple[str, dict]) -> None:
    text, data = demo
    english, french = data["languages"]["en"], data["languages"]["fr"]
    assert (english["last_post"]["days"], english["rhythm_broken"]) == (19, False)
    assert (french["last_post"]["days"], french["rhythm_broken"]) == (40, True)
    assert "Warning: no new post for 40 days" in section(text, "Français (fr)")
    assert "Warning" not in section(text, "English (en)")


def test_scheduled_posts_say_when_they_go_out(demo: tuple[str, dict]) -> None:
    text, data = demo
    [scheduled] = data["languages"]["en"]["scheduled"]
    assert (scheduled["file"], scheduled["day"][:10], scheduled["days"]) == (
        "content/posts/holiday-hours-2026.md",
        "2026-12-15",
        -23,
    )
    assert "“Holiday hours at Lanterne” goes out on December 15, 2026 (in 23 days)" in text
    assert data["languages"]["fr"]["scheduled"] == [] and "Nothing is scheduled." in section(text, "Français (fr)")


def test_what_ends_soon_notices_events_and_announcements() -> None:
    data = json.loads(status("--today", "2026-12-20", "--json").stdout)
    ending = {(item["kind"], item["file"]): item for item in data["languages"]["en"]["ending"]}
    notice = ending[("service notice", "content/services/drop-in.md")]
    assert (notice["day"][:10], notice["days"]) == ("2027-01-01", -12)
    assert ("event notice", "content/events/peer-gathering.md") in ending
    assert ("event", "content/events/online-privacy-workshop.md") not in ending  # ended December 5: 15 days ago
    text = status("--today", "2026-12-20").stdout
    assert "service notice “Drop-in centre” ends on January 1, 2027 (in 12 days)" in text
    assert "event “Workshop: online ads and privacy” ended on December 5, 2026 (15 days ago)" not in text  # 15 > 14
    assert "event “Workshop: online ads and privacy” ended on December 5, 2026 (yesterday)" in (
        status("--today", "2026-12-06").stdout
    )


def test_what_has_no_translation_is_listed_under_the_language_it_lacks(demo: tuple[str, dict]) -> None:
    text, data = demo
    missing_in_french = {item["file"] for item in data["languages"]["fr"]["untranslated"]}
    assert "content/posts/choosing-and-screening-clients.md" in missing_in_french
    assert "content/posts/getting-tested-without-stress.md" not in missing_in_french  # it has its translation
    assert "post “Choosing and screening clients: general tips”, in English" in section(text, "Français (fr)")


def test_the_most_asked_unanswered_questions_come_first(demo: tuple[str, dict]) -> None:
    text, data = demo
    assert [question["number"] for question in data["languages"]["en"]["questions"]] == [3, 5, 7]  # 1 is answered
    assert [question["number"] for question in data["languages"]["fr"]["questions"]] == [4]
    assert "question 3: “Can my landlord evict me if they find out what I do for work?”, asked 7 times" in text
    assert "publish.py new post --from-question NUMBER" in text


def test_plain_words_and_json_say_the_same_things(demo: tuple[str, dict]) -> None:
    text, data = demo
    for lang, language in data["languages"].items():
        words = section(text, f"{language['name']} ({lang})")
        for name in ("waiting_for_review", "stale_drafts", "scheduled", "ending", "untranslated"):
            for item in language[name]:
                assert item["file"] in words and item["title"] in words, (lang, name, item)
        for question in language["questions"]:
            assert question["text"] in words
        files_in_words = {line.rsplit(" — ", 1)[1] for line in words.splitlines() if " — content/" in line}
        files_in_json = {
            item["file"]
            for name in ("waiting_for_review", "stale_drafts", "scheduled", "ending", "untranslated")
            for item in language[name]
        }
        assert files_in_words == files_in_json, lang


def test_in_french_for_a_french_speaking_staff_member() -> None:
    result = status("--today", DEMO_TODAY, lang="fr")
    assert result.returncode == 0
    assert result.stdout.startswith("À faire le 22 novembre 2026, pour Lanterne")
    assert "article « My first year as a peer worker » de Lune, en date du 27 octobre 2026 (il y a 26 jours)" in (
        result.stdout
    )
    assert "Attention : aucun nouvel article depuis 40 jours" in result.stdout


def test_drafts_untouched_for_a_month_by_their_files_time(content: Path) -> None:
    old = write(content, "posts/forgotten.md", POST.format(title="Forgotten").replace("published", "draft"))
    write(content, "posts/fresh.md", POST.format(title="Fresh").replace("published", "draft"))
    forty_days_ago = time.time() - 40 * 86400
    os.utime(old, (forty_days_ago, forty_days_ago))
    data = json.loads(status("--content", str(content), "--json").stdout)
    stale = data["languages"]["en"]["stale_drafts"]
    assert [(item["file"].rsplit("/", 1)[1], item["days"]) for item in stale] == [("forgotten.md", 40)]


def test_drafts_untouched_by_their_last_commit_in_git(content: Path) -> None:
    """A fresh clone gives every file today's time; Git knows when a draft was last changed."""
    draft = write(content, "posts/forgotten.md", POST.format(title="Forgotten").replace("published", "draft"))
    git = {"GIT_AUTHOR_DATE": "2026-01-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T12:00:00Z"}
    environment = {**os.environ, **git, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    environment |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "drafts"]):
        subprocess.run(["git", *command], cwd=content, env=environment, check=True)
    draft.touch()  # the file's own time says today

    def untouched() -> dict[str, int]:
        data = json.loads(status("--content", str(content), "--json", "--today", "2026-02-15").stdout)
        return {item["file"].rsplit("/", 1)[1]: item["days"] for item in data["languages"]["en"]["stale_drafts"]}

    assert untouched()["forgotten.md"] == 45
    draft.write_text(draft.read_text() + "\nOne more line.\n")  # changed since the commit: its own time counts
    assert "forgotten.md" not in untouched()


BULLETIN_PLUGIN = """
from relais.content_types import ContentType
from relais.fields import Key, Text
from relais.schemas import ContentModel, Status

class Bulletin(ContentModel):
    title: Text
    edition: Text
    lang: Key | None = None
    status: Status = "draft"

CONTENT_TYPES = (ContentType("bulletin", "bulletins", Bulletin),)
STATUS_KINDS = {"bulletin": "monthly bulletin"}

def register():
    pass
"""


def test_a_monthly_edition_that_is_missing_this_month(content: Path, tmp_path: Path) -> None:
    """Any content type with an 'edition' field (the bad date list) gets its latest edition in the report."""
    plugins = tmp_path / "plugins"
    write(plugins, "bulletins/__init__.py", BULLETIN_PLUGIN)
    settings = settings_file(tmp_path, f"PLUGIN_PATHS += [{str(plugins)!r}]\nPLUGINS += ['bulletins']")
    for month in ("2026-01", "2026-02"):
        write(
            content,
            f"bulletins/{month}.md",
            f"---\ntitle: News\nedition: {month}\nlang: en\nstatus: published\n---\n\nx\n",
        )
    arguments = ("--settings", str(settings), "--content", str(content), "--today")
    data = json.loads(status(*arguments, "2026-03-02", "--json", cwd=ROOT).stdout)
    assert data["languages"]["en"]["editions"] == [
        {"kind": "bulletin", "latest": "2026-02", "this_month": "2026-03", "missing": True}
    ]
    assert data["languages"]["fr"]["editions"][0]["latest"] is None
    text = status(*arguments, "2026-02-20", cwd=ROOT).stdout
    assert "Monthly bulletin: this month's edition (2026-02) is out." in text


def test_the_bad_date_list_s_missing_edition_of_the_month(demo: tuple[str, dict]) -> None:
    """The demo's bad date list has its November edition; in December, status says December's is missing."""
    text, data = demo
    assert "  Bad date list: this month's edition (2026-11) is out." in section(text, "English (en)")
    assert data["languages"]["en"]["editions"] == [
        {"kind": "bad_dates", "latest": "2026-11", "this_month": "2026-11", "missing": False}
    ]
    december = status("--today", "2026-12-02", lang="fr")
    assert december.returncode == 0, december.stderr
    assert (
        "Attention : la dernière édition de « liste des mauvais clients » est celle de 2026-11; "
        "celle de ce mois-ci (2026-12) manque." in december.stdout
    ), december.stdout
