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

from .i18n import N_, _
from .limits import DEFAULT_LIMITS, Limits
from .problems import Problem, Severity
from .yaml_forgiving import Repairs, curly_quoted, error_explained, repairable, unclosed_curly_quote

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
                _("file"),
                _("this file is not saved as UTF-8 text, so some letters cannot be read"),
                _("open it in your text editor and save it again with the encoding 'UTF-8'"),
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
                    _("file"),
                    _("this file is {size} KB; {most}").format(
                        size=-(-size // 1024), most=limits.most("MAX_FILE_KB", " KB")
                    ),
                    _("split it into several files, or remove what does not belong in it (such as pasted data)"),
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
            _("file"),
            _("this file cannot be read: you do not have permission to read it"),
            _("give yourself permission to read it (chmod u+r {file}), or ask whoever manages this computer").format(
                file=shown_as
            ),
        )
    if isinstance(err, FileNotFoundError):
        return Problem(
            shown_as, 1, _("file"), _("this file disappeared while it was being read"), _("run the command again")
        )
    return Problem(
        shown_as,
        1,
        _("file"),
        _("this file cannot be read ({reason})").format(reason=err.strerror or err),
        _("check that it is an ordinary file you can open in your text editor, or delete it"),
    )


def link_problem(shown_as: str, line: int) -> Problem:
    """A symbolic link in content/: it could publish a file from outside the site, so it is refused."""
    return Problem(
        shown_as,
        line,
        _("file"),
        _(
            "this is a link to another file or folder (a symbolic link); links are refused because they "
            "could publish something from outside the site"
        ),
        _("replace the link with a copy of what it points to, or delete it"),
    )


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, N_("a named pipe")),
    (stat.S_ISSOCK, N_("a socket")),
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
    (stat.S_ISDIR, N_("a folder")),
)


def not_a_file_problem(shown_as: str, mode: int) -> Problem:
    """A pipe, a socket or a device in content/: never opened, since reading it could wait forever."""
    kind = next((name for test, name in _SPECIAL_KINDS if test(mode)), N_("a special file"))
    return Problem(
        shown_as,
        1,
        _("file"),
        _("this is not an ordinary file but {kind}, so it cannot be read").format(kind=_(kind)),
        _("delete it: content/ holds only text files and images"),
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
                _("front matter"),
                _("the file does not start with its fields between two '---' lines"),
                _(
                    "put a line with three dashes (---) at the very top, then the fields "
                    "(title: …, date: …), then another line with three dashes"
                ),
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
            _("front matter"),
            _("the fields at the top are never closed"),
            _("add a line with three dashes (---) after the last field, before the text"),
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


_INVISIBLE_BREAKS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})


def parse_yaml(
    yaml_text: str, first_line: int, shown_as: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, dict[Location, int], list[Problem]]:
    """Parse YAML, returning (data, line of every key and item, duplicate-key problems)."""
    data, lines, duplicates, _scalars = _parse(yaml_text, first_line, shown_as, limits)
    return data, lines, duplicates


def _parse(
    yaml_text: str, first_line: int, shown_as: str, limits: Limits
) -> tuple[Any, dict[Location, int], list[Problem], tuple[ScalarSpan, ...]]:
    """Parse YAML once: the data, the line of every key and item, problems, and where each value is.

    A line YAML cannot read only because a one-line value holds text such as
    ' : ' or starts with '@' is read as that text (see :mod:`.yaml_forgiving`):
    the parse is tried again with that value quoted, in memory only.
    """
    # YAML also breaks lines at these (pasted from web pages, invisible): a space is what the writer saw,
    # and the rows of YAML's marks then stay the file's lines.
    yaml_text = yaml_text.translate(_INVISIBLE_BREAKS)
    repairs = Repairs(yaml_text)
    while True:
        try:
            return _parse_once(repairs, first_line, shown_as, limits)
        except yaml.MarkedYAMLError as err:
            if not any(repairs.quote_value(row) for row in repairable(err)):
                row, what, fix = error_explained(err, yaml_text)
                raise SourceError(Problem(shown_as, first_line + row, _("front matter"), what, fix)) from None
        except yaml.reader.ReaderError as err:  # a character YAML refuses anywhere
            row = yaml_text.count("\n", 0, max(0, err.position))
            raise SourceError(
                Problem(
                    shown_as,
                    first_line + row,
                    _("front matter"),
                    _("this line holds a character the fields cannot have (U+{code:04X}, often invisible)").format(
                        code=err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or " ")
                    ),
                    _("delete the line and type it again"),
                )
            ) from None
        except yaml.YAMLError:  # pragma: no cover - unmarked errors are rare
            raise SourceError(
                Problem(
                    shown_as,
                    first_line,
                    _("front matter"),
                    _("the fields cannot be read"),
                    _("check that each field is written 'name: value' on its own line"),
                )
            ) from None


def _parse_once(
    repairs: Repairs, first_line: int, shown_as: str, limits: Limits
) -> tuple[Any, dict[Location, int], list[Problem], tuple[ScalarSpan, ...]]:
    loader = _Loader(repairs.text)
    try:
        composer = _Composer(loader, first_line, shown_as, limits, repairs)
        node = composer.compose()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, composer.lines, composer.problems, _scalar_spans(node, repairs, composer.unquoted)


