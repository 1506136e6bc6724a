"""The demo's event pages, built for real with the clock at 2026-11-22."""

from __future__ import annotations

import re
from pathlib import Path


def main(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index("<main") : text.index("</main>")].replace("\u202f", " ").replace("\xa0", " ")


def test_upcoming_events_soonest_first_with_recurring_ones_expanded(demo_site: Path) -> None:
    page = main(demo_site / "en/events/index.html")
    order = re.findall(r'<time datetime="([^"]+)">', page)
    assert order == sorted(order, key=lambda value: value[:10])
    assert order[:4] == [
        "2026-11-26T18:30:00-05:00",
        "2026-12-05T13:00:00-05:00",
        "2026-12-17",
        "2027-01-28T18:30:00-05:00",  # December 31 is cancelled (New Year's Eve); the series goes on
    ]
    # Beyond the horizon, each event still shows its next date.
    assert "2027-03-03" in order and "2027-06-02" in order
    assert '<h2 id="events--month-2026-12-01">December 2026</h2>' in page
    assert "taxes for independent workers" not in page


def test_past_events_are_archived(demo_site: Path) -> None:
    page = main(demo_site / "fr/events/past/index.html")
    assert "Atelier : les impôts des travailleuses et travailleurs autonomes" in page
    assert "samedi 21 mars 2026, 13 h 00 – 15 h 00" in page
    assert "Rencontre entre pairs" not in page


def test_event_page_says_how_it_repeats_in_each_language(demo_site: Path) -> None:
    english = main(demo_site / "en/events/peer-gathering/index.html")
    assert "Every month on the last Thursday, 6:30 p.m. – 8:30 p.m." in english
    french = main(demo_site / "fr/events/rencontre-entre-pairs/index.html")
    assert "Chaque mois, le dernier jeudi, 18 h 30 – 20 h 30" in french
    assert "Chaque année, le 17 décembre" in main(demo_site / "fr/events/17-decembre/index.html")


def test_confidential_place_shows_only_its_note(demo_site: Path) -> None:
    page = main(demo_site / "en/events/peer-gathering/index.html")
    assert '<span class="badge">Confidential address</span> At the drop-in centre.' in page


def test_public_place_shows_its_address_and_access(demo_site: Path) -> None:
    page = main(demo_site / "en/events/online-privacy-workshop/index.html")
    assert "<strong>Port-Lumière Central Library, Room B</strong><br>120 Lighthouse Street, Port-Lumière" in page
    assert "Access: Step-free entrance" in page
    assert "Twelve places" in page


def test_events_link_across_languages_and_from_the_menu(demo_site: Path) -> None:
    page = (demo_site / "en/events/peer-gathering/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="fr" href="/fr/events/rencontre-entre-pairs/">' in page
    listing = (demo_site / "fr/events/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en" href="/en/events/">' in listing
    for lang in ("en", "fr"):
        for other in (demo_site / lang).rglob("*.html"):
            assert f'<li><a href="/{lang}/events/"' in other.read_text(encoding="utf-8"), other
    assert '<li><a href="/fr/events/" aria-current="page">Événements</a></li>' in listing
