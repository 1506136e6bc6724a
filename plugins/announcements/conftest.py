"""Fixtures for the announcements tests: the demo site, checked and built for real."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relais.build import BuildOptions, check
from relais.site import Site
from tests.helpers import DEMO_TODAY, ROOT, copy_minimal, publish


@pytest.fixture(scope="session")
def demo() -> Site:
    """The demo content, loaded and checked as `publish.py check --today 2026-11-22` does."""
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", today=dt.date.fromisoformat(DEMO_TODAY)))
    assert result.site is not None and not result.problems.failed(strict=True), [p.format() for p in result.problems]
    return result.site


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("announcements-demo") / "output"
    result = publish("build", "--output", str(output), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    """A small valid content folder the test may break."""
    return copy_minimal(tmp_path)
