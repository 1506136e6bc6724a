"""Feeds need the public address: a missing one is reported on the settings line."""

from __future__ import annotations

from pathlib import Path

from relais.build import BuildOptions, check
from tests.helpers import ROOT, copy_minimal


def test_missing_public_address_is_reported_on_its_setting(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    settings = tmp_path / "conf.py"
    settings.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        "SITEURL = ''\n"
        "FEED_DOMAIN = ''\n",
        encoding="utf-8",
    )
    result = check(BuildOptions(settings_file=settings, content_dir=content))
    (problem,) = result.problems.errors
    assert (problem.file, problem.line, problem.field) == (str(settings), 7, "FEED_DOMAIN")
    assert "public address" in problem.what and "https://" in problem.fix
