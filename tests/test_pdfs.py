"""Info cards and guide PDFs, read back with pypdf; and builds stay byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest
from info_cards.sheet import CARD_HEIGHT, CARD_WIDTH, PAPERS, Sheet
from pypdf import PageObject, PdfReader

from tests.bad_date_paths import edition_file
from tests.helpers import DEMO_TODAY, ROOT, publish, tree_digest

POINTS_PER_MM = 72 / 25.4


def text_of(page: PageObject) -> str:
    return " ".join((page.extract_text() or "").replace("\u202f", " ").replace("\xa0", " ").split())


def test_cards_front_and_back_in_each_language(demo_site: Path) -> None:
    for lang, words in {
        "en": (
            "Text 514-555-0142",
            "Call 514-555-0187",
            "Monday to Thursday, 6 p.m. – 10 p.m.",
            "given in person",
        ),
        "fr": (
            "Texto 514-555-0142",
            "Téléphone 514-555-0187",
            "Du lundi au jeudi, 18 h – 22 h",
            "donnée en personne",
        ),
    }.items():
        reader = PdfReader(demo_site / lang / {"en": "info-cards.pdf", "fr": "cartes-de-poche.pdf"}[lang])
        assert len(reader.pages) == 2
        front, back = text_of(reader.pages[0]), text_of(reader.pages[1])
        assert front.count("Lanterne") == 10 and front.count(words[0]) == 10 and words[1] in front
        assert f"lanterne.example.org/{lang}/" in front
        assert back.count(words[2]) == 10 and words[3] in back
        # Discreet: nothing on the front says what the program is for.
        for word in ("sex", "TDS", "travail du sexe", "drop-in", "halte"):
            assert word.lower() not in front.lower(), word


def test_cards_sheet_is_letter_by_default(demo_site: Path) -> None:
    box = PdfReader(demo_site / "en/info-cards.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_ten_cards_fit_the_sheet_with_marks_outside(paper: str) -> None:
    sheet = Sheet(paper)
    width, height = sheet.size
    cards = sheet.cards()
    assert len(cards) == 10 and all((c.width, c.height) == (CARD_WIDTH, CARD_HEIGHT) for c in cards)
    assert all(c.left >= 0 and c.top >= 0 and c.left + c.width <= width and c.top + c.height <= height for c in cards)
    left, top = sheet.origin
    grid_right, grid_bottom = left + 2 * CARD_WIDTH, top + 5 * CARD_HEIGHT
    for mark in sheet.marks():
        assert mark.width > 0 or mark.height > 0
        outside = (
            mark.top + mark.height <= top
            or mark.top >= grid_bottom
            or mark.left + mark.width <= left
            or mark.left >= grid_right
        )
        assert outside and 0 <= mark.left <= width and 0 <= mark.top + mark.height <= height
    # Symmetrical, so backs printed on the other side line up with the fronts.
    assert abs(left - (width - grid_right)) < 0.01


def test_a4_cards(tmp_path: Path) -> None:
    settings = tmp_path / "a4conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        'INFO_CARDS = {**INFO_CARDS, "paper": "a4"}\n'
    )
    output = tmp_path / "out"
    result = publish("build", "--settings", str(settings), "--output", str(output), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    box = PdfReader(output / "fr/cartes-de-poche.pdf").pages[0].mediabox
    assert (round(float(box.width) / POINTS_PER_MM), round(float(box.height) / POINTS_PER_MM)) == (210, 297)


def test_guide_pdf_has_credit_contents_and_text(demo_site: Path) -> None:
    reader = PdfReader(demo_site / "en/guides/money-and-banking/money-and-banking.pdf")
    first = text_of(reader.pages[0])
    assert first.startswith("Money and banking: a practical guide")
    assert "Written by Maya R. and Sam T., with the Réseau solidarité TDS." in first
    assert "given on May 20, 2026" in first and "Contents" in first
    whole = " ".join(text_of(page) for page in reader.pages)
    assert "Where to get help" in whole and "lanterne.example.org/en/guides/money-and-banking/" in whole
    metadata = reader.metadata
    assert metadata.title == "Money and banking: a practical guide"
    assert metadata.author == "Maya R. and Sam T., with the Réseau solidarité TDS"
    assert metadata.creation_date.date().isoformat() == "2026-06-01"  # the guide's own date, not the build's
    french = PdfReader(demo_site / "fr/guides/prendre-soin-de-soi-au-travail/prendre-soin-de-soi-au-travail.pdf")
    assert "Table des matières" in text_of(french.pages[0])


def test_demo_builds_byte_identical_pdfs_included(demo_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = publish("build", "--output", str(again), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(demo_site), tree_digest(again)
    bad_date_lists = [
        edition_file(lang, month, paper)
        for lang in ("en", "fr")
        for month in ("2026-10", "2026-11")
        for paper in ("a4", "letter")
    ]
    assert sorted(name for name in first if name.endswith(".pdf") and name not in bad_date_lists) == [
        "en/guides/caring-for-yourself-at-work/caring-for-yourself-at-work.pdf",
        "en/guides/money-and-banking/money-and-banking.pdf",
        "en/info-cards.pdf",
        "fr/cartes-de-poche.pdf",
        "fr/guides/argent-et-banques/argent-et-banques.pdf",
        "fr/guides/prendre-soin-de-soi-au-travail/prendre-soin-de-soi-au-travail.pdf",
    ]
    assert set(bad_date_lists) <= set(first)
    assert first == second
