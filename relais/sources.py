"""Reading source files: UTF-8 text, front matter, YAML with line numbers.

Writers use many editors, so we accept a UTF-8 byte-order mark and Windows
line endings, and we turn anything else into a plain-words problem that
names the file and line.

Whatever is in content/, reading it ends quickly in data or in a named
problem: only regular files are opened (never a link, a pipe or a device),
files over ``MAX_FILE_KB`` are refused before they are read, and the YAML is
parsed event by event so that deep nesting, huge lists and aliases (which can
expand exponentially) are refused before anything is built from them.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from .limits import DEFAULT_LIMITS, Limits
from .problems import Problem

FENCE = "---"
Location = tuple[Any, ...]


@dataclass(frozen=True)
class ScalarSpan:
    """Where one value of the front matter is written: for checks that read the text as written."""

    location: Location  # ("announce", "text"), ("tags", 0)…
    start: int  # offsets in the front matter's text, YAML's quotes and block header included
    end: int
    style: str | None  # '"', "'", "|", ">" or None (plain)
    first_row: int  # 0-based lines in the front matter's text
    last_row: int


@dataclass(frozen=True)
class FrontMatter:
    """The fields at the top of a file and the Markdown body after them.

    Read once per build: checks that look at the text as written (the
    respectful-language check) take ``yaml_text`` and ``scalars`` from here
    instead of reading and parsing the file again.
    """

    data: dict[str, Any]
    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1
    body: str = ""
    body_line: int = 1
    digest: str = ""  # of the file's text: what caches of checks on this file are keyed by
    yaml_text: str = ""  # the fields as written, between the two '---' lines (a YAML file: all of it)
    text: str = ""  # the whole file, as read (BOM removed, line endings made \n)
    scalars: tuple[ScalarSpan, ...] = ()  # every value, with where it is written

    def line_of(self, location: Location) -> int:
        """Line of a field (or of its closest parent) in the file."""
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.first_line

    def lines_in_body(self, needles: list[str]) -> list[int]:
        """The line of each text in the body, found in order (case-insensitive).

        For checks that see a construct in the rendered HTML and must point
        the writer at the Markdown line: two identical needles get the lines
        of the first and second occurrences.  Not found: the body's first line.
        """
        lowered = self.body.lower()
        cursor = 0
        lines = []
        for needle in needles:
            position = lowered.find(needle.lower(), cursor)
            if position < 0:
                position = lowered.find(needle.lower())
            if position < 0:
                lines.append(self.body_line)
                continue
            cursor = position + 1
            lines.append(self.body_line + lowered.count("\n", 0, position))
        return lines


class SourceError(Exception):
    """A file could not be read at all; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def read_text(path: Path, shown_as: str, limits: Limits | None = None) -> str:
    """Return the file's text with the BOM removed and line endings made ``\\n``.

    With ``limits``, a file larger than ``MAX_FILE_KB`` is refused before it is read.
    """
    raw = read_bytes(path, shown_as, limits)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise SourceError(
            Problem(
                shown_as,
                line,
                "file",
                "this file is not saved as UTF-8 text, so some letters cannot be read",
                "open it in your text editor and save it again with the encoding 'UTF-8'",
            )
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Never follow a link, never wait on a pipe: O_NONBLOCK makes opening a FIFO
# return at once (it is then refused as not a regular file).
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def read_bytes(path: Path, shown_as: str, limits: Limits | None = None) -> bytes:
    """The bytes of a regular file, or a :class:`SourceError` that says why it cannot be read."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise SourceError(_open_problem(err, path, shown_as)) from None
    with os.fdopen(descriptor, "rb") as file:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError(not_a_file_problem(shown_as, mode))
        if limits is None:
            return file.read()
        most = limits.MAX_FILE_KB * 1024
        data = file.read(most + 1)  # bounded, even if the file grows while it is read
        if len(data) > most:
            size = max(os.fstat(descriptor).st_size, len(data))
            raise SourceError(
                Problem(
                    shown_as,
                    1,
                    "file",
                    f"this file is {-(-size // 1024)} KB; {limits.most('MAX_FILE_KB', ' KB')}",
                    "split it into several files, or remove what does not belong in it (such as pasted data)",
                )
            )
        return data


def _open_problem(err: OSError, path: Path, shown_as: str) -> Problem:
    if err.errno == errno.ELOOP or path.is_symlink():
        return link_problem(shown_as, 1)
    if isinstance(err, PermissionError):
        return Problem(
            shown_as,
            1,
            "file",
            "this file cannot be read: you do not have permission to read it",
            f"give yourself permission to read it (chmod u+r {shown_as}), or ask whoever manages this computer",
        )
    if isinstance(err, FileNotFoundError):
        return Problem(shown_as, 1, "file", "this file disappeared while it was being read", "run the command again")
    return Problem(
        shown_as,
        1,
        "file",
        f"this file cannot be read ({err.strerror or err})",
        "check that it is an ordinary file you can open in your text editor, or delete it",
    )


def link_problem(shown_as: str, line: int) -> Problem:
    """A symbolic link in content/: it could publish a file from outside the site, so it is refused."""
    return Problem(
        shown_as,
        line,
        "file",
        "this is a link to another file or folder (a symbolic link); links are refused because they "
        "could publish something from outside the site",
        "replace the link with a copy of what it points to, or delete it",
    )


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISDIR, "a folder"),
)


def not_a_file_problem(shown_as: str, mode: int) -> Problem:
    """A pipe, a socket or a device in content/: never opened, since reading it could wait forever."""
    kind = next((name for test, name in _SPECIAL_KINDS if test(mode)), "a special file")
    return Problem(
        shown_as,
        1,
        "file",
        f"this is not an ordinary file but {kind}, so it cannot be read",
        "delete it: content/ holds only text files and images",
    )


def split_front_matter(text: str, shown_as: str) -> tuple[str, int, str, int]:
    """Split ``---`` fenced YAML from the body.

    Returns (yaml text, its first line, body, the body's first line).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise SourceError(
            Problem(
                shown_as,
                1,
                "front matter",
                "the file does not start with its fields between two '---' lines",
                "put a line with three dashes (---) at the very top, then the fields "
                "(title: …, date: …), then another line with three dashes",
            )
        )
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in (FENCE, "..."):
            yaml_text = "\n".join(lines[1 : number - 1])
            body = "\n".join(lines[number:])
            return yaml_text, 2, body, number + 1
    raise SourceError(
        Problem(
            shown_as,
            1,
            "front matter",
            "the fields at the top are never closed",
            "add a line with three dashes (---) after the last field, before the text",
        )
    )


# libyaml's C parser when PyYAML has it (it does on the usual wheels): the
# front matter of every file is parsed on every build.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """YAML with fewer surprises for writers.

    Booleans are only true/false (YAML 1.2), so ``lang: no`` stays text; dates
    stay text too, so that the schema reads them and can explain a date that
    does not exist (PyYAML would crash on 2026-02-30).
    """

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        # A number longer than any real one is text: Python would refuse to
        # read (or later to print) an integer of thousands of digits.
        if len(node.value) > _LONGEST_NUMBER:
            return node.value
        return super().construct_yaml_int(node)


_LONGEST_NUMBER = 40
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


_SURPRISING_TAGS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _SURPRISING_TAGS]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def parse_yaml(
    yaml_text: str, first_line: int, shown_as: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, dict[Location, int], list[Problem]]:
    """Parse YAML, returning (data, line of every key and item, duplicate-key problems)."""
    data, lines, duplicates, _scalars = _parse(yaml_text, first_line, shown_as, limits)
    return data, lines, duplicates


def _parse(
    yaml_text: str, first_line: int, shown_as: str, limits: Limits
) -> tuple[Any, dict[Location, int], list[Problem], tuple[ScalarSpan, ...]]:
    """Parse YAML once: the data, the line of every key and item, keys written twice, and where each value is."""
    loader = _Loader(yaml_text)
    try:
        composer = _Composer(loader, first_line, shown_as, limits)
        node = composer.compose()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        raise SourceError(
            Problem(
                shown_as,
                line,
                "front matter",
                f"this line could not be read ({err.problem or 'invalid YAML'})",
                _yaml_fix(str(err.problem or "")),
            )
        ) from None
    except yaml.YAMLError as err:  # pragma: no cover - unmarked errors are rare
        raise SourceError(Problem(shown_as, first_line, "front matter", str(err), "")) from None
    finally:
        loader.dispose()
    return data, composer.lines, composer.duplicates, _scalar_spans(node)


def _scalar_spans(root: yaml.Node | None) -> tuple[ScalarSpan, ...]:
    """Every value (not key) of the tree, in document order, without recursion."""
    spans: list[ScalarSpan] = []
    stack: list[tuple[yaml.Node, Location]] = [(root, ())] if root is not None else []
    while stack:
        node, location = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            start, end = node.start_mark, node.end_mark
            spans.append(ScalarSpan(location, start.index, end.index, node.style, start.line, end.line))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed([(value, (*location, key.value)) for key, value in node.value]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([(item, (*location, index)) for index, item in enumerate(node.value)]))
    return tuple(spans)


def _yaml_fix(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs (your editor may insert a tab when you press the Tab key)"
    return (
        "check that each field is written 'name: value' and put values that "
        "contain a colon, a '#' or start with a quote or '[' in double quotes"
    )


# Explicit tags a writer may use: '!!str' keeps a value as text (title: !!str 1984).
# Others build values the schemas do not expect (!!binary, !!set) or crash
# PyYAML (!!timestamp 2026-02-30, !!bool maybe).
_ALLOWED_TAGS = (None, "!", "tag:yaml.org,2002:str")


@dataclass
class _Open:
    """A list or group of fields being read, with where it sits in the data."""

    node: yaml.CollectionNode
    location: Location
    key: yaml.Node | None = None  # a group's key waiting for its value
    last: Any = None  # the index or key of the latest item
    seen: set[str] = field(default_factory=set)

    def child_location(self) -> Location:
        return (*self.location, self.last)


class _Composer:
    """Builds the YAML node tree from the parser's events, without recursion.

    Refuses, before building anything from them, what no writer needs and
    what makes reading slow or unbounded: anchors and aliases, nesting deeper
    than ``MAX_FIELD_DEPTH``, more than ``MAX_VALUES`` values in all, unusual
    tags.  Notes the line of every key and item, and keys written twice.
    """

    def __init__(self, loader: _Loader, first_line: int, shown_as: str, limits: Limits) -> None:
        self.loader = loader
        self.first_line = first_line
        self.shown_as = shown_as
        self.limits = limits
        self.lines: dict[Location, int] = {}
        self.duplicates: list[Problem] = []
        self.values = 0  # each field's value and each list item, at any depth

    def compose(self) -> yaml.Node | None:
        root: yaml.Node | None = None
        documents = 0
        stack: list[_Open] = []
        while self.loader.check_event():
            event = self.loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._refuse(
                        event, "a second block of fields starts here", "remove this '---' line and what follows"
                    )
            elif isinstance(event, yaml.AliasEvent):
                self._refuse(
                    event,
                    f"'*{event.anchor}' repeats another value (a YAML alias), which Relais files do not use",
                    "write the value out in full",
                )
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop().node.end_mark = event.end_mark
            elif isinstance(event, yaml.NodeEvent):
                node = self._node(event, len(stack))
                if stack:
                    self._attach(stack[-1], node)
                else:
                    root = node
                if isinstance(node, yaml.CollectionNode):
                    location = stack[-1].child_location() if stack else ()
                    stack.append(_Open(node, location))
        return root

    def _node(self, event: yaml.NodeEvent, depth: int) -> yaml.Node:
        if event.anchor is not None:
            self._refuse(
                event,
                f"'&{event.anchor}' marks a value to repeat elsewhere (a YAML anchor), which Relais files do not use",
                f"remove '&{event.anchor}' and write each value out in full",
            )
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self._refuse(event, f"'{shown}' is a YAML tag, which Relais files do not use", f"remove '{shown}'")
        if isinstance(event, yaml.ScalarEvent):
            if tag in (None, "!"):
                tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        if depth + 1 > self.limits.MAX_FIELD_DEPTH:
            self._refuse(
                event,
                f"the fields here are nested too deeply; {self.limits.most('MAX_FIELD_DEPTH', ' levels')}",
                "write fewer fields inside fields (see the writer's guide in README.md for each field)",
            )
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        if tag in (None, "!"):
            tag = self.loader.resolve(kind, None, event.implicit)
        return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)

    def _attach(self, parent: _Open, node: yaml.Node) -> None:
        """Put ``node`` in its list or group, noting its line (the key's line in a group)."""
        collection = parent.node
        if isinstance(collection, yaml.SequenceNode):
            parent.last = len(collection.value)
            collection.value.append(node)
            line_node = node
        elif parent.key is None:
            if not isinstance(node, yaml.ScalarNode):
                self._refuse(node, "a field's name must be a word", "write the field as 'name: value'")
            parent.key = node
            return
        else:
            key_node, parent.key = parent.key, None
            key = key_node.value
            if key in parent.seen:
                self.duplicates.append(
                    Problem(
                        self.shown_as,
                        self.first_line + key_node.start_mark.line,
                        str(key),
                        "this field is written twice",
                        "keep only one of the two lines",
                    )
                )
            parent.seen.add(key)
            parent.last = key
            collection.value.append((key_node, node))
            line_node = key_node
        self.lines[parent.child_location()] = self.first_line + line_node.start_mark.line
        self.values += 1
        if self.values > self.limits.MAX_VALUES:
            self._refuse(
                node,
                "the fields of this file hold too many values (fields and list items) by this line; "
                + self.limits.most("MAX_VALUES", " values"),
                "remove what was pasted or generated by mistake",
            )

    def _refuse(self, at: yaml.Event | yaml.Node, what: str, fix: str) -> NoReturn:
        """The whole front matter is refused: nothing read from it could be trusted."""
        raise SourceError(Problem(self.shown_as, self.first_line + at.start_mark.line, "front matter", what, fix))


def read_front_matter(path: Path, shown_as: str, limits: Limits = DEFAULT_LIMITS) -> tuple[FrontMatter, list[Problem]]:
    """Read a Markdown file with YAML front matter."""
    text = read_text(path, shown_as, limits)
    yaml_text, first_line, body, body_line = split_front_matter(text, shown_as)
    data, lines, duplicates, scalars = _parse(yaml_text, first_line, shown_as, limits)
    mapping = _as_mapping(data, first_line, shown_as)
    front = FrontMatter(mapping, lines, first_line, body, body_line, text_digest(text), yaml_text, text, scalars)
    return front, duplicates


def read_yaml_file(path: Path, shown_as: str, limits: Limits = DEFAULT_LIMITS) -> tuple[FrontMatter, list[Problem]]:
    """Read a plain YAML file (such as an author) as if it were all front matter."""
    text = read_text(path, shown_as, limits)
    data, lines, duplicates, scalars = _parse(text, 1, shown_as, limits)
    mapping = _as_mapping(data, 1, shown_as)
    front = FrontMatter(mapping, lines, 1, digest=text_digest(text), yaml_text=text, text=text, scalars=scalars)
    return front, duplicates


def _as_mapping(data: Any, line: int, shown_as: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(
            Problem(
                shown_as,
                line,
                "front matter",
                "the fields should be written one per line as 'name: value'",
                "write for example 'title: My title' on its own line",
            )
        )
    return {str(key): value for key, value in data.items()}
