"""Reading Pelican's settings file for a Relais command."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from pelican.settings import read_settings

from . import i18n
from .i18n import _
from .problems import Problem
from .settings import line_of_setting


class _NoLocaleWarning(logging.Filter):
    """Pelican warns, in English, when the computer lacks the writer's locale (fr_CA.UTF-8 on a fresh machine).

    Relais writes dates with Babel, never with the process's locale, so the
    warning would only be noise in a French writer's messages.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Locale could not be set")


logging.getLogger("pelican.settings").addFilter(_NoLocaleWarning())


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
    i18n.use_site_default(settings.get("DEFAULT_LANG"))  # messages' language, unless RELAIS_LANG or the locale chose
    return settings


def site_plugins(settings: dict[str, Any]) -> tuple[list[ModuleType], list[Problem]]:
    """Import the plugins the settings name; a plugin that fails is an error.

    Pelican only logs a plugin it cannot import and builds without it, which
    would silently drop a feature (or a check).  PLUGIN_PATHS go on sys.path
    first, so plugins may import each other whatever their order in PLUGINS;
    Pelican then finds them already imported under the same names.
    """
    for path in reversed(settings.get("PLUGIN_PATHS") or []):
        if path not in sys.path:
            sys.path.insert(0, path)
    settings_file = settings.get("SETTINGS_FILE", "pelicanconf.py")
    modules: list[ModuleType] = []
    problems: list[Problem] = []
    for plugin in settings.get("PLUGINS") or []:
        if isinstance(plugin, ModuleType):
            modules.append(plugin)
            continue
        try:
            modules.append(importlib.import_module(str(plugin)))
        except Exception as err:  # noqa: BLE001 - any import failure must be reported, not swallowed
            problems.append(
                Problem(
                    settings_file,
                    line_of_setting(settings_file, "PLUGINS"),
                    "PLUGINS",
                    _("the plugin '{plugin}' could not be loaded ({error})").format(
                        plugin=plugin, error=f"{type(err).__name__}: {err}"
                    ),
                    _("check its name and that plugins/{plugin}/ exists and imports without error").format(
                        plugin=plugin
                    ),
                )
            )
    return modules, problems
