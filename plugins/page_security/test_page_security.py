"""Nothing leaves the site: CSP on every page, outbound links marked, outside loads refused in every kind of file."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from page_security.outbound import mark_outbound_links
from page_security.policy import content_security_policy, other_host
from page_security.requests_check import outside_requests
from relais.built import check_built_site
from tests.helpers import ROOT, build_minimal, copy_minimal, publish, tree_digest, write

OURS = frozenset({"lanterne.example.org"})
SITE = SimpleNamespace(settings={"SITEURL": "", "FEED_DOMAIN": "https://lanterne.example.org"})
HEAD = f'<!doctype html><html><head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'


def page(body: str, head: str = "") -> str:
    return f"{HEAD}{head}</head><body>\n{body}\n</body></html>\n"


def problems_in(folder: Path, name: str, text: str) -> list[tuple[int, str]]:
    write(folder, name, text)
    return [(p.line, p.what) for p in check_built_site([outside_requests], SITE, folder)]


def test_links_to_other_sites_get_noopener_noreferrer() -> None:
    html = (
        '<a href="https://other.example.com/x" title="a > b">x</a> <a href="/en/posts/">in</a> '
        '<a href="https://lanterne.example.org/fr/">ours</a> <a rel="nofollow" href="//cdn.example.net/">y</a> '
        '<a href="\\\\cdn.example.net/z">z</a>'
    )
    marked = mark_outbound_links(html, OURS)
    assert '<a href="https://other.example.com/x" title="a &gt; b" rel="noopener noreferrer">x</a>' in marked
    assert '<a href="/en/posts/">in</a>' in marked
    assert '<a href="https://lanterne.example.org/fr/">ours</a>' in marked
    assert '<a rel="nofollow noopener noreferrer" href="//cdn.example.net/">y</a>' in marked
    assert '<a href="\\\\cdn.example.net/z" rel="noopener noreferrer">z</a>' in marked
    assert mark_outbound_links(marked, OURS) == marked


def test_policy_allows_only_this_site() -> None:
    policy = content_security_policy()
    for directive in ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]:
        assert directive in policy
    assert "unsafe-inline" not in policy and "wasm" not in policy and "http" not in policy
    assert "script-src 'self' 'unsafe-eval'" in content_security_policy(wasm=True)


@pytest.mark.parametrize(
    "address",
    [
        "https://fonts.example.com/a.woff2",
        "//fonts.example.com/a.woff2",
        "\\\\fonts.example.com/a.woff2",
        "/\\fonts.example.com/a.woff2",
        "\\/fonts.example.com/a.woff2",
        "http:fonts.example.com/a.woff2",
        "https:fonts.example.com/a.woff2",
        "HTTPS://FONTS.EXAMPLE.COM/a.woff2",
        "  \x01\x1f//fonts.example.com/a.woff2 ",
        "ht\ttps://fonts.exa\nmple.com/a.woff2",
        "/\t/fonts.example.com/a.woff2",
        "ftp://fonts.example.com/a.woff2",
        "https://fonts.example.com:8443/a.woff2",
    ],
)
def test_every_way_of_writing_another_host_is_another_host(address: str) -> None:
    assert other_host(address, OURS) in {"fonts.example.com", "fonts.example.com:8443"}


@pytest.mark.parametrize(
    "address",
    [
        "https://lanterne.example.org/a.css",
        "HTTPS://Lanterne.Example.org:443/a.css",
        "/theme/css/relais.css",
        "theme/css/relais.css",
        "../a.png",
        "#main--content",
        "?page=2",
        "mailto:someone@example.com",
        "tel:+15145550187",
        "data:image/png;base64,AAAA",
        "https://exa mple.com/",  # a browser cannot read it, so fetches nothing
        "",
    ],
)
def test_this_site_and_addresses_without_a_host_stay_here(address: str) -> None:
    assert other_host(address, OURS) is None


OUTSIDE_LOADS = {
    "img": '<img src="https://img.example.com/a.jpg" alt="a">',
    "img srcset": '<img src="/a.jpg" srcset="/a.jpg 1x, //img.example.com/b.jpg 2x" alt="a">',
    "picture source": '<picture><source srcset="\\\\img.example.com/a.webp"><img src="/a.jpg" alt=""></picture>',
    "video poster": '<video src="/v.mp4" poster="//img.example.com/p.jpg"></video>',
    "audio": '<audio src="https://media.example.com/a.mp3"></audio>',
    "track": '<video><track src="https://media.example.com/a.vtt"></video>',
    "object": '<object data="https://x.example.com/a.swf"></object>',
    "embed": '<embed src="https://x.example.com/a.swf">',
    "iframe": '<iframe src="/\\x.example.com/"></iframe>',
    "input image": '<input type="image" src="https://img.example.com/go.png" alt="go">',
    "svg image href": '<svg><image href="https://img.example.com/a.png"/></svg>',
    "svg use xlink": '<svg><use xlink:href="https://img.example.com/s.svg#i"/></svg>',
    "svg feImage": '<svg><filter><feImage href="//img.example.com/a.png"/></filter></svg>',
    "svg fill url": '<svg><rect fill="url(https://img.example.com/p.svg#g)"/></svg>',
    "noscript img": '<noscript><img src="\\\\img.example.com/a.png" alt=""></noscript>',
    "noscript hidden in an attribute": '<noscript><p title="</noscript><img src=//img.example.com/a.png>"></p></noscript>',
    "comment closed early": "<!-- x --!><img src=//img.example.com/a.png alt=''> -->",
    "empty comment": "<!--><img src=//img.example.com/a.png alt=''><!-- -->",
    "form action": '<form action="https://forms.example.com/"><button>Go</button></form>',
    "button formaction": '<form><button formaction="//forms.example.com/">Go</button></form>',
    "ping": '<a href="/x" ping="https://track.example.com/p">x</a>',
    "body background": '<table background="http:img.example.com/bg.png"><tr><td>x</td></tr></table>',
    "style element import": "<style>@import 'https://fonts.example.com/a.css';</style>",
    "style element image-set": '<style>p { background: image-set("//img.example.com/a.png" 1x) }</style>',
}
HEAD_LOADS = {
    "stylesheet": '<link rel="stylesheet" href="https://fonts.example.com/css">',
    "icon": '<link rel="icon" href="//img.example.com/favicon.ico">',
    "preload": '<link rel="preload" as="font" href="https://fonts.example.com/a.woff2">',
    "dns-prefetch": '<link rel="dns-prefetch" href="//fonts.example.com">',
    "imagesrcset": '<link rel="preload" as="image" href="/a.png" imagesrcset="https://img.example.com/a.png 2x">',
    "script": '<script src="https://analytics.example.com/a.js" defer></script>',
    "base": '<base href="https://other.example.com/">',
    "meta refresh": '<meta http-equiv="refresh" content="0; url=https://other.example.com/">',
}


@pytest.mark.parametrize("markup", OUTSIDE_LOADS.values(), ids=OUTSIDE_LOADS.keys())
def test_a_page_loading_from_another_host_is_refused(tmp_path: Path, markup: str) -> None:
    found = problems_in(tmp_path, "en/index.html", page(f"<p>Hello</p>\n{markup}"))
    assert any("another site" in what and line == 6 for line, what in found), found


@pytest.mark.parametrize("markup", HEAD_LOADS.values(), ids=HEAD_LOADS.keys())
def test_a_head_loading_from_another_host_is_refused(tmp_path: Path, markup: str) -> None:
    found = problems_in(tmp_path, "en/index.html", page("<p>Hello</p>", head=markup + "\n"))
    assert any("loads from another site" in what and line == 4 for line, what in found), found


def test_a_page_that_stays_here_passes(tmp_path: Path) -> None:
    body = (
        '<a href="https://other.example.com/">a link is not a load</a>\n'
        '<img src="/images/a.jpg" srcset="/images/a.jpg 1x, https://lanterne.example.org/images/b.jpg 2x" alt="">\n'
        "<p>&lt;img src=https://img.example.com/a.png&gt; shown as text</p>\n"
        '<svg><a href="https://other.example.com/"><text>link</text></a></svg>\n'
        '<script type="application/ld+json">{"url": "https://other.example.com/"}</script>'
    )
    head = '<link rel="alternate" hreflang="fr" href="https://lanterne.example.org/fr/">\n'
    assert problems_in(tmp_path, "en/index.html", page(body, head=head)) == []


def test_output_check_names_each_outside_load_and_inline_code(tmp_path: Path) -> None:
    write(
        tmp_path,
        "en/index.html",
        page(
            "<script>track()</script>\n"
            '<p style="color: red" onclick="x()">x</p>\n'
            '<a href="https://other.example.com/">fine: a link is not a load</a>',
            head='<link rel="stylesheet" href="https://fonts.example.com/css">\n',
        ),
    )
    write(
        tmp_path,
        "theme/css/relais.css",
        "body{}\n@import 'https://fonts.example.com/x.css';\np{background:url(\\\\\\\\img.example.com/a.png)}\n",
    )
    found = sorted((p.file, p.line, p.field, p.what) for p in check_built_site([outside_requests], SITE, tmp_path))
    assert [(file, line, field) for file, line, field, _ in found] == [
        ("output/en/index.html", 4, "page"),
        ("output/en/index.html", 6, "page"),
        ("output/en/index.html", 7, "page"),
        ("output/en/index.html", 7, "page"),
        ("output/theme/css/relais.css", 2, "stylesheet"),
        ("output/theme/css/relais.css", 3, "stylesheet"),
    ], found
    assert "fonts.example.com" in found[0][3] and "img.example.com" in found[-1][3]


@pytest.mark.parametrize(
    ("html", "said"),
    [
        ("<!doctype html><html><head><title>x</title></head><body>x</body></html>", "has no Content-Security-Policy"),
        (
            f'<!doctype html><html><head></head><body><meta http-equiv="Content-Security-Policy" content="{content_security_policy()}"></body></html>',
            "must be in the page's <head>",
        ),
        (
            "<!doctype html><html><head><meta http-equiv='content-security-policy' content=\"default-src *\"></head></html>",
            "is not the site's own",
        ),
        (
            f'<!doctype html><html><head><link rel="stylesheet" href="/a.css"><meta http-equiv="Content-Security-Policy" content="{content_security_policy()}"></head></html>',
            "comes after <link>",
        ),
    ],
)
def test_every_page_carries_our_policy_first_in_its_head(tmp_path: Path, html: str, said: str) -> None:
    found = problems_in(tmp_path, "en/page.html", html)
    assert [what for _, what in found if said in what], found


def test_the_search_page_policy_and_an_xhtml_page_pass(tmp_path: Path) -> None:
    wasm = content_security_policy(wasm=True)
    write(
        tmp_path,
        "en/search/index.html",
        f'<html><head><meta http-equiv="Content-Security-Policy" content="{wasm}"></head></html>',
    )
    xhtml = (
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}"/></head>'
        '<body><img src="/a.png" alt=""/></body></html>'
    )
    write(tmp_path, "en/page.xhtml", xhtml)
    assert list(check_built_site([outside_requests], SITE, tmp_path)) == []
    write(tmp_path, "en/page.xhtml", xhtml.replace("/a.png", "//img.example.com/a.png"))
    assert [p.what for p in check_built_site([outside_requests], SITE, tmp_path)] == [
        "<img src> loads from another site, img.example.com"
    ]


SVG_LOADS = {
    "image": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://img.example.com/a.png"/></svg>',
    "xlink": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="//img.example.com/s.svg#a"/></svg>',
    "style": '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://fonts.example.com/a.css);</style></svg>',
    "foreignObject": '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="\\\\img.example.com/a"/></foreignObject></svg>',
    "xml-stylesheet": '<?xml-stylesheet type="text/css" href="https://fonts.example.com/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "entity in content": '<!DOCTYPE svg [<!ENTITY e "<image href=\'//img.example.com/a.png\'/>">]><svg xmlns="http://www.w3.org/2000/svg">&e;</svg>',
    "entity in attribute": '<!DOCTYPE svg [<!ENTITY e "//img.example.com/a.png">]><svg xmlns="http://www.w3.org/2000/svg"><image href="&e;"/></svg>',
}


@pytest.mark.parametrize("svg", SVG_LOADS.values(), ids=SVG_LOADS.keys())
def test_a_drawing_loading_from_another_host_is_refused(tmp_path: Path, svg: str) -> None:
    found = problems_in(tmp_path, "images/drawing.svg", svg)
    assert [what for _, what in found if "loads from another site" in what], found


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lanterne</title>
<link href="https://lanterne.example.org/en/" rel="alternate"/>
{feed}
<entry><title>Post</title><link href="https://lanterne.example.org/en/posts/a/" rel="alternate"/>
<content type="html">{content}</content></entry></feed>
"""
FEED_LOADS = {
    "entry image": ("", "&lt;p&gt;Hi &lt;img src=&quot;//img.example.com/a.png&quot;&gt;&lt;/p&gt;"),
    "entry image in CDATA": ("", "<![CDATA[<p><img src='https://img.example.com/a.png'></p>]]>"),
    "feed icon": ("<icon>https://img.example.com/icon.png</icon>", "Hi"),
    "enclosure": ('<link rel="enclosure" href="https://media.example.com/a.mp3"/>', "Hi"),
}


