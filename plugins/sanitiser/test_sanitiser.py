"""The sanitiser: each forbidden construct is stripped, and `check` says where."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from relais.build import BuildOptions, check
from relais.problems import Severity
from sanitiser.policy import sanitise
from tests.helpers import ROOT, all_text, build_minimal, copy_minimal, write

FORBIDDEN = {
    "script element": ('<p>Hi</p><script>alert("x")</script>', ["<script", "alert"]),
    "script in SVG": ("<svg><script>alert(1)</script></svg>", ["<svg", "<script", "alert"]),
    "style element": ("<style>body{display:none}</style><p>Hi</p>", ["<style", "display"]),
    "iframe": ('<iframe src="https://video.example.com/embed/1"></iframe>', ["<iframe", "video.example.com"]),
    "object": ('<object data="https://x.example.com/a.swf"></object>', ["<object", "x.example.com"]),
    "embed": ('<embed src="https://x.example.com/a.swf">', ["<embed", "x.example.com"]),
    "form": ('<form action="https://x.example.com/"><input name="q"><button>Go</button></form>', ["<form", "<input"]),
    "event handler": ('<p onclick="alert(1)">Hi</p>', ["onclick", "alert"]),
    "event handler on image": ('<img src="/images/a.jpg" alt="a" onerror="alert(1)">', ["onerror"]),
    "javascript link": ('<a href="javascript:alert(1)">Hi</a>', ["javascript:"]),
    "javascript link with spaces": ('<a href=" JavaScript:alert(1)">Hi</a>', ["javascript:", "alert"]),
    "data link": ('<a href="data:text/html,<b>x</b>">Hi</a>', ["data:"]),
    "data image": ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="a">', ["data:"]),
    "inline style": ('<p style="color: red">Hi</p>', ["style", "color"]),
    "comment": ("<p>Hi</p><!-- the address is 12 rue Secrète -->", ["<!--", "Secrète"]),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://x.example.com">', ["<meta", "x.example.com"]),
    "base": ('<base href="https://x.example.com/">', ["<base", "x.example.com"]),
    "link stylesheet": ('<link rel="stylesheet" href="https://x.example.com/a.css">', ["<link", "x.example.com"]),
}


@pytest.mark.parametrize("html,gone", FORBIDDEN.values(), ids=FORBIDDEN.keys())
def test_each_forbidden_construct_is_stripped(html: str, gone: list[str]) -> None:
    clean = sanitise(html)
    for text in gone:
        assert text.lower() not in clean.lower(), clean


def test_what_writers_need_is_kept() -> None:
    html = (
        '<h2 id="where">Where</h2><p><span lang="fr">bonjour</span> <abbr title="sex worker">SW</abbr> '
        '<a href="https://example.org/" hreflang="en">link</a> <a href="#fn:1">1</a> <a href="tel:5145550123">call</a></p>'
        '<img src="/images/a.jpg" alt="A lantern" width="10" height="10">'
        '<table><tr><th style="text-align: right;">N</th></tr></table><details><summary>More</summary>Text</details>'
    )
    clean = sanitise(html)
    for kept in [
        'id="where"',
        '<span lang="fr">',
        '<abbr title="sex worker">',
        'href="https://example.org/"',
        'href="#fn:1"',
        'href="tel:5145550123"',
        'alt="A lantern"',
        '<th class="align-right">',
        "<details><summary>",
    ]:
        assert kept in clean, (kept, clean)
    assert "rel=" not in clean  # page_security adds rel to links to other sites only


POST = """---
title: Raw HTML
date: 2026-01-15
authors: [ana]
category: news
summary: A summary.
lang: en
status: {status}
---

Fine text.

<p onclick="steal()">Click</p>

<script>track()</script>

<iframe src="https://video.example.com/1"></iframe>

[here](javascript:alert(1))

