"""Fixtures and helpers for the bad date list's tests: editions as staff write them, checked and built for real."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from relais.build import BuildOptions, BuildResult, build, check
from tests.conftest import content, demo_site
from tests.helpers import ROOT

__all__ = ["content", "demo_site"]  # the project's own fixtures, shared with these tests

TODAY = "2026-11-22"
REPORT: dict[str, Any] = {
    "id": "2026-11-r1",
    "date": "2026-11-03",
    "time_of_day": "night",
    "area": "East end, near the port",
    "place_type": "car",
    "types": ["physical-assault", "robbery"],
    "aggressor": {"description": "Tall man in his forties, short grey beard.", "age": "about 45"},
    "vehicle": {"make": "Ford", "colour": "dark blue", "plate": "GXT 4", "province": "QC"},
    "contact_used": ["514-555-0168"],
    "what_happened": "He refused to pay and hit the worker.",
    "advice": "Do not get into his truck.",
    "reported_on": "2026-11-05",
}


def report(**changes: Any) -> dict[str, Any]:
    """The example report with some fields changed (None removes one)."""
    value = copy.deepcopy(REPORT)
    for key, new in changes.items():
        if new is None:
            value.pop(key, None)
        else:
            value[key] = new
    return value


def edition_text(month: str, lang: str, reports: list[dict[str, Any]], **fields: Any) -> str:
    """An edition file as the importer writes it: the fields, then ``reports:`` last."""
    front = {"edition": month, "lang": lang, "status": "published", **fields, "reports": reports}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100000) + "---\n"


def write_edition(content_dir: Path, month: str, lang: str, reports: list[dict[str, Any]], **fields: Any) -> Path:
    path = content_dir / "bad-dates" / lang / f"{month}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(edition_text(month, lang, reports, **fields), encoding="utf-8")
    return path


def both_languages(content_dir: Path, month: str, reports: list[dict[str, Any]], **fields: Any) -> None:
    for lang in ("en", "fr"):
        write_edition(content_dir, month, lang, reports, **fields)


def checked(content_dir: Path, today: str = TODAY) -> list[str]:
    """Every problem ``publish.py check`` would print for this content, formatted (in-process, the real pipeline)."""
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content_dir, today=_day(today)))
    return [problem.format() for problem in result.problems.sorted()]


def built(folder: Path, content_dir: Path, today: str = TODAY) -> BuildResult:
    return build(
        BuildOptions(
            settings_file=ROOT / "pelicanconf.py", content_dir=content_dir, output_dir=folder / "out", today=_day(today)
        )
    )


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture()
def edition_content(content: Path) -> Path:
    """The minimal site plus this month's edition in both languages."""
    both_languages(content, "2026-11", [report()])
    return content