@pytest.mark.parametrize(("feed", "content"), FEED_LOADS.values(), ids=FEED_LOADS.keys())
def test_a_feed_loading_from_another_host_is_refused(tmp_path: Path, feed: str, content: str) -> None:
    found = problems_in(tmp_path, "en/feeds/all.atom.xml", ATOM.format(feed=feed, content=content))
    assert [what for _, what in found if "loads from another site" in what], found


def test_rss_media_and_a_feed_that_stays_here(tmp_path: Path) -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>x</title>'
        "<item><title>a</title><description>&lt;img src=&quot;/images/a.jpg&quot;&gt;</description>"
        '<enclosure url="https://media.example.com/a.mp3" type="audio/mpeg" length="1"/></item></channel></rss>'
    )
    assert [what for _, what in problems_in(tmp_path, "en/feeds/all.rss.xml", rss)] == [
        "<enclosure url> loads from another site, media.example.com"
    ]
    (tmp_path / "en/feeds/all.rss.xml").unlink()
    assert problems_in(tmp_path, "en/feeds/all.atom.xml", ATOM.format(feed="", content="&lt;p&gt;Hi&lt;/p&gt;")) == []


def test_built_pages_carry_the_policy_and_mark_outbound_links(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    hello = content / "posts/hello.md"
    hello.write_text(hello.read_text() + "\nSee [the law](https://laws.example.ca/c-36).\n", encoding="utf-8")
    output = build_minimal(tmp_path)
    for built in [output / "index.html", output / "404.html", output / "en/index.html", output / "fr/index.html"]:
        text = built.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';' in text, built
        assert '<meta name="referrer" content="no-referrer">' in text
    post = (output / "en/posts/hello/index.html").read_text(encoding="utf-8")
    assert '<a href="https://laws.example.ca/c-36" rel="noopener noreferrer">the law</a>' in post


def test_a_build_whose_output_would_load_from_another_host_is_refused(tmp_path: Path) -> None:
    # A drawing in the theme's static files is copied to the site as it is: the check reads it like a page.
    # (content/images/ takes only images Relais cleans, so an SVG there is refused before the build.)
    content = copy_minimal(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(theme)!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
    )
    output = tmp_path / "output"
    command = ["build", "--settings", str(settings), "--content", str(content), "--output", str(output)]
    assert publish(*command).returncode == 0
    before = tree_digest(output)
    write(
        theme,
        "static/images/map.svg",
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="\\\\tiles.example.com/map.png"/></svg>\n',
    )
    result = publish(*command)
    assert result.returncode != 0
    assert (
        "output/theme/images/map.svg:1: image: <image href> loads from another site, tiles.example.com"
        in result.stderr + result.stdout
    )
    assert "Traceback" not in result.stderr
    assert tree_digest(output) == before


# fmt: off
PAGE_PIECES = st.sampled_from([
    "<", ">", "</", "<!--", "-->", "--!>", "<img", " src=", "//x.example.com/a", "\\\\", "<noscript>",
    "</noscript>", "<svg>", "<image href=", "<style>", "url(", "@import '", "'", '"', "<![CDATA[", "]]>",
    "<?xml-stylesheet href=", "?>", "<!DOCTYPE x [<!ENTITY e 'y'>]>", "&e;", "&lt;", "\x00", "é", "\n", " ",
    "<meta http-equiv=refresh content=", "<link rel=icon href=", "<content type='html'>", "</content>",
])
# fmt: on


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(PAGE_PIECES, max_size=40).map("".join), st.sampled_from(["a.html", "a.svg", "a.xml", "a.css", "a.xhtml"])
)
def test_any_file_is_checked_without_failing(tmp_path: Path, text: str, name: str) -> None:
    write(tmp_path, name, text)
    problems = list(check_built_site([outside_requests], SITE, tmp_path))
    assert all(problem.file == f"output/{name}" and problem.what for problem in problems)
    (tmp_path / name).unlink()


def test_a_page_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    found = problems_in(tmp_path, "en/empty.html", "")
    assert [what for _, what in found] == [
        "this file is empty or cannot be read as markup, so nothing says it stays on this site"
    ]
