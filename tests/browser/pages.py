"""The reader-facing pages the browser tests open, in every language.

Add a line here when a feature adds a kind of page (services directory,
announcements…): the accessibility test then covers it in both languages
and at both window sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

ROOT_PAGES = {
    "root language chooser": "/",
    "404": "/no/such/page/",
}
# Kind of page → its address in each language, in the demo site.
PAGES_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "home": {"en": "/en/", "fr": "/fr/"},
    "post": {
        "en": "/en/posts/warm-clothes-and-hot-meals-this-winter/",
        "fr": "/fr/posts/vetements-chauds-et-soupe/",
    },
    "safety page": {"en": "/en/safety/", "fr": "/fr/securite/"},
    "search": {"en": "/en/search/", "fr": "/fr/search/"},
    "category": {"en": "/en/categories/health/", "fr": "/fr/categories/sante/"},
    "services directory": {"en": "/en/services/", "fr": "/fr/services/"},
    "timetable": {"en": "/en/services/timetable/", "fr": "/fr/services/timetable/"},
    "service": {"en": "/en/services/drop-in/", "fr": "/fr/services/halte-accueil/"},
    "guides": {"en": "/en/guides/", "fr": "/fr/guides/"},
    "guide": {"en": "/en/guides/money-and-banking/", "fr": "/fr/guides/argent-et-banques/"},
    "announcements": {"en": "/en/announcements/", "fr": "/fr/announcements/"},
    "events": {"en": "/en/events/", "fr": "/fr/events/"},
    "event": {"en": "/en/events/peer-gathering/", "fr": "/fr/events/rencontre-entre-pairs/"},
    "feeds page": {"en": "/en/subscribe/", "fr": "/fr/subscribe/"},
    "bad date list": {"en": "/en/bad-dates/", "fr": "/fr/bad-dates/"},
    "bad date edition": {"en": "/en/bad-dates/2026-11/", "fr": "/fr/bad-dates/2026-11/"},
    "bad date lookup": {"en": "/en/bad-dates/lookup/", "fr": "/fr/bad-dates/lookup/"},
    "how to report page": {"en": "/en/how-to-report/", "fr": "/fr/comment-signaler/"},
}
VIEWPORTS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}


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
