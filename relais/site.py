"""Everything one build knows: settings, clock and the validated content.

Created once by ``publish.py`` (or by the languages plugin when Pelican is run
directly) and shared with every plugin through ``settings["RELAIS"]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .clock import Clock, build_clock
from .content import ContentIndex, load_content
from .content_types import CORE_TYPES, ContentType
from .problems import Problems
from .settings import SiteConfig, site_config

SETTINGS_KEY = "RELAIS"
# Set when publish.py has already loaded and checked the site for this run.
FROM_CLI_KEY = "RELAIS_FROM_CLI"


@dataclass
class Site:
    settings_file: str
    content_dir: Path
    config: SiteConfig
    clock: Clock
    index: ContentIndex
    problems: Problems


def content_types(plugins: Iterable[ModuleType]) -> tuple[ContentType, ...]:
    """Core types plus those plugins declare in a ``CONTENT_TYPES`` tuple."""
    extra = [content_type for plugin in plugins for content_type in getattr(plugin, "CONTENT_TYPES", ())]
    return (*CORE_TYPES, *extra)


def load_site(
    settings: dict[str, Any],
    settings_file: str,
    plugins: Iterable[ModuleType] = (),
    today: dt.date | None = None,
) -> tuple[Site | None, Problems]:
    """Check the settings, then every content file; all problems are returned."""
    config, setting_problems = site_config(settings, settings_file)
    problems = Problems(setting_problems)
    if config is None:
        return None, problems
    clock = build_clock(config.zone, today)
    content_dir = Path(settings["PATH"])
    index = load_content(content_dir, config, clock, content_types(plugins))
    problems.extend(index.problems)
    return Site(settings_file, content_dir, config, clock, index, problems), problems
