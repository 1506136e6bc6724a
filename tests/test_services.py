"""The demo's services and guides, built for real: directory, pages, timetable, guides."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

from tests.helpers import all_text

CONFIDENTIAL_ADDRESS = ["2250", "Lucioles", "H0H 1L8", "514-555-0199", "5145550199"]


def main_of(page: Path) -> str:
    """The page's main content; Babel's narrow no-break spaces (6:00\u202fp.m.) read as spaces."""
    html = page.read_text(encoding="utf-8").replace("\u202f", " ").replace("\xa0", " ")
    return html[html.index("<main") : html.index("</main>")]


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def heading_levels(page: Path) -> list[int]:
    parser = _Headings()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.levels


def test_directory_groups_services_by_category_with_audience(demo_site: Path) -> None:
    directory = main_of(demo_site / "en/services/index.html")
    sections = re.findall(r'<h2 id="services--([\w-]+)">([^<]+)</h2>', directory)
    assert ("drop-in", "Drop-in") in sections and ("legal", "Legal help") in sections
    assert [key for key, _ in sections].index("drop-in") < [key for key, _ in sections].index("legal")
    drop_in = directory[directory.index('id="services--drop-in"') : directory.index('id="services--health"')]
    assert "/en/services/drop-in/" in drop_in and "For: Sex workers of all genders" in drop_in
    assert 'Monday to Thursday, <span class="time-range">6 p.m. – 10 p.m.</span>' in drop_in
    french = main_of(demo_site / "fr/services/index.html")
    assert (
        "Pour : TDS de tous les genres" in french
        and 'Du lundi au jeudi, <span class="time-range">18 h – 22 h</span>' in french
    )


def test_directory_links_to_timetable_cards_and_data(demo_site: Path) -> None:
    directory = main_of(demo_site / "fr/services/index.html")
    for link in ("/fr/services/horaire/", "/fr/cartes-de-poche.pdf", "/fr/services.json"):
        assert f'href="{link}"' in directory, link


def test_closed_and_alert_states_show_everywhere(demo_site: Path) -> None:
    page = main_of(demo_site / "en/services/work-and-income/index.html")
    directory = main_of(demo_site / "en/services/index.html")
    timetable = main_of(demo_site / "en/services/timetable/index.html")
    for html in (page, directory, timetable):
        assert "Temporarily closed" in html and "Back on Tuesday, January 12" in html
    dental_alert = "No dental clinic on December 28"
    assert dental_alert in main_of(demo_site / "en/services/dental-care/index.html")
    assert dental_alert in directory and dental_alert in timetable
    assert "Fermé temporairement" in main_of(demo_site / "fr/services/horaire/index.html")


def test_timetable_is_a_table_per_day_in_time_order(demo_site: Path) -> None:
    timetable = main_of(demo_site / "en/services/timetable/index.html")
    monday = timetable[timetable.index('id="timetable--day-0"') : timetable.index('id="timetable--day-1"')]
    assert "<caption>Open on Monday, by opening time</caption>" in monday
    assert '<th scope="col">Hours</th>' in monday and '<a href="/en/services/drop-in/">Drop-in centre</a>' in monday
    order = [monday.index(name) for name in ("24-hour support line", "Dental care", "Drop-in centre")]
    assert order == sorted(order)
    thursday = timetable[timetable.index('id="timetable--day-3"') : timetable.index('id="timetable--day-4"')]
    assert "Last Thursday of the month" in thursday and "Peer gatherings" in thursday
    tuesday = timetable[timetable.index('id="timetable--day-1"') : timetable.index('id="timetable--day-2"')]
    assert "8 p.m. – midnight" in tuesday  # street outreach
    assert "Counselling" in timetable[timetable.index('id="timetable--by-appointment"') :]
    assert "Du lundi au vendredi" not in timetable  # English page, English words


def test_confidential_drop_in_page_gives_the_note_not_an_address(demo_site: Path) -> None:
    page = main_of(demo_site / "en/services/drop-in/index.html")
    assert "The address is given in person or by phone only." in page
    assert "service-address" not in page
    dental = main_of(demo_site / "en/services/dental-care/index.html")
    assert "1500, boulevard du Fleuve" in dental and "Step-free entrance" in dental


def test_the_demo_address_is_nowhere_in_the_site(demo_site: Path) -> None:
    text = all_text(demo_site)
    for secret in CONFIDENTIAL_ADDRESS:
        assert secret not in text, secret


def test_service_pages_link_their_translations(demo_site: Path) -> None:
    english = (demo_site / "en/services/drop-in/index.html").read_text()
    assert (
        '<link rel="alternate" hreflang="fr" href="https://lanterne.example.org/fr/services/halte-accueil/">' in english
    )
    timetable = (demo_site / "fr/services/horaire/index.html").read_text()
    assert (
        '<link rel="alternate" hreflang="en" href="https://lanterne.example.org/en/services/timetable/">' in timetable
    )


def test_monthly_slot_gives_its_next_date(demo_site: Path) -> None:
    page = main_of(demo_site / "en/services/peer-gatherings/index.html")
    assert "Next time: Thursday, November 26, 2026" in page  # the demo is built on 2026-11-22
    assert "Prochaine fois : jeudi 26 novembre 2026" in main_of(
        demo_site / "fr/services/rencontres-entre-pairs/index.html"
    )


def test_drafts_and_inactive_services_are_not_published(demo_site: Path) -> None:
    assert not (demo_site / "en/services/food-bank-pilot").exists()
    assert "Grocery vouchers" not in all_text(demo_site)


def test_menu_offers_services_and_guides(demo_site: Path) -> None:
    home = (demo_site / "fr/index.html").read_text()
    assert '<a href="/fr/services/">Services</a>' in home and '<a href="/fr/guides/">Guides</a>' in home
    directory = (demo_site / "en/services/index.html").read_text()
    assert '<a href="/en/services/" aria-current="page">Services</a>' in directory


def test_guide_page_has_credit_first_then_contents(demo_site: Path) -> None:
    page = main_of(demo_site / "en/guides/money-and-banking/index.html")
    credit = page.index("Written by Maya R. and Sam T.")
    assert credit < page.index('class="guide-toc"') < page.index("<p>Money in sex work")
    assert (
        "Re-published with the permission of Maya R., Sam T. and the Réseau solidarité TDS, given on May 20, 2026."
        in page
    )
    assert "Licence: Re-published with permission; all rights reserved by the authors." in page
    assert '<a href="#opening-a-bank-account">Opening a bank account</a>' in page
    assert '<h2 id="opening-a-bank-account">' in page
    assert 'href="/en/guides/money-and-banking/money-and-banking.pdf"' in page
    french = main_of(demo_site / "fr/guides/argent-et-banques/index.html")
    assert "Écrit par Maya R. et Sam T." in french and "Table des matières" in french


def test_guides_list(demo_site: Path) -> None:
    listing = main_of(demo_site / "fr/guides/index.html")
    assert "Prendre soin de soi au travail" in listing and "argent-et-banques.pdf" in listing


def test_headings_are_in_order_and_tables_have_headers(demo_site: Path) -> None:
    pages = [
        "en/services/index.html",
        "en/services/timetable/index.html",
        "en/services/drop-in/index.html",
        "fr/guides/argent-et-banques/index.html",
        "en/guides/index.html",
    ]
    for name in pages:
        levels = heading_levels(demo_site / name)
        assert levels[0] == 1 and levels.count(1) == 1, name
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (name, levels)
    for table in re.findall(r"<table.*?</table>", (demo_site / "en/services/timetable/index.html").read_text(), re.S):
        assert "<caption>" in table and 'scope="col"' in table and 'scope="row"' in table


def test_no_inline_styles_or_scripts(demo_site: Path) -> None:
    for folder in ("en/services", "fr/services", "en/guides", "fr/guides"):
        for page in (demo_site / folder).rglob("*.html"):
            html = page.read_text()
            assert " style=" not in html and "<style" not in html, page
            # Scripts only from files, deferred (the quick exit): nothing inline.
            assert all("src=" in tag and "defer" in tag for tag in re.findall(r"<script[^>]*>", html)), page
