"""French addresses in French words (/fr/evenements/, /fr/services/horaire/), and links that still meet.

The demo is built for real; every address a page, a feed, the sitemap or a
calendar gives is followed to a built file, and the language switcher of
every page is checked to land on the same page in the other language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest
from languages.urls import url_for

from relais.build import BuildOptions, check
from relais.problems import Problem
from relais.url_words import in_words, localised
from tests.feed_helpers import PUBLIC
from tests.helpers import ROOT, front_matter, settings_file, write

# The words pelicanconf.py's patterns are written with: none may be left in a French address.
ENGLISH_WORDS = {
    "posts", "categories", "tags", "authors", "events", "past", "calendar", "timetable", "announcements",
    "search", "subscribe", "info-cards", "feeds", "all", "bad-dates", "lookup",
}  # fmt: skip
FRENCH_ADDRESSES = [
    "fr/articles/vetements-chauds-et-soupe/index.html",
    "fr/sujets/sante/index.html",
    "fr/mots-cles/index.html",
    "fr/auteurs-et-autrices/lune/index.html",
    "fr/evenements/index.html",
    "fr/evenements/passes/index.html",
    "fr/evenements/rencontre-entre-pairs/index.html",
    "fr/evenements/rencontre-entre-pairs.ics",
    "fr/evenements/calendrier.ics",
    "fr/services/index.html",
    "fr/services/horaire/index.html",
    "fr/annonces/index.html",
    "fr/recherche/index.html",
    "fr/suivre/index.html",
    "fr/cartes-de-poche.pdf",
    "fr/fils/articles.atom.xml",
    "fr/fils/evenements.rss.xml",
    "fr/fils/annonces.atom.xml",
    "fr/fils/sujets/sante.atom.xml",
    "fr/guides/argent-et-banques/argent-et-banques.pdf",
    "fr/mauvais-clients/index.html",
    "fr/mauvais-clients/2026-11/index.html",
    "fr/mauvais-clients/2026-11/liste-mauvais-clients-2026-11-letter.pdf",
    "fr/mauvais-clients/2026-11/liste-mauvais-clients-2026-11-a4.pdf",
    "fr/mauvais-clients/2026-11/liste-mauvais-clients-2026-11.txt",
    "fr/mauvais-clients/2026-11/liste-mauvais-clients-2026-11-textos.txt",
    "fr/mauvais-clients/verifier/index.html",
    "fr/mauvais-clients/verifier/reports.json",
    "fr/fils/mauvais-clients.atom.xml",
    "fr/comment-signaler/index.html",
]


def test_a_pattern_takes_the_languages_words_but_never_in_a_placeholder() -> None:
    words = {"events": "evenements", "calendar": "calendrier", "slug": "limace", "timetable": "horaire"}
    assert in_words("events/{slug}/", words) == "evenements/{slug}/"
    assert in_words("events/{slug}.ics", words) == "evenements/{slug}.ics"
    assert in_words("events/calendar.ics", words) == "evenements/calendrier.ics"
    assert in_words("services/timetable/index.html", words) == "services/horaire/index.html"
    assert in_words("{slug}/index.html", words) == "{slug}/index.html"
    # A file name's own words between placeholders, never a placeholder nor the extension.
    words |= {"bad-date-list": "liste-mauvais-clients", "sms": "textos", "pdf": "x", "txt": "x"}
    assert (
        in_words("{slug}/bad-date-list-{slug}-{paper}.pdf", words) == "{slug}/liste-mauvais-clients-{slug}-{paper}.pdf"
    )
    assert in_words("{slug}/bad-date-list-{slug}-sms.txt", words) == "{slug}/liste-mauvais-clients-{slug}-textos.txt"
    settings = {"LANGUAGES": {"en": {"name": "English"}, "fr": {"url_words": words}}}
    assert localised(settings, "events/{slug}/", "fr") == "fr/evenements/{slug}/"
    assert localised(settings, "events/{slug}/", "en") == "en/events/{slug}/"


def test_french_addresses_use_french_words(demo_site: Path) -> None:
    for relative in FRENCH_ADDRESSES:
        assert (demo_site / relative).is_file(), relative
    for path in (demo_site / "fr").rglob("*"):
        relative = path.relative_to(demo_site / "fr").as_posix()
        if relative.startswith("pagefind"):
            continue  # the search index's own files, never an address readers see
        parts = {part.split(".")[0] for part in relative.split("/")[:-1]}
        if path.is_file() and not path.name.startswith("index"):
            parts.add(path.name.split(".")[0])
        assert not parts & ENGLISH_WORDS, relative


def test_english_addresses_did_not_change(demo_site: Path) -> None:
    for relative in (
        "en/posts/peer-gatherings/index.html",
        "en/events/calendar.ics",
        "en/services/timetable/index.html",
        "en/announcements/index.html",
        "en/search/index.html",
        "en/subscribe/index.html",
        "en/info-cards.pdf",
        "en/feeds/all.atom.xml",
        "en/feeds/categories/health.atom.xml",
        "en/bad-dates/2026-11/bad-date-list-2026-11-sms.txt",
        "en/bad-dates/lookup/index.html",
    ):
        assert (demo_site / relative).is_file(), relative


def _pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)


def _built(site: Path, address: str) -> Path:
    path = site / urlsplit(address).path.lstrip("/")
    return path / "index.html" if address.endswith("/") or path.is_dir() else path


def test_every_link_between_pages_leads_to_a_built_file(demo_site: Path) -> None:
    """Pages, language switchers, alternates: nothing points at an English word left in a French address."""
    broken = []
    for page in _pages(demo_site):
        document = lxml.html.parse(str(page))
        for element in document.iter("a", "link"):
            address = element.get("href") or ""
            if address.startswith(PUBLIC):
                address = address.removeprefix(PUBLIC)
            if not address.startswith("/") or address.startswith("//"):
                continue
            if not _built(demo_site, address.split("#")[0]).is_file():
                broken.append(f"{page.relative_to(demo_site)}: {address}")
    assert not broken, broken[:20]


def test_the_language_switcher_lands_on_the_same_page(demo_site: Path) -> None:
    """Where a page has a translation (its hreflang alternates), the switcher goes there, and back."""
    checked = 0
    for page in _pages(demo_site.joinpath("fr")) + _pages(demo_site.joinpath("en")):
        document = lxml.html.parse(str(page))
        alternates = {
            link.get("hreflang"): link.get("href").removeprefix(PUBLIC)
            for link in document.xpath("//head/link[@rel='alternate'][@hreflang][not(@type)]")
        }
        switcher = {a.get("hreflang"): a.get("href") for a in document.xpath("//nav[@class='languages']//a")}
        own = "/" + page.relative_to(demo_site).as_posix().removesuffix("index.html")
        page_lang = own.split("/")[1]
        for lang, address in switcher.items():
            if lang in alternates:
                assert address == alternates[lang], page
                if alternates.get(page_lang) != own:
                    continue  # a second page of a list: its translation is the list's first page
                back = lxml.html.parse(str(_built(demo_site, address)))
                assert own in [a.get("href") for a in back.xpath("//nav[@class='languages']//a")], (page, address)
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("/en/services/timetable/", "/fr/services/horaire/"),
        ("/en/events/past/", "/fr/evenements/passes/"),
        ("/en/announcements/", "/fr/annonces/"),
        ("/en/search/", "/fr/recherche/"),
        ("/en/subscribe/", "/fr/suivre/"),
        ("/en/categories/", "/fr/sujets/"),
        ("/en/tags/", "/fr/mots-cles/"),
        ("/en/authors/", "/fr/auteurs-et-autrices/"),
        ("/en/bad-dates/", "/fr/mauvais-clients/"),
        ("/en/bad-dates/2026-11/", "/fr/mauvais-clients/2026-11/"),
        ("/en/bad-dates/lookup/", "/fr/mauvais-clients/verifier/"),
        ("/en/how-to-report/", "/fr/comment-signaler/"),
    ],
)
def test_pages_every_language_has_switch_to_each_other(demo_site: Path, english: str, french: str) -> None:
    page = lxml.html.parse(str(_built(demo_site, english)))
    assert page.xpath("//nav[@class='languages']//a[@hreflang='fr']/@href") == [french]
    alternate = page.xpath("//head/link[@rel='alternate'][@hreflang='fr']/@href")
    assert alternate == [PUBLIC + french]


def test_sitemap_and_calendar_give_french_addresses(demo_site: Path) -> None:
    sitemap = lxml.etree.parse(str(demo_site / "sitemap.xml"))
    addresses = sitemap.xpath("//*[local-name()='loc']/text()") + sitemap.xpath("//*[local-name()='link']/@href")
    french = [address for address in addresses if address.startswith(PUBLIC + "/fr/")]
    assert french and all(_built(demo_site, address.removeprefix(PUBLIC)).is_file() for address in addresses)
    assert PUBLIC + "/fr/evenements/rencontre-entre-pairs/" in french
    calendar = (demo_site / "fr/evenements/calendrier.ics").read_text(encoding="utf-8")
    assert "URL:https://lanterne.example.org/fr/evenements/rencontre-entre-pairs/" in calendar.replace("\r\n ", "")


def test_url_for_gives_each_languages_address() -> None:
    settings = {"LANGUAGES": {"fr": {"url_words": {"events": "evenements"}}}, "EVENT_URL": "events/{slug}/"}
    assert url_for(settings, "EVENT_URL", "fr", slug="rencontre") == "fr/evenements/rencontre/"
    assert url_for(settings, "EVENT_URL", "en", slug="gathering") == "en/events/gathering/"


# --- Checks on the words and on the pages they make


def _problems(content: Path, extra: str = "", tmp: Path | None = None) -> list[Problem]:
    """``extra`` settings rebind names (never change pelicanconf's own dicts: the module is shared in-process)."""
    extra = 'URL_WORDS = LANGUAGES["fr"]["url_words"]\n' + extra
    settings = settings_file(tmp, extra) if tmp is not None else ROOT / "pelicanconf.py"
    options = BuildOptions(settings_file=settings, content_dir=content, today=dt.date(2026, 2, 15))
    return check(options).problems.sorted()


def test_a_french_page_named_like_a_french_address_is_refused(content: Path) -> None:
    write(content, "pages/evenements.md", front_matter({"title": "Événements", "lang": "fr", "status": "published"}))
    write(content, "pages/events.md", front_matter({"title": "Nos événements", "lang": "fr", "status": "published"}))
    problems = [problem.format() for problem in _problems(content)]
    [collision] = [line for line in problems if "pages/evenements.md" in line]
    assert "output/fr/evenements/index.html, where the site's own events page (EVENTS_SAVE_AS) goes" in collision
    assert not [line for line in problems if "pages/events.md" in line]  # /fr/events/ is free in French


def test_a_word_that_is_not_a_word_of_an_address_is_refused(content: Path, tmp_path: Path) -> None:
    extra = 'LANGUAGES = {**LANGUAGES, "fr": {**LANGUAGES["fr"], "url_words": {"events": "événements"}}}'
    [problem] = [p for p in _problems(content, extra, tmp_path) if "url_words" in p.field]
    assert problem.field == "LANGUAGES.fr.url_words" and problem.file.endswith("siteconf.py")
    assert problem.what == "'événements' cannot be a word of an address"
    assert "lower-case letters without accents" in problem.fix and "'evenements'" in problem.fix


def test_a_misspelt_word_is_pointed_out(content: Path, tmp_path: Path) -> None:
    extra = 'LANGUAGES = {**LANGUAGES, "fr": {**LANGUAGES["fr"], "url_words": {**URL_WORDS, "event": "x"}}}'
    [problem] = [p for p in _problems(content, extra, tmp_path) if "url_words" in p.field]
    assert problem.severity.value == "warning" and "'event' is not a word of any address" in problem.what
    assert "did you mean 'events'" in problem.fix


def test_two_pages_sent_to_one_address_by_the_words_are_refused(content: Path, tmp_path: Path) -> None:
    extra = 'LANGUAGES = {**LANGUAGES, "fr": {**LANGUAGES["fr"], "url_words": {**URL_WORDS, "search": "archives"}}}'
    errors = [p for p in _problems(content, extra, tmp_path) if p.severity.value == "error"]
    assert [p.what for p in errors] == [
        "ARCHIVES_SAVE_AS and SEARCH_SAVE_AS would both be written to output/fr/archives/index.html"
    ]
