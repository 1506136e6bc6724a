"""Tell the writer what the sanitiser removed, naming the file and line.

The rendered body is walked with the allowlist of :mod:`.policy`; each thing
outside it becomes a warning.  The line is found by looking for the construct
in the Markdown source, in order, so two scripts in a post get two lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from .policy import (
    CONTENT_REMOVED,
    TAGS,
    URL_ATTRIBUTES,
    align_table_cells,
    allowed_attributes,
    is_allowed_url,
    url_scheme,
)

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"})
VOID_ALL = VOID | {"track", "wbr"}

_EMBEDS = frozenset({"iframe", "object", "embed", "applet", "frame", "frameset"})
_FORMS = frozenset({"form", "input", "button", "select", "textarea", "option", "label", "fieldset"})


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser takes out: what, why, how to fix, and what to look for in the source."""

    what: str
    fix: str
    needle: str


def removals(html: str) -> list[Removal]:
    walker = _Walker()
    walker.feed(align_table_cells(html))
    walker.close()
    return walker.found


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Removal] = []
        self._inside_removed: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._inside_removed:
            if tag == self._inside_removed[-1] and tag not in VOID_ALL:
                self._inside_removed.append(tag)
            return
        if tag not in TAGS:
            self.found.append(_element(tag))
            if tag in CONTENT_REMOVED and tag not in VOID_ALL:
                self._inside_removed.append(tag)
            return
        for name, value in attrs:
            removal = _attribute(tag, name, value or "")
            if removal is not None:
                self.found.append(removal)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._inside_removed:
            return
        self.handle_starttag(tag, attrs)
        if self._inside_removed and self._inside_removed[-1] == tag:
            self._inside_removed.pop()

    def handle_endtag(self, tag: str) -> None:
        if self._inside_removed and self._inside_removed[-1] == tag:
            self._inside_removed.pop()

    def handle_comment(self, data: str) -> None:
        if not self._inside_removed:
            self.found.append(
                Removal(
                    "an HTML comment was removed: anyone could have read it in the page's source",
                    "keep notes for the team outside the post",
                    "<!--",
                )
            )


def _element(tag: str) -> Removal:
    needle = f"<{tag}"
    if tag == "script":
        return Removal(
            "a <script> was removed: code in a post could track or harm readers",
            "delete it; posts cannot run scripts",
            needle,
        )
    if tag == "style":
        return Removal("a <style> block was removed", "delete it; the theme styles every page", needle)
    if tag in _EMBEDS:
        return Removal(
            f"an embedded <{tag}> was removed: it would load another site and tell it who is reading",
            "link to it instead, for example [Watch the video](https://…)",
            needle,
        )
    if tag in _FORMS:
        return Removal(
            f"a form element <{tag}> was removed: a form could send what readers type to another site",
            "link to the contact page instead",
            needle,
        )
    return Removal(f"the <{tag}> element was removed (not allowed in posts)", "use Markdown for formatting", needle)


def _attribute(tag: str, name: str, value: str) -> Removal | None:
    if name.startswith("on"):
        return Removal(
            f"the {name} attribute was removed from <{tag}>: it would run a script",
            f"delete {name}=… ; posts cannot run scripts",
            name,
        )
    if name == "style":
        return Removal(
            f"the style attribute was removed from <{tag}>",
            "delete style=… ; the theme styles every page (use Markdown for emphasis)",
            "style",
        )
    if name not in allowed_attributes(tag):
        return Removal(
            f"the {name} attribute was removed from <{tag}> (not allowed in posts)", f"delete {name}=…", name
        )
    if name in URL_ATTRIBUTES and not is_allowed_url(value):
        scheme = url_scheme(value) or ""
        fix = (
            "save the image in content/images/ and use ![description](/images/name.jpg)"
            if scheme == "data"
            else "link to a web page (https://…) instead"
        )
        return Removal(f"the {scheme}: address in <{tag} {name}> was removed (not allowed in posts)", fix, f"{scheme}:")
    return None
