"""What raw HTML a writer may put in Markdown: one allowlist, used twice.

:func:`sanitise` applies it with nh3 to every rendered body; :mod:`.report`
walks the same HTML with the same lists to tell the writer what was removed.
Keeping both on these constants means the warning always matches the output.
"""

from __future__ import annotations

import re

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
URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src", "cite"})
# No javascript: (runs code) and no data: either, not even for images: a data:
# image skips the image cleaning, so it could carry GPS coordinates.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel", "sms"})

# Python-Markdown aligns table cells with inline styles, which the
# Content-Security-Policy forbids; the theme has a class for each.
_CELL_ALIGNMENT = re.compile(r'<(t[hd])(\s[^>]*?)?\sstyle="text-align: (left|center|right);"')


def allowed_attributes(tag: str) -> frozenset[str]:
    return GENERIC_ATTRIBUTES | ATTRIBUTES.get(tag, frozenset())


def url_scheme(value: str) -> str | None:
    """The scheme of a URL (``javascript``), or None for a relative one."""
    match = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.\-]*):", value)
    return match.group(1).lower() if match else None


def is_allowed_url(value: str) -> bool:
    scheme = url_scheme(value)
    return scheme is None or scheme in URL_SCHEMES


def align_table_cells(html: str) -> str:
    return _CELL_ALIGNMENT.sub(lambda m: f'<{m.group(1)}{m.group(2) or ""} class="align-{m.group(3)}"', html)


def sanitise(html: str) -> str:
    """The body with everything outside the allowlist removed."""
    return nh3.clean(
        align_table_cells(html),
        tags=set(TAGS),
        clean_content_tags=set(CONTENT_REMOVED),
        attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        # page_security adds rel="noopener noreferrer" to links to other sites
        # only: our own links keep passing nothing but need no rel.
        link_rel=None,
    )
