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

    reader = _Reader()
    for event, node in etree.iterwalk(root.getroottree(), events=("start", "end", "comment", "pi")):
        if event == "start":
            reader.start(node)
        elif event == "end":
            reader.end(node)
        else:  # comments and processing instructions
            reader.result.asides.append((_node_text(node), node.sourceline or 0))
            if node.tail:
                reader.text(node.tail, node.sourceline or 0)
    return reader.result


class _Reader:
    """Sorts each run of text into the views, as elements open and close."""

    def __init__(self) -> None:
        self.result = MarkupText()
        # How many open elements hide their text: as code, from sight, from screen readers.
        self.aside = self.unseen = self.unheard = 0
        self.open_flags: list[tuple[bool, bool, bool, bool]] = []
        # Runs inside elements drawn right to left letter by letter (<bdo dir="rtl">), innermost last.
        self.mirrored: list[list[Run]] = []

    def text(self, value: str, line: int) -> None:
        run = (value, line)
        result = self.result
        if self.aside:
            result.asides.append(run)
            return
        result.everything.append(run)
        if self.unseen or self.unheard:
            result.hides_something = True
        if not self.unseen:
            (self.mirrored[-1] if self.mirrored else result.seen).append(run)
        if not self.unheard:
            result.heard.append(run)

    def start(self, node: Any) -> None:
        tag = node.tag
        if tag.__class__ is not str:  # an entity lxml kept as it was written
            self.open_flags.append(_PLAIN)
            self.result.asides.append((node.text or "", node.sourceline or 0))
            return
        attributes = node.attrib
        flags = _flags(tag, attributes) if attributes else _TAG_FLAGS.get(tag.rsplit("}", 1)[-1].lower(), _PLAIN)
        self.open_flags.append(flags)
        if flags is not _PLAIN:
            self.aside += flags[0]
            self.unseen += flags[1]
            self.unheard += flags[2]
            if flags[3]:
                self.mirrored.append([])
        line = node.sourceline or 0
        if attributes:
            self.result.attributes.extend((value, line) for value in attributes.values() if value)
        if node.text:
            self.text(node.text, line)

    def end(self, node: Any) -> None:
        flags = self.open_flags.pop()
        if flags is not _PLAIN:
            self.aside -= flags[0]
            self.unseen -= flags[1]
            self.unheard -= flags[2]
            if flags[3]:
                runs = self.mirrored.pop()
                shown = [(value[::-1], line) for value, line in reversed(runs)]
                (self.mirrored[-1] if self.mirrored else self.result.seen).extend(shown)
                self.result.hides_something = True
        if node.tail:
            self.text(node.tail, node.sourceline or 0)


def _node_text(node: Any) -> str:
    target = getattr(node, "target", None)  # processing instructions
    return f"{target} {node.text or ''}" if target else node.text or ""


_PLAIN = (False, False, False, False)  # (code, unseen, unheard, drawn right to left)
_TAG_FLAGS = {
    **dict.fromkeys(ASIDE_TAGS, (True, False, False, False)),
    **dict.fromkeys(ANNOTATION_TAGS, (False, True, False, False)),
}


def _flags(tag: str, attributes: Any) -> tuple[bool, bool, bool, bool]:
    """Whether an element's text is code, unseen by sighted readers, unheard by screen readers, mirrored."""
    name = tag.rsplit("}", 1)[-1].lower()
    style = attributes.get("style", "")
    hidden = "hidden" in attributes or bool(style and _HIDING_STYLE.search(style))
    classes = attributes.get("class")
    hiding_class = bool(classes) and not HIDING_CLASSES.isdisjoint(classes.lower().split())
    unseen = hidden or hiding_class or name in ANNOTATION_TAGS
    unheard = hidden or attributes.get("aria-hidden", "").strip().lower() == "true"
    mirrors = attributes.get("dir", "").strip().lower() == "rtl" and (
        name == "bdo" or bool(style and _OVERRIDE.search(style))
    )
    flags = (name in ASIDE_TAGS, unseen, unheard, mirrors)
    return _PLAIN if flags == _PLAIN else flags
