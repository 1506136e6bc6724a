"""What a reader gets out of markup: the text as rendered, and what sits around it.

Tags are dropped and the runs of text are joined in reading order, so that
``2250 rue des <span lang="fr">Luci</span>oles`` reads "2250 rue des
Lucioles".  Attribute values, comments, scripts and styles are kept apart,
each on its own, and never put between two runs of text.

A page can also hide part of a string from one kind of reader: a sighted
reader does not see a ``hidden`` element, a ``visually-hidden`` one or a
ruby annotation; a screen reader skips ``aria-hidden`` ones.  So the text is
read three times: everything (what a feed reader, a text browser or a search
engine gets), what is seen, and what is heard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Their text is code, not something a reader reads.
ASIDE_TAGS = frozenset({"script", "style", "template"})
# Small text set above, below or beside the line: a reader reads the line without it.
ANNOTATION_TAGS = frozenset({"rt", "rp", "sup", "sub"})
# Classes that hide an element from sight (the theme's, and the usual names).
HIDING_CLASSES = frozenset({"visually-hidden", "sr-only", "screen-reader-text", "hidden", "hide", "invisible"})
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|(?:font-size|opacity|max-width|max-height)\s*:\s*0(?![.\d]*[1-9])"
    r"|clip(?:-path)?\s*:",
    re.IGNORECASE,
)
_TAG_HINT = re.compile(r"<[A-Za-z!/?]")
_OVERRIDE = re.compile(r"unicode-bidi\s*:\s*bidi-override", re.IGNORECASE)

Run = tuple[str, int]  # a piece of text and its line in the markup (0: unknown)


@dataclass
class MarkupText:
    everything: list[Run] = field(default_factory=list)
    seen: list[Run] = field(default_factory=list)
    heard: list[Run] = field(default_factory=list)
    attributes: list[Run] = field(default_factory=list)
    asides: list[Run] = field(default_factory=list)  # comments, processing instructions, scripts, styles
    hides_something: bool = False  # seen or heard differ from everything


def looks_like_markup(text: str) -> bool:
    return "<" in text and _TAG_HINT.search(text) is not None


def parse_html(text: str) -> Any:
    """An lxml tree of an HTML document or fragment; None when there is nothing to parse."""
    import lxml.etree
    import lxml.html

    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None


def read_markup(root: Any) -> MarkupText:
    """The texts of a parsed document (lxml, HTML or XML), in reading order."""
    from lxml import etree

    result = MarkupText()
    # How many open elements hide their text from each kind of reader.
    depth = {"aside": 0, "unseen": 0, "unheard": 0}
    open_flags: list[tuple[bool, bool, bool]] = []
    # Runs inside elements drawn right to left letter by letter (<bdo dir="rtl">), innermost last.
    mirrored: list[list[Run]] = []

    def text(value: str | None, line: int) -> None:
        if not value:
            return
        run = (value, line)
        if depth["aside"]:
            result.asides.append(run)
            return
        result.everything.append(run)
        if depth["unseen"] or depth["unheard"]:
            result.hides_something = True
        if not depth["unseen"]:
            (mirrored[-1] if mirrored else result.seen).append(run)
        if not depth["unheard"]:
            result.heard.append(run)

    def mirror_end() -> None:
        runs = mirrored.pop()
        shown = [(value[::-1], line) for value, line in reversed(runs)]
        (mirrored[-1] if mirrored else result.seen).extend(shown)
        result.hides_something = True

    for event, node in etree.iterwalk(root.getroottree(), events=("start", "end", "comment", "pi")):
        line = node.sourceline or 0
        if event in ("comment", "pi"):
            result.asides.append((_node_text(node), line))
            text(node.tail, line)
        elif event == "start":
            flags = _flags(node)
            open_flags.append(flags)
            if _mirrors(node):
                mirrored.append([])
            for name, on in zip(("aside", "unseen", "unheard"), flags, strict=True):
                depth[name] += on
            result.attributes.extend((value, line) for value in _attributes(node).values() if value)
            if isinstance(node.tag, str):
                text(node.text, line)
            else:  # an entity lxml kept as it was written
                result.asides.append((node.text or "", line))
        else:
            for name, on in zip(("aside", "unseen", "unheard"), open_flags.pop(), strict=True):
                depth[name] -= on
            if _mirrors(node):
                mirror_end()
            text(node.tail, line)
    return result


def _node_text(node: Any) -> str:
    target = getattr(node, "target", None)  # processing instructions
    return f"{target} {node.text or ''}" if target else node.text or ""


def _attributes(node: Any) -> Any:
    return node.attrib if isinstance(node.tag, str) else {}  # entities kept as written have none


def _mirrors(element: Any) -> bool:
    """An element whose letters are drawn right to left, last first."""
    attributes = _attributes(element)
    if attributes.get("dir", "").strip().lower() != "rtl":
        return False
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower() == "bdo" or bool(_OVERRIDE.search(attributes.get("style", "")))


def _flags(element: Any) -> tuple[bool, bool, bool]:
    """Whether an element's text is code, unseen by sighted readers, unheard by screen readers."""
    tag = element.tag if isinstance(element.tag, str) else ""
    name = tag.rsplit("}", 1)[-1].lower()
    attributes = _attributes(element)
    hidden = "hidden" in attributes or bool(_HIDING_STYLE.search(attributes.get("style", "")))
    hiding_class = not HIDING_CLASSES.isdisjoint(attributes.get("class", "").lower().split())
    unseen = hidden or hiding_class or name in ANNOTATION_TAGS
    unheard = hidden or attributes.get("aria-hidden", "").strip().lower() == "true"
    return name in ASIDE_TAGS, unseen, unheard
