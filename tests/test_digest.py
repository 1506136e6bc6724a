"""Page digests: what a template reads, and the digests of what template functions declare they read."""

from __future__ import annotations

import datetime as dt

import jinja2

from relais import template_reads
from relais.digest import Digester, reads
from relais.template_reads import TemplateReads


def structure(rows: int) -> tuple[tuple[object, ...], ...]:
    return tuple(("post", "en", f"slug-{n}", f"key-{n}", n % 2 == 0, dt.date(2026, 1, 1 + n % 28)) for n in range(rows))


def test_a_declared_dependency_digests_alike_in_every_digester_and_on_its_own() -> None:
    data = structure(50)
    links = reads(lambda: None, lambda: data)
    shared: dict[int, tuple[object, bytes]] = {}
    first, second, alone = Digester(("title",), shared), Digester(("url", "slug"), shared), Digester(("title",))
    assert first.digest(links) == second.digest(links) == alone.digest(links)
    assert shared, "plain data is shared between digesters"


def test_a_changed_dependency_changes_the_digest() -> None:
    before, after = structure(5), list(structure(5))
    after[2] = ("post", "en", "slug-2", "key-2", False, dt.date(2026, 1, 3))
    digest_before = Digester(("title",)).digest(reads(lambda: None, lambda: before))
    digest_after = Digester(("title",)).digest(reads(lambda: None, lambda: tuple(after)))
    assert digest_before != digest_after


def test_a_dependency_holding_objects_is_digested_by_the_attributes_read() -> None:
    class Entry:
        def __init__(self, title: str, secret: str) -> None:
            self.title, self.secret = title, secret

    data = (Entry("A", "x"),)
    changed = (Entry("A", "y"),)
    shared: dict[int, tuple[object, bytes]] = {}
    titles = Digester(("title",), shared)
    assert titles.digest(reads(lambda: None, lambda: data)) == titles.digest(reads(lambda: None, lambda: changed))
    secrets = Digester(("secret",), shared)
    assert secrets.digest(reads(lambda: None, lambda: data)) != secrets.digest(reads(lambda: None, lambda: changed))
    assert not shared, "objects are never shared: their digest depends on the attributes read"


def test_templates_are_analysed_once_per_source_and_extensions() -> None:
    source = "{% extends 'base.html' %}{{ article.title }}{{ pages | map(attribute='url') | join }}"
    loader = jinja2.DictLoader({"page.html": source, "base.html": "{{ SITENAME }}"})
    plain = jinja2.Environment(loader=loader)
    with_i18n = jinja2.Environment(loader=loader, extensions=["jinja2.ext.i18n"])
    reads_plain = TemplateReads(plain).of("page.html")
    assert {"article", "pages", "SITENAME"} <= reads_plain.names
    assert {"title", "url"} <= reads_plain.attributes
    kept = template_reads.used_analyses()
    assert len(kept) >= 2
    TemplateReads(with_i18n).of("page.html")
    assert len(template_reads.used_analyses()) >= len(kept) + 2, "another parser, other analyses"
    assert TemplateReads(plain).of("page.html").attributes == reads_plain.attributes
