"""Check the built site: nothing is loaded from another host, every page carries our policy.

Runs on every file of the output before it replaces ``output/``: pages
(``.html``, ``.xhtml``), drawings (``.svg``), stylesheets and feeds, whose
entries hold HTML that feed readers show.  A file that would fetch a font,
script, style, image or frame from another site fails the build (the
reader's address would reach that site); so does a page without the
Content-Security-Policy in its ``<head>``, and inline script or style, which
that policy blocks.

Pages are read from the shared lxml tree.  Where lxml and a browser may read
markup differently, the check reads it both ways (fails closed): the text of
a comment and any attribute value holding a tag are read as markup too (a
browser ends a comment at ``--!>``, and with scripting on reads a
``<noscript>`` as text up to ``</noscript>``, which may sit inside what lxml
took for an attribute), and ``<noscript>`` content is always checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from relais.built import BuiltFile
from relais.i18n import N_, _
from relais.problems import Problem

from .loads import css_loads, element_loads, feed_loads, local_name
from .policy import other_host, own_hosts, policies

_FIX_ASSET = N_("copy the file into theme/static/ (or content/images/) and link to it on this site")
_FIX_FORM = N_("forms may only send to this site")
_FIX_POLICY = N_(
    "start the page from theme/templates/base.html, whose <head> includes the policy first (plugins/page_security)"
)
_FIELDS = {"html": N_("page"), "xhtml": N_("page"), "svg": N_("image"), "xml": N_("feed"), "css": N_("stylesheet")}
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_MAX_DEPTH = 4  # markup inside a comment inside an attribute inside…: past this, refuse


def outside_requests(site: Any, built: BuiltFile) -> Iterator[Problem]:
    kind = _FIELDS.get(built.kind)
    if kind is None:
        return
    field = _(kind)
    ours = own_hosts(site.settings)
    if built.kind == "css":
        for offset, address in css_loads(built.text):
            yield from _outside(built, field, (1 + offset, _("the stylesheet"), address), ours)
        return
    root = built.tree
    if root is None:
        yield Problem(
            built.shown_as,
            0,
            field,
            _("this file is empty or cannot be read as markup, so nothing says it stays on this site"),
            _("look at the template or plugin that writes it"),
        )
        return
    if built.kind in {"html", "xhtml"}:
        yield from (Problem(built.shown_as, line, field, what, _(_FIX_POLICY)) for line, what in _policy_problems(root))
    reader = _Reader(built.kind, _entities(root))
    for line, what, address, fix in reader.findings(_nodes(root), 0, 0):
        if address is None:
            yield Problem(built.shown_as, line, field, what, fix)
        else:
            yield from _outside(built, field, (line, what, address), ours)


def _outside(built: BuiltFile, field: str, load: tuple[int, str, str], ours: frozenset[str]) -> Iterator[Problem]:
    line, what, address = load
    host = other_host(address, ours)
    if host is None:
        return
    if what.endswith("action>"):
        what = _("{element} sends what readers type to another site, {host}").format(element=what, host=host)
        yield Problem(built.shown_as, line, field, what, _(_FIX_FORM))
    else:
        what = _("{element} loads from another site, {host}").format(element=what, host=host)
        yield Problem(built.shown_as, line, field, what, _(_FIX_ASSET))


def _nodes(root: Any) -> Iterator[Any]:
    # Processing instructions before the root (<?xml-stylesheet href=…?>), then the document.
    yield from reversed(list(root.itersiblings(preceding=True)))
    yield from root.iter()


Finding = tuple[int, str, str | None, str]  # line, what, the address (None: a problem as it is), fix


class _Reader:
    """Reads one file's nodes for loads and inline code, and any markup hidden in them."""

    def __init__(self, kind: str, entities: dict[str, str]) -> None:
        self.kind = kind
        self.entities = entities

    def findings(self, nodes: Any, offset: int, depth: int) -> Iterator[Finding]:
        import lxml.etree

        for node in nodes:
            line = offset + (node.sourceline or 1) - (1 if offset else 0)
            if node.tag is lxml.etree.Comment:
                yield from self.hidden_markup(node.text or "", line, depth)
            elif node.tag is lxml.etree.Entity:
                yield from self.hidden_markup(self.entities.get(node.name, ""), line, depth)
            elif node.tag is lxml.etree.PI:
                if node.target == "xml-stylesheet":
                    yield line, "<?xml-stylesheet?>", node.get("href") or "", ""
            elif isinstance(node.tag, str):
                yield from self.element(node, line, depth)

    def element(self, node: Any, line: int, depth: int) -> Iterator[Finding]:
        shift = line - (node.sourceline or 1)
        loads = [*element_loads(node), *(feed_loads(node) if self.kind == "xml" else ())]
        yield from ((at + shift, what, address, "") for at, what, address in loads)
        yield from _inline_code(node, line, self.kind)
        # Feed entries carry their HTML as text, which feed readers show as HTML.
        text = node.text if self.kind == "xml" else None
        for value in [*node.attrib.values(), text]:
            if value and _MARKUP.search(value):
                yield from self.hidden_markup(value, line, depth)

    def hidden_markup(self, text: str, line: int, depth: int) -> Iterator[Finding]:
        """Text a browser or a feed reader may read as markup: checked as markup."""
        if not _MARKUP.search(text):
            return
        if depth >= _MAX_DEPTH:
            yield line, _("markup hidden in markup too deeply to be checked"), None, _("write the page without it")
            return
        import lxml.etree
        import lxml.html

        try:
            fragment = lxml.html.fragment_fromstring(text, create_parent="div")
        except (lxml.etree.ParserError, ValueError):
            return
        yield from self.findings(fragment.iter(), line, depth + 1)