<!-- a note for the team -->
"""


def test_check_reports_each_removal_with_file_and_line(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write(content, "posts/raw.md", POST.format(status="published"))
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    found = [(p.line, p.what) for p in result.problems if p.file.endswith("posts/raw.md")]
    assert all(p.severity is Severity.WARNING for p in result.problems if p.file.endswith("posts/raw.md"))
    lines = [line for line, _ in found]
    assert lines == [13, 15, 17, 19, 21], found
    assert "onclick" in found[0][1] and "script" in found[1][1] and "iframe" in found[2][1]
    assert "javascript:" in found[3][1] and "comment" in found[4][1]
    assert not result.problems.failed()


def test_removed_html_never_reaches_the_site(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write(content, "posts/raw.md", POST.format(status="published"))
    output = build_minimal(tmp_path)
    page = (output / "en/posts/raw/index.html").read_text(encoding="utf-8")
    assert "Fine text." in page and "Click" in page
    text = all_text(output)
    for gone in ["steal()", "track()", "video.example.com", "javascript:alert", "a note for the team"]:
        assert gone not in text


LINES_BODY = """Writers ask about onclick, style and javascript: links; a script tag is shown as `<script>` here.

<p onclick="first()">One</p>

<p onclick="second()">Two</p>

```html
<iframe src="https://video.example.com/code"></iframe>
<p onclick="in_code()" style="color: red">code</p>
<script>track()</script>
{filler}
```

    <style>indented code</style>
    <p onclick="indented()">x</p>

<iframe src="https://video.example.com/1"></iframe>

<p
  class="quick-exit-overlay note"
  onclick="split()">Split</p>

See [here](javascript:alert(1)).

<q cite="javascript:alert(2)">quoted</q> and <a href="java&#x09;script:alert(3)">tab</a> and <a href="&#106;avascript:alert(4)">entity</a>.

## A heading {{: #main--content }}

<!-- a note with <script>inside()</script> -->

<script>real()</script>
"""


def test_each_removal_is_reported_once_on_its_own_line(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    body = LINES_BODY.format(filler="\n".join(f"line {n}" for n in range(40)))
    post = POST.format(status="published").split("Fine text.")[0] + body
    write(content, "posts/raw.md", post)
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    found = [(p.line, p.what.split(":")[0]) for p in result.problems if p.file.endswith("posts/raw.md")]
    source = post.split("\n")

    def line_of(text: str, occurrence: int = 1) -> int:
        numbers = [n for n, line in enumerate(source, start=1) if text in line]
        return numbers[occurrence - 1]

    assert found == [
        (line_of('<p onclick="first()">'), "the onclick attribute was removed from <p>"),
        (line_of('<p onclick="second()">'), "the onclick attribute was removed from <p>"),
        (line_of('<iframe src="https://video.example.com/1">'), "an embedded <iframe> was removed"),
        (line_of('class="quick-exit-overlay note"'), "the classes 'quick-exit-overlay', 'note' were removed from <p>"),
        (line_of('onclick="split()"'), "the onclick attribute was removed from <p>"),
        (line_of("[here](javascript"), "the javascript"),
        (line_of("<q cite="), "the javascript"),
        (line_of("<q cite="), "the javascript"),
        (line_of("<q cite="), "the javascript"),
        (line_of("## A heading"), "the id 'main--content' was removed from <h2>"),
        (line_of("<!-- a note"), "an HTML comment was removed"),
        (line_of("<script>real()"), "a <script> was removed"),
    ], "\n".join(map(str, found))


def test_a_writer_cannot_put_a_link_over_the_exit_button(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    body = (
        '<a class="quick-exit-overlay" href="https://elsewhere.example.com/">Exit</a>\n\n'
        "A paragraph.\n{: .quick-exit-button #main--content }\n"
    )
    write(content, "posts/raw.md", POST.format(status="published").split("Fine text.")[0] + body)
    output = build_minimal(tmp_path)
    page = lxml.html.parse(str(output / "en/posts/raw/index.html")).getroot()
    body_html = page.find_class("post-body")[0]
    inside = list(body_html.iterdescendants())
    assert [element.get("class") for element in inside if element.get("class")] == []
    assert [element.get("id") for element in inside if element.get("id")] == []
    assert page.find_class("quick-exit-overlay") == []  # the theme's layer exists only once the reader taps Exit
    assert len(page.find_class("quick-exit-button")) == 1
    assert page.get_element_by_id("main--content").tag == "main"
