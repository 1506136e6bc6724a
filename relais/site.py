"""Everything one build knows: settings, clock and the validated content.

Created once by ``publish.py`` (or by the languages plugin when Pelican is run
directly) and shared with every plugin through ``settings["RELAIS"]``.

Plugins extend the pipeline by declaring, in their module:

- ``CONTENT_TYPES``: more :class:`~relais.content_types.ContentType` objects;
- ``SOURCE_CHECKS``: functions ``(site) -> Iterable[Problem]`` run by
  ``publish.py check`` and before every build, over the sources;
- ``OUTPUT_CHECKS``: functions ``(site, built_file) -> Iterable[Problem]``
  run on every file Pelican has written, before the new site replaces the
  output folder, so a problem found there leaves the previous site in place
  (see :mod:`relais.built`: each file is read and parsed once for all checks);
- ``SNIPPETS``: functions ``(site) -> list`` of forum snippets (objects with
  ``slug``, ``lang``, ``format``, ``file_name`` and ``text``), printed by
  ``publish.py snippets`` without building.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .built import check_built_site
from .cache import Cache, cache_folder
from .clock import Clock, build_clock
from .collisions import output_collisions
from .content import ContentIndex, hold_unpublished, load_content
from .content_types import CORE_TYPES, ContentType
from .entry_checks import entry_problems
from .i18n import _
from .intake.key_scan import private_key_problems
from .problems import Problem, Problems, Severity
from .rendering import convert_bodies
from .settings import SiteConfig, site_config

SETTINGS_KEY = "RELAIS"
# Set when publish.py has already loaded and checked the site for this run.
FROM_CLI_KEY = "RELAIS_FROM_CLI"
log = logging.getLogger(__name__)


@dataclass
class Site:
    settings_file: str
    content_dir: Path
    config: SiteConfig
    clock: Clock
    index: ContentIndex
    problems: Problems
    settings: dict[str, Any] = field(default_factory=dict)
    plugins: tuple[ModuleType, ...] = ()
    # What earlier builds computed and this one may reuse (see relais.cache).
    cache: Cache = field(default_factory=lambda: Cache(None))
    # Results computed once per build and shared by hooks (see ``once``).
    computed: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` the first time ``key`` is asked for in this build, the same value after."""
        if key not in self.computed:
            self.computed[key] = compute()
        return self.computed[key]

    def hooks(self, name: str) -> list[Callable[..., Iterable[Problem]]]:
        return plugin_hooks(self.plugins, name)

    def report(self, problem: Problem) -> None:
        """A problem found while rendering; it fails the build when it is an error.

        Under plain ``pelican`` nobody reads ``problems`` afterwards, so errors
        are also logged, which Pelican counts.
        """
        self.problems.add(problem)
        if not self.settings.get(FROM_CLI_KEY):
            (log.error if problem.severity is Severity.ERROR else log.warning)(problem.format())


def plugin_hooks(plugins: Iterable[ModuleType], name: str) -> list[Any]:
    return [hook for plugin in plugins for hook in getattr(plugin, name, ())]


def content_types(plugins: Iterable[ModuleType]) -> tuple[ContentType, ...]:
    """Core types plus those plugins declare in a ``CONTENT_TYPES`` tuple."""
    return (*CORE_TYPES, *plugin_hooks(plugins, "CONTENT_TYPES"))


def load_site(
    settings: dict[str, Any],
    settings_file: str,
    plugins: Iterable[ModuleType] = (),
    today: dt.date | None = None,
    preview: bool = False,
) -> tuple[Site | None, Problems]:
    """Check the settings, then every content file; all problems are returned."""
    plugins = tuple(plugins)
    config, setting_problems = site_config(settings, settings_file)
    problems = Problems(setting_problems)
    if config is None:
        return None, problems
    clock = build_clock(config.zone, today)
    content_dir = Path(settings["PATH"])
    index = load_content(content_dir, config, clock, content_types(plugins), settings=settings, preview=preview)
    problems.extend(index.problems)
    cache = Cache(cache_folder(Path(settings["OUTPUT_PATH"]))) if settings.get("OUTPUT_PATH") else Cache(None)
    site = Site(settings_file, content_dir, config, clock, index, problems, settings, plugins, cache)
    problems.extend(output_collisions(site))
    problems.extend(private_key_problems(settings_file))  # whatever the plugins: a key here is one commit from public
    convert_bodies(site)
    unconditional: list[Problem] = []
    for source_check in site.hooks("SOURCE_CHECKS"):
        found = _guarded(source_check, site)
        (unconditional if getattr(source_check, WHATEVER_THE_STATUS, False) else problems).extend(found)
    problems.extend(_guarded(entry_problems, site))
    problems.replace_all(hold_unpublished(problems, index))  # unpublished files never stop the site
    problems.extend(unconditional)
    problems.limit_per_file()
    return site, problems


WHATEVER_THE_STATUS = "relais_whatever_the_status"


def whatever_the_status(check: Callable[[Site], Iterable[Problem]]) -> Callable[[Site], Iterable[Problem]]:
    """Mark a source check whose errors stop the build even in files that are not published.

    The problems of drafts and posts waiting for review are otherwise held
    back as warnings; a string of the never-publish list in a draft must
    still stop everything (the repository itself must not keep it).
    """
    setattr(check, WHATEVER_THE_STATUS, True)
    return check


def run_output_checks(site: Site, output_dir: Path, hashes: Mapping[str, str] | None = None) -> None:
    site.problems.extend(check_built_site(site.hooks("OUTPUT_CHECKS"), site, output_dir, hashes))


def _guarded(source_check: Callable[[Site], Iterable[Problem]], site: Site) -> list[Problem]:
    """A check's problems; if it crashes, one error naming it, and the other checks still run."""
    found: list[Problem] = []
    try:
        found.extend(source_check(site))
    except Exception as err:  # noqa: BLE001 - never a traceback; nothing is published while a check fails
        plugin = source_check.__module__.split(".")[0]
        found.append(
            Problem(
                f"plugins/{plugin}",
                0,
                "",
                _("the check {check} stopped on an unexpected error ({error})").format(
                    check=source_check.__name__, error=f"{type(err).__name__}: {err}"
                ),
                _(
                    "nothing can be published until it runs: "
                    "report this message to whoever looks after your site's Relais"
                ),
            )
        )
    return found
