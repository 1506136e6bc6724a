"""What raw HTML a writer may put in Markdown: one allowlist, one set of decisions.

:func:`sanitise` applies it with nh3 to every rendered body; :mod:`.report`
walks the same HTML with the same lists and the same :func:`judge_attribute`
to tell the writer what was removed.  nh3 calls :func:`judge_attribute` for
every attribute it keeps (its ``attribute_filter``), so what the warning says
and what the page holds come from one decision.

Classes and ids are where a writer's HTML meets the theme: a writer's
``<a class="quick-exit-overlay">`` would be styled like the theme's own
controls (here, a full-screen layer over the Exit button).  Writers keep only
the classes Markdown itself writes (:data:`CLASSES`), which the theme never
gives its controls, and ids without ``--``: the theme's own ids all contain
``--`` (``main--content``), which Markdown never puts in a heading's id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ada_url
import nh3

# nh3's default tags, less the obsolete ones and image maps (their <area href>
# would be a second, unchecked kind of link).
TAGS: frozenset[str] = frozenset(nh3.ALLOWED_TAGS - {"acronym", "center", "strike", "tt", "map", "area"})

# Removed with everything inside them: the text of a script or of an embedded
# frame means nothing to a reader.
CONTENT_REMOVED: frozenset[str] = frozenset(
    {"script", "style", "iframe", "object", "embed", "applet", "frame", "frameset", "noscript", "template"}
    | {"form", "textarea", "select", "svg", "math"}
)

GENERIC_ATTRIBUTES: frozenset[str] = frozenset({"id", "class", "lang", "dir", "title"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"colspan", "rowspan", "scope", "headers"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "details": frozenset({"open"}),
}
# Every attribute holding an address, ``cite`` included: nh3 alone checks
# only href and src, and the warning must match what is kept.
URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src", "cite"})
# No javascript: (runs code) and no data: either, not even for images: a data:
# image skips the image cleaning, so it could carry GPS coordinates.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel", "sms"})

# What Python-Markdown's extensions write (footnotes, [TOC], fenced code's
# language) and the table alignment below; the theme gives none of them to
# its own controls (plugins/sanitiser/test_theme_names.py makes sure).
CLASSES: frozenset[str] = frozenset(
    {"footnote", "footnote-ref", "footnote-backref", "toc", "align-left", "align-center", "align-right"}
)
CLASS_PREFIXES: tuple[str, ...] = ("language-",)
# The theme's ids all contain this; writers' never do.
THEME_ID_MARK = "--"

# Python-Markdown aligns table cells with inline styles, which the
# Content-Security-Policy forbids; the theme has a class for each.
_CELL_ALIGNMENT = re.compile(r'<(t[hd])(\s[^>]*?)?\sstyle="text-align: (left|center|right);"')

# How browsers read an address before its scheme (WHATWG URL): C0 controls and
# spaces around it are dropped, tabs and newlines anywhere.
_URL_EDGES = "".join(chr(code) for code in range(0x21))
_URL_INSIDE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Class names are separated by ASCII whitespace only (a no-break space is part of a name).
_ASCII_SPACE = re.compile("[ \t\n\f\r]+")


@dataclass(frozen=True)
class Judgement:
    """What happens to one attribute: the value kept (None: removed) and why anything went."""

    kept: str | None
    reason: str = ""  # event, style, not-allowed, scheme, unreadable, classes, theme-id
    detail: str = ""  # the scheme, or the classes removed


def allowed_attributes(tag: str) -> frozenset[str]:
    return GENERIC_ATTRIBUTES | ATTRIBUTES.get(tag, frozenset())


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads in an address (``javascript``), or None for a relative one."""
    match = _SCHEME.match(_URL_INSIDE.sub("", value.strip(_URL_EDGES)))
    return match.group(1).lower() if match else None


def is_allowed_class(name: str) -> bool:
    return name in CLASSES or (name.startswith(CLASS_PREFIXES) and name not in CLASS_PREFIXES)


def is_allowed_id(value: str) -> bool:
    return THEME_ID_MARK not in value


def judge_attribute(tag: str, name: str, value: str) -> Judgement:
    """Whether a writer's attribute stays on the page, and with which value."""
    refused = _refused_name(tag, name)
    if refused:
        return Judgement(None, refused)
    if name in URL_ATTRIBUTES:
        return _judge_url(value)
    if name == "class":
        return _judge_classes(value)
    if name == "id" and not is_allowed_id(value):
        return Judgement(None, "theme-id")
    return Judgement(value)


def _refused_name(tag: str, name: str) -> str:
    if name.startswith("on"):
        return "event"
    if name == "style":
        return "style"
    return "" if name in allowed_attributes(tag) else "not-allowed"


def _judge_classes(value: str) -> Judgement:
    classes = [token for token in _ASCII_SPACE.split(value) if token]
    removed = [token for token in classes if not is_allowed_class(token)]
    if not removed:
        return Judgement(value)
    kept = " ".join(token for token in classes if is_allowed_class(token))
    return Judgement(kept or None, "classes", " ".join(removed))


def _judge_url(value: str) -> Judgement:
    scheme = url_scheme(value)
    if scheme is None:
        return Judgement(value)  # relative: this site
    if scheme not in URL_SCHEMES:
        return Judgement(None, "scheme", scheme)
    try:
        ada_url.URL(value)
    except (ValueError, UnicodeError):
        return Judgement(None, "unreadable")  # nh3 removes an address it cannot read
    return Judgement(value)


def align_table_cells(html: str) -> str:
    return _CELL_ALIGNMENT.sub(lambda m: f'<{m.group(1)}{m.group(2) or ""} class="align-{m.group(3)}"', html)


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    return judge_attribute(tag, name, value).kept


def sanitise(html: str) -> str:
    """The body with everything outside the allowlist removed."""
    return nh3.clean(
        align_table_cells(html),
        tags=set(TAGS),
        clean_content_tags=set(CONTENT_REMOVED),
        attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        # page_security adds rel="noopener noreferrer" to links to other sites
        # only: our own links keep passing nothing but need no rel.
        link_rel=None,
    )
