"""The reader-facing pages the browser tests open, in every language.

Add a line here when a feature adds a kind of page (services directory,
announcements…): the accessibility test then covers it in both languages
and at both window sizes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Browser, Page

ROOT_PAGES = {
    "root language chooser": "/",
    "404": "/no/such/page/",
}
# Kind of page → its address in each language, in the demo site.
PAGES_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "home": {"en": "/en/", "fr": "/fr/"},
    "post": {
        "en": "/en/posts/warm-clothes-and-hot-meals-this-winter/",
        "fr": "/fr/articles/vetements-chauds-et-soupe/",
    },
    "safety page": {"en": "/en/safety/", "fr": "/fr/securite/"},
    "search": {"en": "/en/search/", "fr": "/fr/recherche/"},
    "category": {"en": "/en/categories/health/", "fr": "/fr/sujets/sante/"},
    "services directory": {"en": "/en/services/", "fr": "/fr/services/"},
    "timetable": {"en": "/en/services/timetable/", "fr": "/fr/services/horaire/"},
    "service": {"en": "/en/services/drop-in/", "fr": "/fr/services/halte-accueil/"},
    "guides": {"en": "/en/guides/", "fr": "/fr/guides/"},
    "guide": {"en": "/en/guides/money-and-banking/", "fr": "/fr/guides/argent-et-banques/"},
    "announcements": {"en": "/en/announcements/", "fr": "/fr/annonces/"},
    "events": {"en": "/en/events/", "fr": "/fr/evenements/"},
    "event": {"en": "/en/events/peer-gathering/", "fr": "/fr/evenements/rencontre-entre-pairs/"},
    "feeds page": {"en": "/en/subscribe/", "fr": "/fr/suivre/"},
    "past events": {"en": "/en/events/past/", "fr": "/fr/evenements/passes/"},
    "topics": {"en": "/en/categories/", "fr": "/fr/sujets/"},
    "all posts": {"en": "/en/archives/", "fr": "/fr/archives/"},
    "tags": {"en": "/en/tags/", "fr": "/fr/mots-cles/"},
    "tag": {"en": "/en/tags/testing/", "fr": "/fr/mots-cles/depistage/"},
    "writers": {"en": "/en/authors/", "fr": "/fr/auteurs-et-autrices/"},
    "writer": {"en": "/en/authors/lune/", "fr": "/fr/auteurs-et-autrices/lune/"},
    "page": {"en": "/en/contact/", "fr": "/fr/nous-joindre/"},
    "bad date list": {"en": "/en/bad-dates/", "fr": "/fr/mauvais-clients/"},
    "bad date edition": {"en": "/en/bad-dates/2026-11/", "fr": "/fr/mauvais-clients/2026-11/"},
    "bad date lookup": {"en": "/en/bad-dates/lookup/", "fr": "/fr/mauvais-clients/verifier/"},
    "how to report page": {"en": "/en/how-to-report/", "fr": "/fr/comment-signaler/"},
}
# The phones of the French trial (390 pixels wide) and the smallest still sold (320), and a desktop.
VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "small phone": {"width": 320, "height": 640},
    "desktop": {"width": 1280, "height": 800},
}
PHONES = {name: size for name, size in VIEWPORTS.items() if size["width"] < 400}


@dataclass(frozen=True)
class ReaderPage:
    name: str
    path: str

    def __str__(self) -> str:
        return self.name


def reader_pages() -> list[ReaderPage]:
    pages = [ReaderPage(name, path) for name, path in ROOT_PAGES.items()]
    for kind, paths in PAGES_BY_LANGUAGE.items():
        pages.extend(ReaderPage(f"{kind} ({lang})", path) for lang, path in paths.items())
    return pages


def problems_on_every_page(
    browser: Browser, origin: str, viewport: dict[str, int], find: Callable[[Page], list[str]]
) -> dict[str, list[str]]:
    """``find`` run on every kind of reader page, opened at one window size: what it found, by page."""
    context = browser.new_context(viewport=viewport)
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        for reader_page in reader_pages():
            response = page.goto(origin + reader_page.path)
            expected = 404 if reader_page.name == "404" else 200
            assert response is not None and response.status == expected, reader_page.path
            problems = find(page)
            if problems:
                found[str(reader_page)] = problems
    finally:
        context.close()
    return found
