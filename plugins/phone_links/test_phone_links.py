"""Phone numbers become tel: and sms: links, and nothing else changes."""

from __future__ import annotations

import html
import re
from pathlib import Path

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st
from sanitiser.policy import sanitise

from phone_links.links import link_phone_numbers
from tests.conftest import demo_site
from tests.helpers import ROOT, build_minimal, write

__all__ = ["demo_site"]


def links(markup: str) -> list[tuple[str, str]]:
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    return [(a.get("href"), a.text_content()) for a in root.iter("a")]


def test_a_number_to_call_and_a_number_to_text() -> None:
    markup = link_phone_numbers("<p>Appelez au 514-555-0187 ou <strong>textez</strong> au 514 555 0142.</p>", "CA")
    assert links(markup) == [("tel:+1-514-555-0187", "514-555-0187"), ("sms:+15145550142", "514 555 0142")]


def test_words_about_texting_and_calling() -> None:
    for text, scheme in [
        ("Text us at (514) 555-0142.", "sms"),
        ("Texto : 514-555-0142", "sms"),
        ("Call or text 514-555-0142.", "tel"),  # calling is what a phone number does first
        ("Phone: 1-800-555-0199", "tel"),
        ("The line 514.555.0142 answers", "tel"),
    ]:
        [(address, _)] = links(link_phone_numbers(f"<p>{html.escape(text)}</p>", "CA"))
        assert address.startswith(scheme + ":"), text


def test_words_before_a_paragraph_or_another_number_do_not_count() -> None:
    markup = link_phone_numbers("<p>Text us.</p><p>514-555-0187</p><p>Text 514-555-0142, call 514-555-0187</p>", "CA")
    assert [address.split(":")[0] for address, _ in links(markup)] == ["tel", "sms", "tel"]


def test_brackets_around_a_number_stay_outside_its_link() -> None:
    assert links(link_phone_numbers("<p>by phone (514-555-0187).</p>", "CA")) == [
        ("tel:+1-514-555-0187", "514-555-0187")
    ]


def test_links_code_and_buttons_keep_their_numbers_as_written() -> None:
    for markup in (
        '<p><a href="https://example.org">514-555-0187</a></p>',
        '<p><a href="tel:5145550187">call <em>514-555-0187</em></a></p>',
        "<pre><code>curl 514-555-0187</code></pre>",
        "<p><code>514-555-0187</code> <kbd>514-555-0142</kbd></p>",
    ):
        assert link_phone_numbers(markup, "CA") == markup


def test_what_is_not_a_phone_number_stays_text() -> None:
    markup = "<p>Le 2026-11-20 à 18 h 30, 12 personnes; 4 500 $; H2X 1Y4; 1500, boulevard du Fleuve; 911; 1234567</p>"
    assert link_phone_numbers(markup, "CA") == markup


def test_attributes_are_never_rewritten() -> None:
    markup = '<p><img alt="Call 514-555-0187" src="/images/a.png" title="514-555-0142"> and text</p>'
    assert link_phone_numbers(markup, "CA") == markup


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -().+<>&\"'abc:txeo\n")), max_size=80))
def test_readers_read_the_same_text_whatever_it_holds(text: str) -> None:
    markup = sanitise(f"<p>{html.escape(text)}</p>")
    linked = link_phone_numbers(markup, "CA")
    before = lxml.html.fragment_fromstring(markup, create_parent="div").text_content()
    after = lxml.html.fragment_fromstring(linked, create_parent="div")
    assert after.text_content() == before
    assert all(re.fullmatch(r"(tel:\+[\d-]+(;ext=\d+)?|sms:\+\d+)", a.get("href")) for a in after.iter("a"))
    assert sanitise(linked) == linked  # what the sanitiser keeps: nothing to remove


def test_posts_of_the_demo_link_their_numbers(demo_site: Path) -> None:
    page = lxml.html.parse(str(demo_site / "fr/articles/signaler-un-client-violent/index.html"))
    found = {a.get("href") for a in page.xpath("//main//a[starts-with(@href, 'tel:') or starts-with(@href, 'sms:')]")}
    assert {"tel:+1-514-555-0187", "sms:+15145550142"} <= found
    event = lxml.html.parse(str(demo_site / "en/events/peer-gathering/index.html"))
    registration = event.xpath("//dt[.='How to join']/following-sibling::dd[1]//a/@href")
    assert registration == ["sms:+15145550142"]  # a plain field: "Text 514-555-0142 to find out…"


def test_a_writers_post_gets_links_after_the_sanitiser(tmp_path: Path) -> None:
    content = tmp_path / "content"
    build_minimal(tmp_path)  # copies the fixture
    post = (content / "posts/hello.md").read_text(encoding="utf-8")
    body = (
        "Text 514-555-0142 or call 514-555-0187.\n\n"
        '<a href="javascript:alert(1)">514-555-0111</a> `514-555-0122`\n\n'
        "| Line | Number |\n|---|---|\n| Text | 514-555-0142 |\n"
    )
    write(content, "posts/hello.md", post.replace("First post body.", body))
    output = build_minimal(tmp_path)
    page = lxml.html.parse(str(output / "en/posts/hello/index.html"))
    main = page.find(".//main")
    hrefs = [a.get("href") for a in main.iter("a") if a.get("href", "").startswith(("tel:", "sms:"))]
    assert hrefs == ["sms:+15145550142", "tel:+1-514-555-0187", "sms:+15145550142"]
    assert "javascript" not in lxml.html.tostring(main, encoding="unicode")
    assert main.xpath(".//code[.='514-555-0122']") and not main.xpath(".//code//a")


def test_event_notices_link_their_numbers(tmp_path: Path) -> None:
    """A notice is often where a changed number goes ("this week, call …"): on the event's page and in the list."""
    content = tmp_path / "content"
    build_minimal(tmp_path)  # copies the fixture
    event = (ROOT / "content/events/peer-gathering.md").read_text(encoding="utf-8")
    notice = "No gathering on December 31, New Year's Eve. See you on January 28!"
    write(content, "events/peer-gathering.md", event.replace(notice, "This month, call 514-555-0199 to know where."))
    output = build_minimal(tmp_path)
    for page in ("en/events/peer-gathering/index.html", "en/events/index.html"):
        notices = lxml.html.parse(str(output / page)).xpath("//p[@class='event-alert']")
        assert [a.get("href") for a in notices[0].iter("a")] == ["tel:+1-514-555-0199"], page
