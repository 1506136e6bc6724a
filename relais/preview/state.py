"""What the open pages are told: which build of the site they show, and why the last build failed.

The HTTP threads that stream events to the pages wait on a :class:`LiveState`;
the preview's main loop changes it after each build.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    """The state at one moment; a page compares ``version`` with the one it was served with."""

    version: str  # the session and the number of builds that replaced the site
    attempt: int  # builds finished, good or not: tells one failure from the next
    problems: tuple[str, ...] = ()  # the last build's messages when it failed, already redacted
    count: str = ""  # and its count line: "1 error, 0 warnings."

    def as_json(self) -> str:
        return json.dumps(
            {"version": self.version, "attempt": self.attempt, "problems": list(self.problems), "count": self.count}
        )


class LiveState:
    """The latest :class:`Snapshot`, with a way to wait for the next one."""

    def __init__(self, session: str, builds: int = 0) -> None:
        self.session = session
        self._builds = builds
        self._current = Snapshot(self._version(), 0)
        self._changed = threading.Condition()
        self._closed = False

    @property
    def builds(self) -> int:
        return self._builds

    def current(self) -> Snapshot:
        with self._changed:
            return self._current

    def built(self) -> None:
        """A build replaced the site: every page should reload."""
        with self._changed:
            self._builds += 1
            self._publish(Snapshot(self._version(), self._current.attempt + 1))

    def failed(self, problems: list[str], count: str) -> None:
        """A build failed: the site stays as it was, the pages show why."""
        with self._changed:
            self._publish(Snapshot(self._version(), self._current.attempt + 1, tuple(problems), count))

    def wait_after(self, seen: Snapshot | None, timeout: float) -> Snapshot | None:
        """The snapshot once it differs from ``seen`` (or after ``timeout``); None when the preview stops."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._current != seen, timeout)
            return None if self._closed else self._current

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def _version(self) -> str:
        return f"{self.session}.{self._builds}"

    def _publish(self, snapshot: Snapshot) -> None:
        self._current = snapshot
        self._changed.notify_all()
