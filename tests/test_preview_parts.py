"""The preview's decisions on their own: which saved file needs what, and where the live script goes."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from relais.preview.server import live_script_tag, with_live_script
from relais.preview.watching import WatchPlan

PLAN = WatchPlan(
    rebuild=("/site/content", "/site/theme"),
    restart=("/site/relais", "/site/plugins"),
    settings_folder="/site",
    files=("/site/private/never-publish.txt",),
    output="/site/output",
)


@pytest.mark.parametrize(
    ("path", "need"),
    [
        ("/site/content/posts/hello.md", "build"),
        ("/site/content/images/photo.jpg", "build"),
        ("/site/theme/templates/base.html", "build"),
        ("/site/theme/translations/fr/LC_MESSAGES/messages.po", "build"),
        ("/site/plugins/events/generator.py", "restart"),
        ("/site/plugins/guides/guide_print.css", "restart"),
        ("/site/relais/build.py", "restart"),
        ("/site/pelicanconf.py", "restart"),
        ("/site/publishconf.py", "restart"),
        ("/site/private/never-publish.txt", "restart"),
        ("/site/plugins/events/test_events.py", None),  # tests: no build runs them
        ("/site/plugins/conftest.py", None),
        ("/site/output/en/index.html", None),  # what a build writes never sets off the next one
        ("/site/.relais-build-x1y2/en/index.html", None),
        ("/site/content/.relais-build-x1y2/en/index.html", None),
        ("/site/.relais-cache/output/values/bodies/ab", None),
        ("/site/README.md", None),
        ("/site/private/notes.txt", None),
        ("/site/tests/test_serve.py", None),
    ],
)
def test_each_saved_file_needs_a_build_a_restart_or_nothing(path: str, need: str | None) -> None:
    assert PLAN.needs(path) == need


def test_the_plan_survives_a_restart() -> None:
    assert WatchPlan.from_dict(PLAN.as_dict()) == PLAN


HTML = st.text(alphabet=st.sampled_from(["<", ">", "/", "h", "e", "a", "d", "b", "o", "y", "H", " ", "é", "x"]))


@given(before=HTML, after=HTML)
def test_the_live_script_is_added_once_and_nothing_else_changes(before: str, after: str) -> None:
    page = f"{before}</head>{after}".encode()
    served = with_live_script(page, "abc.3")
    tag = live_script_tag("abc.3")
    assert served.count(tag) == 1 + page.count(tag)
    assert served.replace(tag, b"", 1) == page
    assert served.index(tag) < served.lower().index(b"</head", served.index(tag))


def test_the_live_script_goes_in_the_head_of_a_real_page() -> None:
    page = b'<!doctype html><html lang="en"><HEAD><title>x</title></HEAD><body><p>x</p></body></html>'
    tree = lxml.html.fromstring(with_live_script(page, "s.1"))
    (script,) = tree.xpath("//script")
    assert script.getparent().tag == "head"
    assert script.get("src") == "/__relais__/live.js" and script.get("defer") is not None
    assert script.get("data-version") == "s.1" and not (script.text or "").strip()  # no inline code


@pytest.mark.parametrize(
    "page", [b"<p>no head, no body</p>", b"<html><body><p>x</p></body></html>", b""], ids=["bare", "body", "empty"]
)
def test_a_page_without_a_head_still_gets_the_script_once(page: bytes) -> None:
    served = with_live_script(page, "s.1")
    assert served.count(b"/__relais__/live.js") == 1 and served.replace(live_script_tag("s.1"), b"") == page
