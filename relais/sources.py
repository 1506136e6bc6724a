"""Reading source files: UTF-8 text, front matter, YAML with line numbers.

Writers use many editors, so we accept a UTF-8 byte-order mark and Windows
line endings, and we turn anything else into a plain-words problem that
names the file and line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

FENCE = "---"
Location = tuple[Any, ...]


@dataclass(frozen=True)
class FrontMatter:
    """The fields at the top of a file and the Markdown body after them."""

    data: dict[str, Any]
    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1
    body: str = ""
    body_line: int = 1
    digest: str = ""  # of the file's text: what caches of checks on this file are keyed by

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


def read_text(path: Path, shown_as: str) -> str:
    """Return the file's text with the BOM removed and line endings made ``\\n``."""
    raw = path.read_bytes()
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


def parse_yaml(yaml_text: str, first_line: int, shown_as: str) -> tuple[Any, dict[Location, int], list[Problem]]:
    """Parse YAML, returning (data, line of every key and item, duplicate-key problems)."""
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
        data = _Loader(yaml_text).construct_document(node) if node is not None else None
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
    recorder = _LineRecorder(first_line, shown_as)
    if node is not None:
        recorder.walk(node)
    return data, recorder.lines, recorder.duplicates


def _yaml_fix(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs (your editor may insert a tab when you press the Tab key)"
    return (
        "check that each field is written 'name: value' and put values that "
        "contain a colon, a '#' or start with a quote or '[' in double quotes"
    )


class _LineRecorder:
    """Walks the YAML node tree noting each key's and item's line, and keys written twice."""

    def __init__(self, first_line: int, shown_as: str) -> None:
        self.first_line = first_line
        self.shown_as = shown_as
        self.lines: dict[Location, int] = {}
        self.duplicates: list[Problem] = []

    def walk(self, node: yaml.Node, location: Location = ()) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, value_node in node.value:
                key = key_node.value
                line = self.first_line + key_node.start_mark.line
                if key in seen:
                    self.duplicates.append(
                        Problem(
                            self.shown_as,
                            line,
                            str(key),
                            "this field is written twice",
                            "keep only one of the two lines",
                        )
                    )
                seen.add(key)
                self.lines[(*location, key)] = line
                self.walk(value_node, (*location, key))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.lines[(*location, index)] = self.first_line + item.start_mark.line
                self.walk(item, (*location, index))


def read_front_matter(path: Path, shown_as: str) -> tuple[FrontMatter, list[Problem]]:
    """Read a Markdown file with YAML front matter."""
    text = read_text(path, shown_as)
    yaml_text, first_line, body, body_line = split_front_matter(text, shown_as)
    data, lines, duplicates = parse_yaml(yaml_text, first_line, shown_as)
    mapping = _as_mapping(data, first_line, shown_as)
    return FrontMatter(mapping, lines, first_line, body, body_line, text_digest(text)), duplicates


def read_yaml_file(path: Path, shown_as: str) -> tuple[FrontMatter, list[Problem]]:
    """Read a plain YAML file (such as an author) as if it were all front matter."""
    text = read_text(path, shown_as)
    data, lines, duplicates = parse_yaml(text, 1, shown_as)
    return FrontMatter(_as_mapping(data, 1, shown_as), lines, 1, digest=text_digest(text)), duplicates


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
