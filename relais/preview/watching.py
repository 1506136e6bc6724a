"""Which saved files the preview follows, and what each needs: a new build, or a new process.

- the content and the theme are read afresh by every build: a change there
  needs a new build;
- Relais' own code, the plugins, the settings file (and the Python files
  beside it, which it may import) and the never-publish list are loaded
  once by the preview: a change there needs the preview to restart.

The output folder, the build's temporary folders and its cache are never
followed, wherever they are, so a build never sets off the next one.
Editors' temporary and backup files are left out (watchfiles' defaults).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..cache import CACHE_FOLDER
from ..swap import BUILD_PREFIX

# Changes closer together than this are one save (an editor writing a temporary file, then renaming it).
QUIET_MILLISECONDS = 50
# Files in code folders that no build runs.
_NOT_BUILD_CODE = ("test_*.py", "conftest.py")


@dataclass(frozen=True)
class WatchPlan:
    rebuild: tuple[str, ...]  # folders: content, theme
    restart: tuple[str, ...]  # folders: Relais, the plugins
    settings_folder: str  # its Python files: the settings and what they import
    files: tuple[str, ...]  # single files: the never-publish list
    output: str  # the output folder: never followed

    @classmethod
    def from_settings(cls, settings: dict[str, Any], settings_file: Path, never_publish: Path) -> WatchPlan:
        relais = Path(__file__).resolve().parents[1]
        return cls(
            rebuild=_resolved([settings["PATH"], settings["THEME"]]),
            restart=_resolved([relais, *(settings.get("PLUGIN_PATHS") or [])]),
            settings_folder=str(settings_file.resolve().parent),
            files=_resolved([never_publish]),
            output=str(Path(settings["OUTPUT_PATH"]).resolve()),
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WatchPlan:
        return cls(**{name: value if isinstance(value, str) else tuple(value) for name, value in data.items()})

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def needs(self, path: str) -> str | None:
        """``"build"``, ``"restart"`` or None (not followed) for a changed path."""
        changed = Path(path)
        if any(part.startswith(BUILD_PREFIX) or part == CACHE_FOLDER for part in changed.parts):
            return None
        if _within(changed, self.output):
            return None
        if path in self.files or (str(changed.parent) == self.settings_folder and changed.suffix == ".py"):
            return "restart"
        if any(_within(changed, folder) for folder in self.restart):
            return None if any(changed.match(pattern) for pattern in _NOT_BUILD_CODE) else "restart"
        if any(_within(changed, folder) for folder in self.rebuild):
            return "build"
        return None


@dataclass(frozen=True)
class Batch:
    """Files saved since the last look, and whether any of them needs a restart."""

    paths: tuple[str, ...]
    restart: bool


class Watcher:
    """Follows the plan's folders and files in background threads; :meth:`wait` hands over what changed."""

    def __init__(self, plan: WatchPlan) -> None:
        self.plan = plan
        self._changed: dict[str, str] = {}
        self._condition = threading.Condition()
        self._stop = threading.Event()

    def start(self) -> None:
        folders = [folder for folder in (*self.plan.rebuild, *self.plan.restart) if Path(folder).is_dir()]
        beside = {self.plan.settings_folder, *(str(Path(file).parent) for file in self.plan.files)}
        parents = sorted(folder for folder in beside if Path(folder).is_dir())
        for paths, recursive in ((folders, True), (parents, False)):
            if paths:
                thread = threading.Thread(target=self._follow, args=(paths, recursive), name="watcher", daemon=True)
                thread.start()

    def stop(self) -> None:
        self._stop.set()

    def wait(self) -> Batch:
        """What changed since the last call, waiting for a change if nothing did."""
        with self._condition:
            while not self._changed:
                self._condition.wait()
            changed, self._changed = self._changed, {}
        return Batch(tuple(sorted(changed)), "restart" in changed.values())

    def _follow(self, paths: list[str], recursive: bool) -> None:
        from watchfiles import DefaultFilter, watch

        default = DefaultFilter()
        polling: bool | None = None  # watchfiles decides; polling when the system cannot tell us
        while not self._stop.is_set():
            try:
                for changes in watch(
                    *paths,
                    watch_filter=lambda change, path: default(change, path) and self.plan.needs(path) is not None,
                    step=QUIET_MILLISECONDS,
                    recursive=recursive,
                    stop_event=self._stop,
                    raise_interrupt=False,
                    force_polling=polling,
                ):
                    self._take(path for _change, path in changes)
                return
            except Exception as err:  # noqa: BLE001 - the system's limits (watches, permissions): say so, go on
                if polling:
                    print(
                        f"The preview no longer sees saved files ({err}) — stop it and start it again.",
                        file=sys.stderr,
                    )
                    return
                print(f"Looking for saved files every few moments instead ({err}).", file=sys.stderr)
                polling = True

    def _take(self, paths: Iterable[str]) -> None:
        with self._condition:
            for path in paths:
                need = self.plan.needs(path)
                if need is not None and self._changed.get(path) != "restart":
                    self._changed[path] = need
            if self._changed:
                self._condition.notify_all()


def _resolved(paths: Iterable[str | Path]) -> tuple[str, ...]:
    return tuple(str(Path(path).resolve()) for path in paths)


def _within(path: Path, folder: str) -> bool:
    return path.is_relative_to(folder)
