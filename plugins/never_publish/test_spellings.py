"""Every spelling of a listed string that a reader would still read is found.

These tests call the reading functions directly (fast, so that hypothesis
can try many spellings); tests/test_never_publish.py builds for real.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from never_publish.haystack import Haystack
from never_publish.sources import add_entry
from never_publish.views import add_file
from relais.folding import fold
from relais.private_list import Rule
from relais.rendering import MarkdownRenderer
from relais.sources import SourceError, parse_yaml, split_front_matter
from tests.helpers import ROOT

ADDRESS = "2250, rue des Lucioles"
RULES = (Rule(2, fold(ADDRESS), "text"), Rule(3, fold("514-555-0199"), "phone number"))


def found(data: bytes | str, name: str = "file.txt", kind: str = "") -> set[int]:
    """The lines (in the list) of the rules found in a file."""
    haystack = Haystack()
    add_file(haystack, data.encode("utf-8") if isinstance(data, str) else data, name, kind=kind)
    return {rule.line for rule in haystack.search(RULES)}


# --- Folding: what a reader cannot tell apart is one spelling --------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "2250 RUE DES LUCIOLES",
        "2250,rue-des-lucioles",
        "2 250 rue des Lucìoles",
        "2250 rue des Luci\u200boles",  # zero-width space
        "2250 rue des Luci\u00adoles",  # soft hyphen
        "2250 rue des Luci\u2060o\u200dles",  # word joiner, zero-width joiner
        "２２５０ rue des Lucioles",  # full-width digits
        "2250 rue des 𝐋𝐮𝐜𝐢𝐨𝐥𝐞𝐬",  # mathematical bold letters
        "2250 rue des Lucіоles",  # Cyrillic і and о
        "2250 rue des Luciοles",  # Greek ο
        "225O rue des Luci0les",  # letter O for zero, zero for o
        "2250 rue des LucIoles",
        "2250 rue des Lucioles\ufe0f",  # a variation selector
        "Ⅱ250 rue des Lucioles",  # a Roman numeral two is "ii"… which reads as "11", not "2": not this one
    ][:-1],
)
def test_folding_ignores_what_a_reader_does_not_see(written: str) -> None:
    assert fold(ADDRESS) in fold(written)


def test_a_phone_number_matches_however_it_is_written() -> None:
    key = fold("514-555-0199")
    for written in ("+1 (514) 555.0199", "514 555 0199", "５１４-５５５-０１９９", "514\u2011555\u20110199"):
        assert key in fold(written), written


@given(
    st.lists(st.sampled_from(["\u200b", "\u00ad", "\u200c", "\u2060", " ", "-", ".", "\u0301", "\ufeff"]), max_size=6),
    st.lists(st.integers(min_value=0, max_value=len(ADDRESS)), min_size=6, max_size=6),
)
def test_invisible_characters_anywhere_do_not_hide_it(inserts: list[str], positions: list[int]) -> None:
    text = ADDRESS
    for insert, position in zip(inserts, positions, strict=False):
        text = text[:position] + insert + text[position:]
    assert fold(ADDRESS) in fold(text)


def test_views_are_kept_apart() -> None:
    """Two attribute values, or an attribute and the text, never make one string together."""
    haystack = Haystack()
    haystack.add("2250 rue des")
    haystack.add("Lucioles")
    assert not haystack.search(RULES)
    assert found('<p title="2250 rue des" class="a">Lucioles</p>', "page.html") == set()
    assert found('<img alt="2250 rue des" class="a" title="Lucioles">', "page.html") == set()
    # The attribute between the two runs of text is not read between them.
    assert found("<p>2250 rue des <span lang='fr'>Lucioles</span></p>", "page.html") == {2}


# --- Markup: the text as rendered, attributes on their own -----------------------------------------

HTML_SPELLINGS = {
    "tag with an attribute": '<p>2250 rue des <span lang="fr">Luci</span>oles</p>',
    "italic with a class": "<p>2250 rue des <i class='x'>Lu</i>cioles</p>",
    "comment inside": "<p>2250 rue des Luci<!-- not this -->oles</p>",
    "named and numeric entities": "<p>2250 rue des Luc&iacute;&#111;&#x6c;es</p>",
    "line break and wbr": "<p>2250 rue des<br>Luci<wbr>oles</p>",
    "split across table cells": "<table><tr><td>2250 rue</td><td>des Lucioles</td></tr></table>",
    "hidden part": "<p>2250 rue des Luci<span hidden>zz</span>oles</p>",
    "visually hidden part": '<p>2250 rue des Luci<span class="visually-hidden">zz</span>oles</p>',
    "hidden from screen readers": '<p>2250 rue des Luci<span aria-hidden="true">zz</span>oles</p>',
    "display none": '<p>2250 rue des Luci<span style="display: none">zz</span>oles</p>',
    "ruby annotation": "<p>2250 rue des Luci<ruby>o<rt>x</rt></ruby>les</p>",
    "footnote mark": '<p>2250 rue des Luci<sup><a href="#fn">1</a></sup>oles</p>',
    "drawn right to left": '<p>2250 rue des <bdo dir="rtl">seloicuL</bdo></p>',
    "forced right to left": "<p>2250 rue des \u202eseloicuL\u202c</p>",
    "written backwards": "<p>seloicuL sed eur 0522</p>",
    "alt text": '<img src="/x.png" alt="2250 RUE DES LUCIOLES">',
    "link address": '<a href="/map?q=2250%20rue%20des%20Lucioles">map</a>',
    "double-encoded address": '<a href="/map?q=2250%2520rue%2520des%2520Lucioles">map</a>',
    "escaped markup shown as text": "<p>2250 rue des &lt;b&gt;Luci&lt;/b&gt;oles</p>",
    "markup escaped twice": "<p>2250 rue des &amp;lt;b&amp;gt;Luci&amp;lt;/b&amp;gt;oles</p>",
    "inline script": "<script>var a = '2250 rue des Luci\\u006fles';</script>",
    "style escapes": "<style>.x::after { content: '2250 rue des Luci\\6f les'; }</style>",
    "style attribute": "<p style=\"--x: '2250 rue des Lucioles'\">x</p>",
    "data address": '<img src="data:image/svg+xml;base64,PHN2Zz48dGV4dD4yMjUwIHJ1ZSBkZXMgTHVjaW9sZXM8L3RleHQ+PC9zdmc+">',
    "textarea": "<textarea>2250 rue des &lt;span&gt;Lucioles&lt;/span&gt;</textarea>",
    "doctype": '<!DOCTYPE html "2250 rue des Lucioles"><p>x</p>',
}


@pytest.mark.parametrize("spelling", sorted(HTML_SPELLINGS))
def test_a_page_is_read_as_rendered(spelling: str) -> None:
    assert found(HTML_SPELLINGS[spelling], "page.html", kind="html") == {2}, spelling


FILE_SPELLINGS = {
    "feed with escaped html": (
        "feed.xml",
        "<feed><entry><content type='html'>&lt;p&gt;2250 rue &lt;b&gt;des&lt;/b&gt; Lucioles&lt;/p&gt;"
        "</content></entry></feed>",
    ),
    "feed with cdata": ("feed.xml", "<rss><summary><![CDATA[<p>2250 rue des <i>Luci</i>oles</p>]]></summary></rss>"),
    "json escapes": ("data.json", '{"a": "2250 rue des Luci\\u006fles"}'),
    "json holding html": ("data.json", json.dumps({"a": "2250 rue des <em>Luci</em>oles"})),
    "json values side by side": ("data.json", json.dumps({"street": "2250 rue des", "name": "Lucioles"})),
    "calendar folded and escaped": ("event.ics", "LOCATION:2250\\, rue des\r\n  Luci\r\n oles\r\n"),
    "calendar escaped line break": ("event.ics", "DESCRIPTION:2250 rue des\\nLucioles\r\n"),
    "forum markup": ("x.en.bbcode.txt", "[b]2250 rue des Luci[/b]oles"),
    "forum link": ("x.en.bbcode.txt", "[url=https://example.org/2250-rue-des-lucioles]map[/url]"),
    "markdown for forums": ("x.en.md.txt", "2250 rue des [Luci](https://example.org)oles"),
    "markdown reference": ("x.en.md.txt", "2250 rue des [Luci][1]oles"),
    "css escapes": ("site.css", ".a::after { content: '2250 rue des \\4c uci\\6f les'; }"),
    "js hex and unicode escapes": ("a.js", "x = '2250 rue des \\x4cuci\\u{6f}les';"),
    "percent-encoded": ("x.txt", "2250%20rue%20des%20Luci%6Fles"),
    "latin-1 text": ("x.txt", "2250 rue des Lucìoles".encode("latin-1")),
    "utf-16 text": ("x.txt", "2250 rue des Lucioles".encode("utf-16")),
    "phone number with non-breaking hyphens": ("x.txt", "Call 514\u2011555\u20110199"),
}


@pytest.mark.parametrize("spelling", sorted(FILE_SPELLINGS))
def test_every_kind_of_file_is_read(spelling: str) -> None:
    name, data = FILE_SPELLINGS[spelling]
    assert found(data, name), spelling


def test_compressed_search_index_is_read() -> None:
    fragment = b'pagefind_dcd{"content": "2250 rue des Luci\\u006fles", "meta": {"title": "x"}}'
    assert found(gzip.compress(fragment), "en_123.pf_fragment") == {2}
    # Compressed twice, and as two gzip members one after the other.
    assert found(gzip.compress(gzip.compress(fragment)), "x.pf_fragment") == {2}
    assert found(gzip.compress(b"nothing") + gzip.compress(fragment), "x.pf_fragment") == {2}


# --- Images and PDFs --------------------------------------------------------------------------------


def _jpeg(**save: object) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG", **save)
    return buffer.getvalue()


def test_image_metadata_is_read() -> None:
    from PIL import Image, PngImagePlugin

    exif = Image.Exif()
    exif[0x010E] = "2250 rue des Lucioles"  # ImageDescription
    assert found(_jpeg(exif=exif.tobytes()), "x.jpg") == {2}
    windows = Image.Exif()
    windows[0x9C9C] = "Call 514-555-0199".encode("utf-16-le")  # XPComment, as Windows writes it
    assert found(_jpeg(exif=windows.tobytes()), "x.jpg") == {3}
    assert found(_jpeg(comment=b"2250 rue des Lucioles"), "x.jpg") == {2}
    info = PngImagePlugin.PngInfo()
    info.add_itxt("Description", "2250 rue des Lucìoles", zip=True)  # compressed
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG", pnginfo=info)
    assert found(buffer.getvalue(), "x.png") == {2}


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(ROOT)).write_pdf()


def test_pdf_text_and_metadata_are_read() -> None:
    assert found(_pdf("<p>Call 514&#8209;555&#8209;0199</p>"), "card.pdf") == {3}
    assert found(_pdf("<p>2250 rue des Luci&shy;oles</p>"), "card.pdf") == {2}
    assert found(_pdf("<title>2250 rue des Lucioles</title><p>x</p>"), "card.pdf") == {2}
    link = '<p><a href="https://example.org/map/2250-rue-des-lucioles">map</a></p>'
    assert found(_pdf(link), "card.pdf") == {2}
    anchor = '<h1 id="x">x</h1><p><a href="#2250-rue-des-lucioles">x</a></p><p id="2250-rue-des-lucioles">y</p>'
    assert found(_pdf(anchor), "card.pdf") == {2}


def test_pdf_embedded_images_annotations_and_attachments_are_read(tmp_path: Path) -> None:
    from PIL import Image
    from pypdf import PdfWriter
    from pypdf.annotations import Text
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

    def written(change: object) -> bytes:
        writer = PdfWriter()
        writer.add_blank_page(100, 100)
        change(writer)  # type: ignore[operator]
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    assert found(written(lambda w: w.add_annotation(0, Text(text="2250 rue des Lucioles", rect=(0, 0, 9, 9)))))
    assert found(written(lambda w: w.add_outline_item(title="2250 rue des Lucioles", page_number=0)))
    assert found(written(lambda w: w.add_attachment("notes.txt", b"2250 rue des Lucioles")))

    def xmp(writer: PdfWriter) -> None:
        stream = StreamObject()
        stream.set_data(b"<x:xmpmeta><dc:creator>2250 rue des <b>Luci</b>oles</dc:creator></x:xmpmeta>")
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)

    assert found(written(xmp))

    exif = Image.Exif()
    exif[0x013B] = "Marie 514-555-0199"  # Artist

    def photo(writer: PdfWriter) -> None:
        image = StreamObject()
        image._data = _jpeg(exif=exif.tobytes())  # as it is in the file: a JPEG, with its metadata
        for key, value in {"/Type": "/XObject", "/Subtype": "/Image", "/Filter": "/DCTDecode"}.items():
            image[NameObject(key)] = NameObject(value)
        image[NameObject("/Width")] = image[NameObject("/Height")] = NumberObject(8)
        resources = DictionaryObject({NameObject("/Photo"): writer._add_object(image)})
        writer.pages[0][NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): resources})

    assert found(written(photo)) == {3}
    compressed = written(lambda w: w.add_attachment("n.txt", zlib.compress(b"x") + b"2250 rue des Lucioles"))
    assert found(compressed)


# --- Sources: each field type, with random markup inside the string --------------------------------

MARKDOWN = MarkdownRenderer(
    {
        "extensions": ["markdown.extensions.extra"],
        "output_format": "html5",
    }
)
# (before, after): wrapped around a part of the string, or put in one place when `after` is empty.
WRAPPERS = [
    ('<span lang="fr">', "</span>"),
    ('<i class="x">', "</i>"),
    ("<b>", "</b>"),
    ("**", "**"),
    ("*", "*"),
    ("<!-- a note -->", ""),
    ("&shy;", ""),
    ("&#8203;", ""),
    ("\u200b", ""),
    ("\u00ad", ""),
    ("<wbr>", ""),
    ("<span hidden>zz</span>", ""),
    ('<span aria-hidden="true">zz</span>', ""),
    ("<sup>1</sup>", ""),
    ("&#x200B;", ""),
]
FIELDS = {
    # field type: (file text with {value}, how the value is written)
    "post body": ("---\ntitle: A post\n---\n\nWe meet at {value} tonight.\n", "markdown"),
    "summary": ("---\ntitle: A post\nsummary: {value}\n---\n\nBody.\n", "yaml"),
    "announcement text": ("headline: Tonight\ntext: {value}\nlang: en\n", "yaml"),
    "location note": ("---\ntitle: Drop-in\nlocation:\n  confidential: true\n  note: {value}\n---\n", "yaml"),
    "title": ("---\ntitle: {value}\n---\n\nBody.\n", "yaml"),
}


def spelled(split: list[int], wrapper: tuple[str, str], escape: int | None) -> str:
    """The address with markup around (or at) a part of it; ``escape``: one letter as an entity."""
    first, second = sorted(split)
    pieces = list(ADDRESS)
    if escape is not None and ADDRESS[escape].isalnum():
        pieces[escape] = f"&#{ord(ADDRESS[escape])};"
    before, after = wrapper
    if after:
        pieces.insert(second, after)
    pieces.insert(first, before)
    return "".join(pieces)


def as_yaml(value: str, escape_letter: int | None) -> str:
    """A double-quoted YAML value; ``escape_letter``: one letter written as a YAML escape (\\x6f)."""
    quoted = json.dumps(value, ensure_ascii=False)
    if escape_letter is None:
        return quoted
    for position in range(escape_letter, len(quoted) - 1):
        if quoted[position].isalpha():
            return quoted[:position] + f"\\x{ord(quoted[position]):02x}" + quoted[position + 1 :]
    return quoted


def entry_found(file_text: str) -> bool:
    has_fence = file_text.startswith("---")
    if has_fence:
        yaml_text, first_line, body, body_line = split_front_matter(file_text, "x.md")
    else:
        yaml_text, first_line, body, body_line = file_text, 1, "", 1
    from relais.sources import FrontMatter

    data, lines, _duplicates = parse_yaml(yaml_text, first_line, "x.md")
    front = FrontMatter(data or {}, lines, first_line, body, body_line)
    haystack = Haystack()
    add_entry(haystack, file_text, front, MARKDOWN.convert(body) if body.strip() else "", MARKDOWN.convert)
    return bool(haystack.search(RULES[:1]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(sorted(FIELDS)),
    split=st.lists(st.integers(min_value=1, max_value=len(ADDRESS) - 1), min_size=2, max_size=2),
    wrapper=st.sampled_from(WRAPPERS),
    entity=st.one_of(st.none(), st.integers(min_value=0, max_value=len(ADDRESS) - 1)),
    yaml_escape=st.one_of(st.none(), st.integers(min_value=1, max_value=len(ADDRESS) - 1)),
)
def test_markup_anywhere_in_any_field_is_found(
    field: str, split: list[int], wrapper: tuple[str, str], entity: int | None, yaml_escape: int | None
) -> None:
    template, how = FIELDS[field]
    value = spelled(split, wrapper, entity)
    written = value if how == "markdown" else as_yaml(value, yaml_escape)
    assert entry_found(template.format(value=written)), written


@pytest.mark.parametrize("field", sorted(name for name, (_t, how) in FIELDS.items() if how == "yaml"))
def test_yaml_block_scalars_and_line_breaks_are_read(field: str) -> None:
    template, _how = FIELDS[field]
    indent = "    " if "note" in field else "  "
    for block in (">", "|", ">-"):
        value = f"{block}\n{indent}2250 rue des\n{indent}Lucioles"
        assert entry_found(template.format(value=value)), (field, block)
    assert entry_found(template.format(value='"2250 rue des Luci\\\n  oles"'))  # a line continued with \\
    with pytest.raises(SourceError):  # a value hidden in base64 is refused with the whole file
        entry_found(template.format(value="!!binary MjI1MCBydWUgZGVzIEx1Y2lvbGVz"))
