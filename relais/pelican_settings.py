"""Reading Pelican's settings file for a Relais command."""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType
from typing import Any

from pelican.plugins._utils import load_plugins
from pelican.settings import read_settings


def read_site_settings(
    settings_file: Path, content_dir: Path | None = None, output_dir: Path | None = None
) -> dict[str, Any]:
    override: dict[str, Any] = {}
    if content_dir is not None:
        override["PATH"] = str(content_dir.resolve())
    if output_dir is not None:
        override["OUTPUT_PATH"] = str(output_dir.resolve())
    settings = read_settings(str(settings_file), override=override)
    settings["SETTINGS_FILE"] = str(settings_file)
    return settings


def site_plugins(settings: dict[str, Any]) -> list[ModuleType]:
    """The plugins the settings name, imported (Pelican's own loader)."""
    logging.getLogger("pelican.plugins._utils").setLevel(logging.CRITICAL)
    return load_plugins(settings)
