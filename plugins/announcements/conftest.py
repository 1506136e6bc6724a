"""Fixtures for the announcements tests: the demo site, checked and built for real."""

from __future__ import annotations

import datetime as dt

import pytest

from relais.build import BuildOptions, check
from relais.site import Site
from tests.conftest import content, demo_site
from tests.helpers import DEMO_TODAY, ROOT

__all__ = ["content", "demo", "demo_site"]  # the project's own fixtures, shared with these tests


@pytest.fixture(scope="session")
def demo() -> Site:
    """The demo content, loaded and checked as `publish.py check --today 2026-11-22` does."""
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", today=dt.date.fromisoformat(DEMO_TODAY)))
    assert result.site is not None and not result.problems.failed(strict=True), [p.format() for p in result.problems]
    return result.site
