"""What in a page, a drawing, a stylesheet or a feed makes a browser or a feed reader fetch something.

Each function yields ``(line, what, address)`` for every address that would
be fetched; :mod:`.requests_check` keeps those that go to another host.  The
lists err on the side of fetching: an attribute or a ``rel`` not known to be
harmless counts as a load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import tinycss2

Load = tuple[int, str, str]  # line, what loads it, the address

# <link rel=…> kinds that load nothing by themselves; any other loads its href.
NON_LOADING_RELS = frozenset(
    {"alternate", "author", "bookmark", "canonical", "external", "help", "license", "me", "next", "nofollow"}
    | {"noopener", "noreferrer", "opener", "prev", "privacy-policy", "related", "self", "shortlink", "tag"}
    | {"terms-of-service", "via"}
)
# Attributes whose address a browser fetches, on whatever element they are
# (old ones included: some browsers still honour them).
FETCHED = frozenset(
    {"src", "poster", "data", "background", "codebase", "lowsrc", "dynsrc", "manifest", "icon", "url"}
    | {"action", "formaction"}
)
# Attributes holding several addresses, separated by spaces or commas.
FETCHED_LISTS = frozenset({"srcset", "imagesrcset", "ping", "archive"})
LINKS = frozenset({"a", "area"})
_CSS_LIKE = re.compile(r"url\(|image-set\(|image\(|@import", re.IGNORECASE)
_CSS_FUNCTIONS = frozenset(
    {"url", "src", "image", "image-set", "-webkit-image-set", "cross-fade", "-webkit-cross-fade"}
)
_LIST_SEPARATORS = re.compile(r"[\s,]+")


def local_name(name: str) -> str:
    """``{namespace}local``, ``prefix:local`` and ``local`` all give ``local``, lower-cased."""
    return name.rpartition("}")[2].rpartition(":")[2].lower()


def element_loads(element: Any) -> Iterator[Load]:
    """The addresses an element makes a browser fetch (an lxml element, HTML or XML)."""
    name = local_name(element.tag)
    line = element.sourceline or 0
    attributes = {local_name(key): value for key, value in element.attrib.items()}
    for attribute, value in attributes.items():
        what = f"<{name} {attribute}>"
        if attribute in FETCHED:
            yield line, what, value
        elif attribute in FETCHED_LISTS:
            yield from ((line, what, address) for address in _LIST_SEPARATORS.split(value) if address)
        elif attribute == "href" and _href_loads(name, attributes):
            yield line, what, value
        elif _CSS_LIKE.search(value):
            yield from ((line + offset, what, address) for offset, address in css_loads(value, declarations=True))
    if name == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
        yield line, "<meta http-equiv=refresh>", attributes.get("content", "").partition("=")[2].strip(" '\"")
    if name == "style" and element.text:
        yield from ((line + offset, "<style>", address) for offset, address in css_loads(element.text))


def feed_loads(element: Any) -> Iterator[Load]:
    """Addresses a feed reader fetches from a feed's own elements: Atom's icon and logo, RSS's image."""
    name = local_name(element.tag)
    parent = element.getparent()
    in_image = parent is not None and local_name(parent.tag) == "image"
    if (name in {"icon", "logo"} or (name == "url" and in_image)) and element.text:
        yield element.sourceline or 0, f"<{name}>", element.text.strip()


def _href_loads(name: str, attributes: dict[str, str]) -> bool:
    if name in LINKS:
        return False
    if name == "link":
        rels = set(attributes.get("rel", "").lower().split())
        return bool(rels - NON_LOADING_RELS)
    return True  # <base>, SVG's <image>, <use>, <feImage>, <script>, <pattern>…


def css_loads(text: str, declarations: bool = False) -> Iterator[tuple[int, str]]:
    """``(line offset, address)`` for each address a stylesheet (or a style attribute) loads."""
    nodes = tinycss2.parse_component_value_list(text) if declarations else tinycss2.parse_stylesheet(text)
    for line, address in _css_addresses(nodes, importing=False):
        yield line - 1, address


def _css_addresses(nodes: Iterable[Any], importing: bool) -> Iterator[tuple[int, str]]:
    for node in nodes:
        kind = getattr(node, "type", "")
        if kind == "url" or (kind == "string" and importing):
            yield node.source_line, node.value
        elif kind == "function":
            yield from _css_addresses(node.arguments, importing or node.lower_name in _CSS_FUNCTIONS)
        elif kind in {"() block", "[] block", "{} block"}:
            yield from _css_addresses(node.content, importing)
        elif kind in {"at-rule", "qualified-rule"}:
            at_import = kind == "at-rule" and node.lower_at_keyword == "import"
            yield from _css_addresses(node.prelude, at_import)
            yield from _css_addresses(node.content or (), importing=False)
