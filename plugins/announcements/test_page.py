"""The announcements pages and snippet files of the demo, built for real."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import bbcode
import pytest

from announcements.collect import offered
from relais.site import Site


class _Page(HTMLParser):
    """Text boxes, their labels, buttons, scripts, articles and links of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.textareas: dict[str, str] = {}
        self.textarea_attrs: dict[str, dict[str, str | None]] = {}
        self.labels: dict[str, str] = {}
        self.buttons: list[dict[str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.articles: list[str] = []
        self.links: list[str] = []
        self.styles: list[str] = []
        self._textarea: str | None = None
        self._label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "style" in values:
            self.styles.append(tag)
        if tag == "textarea":
            self._textarea = values["id"] or ""
            self.textareas[self._textarea] = ""
            self.textarea_attrs[self._textarea] = values
        elif tag == "label":
            self._label = values.get("for") or ""
            self.labels[self._label] = ""
        elif tag == "button":
            self.buttons.append(values)
        elif tag == "script":
            self.scripts.append(values)
        elif tag == "article":
            self.articles.append(values.get("id") or "")
        elif tag == "a":
            self.links.append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "label":
            self._label = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.textareas[self._textarea] += data
        if self._label is not None:
            self.labels[self._label] += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


# The announcements page of each language, in its own words.
PAGE = {"en": "en/announcements/index.html", "fr": "fr/annonces/index.html"}
NEWEST_FIRST = {
    "en": [
        "december-17",
        "post-peer-gatherings",
        "post-warm-clothes-and-hot-meals-this-winter",
        "service-drop-in",
        "text-line",
        "bad-dates-2026-11",
    ],
    "fr": [
        "december-17",
        "post-peer-gatherings",
        "service-drop-in",
        "text-line",
        "bad-dates-2026-11",
        "post-la-loi-au-canada-en-termes-simples",
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_page_lists_what_is_on_offer_newest_first(demo_site: Path, lang: str) -> None:
    html = (demo_site / PAGE[lang]).read_text(encoding="utf-8")
    assert parse(demo_site / PAGE[lang]).articles == [
        f"announcement--{slug}" for slug in NEWEST_FIRST[lang]
    ]  # not the expired June 2 picnic, nor the draft
    published = re.findall(r'(?:Published|Publiée le) <time datetime="([\d-]+)">', html)
    assert len(published) == len(NEWEST_FIRST[lang]) and published == sorted(published, reverse=True)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_format_is_in_a_labelled_read_only_box_with_its_file(demo: Site, demo_site: Path, lang: str) -> None:
    page = parse(demo_site / PAGE[lang])
    for announcement in offered(demo, demo.settings, lang):
        for format_name, text in announcement.snippets.items():
            box = f"{announcement.anchor}-{format_name}"
            assert page.textareas[box] == text
            assert "readonly" in page.textarea_attrs[box]
            assert page.labels[box].strip()
            snippet_file = demo_site / announcement.file_path(format_name)
            assert snippet_file.read_bytes() == text.encode("utf-8")
            assert f"/{announcement.file_path(format_name)}" in page.links


def test_snippet_file_names_are_stable(demo_site: Path) -> None:
    names = {path.name for path in (demo_site / "announcements").iterdir()}
    for lang in ("en", "fr"):
        for suffix in ("bbcode.txt", "md.txt", "txt", "short.txt"):
            assert f"post-peer-gatherings.{lang}.{suffix}" in names
            assert f"text-line.{lang}.{suffix}" in names
    assert not any(name.startswith(("post-june-2.", "nurse-evenings.")) for name in names)


def test_copy_buttons_need_the_script_and_nothing_is_inline(demo_site: Path) -> None:
    page = parse(demo_site / "en/announcements/index.html")
    assert page.buttons and all("hidden" in button for button in page.buttons)
    assert all(button["data-copy"] in page.textareas for button in page.buttons)
    assert all("defer" in script and script.get("src") for script in page.scripts)  # none inline
    assert "/theme/js/copy-snippet.js" in [script["src"] for script in page.scripts]
    assert (demo_site / "theme/js/copy-snippet.js").is_file()
    assert page.styles == []


def test_menu_and_language_switch_reach_the_pages(demo_site: Path) -> None:
    home = (demo_site / "fr/index.html").read_text(encoding="utf-8")
    assert '<a href="/fr/annonces/">Pour les forums</a>' in home
    english = (demo_site / "en/announcements/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="fr" href="https://lanterne.example.org/fr/annonces/">' in english
    assert 'aria-current="page">For forums</a>' in english


def test_a_moderator_copies_this_months_peer_gathering_in_bbcode(demo_site: Path) -> None:
    """The issue's "done when": bold headline, working link, footer, nothing stray."""
    page = parse(demo_site / "en/announcements/index.html")
    pasted = page.textareas["announcement--post-peer-gatherings-bbcode"]
    shown = bbcode.Parser().format(pasted)
    assert shown.startswith("<strong>Peer gathering this Thursday, November 26</strong>")
    link = "https://lanterne.example.org/en/posts/peer-gatherings/"
    assert f'<a rel="nofollow" href="{link}">{link}</a>' in shown
    assert (demo_site / "en/posts/peer-gatherings/index.html").is_file()
    assert "<li>Text line: 514-555-0142 (Monday to Friday, 1 pm to 10 pm)</li>" in shown
    assert "free, confidential and without judgement" in shown
    assert not re.search(r"\[/?[a-z*]+", re.sub(r"<[^>]+>", "", shown))
