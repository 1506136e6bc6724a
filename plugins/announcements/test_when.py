"""Announcements of events: they lead to the event's page and keep its day and time, even in 280 characters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from announcements.collect import Announcement, offered
from announcements.formats import length
from announcements.shortening import _TIME, ELLIPSIS, cut
from relais.build import BuildOptions, check
from relais.site import Site
from tests.helpers import POST, front_matter, write

from .test_validation import SETTINGS, only_error, problems_for

PUBLIC = "https://lanterne.example.org"


def on_offer(site: Site, slug: str, lang: str) -> Announcement:
    return next(a for a in offered(site, site.settings, lang) if a.slug == slug)


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


def test_an_announcement_about_an_event_leads_to_the_events_page_in_its_language(demo: Site) -> None:
    english, french = on_offer(demo, "december-17", "en"), on_offer(demo, "december-17", "fr")
    assert english.link == f"{PUBLIC}/en/events/december-17/"
    assert french.link == f"{PUBLIC}/fr/evenements/17-decembre/"
    for announcement in (english, french):
        assert "annonces" not in announcement.link and "announcements" not in announcement.link


def test_every_format_gives_the_events_day(demo: Site) -> None:
    french = on_offer(demo, "december-17", "fr")
    for format_name in ("bbcode", "markdown", "text"):
        assert "jeudi 17 décembre 2026" in french.snippets[format_name], format_name
    assert plain(french.snippets["short"]).startswith("17 décembre : on se souvient ensemble — jeu. 17 déc. — ")


def test_the_short_text_keeps_the_day_and_the_time(demo: Site) -> None:
    expected = {
        ("december-17", "fr"): "jeu. 17 déc. — on allume des bougies au centre à partir de 18 h…",
        ("december-17", "en"): "Thu, Dec 17 — we light candles at the drop-in from 6 pm…",
        ("post-peer-gatherings", "fr"): "— Le dernier jeudi du mois, de 18 h 30 à 20 h 30…",
        ("post-peer-gatherings", "en"): "— On the last Thursday of every month, from 6:30 to 8:30 pm…",
        ("text-line", "fr"): "— du lundi au vendredi, de 13 h à 22 h…",
        ("text-line", "en"): "Monday to Friday, 1 pm to 10 pm",
    }
    for (slug, lang), words in expected.items():
        short = on_offer(demo, slug, lang).snippets["short"]
        assert words in plain(short.splitlines()[0]), (slug, lang, short)
        assert length(short) <= 280


def test_a_standalone_announcement_about_a_service_leads_to_it(demo: Site) -> None:
    assert on_offer(demo, "text-line", "en").link == f"{PUBLIC}/en/services/text-and-phone-line/"
    assert on_offer(demo, "text-line", "fr").link == f"{PUBLIC}/fr/services/ligne-texto-et-telephone/"


EVENT = {
    "title": "Picnic",
    "summary": "A picnic.",
    "start": "2026-03-05 17:30",
    "end": "19:00",
    "lang": "en",
    "status": "published",
}


def test_an_announce_block_on_an_event_gives_its_next_date_and_time(content: Path) -> None:
    announce = "\n  headline: Picnic on Thursday\n  text: Bring a friend.\n  date: 2026-02-01"
    write(content, "events/picnic.md", front_matter(EVENT, announce=announce))
    site = check(BuildOptions(settings_file=SETTINGS, content_dir=content, today=dt.date(2026, 2, 15))).site
    assert site is not None
    announcement = on_offer(site, "event-picnic", "en")
    assert announcement.link == f"{PUBLIC}/en/events/picnic/"
    assert plain(announcement.snippets["short"]).startswith(
        "Picnic on Thursday — Thu, Mar 5, 5:30 p.m. – 7 p.m. — Bring a friend.\n"
    )
    assert "Thursday, March 5, 2026, 5:30 p.m. – 7 p.m." in plain(announcement.snippets["text"])


STANDALONE = "headline: Picnic\ntext: Come.\ndate: 2026-02-01\nlang: {lang}\nstatus: published\nabout: {about}\n"


def test_about_names_a_file_that_does_not_exist(content: Path) -> None:
    write(content, "events/picnic.md", front_matter(EVENT))
    write(content, "announcements/picnic.yml", STANDALONE.format(lang="en", about="events/pinic.md"))
    problem = only_error(content, "announcements/picnic.yml")
    assert (problem.field, problem.line) == ("about", 6)
    assert problem.what == "there is no file content/events/pinic.md"
    assert "did you mean 'events/picnic.md'" in problem.fix


def test_about_names_a_page_that_is_not_published(content: Path) -> None:
    write(content, "events/picnic.md", front_matter({**EVENT, "status": "draft"}))
    write(content, "announcements/picnic.yml", STANDALONE.format(lang="en", about="content/events/picnic.md"))
    problem = only_error(content, "announcements/picnic.yml")
    assert "is not on the site" in problem.what and "publish it first" in problem.fix


def test_about_names_a_page_without_a_translation(content: Path) -> None:
    write(content, "events/picnic.md", front_matter(EVENT))
    write(content, "announcements/pique-nique.yml", STANDALONE.format(lang="fr", about="events/picnic.md"))
    [warning] = [p for p in problems_for(content) if p.file.endswith("pique-nique.yml")]
    assert warning.severity.value == "warning" and "has no translation in this announcement's language" in warning.what


def test_about_names_something_without_a_page(content: Path) -> None:
    write(content, "announcements/picnic.yml", STANDALONE.format(lang="en", about="authors/ana.yml"))
    problem = only_error(content, "announcements/picnic.yml")
    assert "has no page of its own" in problem.what


def test_posts_keep_linking_to_themselves(content: Path) -> None:
    text = POST.format(title="News").replace(
        "status: published\n", "status: published\nannounce:\n  headline: News\n  text: Read it.\n"
    )
    write(content, "posts/news.md", text)
    assert not [p for p in problems_for(content) if p.file.endswith("news.md")]


WORDS = st.sampled_from(["de", "à", "from", "to", "le", "jeudi", "Thursday", "centre", "meet", "at", "on", "mois"])
TIMES = st.sampled_from(["18 h 30", "9 h", "20 h", "6:30 pm", "8 p.m.", "18:30", "13 h 05"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(WORDS, TIMES), min_size=1, max_size=30).map(" ".join),
    st.integers(min_value=1, max_value=120),
)
def test_a_time_is_never_cut_in_two(text: str, room: int) -> None:
    shortened = cut(text, room, length)
    assert length(shortened) <= room
    kept = shortened.removesuffix(ELLIPSIS)
    if text.startswith(kept):
        for time in _TIME.finditer(text):
            assert not time.start() < len(kept) < time.end(), (text, shortened)
