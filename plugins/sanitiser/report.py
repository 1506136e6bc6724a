"""Tell the writer what the sanitiser removed, one warning per removal.

The body is parsed the way nh3 parses it (the HTML standard's fragment
parsing, as inside a ``<div>``, with scripting on: tinyhtml5 here, html5ever
in nh3) and walked in the order nh3 walks it, applying the same rules: a tag
in :data:`.policy.CONTENT_REMOVED` goes with everything inside it, so does an
element whose name belongs to SVG or MathML outside of those (nh3's guard
against namespace confusion), any other tag outside :data:`.policy.TAGS` is
unwrapped (its text kept), comments go, and each attribute of a kept element
is judged by :func:`.policy.judge_attribute`, the function nh3 itself calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tinyhtml5.parser import HTMLParser

from relais.i18n import N_, _, ngettext

from .policy import CONTENT_REMOVED, TAGS, Judgement, align_table_cells, judge_attribute

_HTML = "http://www.w3.org/1999/xhtml"
_SVG = "http://www.w3.org/2000/svg"
_MATHML = "http://www.w3.org/1998/Math/MathML"


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# nh3 (ammonia) drops, with their content, HTML elements named like SVG or
# MathML ones (they could change how the browser reads what follows).
# Copied from ammonia's is_svg_tag and is_mathml_tag.
_SVG_NAMES = _names(
    """
    a animate animateMotion animateTransform circle clipPath defs desc discard ellipse feBlend
    feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap
    feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge
    feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence
    filter foreignObject g image line linearGradient marker mask metadata mpath path pattern polygon
    polyline radialGradient rect script set stop style svg switch symbol text textPath title tspan use
    view
    """
)
_MATHML_NAMES = _names(
    """
    abs and annotation annotation-xml apply approx arccos arccosh arccot arccoth arccsc arccsch arcsec
    arcsech arcsin arcsinh arctan arctanh arg bind bvar card cartesianproduct cbytes ceiling cerror ci
    cn codomain complexes compose condition conjugate cos cosh cot coth cs csc csch csymbol curl declare
    degree determinant diff divergence divide domain domainofapplication emptyset eq equivalent
    eulergamma exists exp exponentiale factorial factorof false floor fn forall gcd geq grad gt ident
    image imaginary imaginaryi implies in infinity int integers intersect interval inverse lambda
    laplacian lcm leq limit list ln log logbase lowlimit lt maction maligngroup malignmark math matrix
    matrixrow max mean median menclose merror mfenced mfrac mglyph mi min minus mlabeledtr mlongdiv
    mmultiscripts mn mo mode moment momentabout mover mpadded mphantom mprescripts mroot mrow ms
    mscarries mscarry msgroup msline mspace msqrt msrow mstack mstyle msub msubsup msup mtable mtd mtext
    mtr munder munderover naturalnumbers neq none not notanumber notin notprsubset notsubset or
    otherwise outerproduct partialdiff pi piece piecewise plus power primes product prsubset quotient
    rationals real reals reln rem root scalarproduct sdev sec sech selector semantics sep set setdiff
    share sin sinh span subset sum tan tanh tendsto times transpose true union uplimit variance vector
    vectorproduct xor
    """
)
_HTML_ANYWAY = frozenset({"title", "style", "font", "a", "script", "span"})
_MATHML_TEXT_POINTS = frozenset({"mi", "mo", "mn", "ms", "mtext", "annotation-xml"})

_PLAIN_TAG = re.compile(
    r'<(?P<closing>/?)(?P<name>[a-zA-Z][a-zA-Z0-9]*)(?P<attributes>(?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:="[^"<>]*")?)*)\s*/?>'
)
_PLAIN_ATTRIBUTE = re.compile(r'(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?:="(?P<value>[^"<>]*)")?')

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_EMBEDS = frozenset({"iframe", "object", "embed", "applet", "frame", "frameset"})
_FORMS = frozenset({"form", "input", "button", "select", "textarea", "option", "label", "fieldset"})
_WRITER_CLASSES = N_("footnote, toc, align-left, align-center, align-right and language-…")
# Relais' own marker (<!-- relais: allow -->, see the respectful-language check): removed like
# every comment, never reported, since writers put it there on purpose.
RELAIS_MARKER = re.compile(r"\s*relais:\s*allow\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Locator:
    """What to look for in the Markdown source: an element, a comment, or an attribute of an element."""

    kind: str  # element, comment, attribute
    tag: str = ""
    attribute: str = ""
    value: str = ""
    tokens: tuple[str, ...] = ()  # the classes or the id removed, as attr_list writes them
    with_content: bool = False


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser takes out: what, why, how to fix, and where to look for it in the source."""

    what: str
    fix: str
    locator: Locator


