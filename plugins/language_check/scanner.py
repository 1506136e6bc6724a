"""Finding the listed terms in a text, leaving quotations and silenced words alone.

A :class:`Document` is a text with the regions to check in it (a paragraph
of a body, a value of the front matter), each with the language it is
written in, and the spans to skip (comments, block quotes, web addresses).
Within a region, anything between quotation marks — straight or curly
double quotes, « guillemets » — is a quotation and is skipped too.

A *marker* lets one occurrence through on purpose: it silences the first
finding of its regions that starts at or after the marker's position (in a
body, only if no other word stands between the marker and the finding).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .terms import Term, fold

# Opening quotation mark → the marks that close it.
_QUOTES = {
    '"': '"',
    "“": "”",
    "„": "“”",
    "«": "»",
    "‹": "›",
}

Span = tuple[int, int]


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class Marker:
    position: int  # it silences a finding that starts here or later…
    regions: tuple[int, ...]  # …in one of these regions (their indexes)…
    line: int
    column: int
    adjacent: bool = False  # …and, if set, with no letter or digit in between


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    matched: str
    term: Term


@dataclass
class Document:
    text: str
    regions: list[Region] = field(default_factory=list)
    skipped: list[Span] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    findings: list[Finding]
    unused_markers: list[Marker]


def scan(document: Document, terms: Iterable[Term]) -> Result:
    terms = tuple(terms)
    folded = fold(document.text)
    skipped = _merge([*document.skipped, *(q for r in document.regions for q in quotations(document.text, r))])
    per_region = [
        [f for f in _region_findings(document.text, folded, region, terms) if not _inside(f, skipped)]
        for region in document.regions
    ]
    unused: list[Marker] = []
    silenced: set[Finding] = set()
    for marker in sorted(document.markers, key=lambda m: m.position):
        candidates = sorted((f for i in marker.regions for f in per_region[i]), key=lambda f: f.start)
        target = next((f for f in candidates if f.start >= marker.position and f not in silenced), None)
        if target is not None and marker.adjacent and _has_words(document.text[marker.position : target.start]):
            target = None
        if target is None:
            unused.append(marker)
        else:
            silenced.add(target)
    findings = [f for region in per_region for f in region if f not in silenced]
    return Result(sorted(findings, key=lambda f: f.start), unused)


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _region_findings(text: str, folded: str, region: Region, terms: tuple[Term, ...]) -> list[Finding]:
    """Non-overlapping findings, longest first; the region's own language wins a tie."""
    candidates: list[Finding] = []
    for term in terms:
        source = text if term.match_case else folded
        for match in term.pattern.finditer(source, region.start, region.end):
            candidates.append(Finding(match.start(), match.end(), text[match.start() : match.end()], term))
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start), f.term.lang != region.lang))
    kept: list[Finding] = []
    for candidate in candidates:
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def quotations(text: str, region: Region) -> Iterator[Span]:
    """Spans between matching quotation marks (outermost only); an unclosed mark quotes nothing."""
    expected: list[tuple[str, int]] = []  # (closing marks, where the quotation opened)
    for position in range(region.start, region.end):
        char = text[position]
        if expected and char in expected[-1][0]:
            _closers, opened = expected.pop()
            if not expected:
                yield (opened, position + 1)
        elif char in _QUOTES:
            expected.append((_QUOTES[char], position))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(finding: Finding, spans: list[Span]) -> bool:
    index = bisect.bisect_right(spans, (finding.start, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= finding.start and finding.end <= spans[index][1]


def line_and_column(text: str, offset: int, first_line: int = 1) -> tuple[int, int]:
    """1-based line (counted from ``first_line``) and column of an offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return first_line + text.count("\n", 0, offset), offset - line_start + 1
