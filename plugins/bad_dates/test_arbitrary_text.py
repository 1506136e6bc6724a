"""Any text staff may type, in any field, reaches every output as text: pages, feeds, PDFs, text files, SMS lines.

Each example is a real build of the minimal site with an edition whose
fields hold generated text (markup, quotes, entities, BBCode, template
syntax, emoji, right-to-left letters…); the outputs are read back with real
parsers.  Nothing may be taken for markup, break a file, or stop the build.
"""

from __future__ import annotations

import io
import json
import shutil

import lxml.etree
import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from bad_dates.conftest import built, report, write_edition
from bad_dates.places import gives_a_place_away
from bad_dates.sms import LIMIT, gsm_length
from tests.bad_date_paths import FEED, LOOKUP, edition_file, edition_folder
from tests.helpers import copy_minimal

ATOM = {"a": "http://www.w3.org/2005/Atom"}
TRICKY = [
    "<script>alert(1)</script>",
    "&amp; &lt;b&gt;",
    "]]> <!-- x -->",
    "[b]bold[/b] [url=https://x.example]",
    "{{ SITENAME }} {% raw %}",
    "*not emphasis* _x_ # heading",
    "« guillemets » “quotes” l’apostrophe",
    "🙂 emoji 👩🏽‍🦱",
    "עברית and العربية",
    "line one\nline two",
    "%(month)s {month} %s",
]
_CHARACTERS = st.characters(exclude_categories=["Cs", "Cc", "Cn", "Co", "Zl", "Zp"])
TEXT = st.one_of(st.sampled_from(TRICKY), st.text(_CHARACTERS, min_size=1, max_size=40)).filter(lambda t: t.strip())


def _flat(text: str) -> str:
    return " ".join(text.split())


@st.composite
def fields(draw: st.DrawFn) -> dict:
    area = draw(TEXT.filter(lambda text: not gives_a_place_away(text)))
    return {
        "area": area,
        "aggressor": {
            "description": draw(TEXT),
            "name_used": draw(TEXT),
            "marks": draw(TEXT),
        },
        "vehicle": {"make": draw(TEXT), "plate": draw(TEXT)},
        "contact_used": draw(st.lists(TEXT, min_size=1, max_size=2)),
        "what_happened": draw(TEXT),
        "advice": draw(TEXT),
        "intro": draw(TEXT),
    }


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(values=fields())
def test_any_text_reaches_every_output_as_text(tmp_path_factory, values: dict) -> None:
    folder = tmp_path_factory.mktemp("arbitrary")
    content = copy_minimal(folder)
    intro = values.pop("intro")
    the_report = report(**values)
    for lang in ("en", "fr"):
        write_edition(content, "2026-11", lang, [the_report], intro=intro)
    result = built(folder, content)
    assert result.built, [problem.format() for problem in result.problems]
    out = folder / "out"
    texts = [
        values["area"],
        *values["aggressor"].values(),
        values["vehicle"]["make"],
        values["vehicle"]["plate"],
        *values["contact_used"],
        values["what_happened"],
        values["advice"],
    ]
    for lang in ("en", "fr"):
        page = lxml.html.fromstring((out / edition_folder(lang, "2026-11") / "index.html").read_bytes())
        article = _flat(page.get_element_by_id("report--2026-11-r1").text_content())
        for text in texts:
            assert _flat(text) in article
        assert _flat(intro) in _flat(page.text_content())
        assert not page.xpath("//main//script")  # nothing typed became markup
        feed = lxml.etree.parse(str(out / lang / f"{FEED[lang]}.atom.xml"))
        content_html = feed.xpath("//a:entry/a:content/text()", namespaces=ATOM)[0]
        feed_text = _flat(lxml.html.fromstring(f"<div>{content_html}</div>").text_content())
        for text in texts:
            assert _flat(text) in feed_text
        json.loads((out / lang / LOOKUP[lang] / "reports.json").read_text(encoding="utf-8"))
        text = (out / edition_file(lang, "2026-11", "text")).read_text("utf-8")
        assert _flat(values["what_happened"]) in _flat(text)
        for line in (out / edition_file(lang, "2026-11", "sms")).read_text(encoding="utf-8").splitlines():
            assert gsm_length(line) <= LIMIT
        for paper in ("letter", "a4"):
            reader = PdfReader(io.BytesIO((out / edition_file(lang, "2026-11", paper)).read_bytes()))
            assert len(reader.pages) >= 1 and reader.pages[0].extract_text()
    shutil.rmtree(folder, ignore_errors=True)
