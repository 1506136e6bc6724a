"""What the command line prints: problems, progress and the build summary.

Kept apart from the logic (Lektor's reporter idea) so that the pipeline can
be tested by its results, not by scraping text.
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from typing import TextIO

from .problems import Problems

TYPE_NAMES = {"post": "posts", "page": "pages"}


def print_problems(problems: Problems, strict: bool = False, stream: TextIO = sys.stderr) -> None:
    for problem in problems.sorted():
        print(problem.format(), file=stream)
    errors, warnings = len(problems.errors), len(problems.warnings)
    if errors or warnings:
        counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        note = " (--strict: warnings count as errors)" if strict and warnings else ""
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

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        super().__init__(logging.INFO)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        print(record.getMessage(), file=self.stream, flush=True)


def show_progress(enabled: bool = True) -> None:
    logger = logging.getLogger("relais.progress")
    logger.setLevel(logging.INFO if enabled else logging.WARNING)
    logger.propagate = False
    if enabled and not any(isinstance(handler, ProgressHandler) for handler in logger.handlers):
        logger.addHandler(ProgressHandler())
    # Pelican's own INFO lines ("Done: Processed…") would repeat per language.
    logging.getLogger("pelican").setLevel(logging.WARNING)
