from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import DEMO_TODAY, ROOT, publish


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content built once, for real, into a temporary folder."""
    output = tmp_path_factory.mktemp("demo") / "output"
    result = publish("build", "--output", str(output), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    from tests.helpers import copy_minimal

    return copy_minimal(tmp_path)


@pytest.fixture()
def project_root() -> Path:
    return ROOT
