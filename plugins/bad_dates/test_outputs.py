"""The demo's editions, built for real: pages, lookup, PDFs, feeds, text, SMS lines and announcements, in both languages."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest
import yaml
from babel.messages.pofile import read_po
from pypdf import PdfReader

from bad_dates.identifiers import fold
from bad_dates.sms import LIMIT, gsm_length
from tests.bad_date_paths import FEED, FOLDER, LOOKUP, edition_file, edition_folder
from tests.feed_helpers import PUBLIC
from tests.helpers import ROOT
from tests.test_light_pages import BUDGET, page_weight

EDITIONS = {lang: sorted((ROOT / "content" / "bad-dates" / lang).glob("*.md"), reverse=True) for lang in ("en", "fr")}
LANGS = ("en", "fr")


def _editions(lang: str) -> list[dict]:
    return [
        yaml.load(path.read_text(encoding="utf-8").split("---")[1], Loader=yaml.BaseLoader) for path in EDITIONS[lang]
    ]


def _reports(lang: str) -> list[dict]:
    return [report for edition in _editions(lang) for report in edition["reports"]]


def _values(value: object) -> list[str]:
    """Every public text of a report, nested ones included."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _values(item)]
    if isinstance(value, list):
        return [text for item in value for text in _values(item)]
    return [str(value)]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def _pdf_text(path: Path) -> str:
    return _flat(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(path.read_bytes())).pages))


def _list_pages(site: Path) -> list[Path]:
    return [page for lang in LANGS for page in site.glob(f"{lang}/{FOLDER[lang]}/**/index.html")]


def test_every_language_has_the_index_each_edition_and_the_lookup(demo_site: Path) -> None:
    for lang in LANGS:
        assert (demo_site / lang / FOLDER[lang] / "index.html").is_file()
        assert (demo_site / lang / LOOKUP[lang] / "index.html").is_file()
        for path in EDITIONS[lang]:
            page = demo_site / edition_folder(lang, path.stem) / "index.html"
            document = lxml.html.fromstring(page.read_bytes())
            for report in yaml.load(path.read_text(encoding="utf-8").split("---")[1], Loader=yaml.BaseLoader)[
                "reports"
            ]:
                article = document.get_element_by_id(f"report--{report['id']}")
                text = _flat(article.text_content())
                for value in ("what_happened", "advice"):
                    assert _flat(report[value]) in text


def test_the_edition_pages_link_their_translations(demo_site: Path) -> None:
    document = lxml.html.fromstring((demo_site / "en/bad-dates/2026-11/index.html").read_bytes())
    assert document.xpath("//head/link[@hreflang='fr']/@href") == [PUBLIC + "/fr/mauvais-clients/2026-11/"]


