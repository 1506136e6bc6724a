"""What the command line prints: problems, progress and the build summary.

Kept apart from the logic (Lektor's reporter idea) so that the pipeline can
be tested by its results, not by scraping text.

Everything ``publish.py`` prints goes through :func:`redact_output` first:
any string of the never-publish list, however it is written, is replaced
by ``«[private: line N of …]»``.  Messages already avoid private strings;
this is the last safety net (a path, a title or a value quoted by a message).
"""

from __future__ import annotations

import html
import logging
import re
import sys
import threading
from collections import Counter
from typing import Any, TextIO
from urllib.parse import unquote

from .folding import fold, fold_with_positions
from .i18n import _
from .private_list import NeverPublishList, Rule
from .problems import Problems

TYPE_NAMES = {"post": "posts", "page": "pages", "bad_dates": "bad date editions"}


def print_problems(problems: Problems, strict: bool = False, stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr  # looked up now: it may be the redacting stream
    for problem in problems.sorted():
        print(problem.format(), file=stream)
    errors, warnings = len(problems.errors), len(problems.warnings)
    if errors or warnings:
        counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        note = " (--strict: warnings count as errors)" if strict and warnings else ""
        if strict and problems.held:
            note = _(" (--strict: warnings count as errors, except those of files that are not published)")
        print(f"{counts}{note}.", file=stream)


def summary(counts: Counter[tuple[str, str]], output: str, seconds: float) -> str:
    by_type: dict[str, list[str]] = {}
    for (type_name, lang), count in sorted(counts.items()):
        by_type.setdefault(type_name, []).append(f"{lang} {count}")
    parts = "; ".join(f"{TYPE_NAMES.get(name, name + 's')}: {', '.join(langs)}" for name, langs in by_type.items())
    return f"Built {output}/ in {seconds:.1f} s — {parts or 'nothing published yet'}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class ProgressHandler(logging.Handler):
    """Shows progress lines from the ``relais.progress`` logger."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(logging.INFO)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        print(record.getMessage(), file=self.stream or sys.stderr, flush=True)


def show_progress(enabled: bool = True) -> None:
    logger = logging.getLogger("relais.progress")
    logger.setLevel(logging.INFO if enabled else logging.WARNING)
    logger.propagate = False
    if enabled and not any(isinstance(handler, ProgressHandler) for handler in logger.handlers):
        logger.addHandler(ProgressHandler())
    # Pelican's own INFO lines ("Done: Processed…") would repeat per language.
    logging.getLogger("pelican").setLevel(logging.WARNING)


# A string hidden by markup, entities or %-escapes in a printed line: read the line as a reader would.
_TAGS = re.compile(r"<[^<>]*>|\[/?[A-Za-z*]{1,10}(?:=[^\]\n]*)?\]")


def private_marker(rule: Rule, never: NeverPublishList) -> str:
    return f"«[private: line {rule.line} of {never.shown_as}]»"


def redact(text: str, never: NeverPublishList) -> str:
    """The text with every spelling of a listed string replaced by a marker naming its rule."""
    if not never.rules or not text or (not never.found_in(fold(text)) and not _hidden_rules(text, never)):
        return text
    folded, positions = fold_with_positions(text)
    spans: list[tuple[int, int, Rule]] = []
    for rule in never.rules:
        for key in rule.keys:
            start = folded.find(key)
            while start >= 0:
                spans.append((positions[start], positions[start + len(key) - 1] + 1, rule))
                start = folded.find(key, start + 1)
    redacted = _replace_spans(text, spans, never)
    # What is still found is hidden by markup or escapes: such lines go whole.
    lines = redacted.split("\n")
    for index, line in enumerate(lines):
        hidden = _hidden_rules(line, never)
        if hidden:
            lines[index] = " ".join(private_marker(rule, never) for rule in hidden)
    return "\n".join(lines)


def _hidden_rules(text: str, never: NeverPublishList) -> list[Rule]:
    read = unquote(html.unescape(_TAGS.sub("", html.unescape(text))))
    return never.found_in(fold(read))


def _replace_spans(text: str, spans: list[tuple[int, int, Rule]], never: NeverPublishList) -> str:
    if not spans:
        return text
    spans.sort(key=lambda span: (span[0], -span[1]))
    parts: list[str] = []
    cursor = 0
    for start, end, rule in spans:
        if start < cursor:  # overlaps the previous one: already hidden, hide its end too
            cursor = max(cursor, end)
            continue
        parts.append(text[cursor:start])
        parts.append(private_marker(rule, never))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


class RedactingStream:
    """A text stream that writes whole lines, each redacted, to the stream it wraps."""

    def __init__(self, inner: TextIO, never: NeverPublishList) -> None:
        self.inner = inner
        self.never = never
        self._pending = ""
        self._lock = threading.Lock()

    def write(self, text: str) -> int:
        with self._lock:
            self._pending += text
            if "\n" in self._pending:
                complete, _newline, self._pending = self._pending.rpartition("\n")
                self.inner.write(redact(complete + "\n", self.never))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def finish(self) -> None:
        """Write out a last line that has no line break."""
        with self._lock:
            pending, self._pending = self._pending, ""
        if pending:
            self.inner.write(redact(pending, self.never))
        self.inner.flush()

    def __getattr__(self, name: str) -> Any:  # encoding, isatty, fileno… of the real stream
        return getattr(self.inner, name)


def redact_output(never: NeverPublishList) -> None:
    """From now on, every line printed on standard output and error is redacted."""
    for name in ("stdout", "stderr"):
        current = getattr(sys, name)
        inner = current.inner if isinstance(current, RedactingStream) else current
        setattr(sys, name, RedactingStream(inner, never))


def finish_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, RedactingStream):
            stream.finish()
