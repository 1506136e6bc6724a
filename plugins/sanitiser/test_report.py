"""The warnings say exactly what nh3 removed: checked against nh3 itself, not against our own lists."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinyhtml5.parser import HTMLParser

from sanitiser.policy import judge_attribute, sanitise
from sanitiser.report import removals

TAGS = ["p", "a", "img", "q", "blockquote", "code", "div", "span", "h2", "font", "text", "sum", "abbr", "u", "center"]
ATTRIBUTES = ["href", "src", "cite", "class", "id", "title", "onclick", "style", "data-x", "lang", "xlink:href"]
VALUES = [
    "https://example.org/",
    "/images/a.jpg",
    "#fn:1",
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&colon;alert(1)",
    "jav\nascript:alert(1)",
    "\x01javascript:alert(1)",
    "data:image/png;base64,AAA",
    "vbscript:x",
    "mailto:someone@example.org",
    "tel:+15145550123",
    "https://exa mple.org/",
    "http://",
    "https:example.org",
    "//example.org/x",
    "\\\\example.org\\x",
    "quick-exit-overlay",
    "footnote",
    "footnote toc",
    "language-python",
    "language-",
    "align-right quick-exit",
    "main--content",
    "main",
    "fn:1",
    "",
]


def _parsed(fragment: str):
    return HTMLParser().parse_fragment(fragment, container="div", scripting=True)


def _kept_attribute(clean: str, tag: str, name: str) -> tuple[bool, str | None]:
    """Whether nh3 kept the element, and the attribute's value if it kept that too."""
    for element in _parsed(clean).iter():
        if isinstance(element.tag, str) and element.tag.endswith("}" + tag):
            return True, element.attrib.get(name)
    return False, None


def _agrees(tag: str, name: str, value: str) -> None:
    source = f'<{tag} {name}="{value}">text</{tag}>'
    clean = sanitise(source)
    element_kept, kept_value = _kept_attribute(clean, tag, name)
    found = removals(source)
    elements_reported = [r for r in found if r.locator.kind == "element"]
    attributes_reported = [r for r in found if r.locator.kind == "attribute"]
    assert (not element_kept) == bool(elements_reported), (source, clean, found)
    if not element_kept:
        assert "text" in clean or elements_reported[0].locator.with_content, (source, clean, found)
        return
    if kept_value is None:
        assert [r.locator.attribute for r in attributes_reported] == [name], (source, clean, found)
    elif name == "class":
        # nh3 keeps the allowed classes; each one it dropped is reported.
        dropped = set(html.unescape(value).split()) - set(kept_value.split())
        reported = {token.lstrip(".") for r in attributes_reported for token in r.locator.tokens}
        assert dropped == reported, (source, clean, found)
    else:
        assert not attributes_reported, (source, clean, found)


@pytest.mark.parametrize("tag", TAGS)
def test_each_warning_matches_what_nh3_keeps(tag: str) -> None:
    for name in ATTRIBUTES:
        for value in VALUES:
            _agrees(tag, name, value)


# fmt: off
ADDRESS_PIECES = st.sampled_from([
    "javascript", "java", "script", "https", "http", "mailto", "data", ":", "//", "\\", "/", "\t", "\n", " ",
    "\x00", "&#x09;", "&#106;", "&Tab;", "&NewLine;", "&colon;", "&#58", "example.org", "a b", "@", "%20",
    "[::1]", "?", "#",
])
# fmt: on


@settings(max_examples=300, deadline=None)
@given(st.lists(ADDRESS_PIECES, max_size=6).map("".join))
def test_an_address_is_kept_exactly_when_nh3_keeps_it(value: str) -> None:
    # The value as HTML (entities and all), so that nh3 and the report decode it the same way.
    source = '<a href="{}">x</a>'.format(value.replace('"', "&quot;"))
    kept = _kept_attribute(sanitise(source), "a", "href")[1] is not None
    reported = [r for r in removals(source) if r.locator.attribute == "href"]
    assert kept != bool(reported), (value, sanitise(source), reported)


def test_q_cite_with_javascript_is_removed_and_said() -> None:
    source = '<q cite="javascript:alert(1)">words</q>'
    assert sanitise(source) == "<q>words</q>"
    assert [r.what for r in removals(source)] == [
        "the javascript: address in <q cite> was removed (not allowed in posts)"
    ]


@pytest.mark.parametrize(
    "address", ["java&#x09;script:alert(1)", "&#106;avascript:alert(1)", "jav&#x0A;ascript:alert(1)", " javascript:x"]
)
def test_encoded_javascript_addresses_are_removed_and_said(address: str) -> None:
    source = f'<a href="{address}">x</a>'
    assert sanitise(source) == "<a>x</a>"
    assert [r.what for r in removals(source)] == [
        "the javascript: address in <a href> was removed (not allowed in posts)"
    ]


def test_elements_named_like_svg_or_mathml_are_said_to_go_with_their_text() -> None:
    source = "<p>Before <text>hidden words</text> after <sum>more</sum>.</p>"
    assert "hidden" not in sanitise(source) and "more" not in sanitise(source)
    assert [r.what for r in removals(source)] == [
        "the <text> element was removed with everything inside it (not allowed in posts)",
        "the <sum> element was removed with everything inside it (not allowed in posts)",
    ]


def test_judgement_is_what_nh3_applies() -> None:
    # The same function decides for the page and for the warning.
    assert judge_attribute("a", "class", "footnote-ref quick-exit-button").kept == "footnote-ref"
    assert judge_attribute("a", "class", "quick-exit-button").kept is None
    assert judge_attribute("h2", "id", "main--content").kept is None
    assert judge_attribute("h2", "id", "where-to-eat_1").kept == "where-to-eat_1"
    assert 'class="footnote-ref"' in sanitise('<a class="footnote-ref quick-exit-button" href="#fn:1">1</a>')


# fmt: off
MARKDOWN_PIECES = st.sampled_from([
    "\n", "\n\n", "    ", "```", "`", "<", ">", "</", "<!--", "-->", "--!>", "<p", "<a", "<script", "<svg",
    "<text", "<q", " onclick=", " class=", " id=", ' href="', "javascript:", "&#106;", "&#x09;", '"', "'",
    "{: .x #a--b }", "[x](", ")", "[^1]", "## h", "- ", "| a |", "\x00", "é", "<![CDATA[", "<?", "<noscript>",
    "</p>", "/>",
])
# fmt: on


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_any_body_gets_warnings_on_its_own_lines_without_failing(body: str) -> None:
    from markdown import Markdown

    from sanitiser.lines import lines_of

    html = Markdown(extensions=["markdown.extensions.extra", "markdown.extensions.toc"]).convert(body)
    found = removals(html)
    lines = lines_of(body, 10, [removal.locator for removal in found])
    assert len(lines) == len(found)
    assert all(10 <= line <= 10 + body.count("\n") for line in lines)
