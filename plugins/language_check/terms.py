"""The term list (``terms.yml``), loaded and turned into whole-word patterns.

Matching ignores case and accents by comparing a *folded* copy of the text,
made one character for one character so that every position found in it is
the same position in the writer's file.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

TERMS_FILE = Path(__file__).with_name("terms.yml")
# The ways inclusive French is written: prostitué·e, prostitué.e, prostitué-e…
_INCLUSIVE_DOTS = "·.•∙⋅‧-"


class TermEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str
    words: list[str] = Field(min_length=1)
    suggest: str
    why: str
    match_case: bool = False


@dataclass(frozen=True)
class Term:
    lang: str
    suggest: str
    why: str
    pattern: re.Pattern[str]
    match_case: bool


def fold(text: str) -> str:
    """Lower case without accents, one character for one character (``Prostituée`` → ``prostituee``)."""
    return "".join(_fold_char(char) for char in text)


@functools.cache
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    lower = base.lower()
    return lower if len(lower) == 1 else base


def word_pattern(words: list[str], match_case: bool) -> re.Pattern[str]:
    """Any of the words, whole, longest first; spaces in a phrase match any run of spaces."""
    forms = sorted({word if match_case else fold(word) for word in words}, key=len, reverse=True)
    alternatives = []
    for form in forms:
        escaped = re.escape(form).replace(r"\ ", r"\s+").replace("·", f"[{re.escape(_INCLUSIVE_DOTS)}]")
        alternatives.append(escaped)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


def compile_terms(entries: list[TermEntry]) -> tuple[Term, ...]:
    return tuple(
        Term(entry.lang, entry.suggest, entry.why, word_pattern(entry.words, entry.match_case), entry.match_case)
        for entry in entries
    )


@functools.cache
def load_terms(path: Path = TERMS_FILE) -> tuple[Term, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return compile_terms([TermEntry.model_validate(item) for item in raw])