def removals(html: str) -> list[Removal]:
    html = align_table_cells(html)
    if _plainly_kept(html):
        return []
    fragment = HTMLParser().parse_fragment(html, container="div", scripting=True)
    return list(_walk(fragment))


def _plainly_kept(html: str) -> bool:
    """True when every tag is a plain allowed one with allowed attributes: nothing to walk.

    Most bodies are only what Markdown writes; parsing them in Python would
    cost more than the rest of the check.  Anything unusual (a comment, an
    entity in an attribute, a stray '<') gets the full walk.
    """
    position = html.find("<")
    while position >= 0:
        match = _PLAIN_TAG.match(html, position)
        if match is None or match.group("name").lower() not in _PLAIN_TAGS:
            return False
        if not match.group("closing"):
            tag = match.group("name").lower()
            for attribute in _PLAIN_ATTRIBUTE.finditer(match.group("attributes")):
                value = attribute.group("value") or ""
                if "&" in value.replace("&amp;", ""):
                    return False
                if judge_attribute(tag, attribute.group("name").lower(), value.replace("&amp;", "&")).reason:
                    return False
        position = html.find("<", match.end())
    return True


def _walk(fragment: Any) -> Iterator[Removal]:
    # Depth first, in document order, like nh3; each node with the namespace
    # and name of the nearest element kept above it (unwrapped ones vanish).
    stack: list[tuple[Any, tuple[str, str]]] = [(child, (_HTML, "div")) for child in reversed(fragment)]
    while stack:
        node, parent = stack.pop()
        if not isinstance(node.tag, str):
            if not RELAIS_MARKER.fullmatch(node.text or ""):
                yield _comment()
            continue
        namespace, _separator, name = node.tag[1:].partition("}")
        if name in CONTENT_REMOVED or not _expected_namespace(parent, namespace, name):
            yield _element(name, with_content=True)
            continue
        keeps = namespace == _HTML and name in TAGS
        if keeps:
            yield from _attributes(name, node.attrib)
        else:
            yield _element(name, with_content=False)
        below = (namespace, name) if keeps else parent
        stack.extend((child, below) for child in reversed(node))


def _expected_namespace(parent: tuple[str, str], namespace: str, name: str) -> bool:
    """ammonia's check_expected_namespace, for the namespaces the parser gives."""
    parent_namespace, parent_name = parent
    if parent_namespace == namespace:
        if namespace == _SVG:
            return name in _SVG_NAMES
        return name in _MATHML_NAMES if namespace == _MATHML else _is_html_name(name)
    if parent_namespace == _HTML:
        # Into SVG or MathML only through <svg> and <math>.
        return (namespace, name) in {(_SVG, "svg"), (_MATHML, "math")}
    # Out of them only through their integration points.
    points = _MATHML_TEXT_POINTS if parent_namespace == _MATHML else frozenset({"foreignObject"})
    return parent_name in points and (namespace != _HTML or _is_html_name(name))


def _is_html_name(name: str) -> bool:
    return (name not in _SVG_NAMES and name not in _MATHML_NAMES) or name in _HTML_ANYWAY


def _attributes(tag: str, attributes: dict[str, str]) -> Iterator[Removal]:
    for name, value in attributes.items():
        if not isinstance(name, str):  # a namespaced attribute (only on SVG and MathML, removed anyway)
            continue
        judgement = judge_attribute(tag, name, value)
        if judgement.reason:
            yield _attribute(tag, name, value, judgement)