def test_the_lists_pages_are_noindex_and_out_of_the_sitemap(demo_site: Path) -> None:
    pages = sorted(_list_pages(demo_site))
    assert len(pages) == 8
    for page in pages:
        assert lxml.html.fromstring(page.read_bytes()).xpath("//meta[@name='robots']/@content") == ["noindex"]
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "bad-dates" not in sitemap and "mauvais-clients" not in sitemap
    assert "how-to-report" in (demo_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_lookup_lists_every_report_without_javascript(demo_site: Path) -> None:
    for lang in LANGS:
        document = lxml.html.fromstring((demo_site / lang / LOOKUP[lang] / "index.html").read_bytes())
        links = document.xpath("//section[contains(@class, 'bad-dates-all')]//li/a/@href")
        assert sorted(link.rsplit("#report--", 1)[1] for link in links) == sorted(r["id"] for r in _reports(lang))
        assert not document.xpath("//script[not(@src)]")  # the page's policy forbids inline scripts


def test_the_lookup_index_holds_numbers_and_plates_as_they_are_compared(demo_site: Path) -> None:
    index = json.loads((demo_site / "en/bad-dates/lookup/reports.json").read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in index["reports"]}
    assert set(by_id) == {report["id"] for report in _reports("en")}
    assert by_id["2026-11-r1"]["phones"] == ["5145550168"]
    assert by_id["2026-11-r1"]["plates"] == ["GXT4"]
    assert by_id["2026-10-r2"]["phones"] == ["5145550177"]  # written 514.555.0177
    assert by_id["2026-11-r2"]["phones"] == []  # a handle and an email are not numbers
    assert "maxpl_2026" in by_id["2026-11-r2"]["words"]
    assert [entry["id"][:7] for entry in index["reports"]] == sorted(
        (e["id"][:7] for e in index["reports"]), reverse=True
    )


def test_the_feed_has_one_entry_per_report_with_stable_ids(demo_site: Path) -> None:
    for lang in LANGS:
        for suffix in ("atom", "rss"):
            feed = feedparser.parse((demo_site / lang / f"{FEED[lang]}.{suffix}.xml").read_bytes())
            assert not feed.bozo, feed.bozo_exception
            ids = sorted(entry.id for entry in feed.entries)
            assert len(ids) == len(_reports(lang)) == len(set(ids))
            for report in _reports(lang):
                month = report["id"][:7]
                wanted = f"tag:lanterne.example.org,{month}-01:{lang}/bad-dates/{report['id']}"
                entry = next(entry for entry in feed.entries if entry.id == wanted)
                assert _flat(report["what_happened"]) in _flat(entry.summary)
                assert entry.link.endswith(f"/{edition_folder(lang, month)}/#report--{report['id']}")


def test_the_index_announces_the_feed(demo_site: Path) -> None:
    document = lxml.html.fromstring((demo_site / "en/bad-dates/index.html").read_bytes())
    assert "/en/feeds/bad-dates.atom.xml" in document.xpath("//head/link[@type='application/atom+xml']/@href")


MONTHS = {
    "en": {"2026-11": "Bad date list: November 2026", "2026-10": "Bad date list: October 2026"},
    "fr": {
        "2026-11": "Liste des mauvais clients : novembre 2026",
        "2026-10": "Liste des mauvais clients : octobre 2026",
    },
}
# Fields written out in the reader's words (dates, the theme's labels, BAD_DATES_TYPES' labels), not as in the file.
_WORDED = {"id", "date", "reported_on", "time_of_day", "place_type", "types"}


def _vocabulary(lang: str) -> set[str]:
    """Every word an edition's PDF may hold besides its reports: the theme's words, the settings', dates, the site."""
    words: set[str] = set()
    # The French catalogs hold the English words too (their msgids).
    for path in (ROOT / "theme/translations/fr/LC_MESSAGES").glob("*.po"):
        with path.open("rb") as file:
            for message in read_po(file):
                for text in (message.id, message.string):
                    for part in text if isinstance(text, tuple) else (text,):
                        words |= _words(part or "")
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    words |= _words(settings)
    words |= _words("Lanterne lanterne.example.org https letter a4 2026 octobre novembre October November")
    return words


def _words(text: str) -> set[str]:
    """Words and numbers; short numbers (days, page numbers) are everywhere and left out."""
    return {word for word in re.findall(r"[^\W\d_]+|\d+", fold(text)) if not (word.isdigit() and len(word) <= 2)}


@pytest.mark.parametrize("lang", LANGS)
def test_each_pdf_holds_every_reports_public_fields_and_nothing_else(demo_site: Path, lang: str) -> None:
    allowed = _vocabulary(lang)
    for path, edition in zip(EDITIONS[lang], _editions(lang), strict=True):
        for paper, size in (("letter", (612, 792)), ("a4", (595, 842))):
            pdf = demo_site / edition_file(lang, path.stem, paper)
            reader = PdfReader(io.BytesIO(pdf.read_bytes()))
            assert 1 <= len(reader.pages) <= 2
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == size
            text = _pdf_text(pdf)
            assert MONTHS[lang][path.stem] in text  # the month is in the title
            for report in edition["reports"]:
                for value in [report["id"], *_values({k: v for k, v in report.items() if k not in _WORDED})]:
                    assert _flat(value) in text, (pdf.name, value)
            extra = _words(text) - allowed - _words(" ".join(_values(edition)))
            assert not extra, (pdf.name, sorted(extra))


def test_the_sms_lines_fit_one_text_message(demo_site: Path) -> None:
    for lang in LANGS:
        for path in EDITIONS[lang]:
            lines = (demo_site / edition_file(lang, path.stem, "sms")).read_text(encoding="utf-8").splitlines()
            reports = yaml.load(path.read_text(encoding="utf-8").split("---")[1], Loader=yaml.BaseLoader)["reports"]
            assert len(lines) == len(reports)
            for line in lines:
                assert gsm_length(line) <= LIMIT
                assert len(line.encode("utf-16-le")) // 2 <= LIMIT  # as JavaScript counts
    first = (demo_site / edition_file("en", "2026-11", "sms")).read_text(encoding="utf-8")
    assert first.startswith("BAD DATE Nov 3, 2026, night: Physical assault, Robbery. 514-555-0168;")
    french = (demo_site / "fr/mauvais-clients/2026-11/liste-mauvais-clients-2026-11-textos.txt").read_text("utf-8")
    assert french.startswith("MAUVAIS CLIENT 3 nov. 2026, la nuit: Agression physique, Vol.")
    assert "ê" not in french and "Écrit en francais" in french  # letters a GSM-7 message cannot carry become plain


def test_the_plain_text_edition_has_every_report(demo_site: Path) -> None:
    for lang in LANGS:
        for path, edition in zip(EDITIONS[lang], _editions(lang), strict=True):
            text = (demo_site / edition_file(lang, path.stem, "text")).read_text("utf-8")
            for report in edition["reports"]:
                assert report["id"] in text and _flat(report["what_happened"]) in _flat(text)
            assert "514-555-0187" in text  # how to report comes first


def test_each_edition_is_announced_for_forums(demo_site: Path) -> None:
    for lang in LANGS:
        bbcode = (demo_site / f"announcements/bad-dates-2026-11.{lang}.bbcode.txt").read_text(encoding="utf-8")
        assert f"https://lanterne.example.org/{edition_folder(lang, '2026-11')}/" in bbcode
        assert not (demo_site / f"announcements/bad-dates-2026-10.{lang}.txt").exists()  # October's month is over
    assert "[b]Liste des mauvais clients : novembre 2026[/b]" in (
        demo_site / "announcements/bad-dates-2026-11.fr.bbcode.txt"
    ).read_text(encoding="utf-8")


def test_the_lists_pages_are_light(demo_site: Path) -> None:
    for page in _list_pages(demo_site):
        assert page_weight(demo_site, page) <= BUDGET, page


def test_the_lists_words_are_french_on_french_pages(demo_site: Path) -> None:
    text = _flat(
        lxml.html.fromstring((demo_site / "fr/mauvais-clients/2026-11/index.html").read_bytes()).text_content()
    )
    for words in ("Liste des mauvais clients : novembre 2026", "Ce qui s'est passé", "Signalé le 5 novembre 2026"):
        assert words in text
    for english in ("What happened", "Reported on", "In a car"):
        assert english not in text


def test_an_old_edition_leaves_the_site(tmp_path: Path) -> None:
    """With twelve months kept, in October 2027 the list runs from November 2026: October 2026 is gone."""
    from bad_dates.conftest import built

    result = built(tmp_path, ROOT / "content", today="2027-10-02")
    assert result.built, [p.format() for p in result.problems]
    out = tmp_path / "out"
    assert not (out / "en/bad-dates/2026-10").exists()
    assert (out / "en/bad-dates/2026-11/index.html").is_file()  # its files stay in content/ either way
    feed = lxml.etree.parse(str(out / "en/feeds/bad-dates.atom.xml"))
    ids = feed.xpath("//a:entry/a:id/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
    assert ids and all("2026-11-" in entry for entry in ids)
    assert "2026-10-r1" not in (out / "en/bad-dates/lookup/reports.json").read_text(encoding="utf-8")