def _scalar_spans(root: yaml.Node | None, repairs: Repairs, unquoted: set[int]) -> tuple[ScalarSpan, ...]:
    """Every value (not key) of the tree, in document order, without recursion; positions in the file as written."""
    spans: list[ScalarSpan] = []
    stack: list[tuple[yaml.Node, Location]] = [(root, ())] if root is not None else []
    while stack:
        node, location = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            begin, finish = node.start_mark, node.end_mark
            start, end, quoted_for_writer = repairs.original_span(begin.index, finish.index, begin.line)
            style = None if quoted_for_writer else node.style
            if id(node) in unquoted:
                start, end = start + 1, end - 1  # the typographic quotes are not part of the text
            spans.append(ScalarSpan(location, start, end, style, begin.line, finish.line))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed([(value, (*location, key.value)) for key, value in node.value]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([(item, (*location, index)) for index, item in enumerate(node.value)]))
    return tuple(spans)


# Explicit tags a writer may use: '!!str' keeps a value as text (title: !!str 1984).
# Others build values the schemas do not expect (!!binary, !!set) or crash
# PyYAML (!!timestamp 2026-02-30, !!bool maybe).
_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = (None, "!", _STR)


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

    def __init__(self, loader: _Loader, first_line: int, shown_as: str, limits: Limits, repairs: Repairs) -> None:
        self.loader = loader
        self.repairs = repairs
        self.first_line = first_line
        self.shown_as = shown_as
        self.limits = limits
        self.lines: dict[Location, int] = {}
        self.problems: list[Problem] = []  # keys written twice, typographic quotes
        self.unquoted: set[int] = set()  # ids of values whose typographic quotes were taken off
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
                        event, _("a second block of fields starts here"), _("remove this '---' line and what follows")
                    )
            elif isinstance(event, yaml.AliasEvent):
                self._refuse(
                    event,
                    _("'*{name}' repeats another value (a YAML alias), which Relais files do not use").format(
                        name=event.anchor
                    ),
                    _("write the value out in full; if the '*' is part of your text, put the value in double quotes"),
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
                _("'&{name}' marks a value to repeat elsewhere (a YAML anchor), which Relais files do not use").format(
                    name=event.anchor
                ),
                _(
                    "remove '&{name}' and write each value out in full; if the '&' is part of your text, "
                    "put the value in double quotes"
                ).format(name=event.anchor),
            )
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self._refuse(
                event,
                _("'{tag}' is a YAML tag, which Relais files do not use").format(tag=shown),
                _("remove '{tag}', or put the whole value in double quotes").format(tag=shown),
            )
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, tag)
        if depth + 1 > self.limits.MAX_FIELD_DEPTH:
            self._refuse(
                event,
                _("the fields here are nested too deeply; {most}").format(
                    most=self.limits.most("MAX_FIELD_DEPTH", " levels")
                ),
                _("write fewer fields inside fields (see the writer's guide in README.md for each field)"),
            )
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        if tag in (None, "!"):
            tag = self.loader.resolve(kind, None, event.implicit)
        return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)

    def _scalar(self, event: yaml.ScalarEvent, tag: str | None) -> yaml.ScalarNode:
        value = event.value
        # libyaml says '' for a plain value; a value quoted by yaml_forgiving was plain as written.
        plain = not event.style or self.repairs.quoted_at(event.start_mark.line, event.start_mark.column)
        if plain and tag in (None, "!") and curly_quoted(value):
            # “Mon titre” typed on a phone: the writer meant quotes, so the value is the text inside.
            node = yaml.ScalarNode(_STR, value[1:-1], event.start_mark, event.end_mark, style=None)
            self.unquoted.add(id(node))
            return node
        if plain and unclosed_curly_quote(value):
            self.problems.append(
                Problem(
                    self.shown_as,
                    self.first_line + event.start_mark.line,
                    _("front matter"),
                    _("this value starts with a typographic quote “ that is never closed"),
                    _('to quote the value, use straight quotes on both sides: "like this"'),
                    Severity.WARNING,
                )
            )
        if tag in (None, "!"):
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
        return yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, style=event.style)

    def _attach(self, parent: _Open, node: yaml.Node) -> None:
        """Put ``node`` in its list or group, noting its line (the key's line in a group)."""
        collection = parent.node
        if isinstance(collection, yaml.SequenceNode):
            parent.last = len(collection.value)
            collection.value.append(node)
            line_node = node
        elif parent.key is None:
            if not isinstance(node, yaml.ScalarNode):
                self._refuse(node, _("a field's name must be a word"), _("write the field as 'name: value'"))
            parent.key = node
            return
        else:
            key_node, parent.key = parent.key, None
            key = key_node.value
            if key in parent.seen:
                self.problems.append(
                    Problem(
                        self.shown_as,
                        self.first_line + key_node.start_mark.line,
                        str(key),
                        _("this field is written twice"),
                        _("keep only one of the two lines"),
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
                _("the fields of this file hold too many values (fields and list items) by this line; {most}").format(
                    most=self.limits.most("MAX_VALUES", " values")
                ),
                _("remove what was pasted or generated by mistake"),
            )

    def _refuse(self, at: yaml.Event | yaml.Node, what: str, fix: str) -> NoReturn:
        """The whole front matter is refused: nothing read from it could be trusted."""
        raise SourceError(Problem(self.shown_as, self.first_line + at.start_mark.line, _("front matter"), what, fix))


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
                _("front matter"),
                _("the fields should be written one per line as 'name: value'"),
                _("write for example 'title: My title' on its own line"),
            )
        )
    return {str(key): value for key, value in data.items()}