def _comment() -> Removal:
    return Removal(
        _("an HTML comment was removed: anyone could have read it in the page's source"),
        _("keep notes for the team outside the post"),
        Locator("comment"),
    )


def _element(tag: str, with_content: bool) -> Removal:
    locator = Locator("element", tag, with_content=with_content and tag not in VOID)
    if tag in _EMBEDS:
        kind = "embed"
    elif tag in _FORMS:
        kind = "form"
    elif tag in {"script", "style"}:
        kind = tag
    else:
        kind = "with content" if with_content else "unwrapped"
    what, fix = _ELEMENT_MESSAGES[kind]
    return Removal(_(what).format(tag=tag), _(fix), locator)


_ELEMENT_MESSAGES = {
    "script": (
        N_("a <script> was removed: code in a post could track or harm readers"),
        N_("delete it; posts cannot run scripts"),
    ),
    "style": (N_("a <style> block was removed"), N_("delete it; the theme styles every page")),
    "embed": (
        N_("an embedded <{tag}> was removed: it would load another site and tell it who is reading"),
        N_("link to it instead, for example [Watch the video](https://…)"),
    ),
    "form": (
        N_("a form element <{tag}> was removed: a form could send what readers type to another site"),
        N_("link to the contact page instead"),
    ),
    "with content": (
        N_("the <{tag}> element was removed with everything inside it (not allowed in posts)"),
        N_("use Markdown for formatting, or <span> and <div> around text"),
    ),
    "unwrapped": (
        N_("the <{tag}> element was removed, its text kept (not allowed in posts)"),
        N_("use Markdown for formatting"),
    ),
}


def _attribute(tag: str, name: str, value: str, judgement: Judgement) -> Removal:
    if judgement.reason == "classes":
        removed = judgement.detail.split()
        listed = ", ".join(f"'{token}'" for token in removed)
        what = ngettext(
            "the class {classes} was removed from <{tag}>: the site keeps classes for its own buttons and menus",
            "the classes {classes} were removed from <{tag}>: the site keeps classes for its own buttons and menus",
            len(removed),
        ).format(classes=listed, tag=tag)
        return Removal(
            what,
            _("delete it; posts may only use the classes {classes}").format(classes=_(_WRITER_CLASSES)),
            Locator("attribute", tag, name, value, tuple(f".{token}" for token in removed)),
        )
    if judgement.reason == "theme-id":
        return Removal(
            _(
                "the id '{value}' was removed from <{tag}>: ids with '--' are kept for the site's own buttons and menus"
            ).format(value=value, tag=tag),
            _("choose an id without '--', for example '{example}'").format(example=value.replace("--", "-")),
            Locator("attribute", tag, name, value, (f"#{value}",)),
        )
    what, fix = _ATTRIBUTE_MESSAGES[judgement.reason]
    if judgement.reason == "scheme" and judgement.detail == "data":
        fix = N_("save the image in content/images/ and use ![description](/images/name.jpg)")
    return Removal(
        _(what).format(tag=tag, name=name, scheme=judgement.detail),
        _(fix).format(name=name),
        Locator("attribute", tag, name, value),
    )


_ATTRIBUTE_MESSAGES = {
    "event": (
        N_("the {name} attribute was removed from <{tag}>: it would run a script"),
        N_("delete {name}=… ; posts cannot run scripts"),
    ),
    "style": (
        N_("the style attribute was removed from <{tag}>"),
        N_("delete style=… ; the theme styles every page (use Markdown for emphasis)"),
    ),
    "not-allowed": (N_("the {name} attribute was removed from <{tag}> (not allowed in posts)"), N_("delete {name}=…")),
    "scheme": (
        N_("the {scheme}: address in <{tag} {name}> was removed (not allowed in posts)"),
        N_("link to a web page (https://…) instead"),
    ),
    "unreadable": (
        N_("the address in <{tag} {name}> was removed: browsers cannot read it"),
        N_("copy the address again from the browser's address bar (no spaces inside)"),
    ),
}

# Allowed tags that nh3 keeps whatever surrounds them (no SVG or MathML name).
_PLAIN_TAGS = frozenset(name for name in TAGS if _is_html_name(name))