def _inline_code(element: Any, line: int, kind: str) -> Iterator[Finding]:
    """Script and style written in the file itself, which the Content-Security-Policy blocks on our pages.

    A drawing opened on its own runs its scripts on this site: those count too.
    """
    if kind == "xml":
        return
    name = local_name(element.tag)
    attributes = {local_name(key): value for key, value in element.attrib.items()}
    if name == "script" and "src" not in attributes and attributes.get("type", "") != "application/ld+json":
        yield (
            line,
            _("an inline <script>: the Content-Security-Policy blocks it"),
            None,
            _("move it to theme/static/js/"),
        )
    if any(attribute.startswith("on") for attribute in attributes):
        what = _("an event handler on <{name}>: the Content-Security-Policy blocks it").format(name=name)
        yield line, what, None, _("use a script file")
    if kind == "svg":
        return
    if name == "style":
        what = _("an inline <style>: the Content-Security-Policy blocks it")
        yield line, what, None, _("move the rules to relais.css")
    if "style" in attributes:
        what = _("a style attribute on <{name}>: the Content-Security-Policy blocks it").format(name=name)
        yield line, what, None, _("use a class")
    if name == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
        yield line, _("a <meta http-equiv=refresh>"), None, _("link to the page instead")


def _entities(root: Any) -> dict[str, str]:
    """The XML entities a drawing or feed declares: a browser replaces each reference by its text."""
    dtd = root.getroottree().docinfo.internalDTD
    return {entity.name: entity.content or "" for entity in dtd.iterentities()} if dtd is not None else {}


def _policy_problems(root: Any) -> Iterator[tuple[int, str]]:
    """The page's <head> holds our policy, before anything that loads."""
    head = next((child for child in root if isinstance(child.tag, str) and local_name(child.tag) == "head"), None)
    metas = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and local_name(element.tag) == "meta"
        and (element.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    if not metas:
        yield 1, _("this page has no Content-Security-Policy, so nothing stops it from loading other sites")
        return
    meta = metas[0]
    line = meta.sourceline or 1
    if meta.getparent() is not head:
        yield line, _("the Content-Security-Policy must be in the page's <head>, where browsers read it")
        return
    if (meta.get("content") or "") not in policies():
        yield line, _("the Content-Security-Policy is not the site's own (plugins/page_security/policy.py)")
    for element in head:
        if element is meta:
            break
        if isinstance(element.tag, str) and local_name(element.tag) not in {"meta", "title"}:
            name = local_name(element.tag)
            yield (
                line,
                _("the Content-Security-Policy comes after <{name}> (line {line}): move it up").format(
                    name=name, line=element.sourceline
                ),
            )
            break
