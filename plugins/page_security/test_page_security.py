"""Nothing leaves the site: CSP on every page, outbound links marked, outside loads refused."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from page_security.outbound import mark_outbound_links
from page_security.policy import content_security_policy, other_host
from page_security.requests_check import outside_requests
from relais.built import check_built_site
from tests.helpers import build_minimal, copy_minimal, write

OURS = frozenset({"lanterne.example.org"})


def test_links_to_other_sites_get_noopener_noreferrer() -> None:
    html = (
        '<a href="https://other.example.com/x" title="a > b">x</a> <a href="/en/posts/">in</a> '
        '<a href="https://lanterne.example.org/fr/">ours</a> <a rel="nofollow" href="//cdn.example.net/">y</a>'
    )
    marked = mark_outbound_links(html, OURS)
    assert '<a href="https://other.example.com/x" title="a &gt; b" rel="noopener noreferrer">x</a>' in marked
    assert '<a href="/en/posts/">in</a>' in marked
    assert '<a href="https://lanterne.example.org/fr/">ours</a>' in marked
    assert '<a rel="nofollow noopener noreferrer" href="//cdn.example.net/">y</a>' in marked
    assert mark_outbound_links(marked, OURS) == marked


def test_policy_allows_only_this_site() -> None:
    policy = content_security_policy()
    for directive in ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]:
        assert directive in policy
    assert "unsafe-inline" not in policy and "wasm" not in policy and "http" not in policy
    assert "script-src 'self' 'unsafe-eval'" in content_security_policy(wasm=True)


def test_other_host() -> None:
    assert other_host("https://fonts.example.com/a.woff2", OURS) == "fonts.example.com"
    assert other_host("//fonts.example.com/a.woff2", OURS) == "fonts.example.com"
    assert other_host("https://lanterne.example.org/a.css", OURS) is None
    assert other_host("/theme/css/relais.css", OURS) is None
    assert other_host("mailto:someone@example.com", OURS) is None


def test_output_check_names_each_outside_load(tmp_path: Path) -> None:
    write(
        tmp_path,
        "en/index.html",
        "<!doctype html><html><head>\n"
        '<link rel="stylesheet" href="https://fonts.example.com/css">\n'
        '<script src="https://analytics.example.com/a.js"></script>\n'
        "<script>track()</script>\n"
        "</head><body>\n"
        '<img src="https://img.example.com/a.jpg" alt="a">\n'
        '<p style="color: red">x</p>\n'
        '<a href="https://other.example.com/">fine: a link is not a load</a>\n'
        "</body></html>\n",
    )
    write(tmp_path, "theme/css/relais.css", "body{}\n@import 'https://fonts.example.com/x.css';\n")
    site = SimpleNamespace(settings={"SITEURL": "", "FEED_DOMAIN": "https://lanterne.example.org"})
    found = sorted((p.file, p.line, p.what) for p in check_built_site([outside_requests], site, tmp_path))
    assert [(file, line) for file, line, _ in found] == [
        ("output/en/index.html", 2),
        ("output/en/index.html", 3),
        ("output/en/index.html", 4),
        ("output/en/index.html", 6),
        ("output/en/index.html", 7),
        ("output/theme/css/relais.css", 2),
    ], found
    assert "fonts.example.com" in found[0][2] and "analytics.example.com" in found[1][2]


def test_built_pages_carry_the_policy_and_mark_outbound_links(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    hello = content / "posts/hello.md"
    hello.write_text(hello.read_text() + "\nSee [the law](https://laws.example.ca/c-36).\n", encoding="utf-8")
    output = build_minimal(tmp_path)
    for page in [output / "index.html", output / "404.html", output / "en/index.html", output / "fr/index.html"]:
        text = page.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';' in text, page
        assert '<meta name="referrer" content="no-referrer">' in text
    post = (output / "en/posts/hello/index.html").read_text(encoding="utf-8")
    assert '<a href="https://laws.example.ca/c-36" rel="noopener noreferrer">the law</a>' in post
