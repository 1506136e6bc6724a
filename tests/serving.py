"""A real ``publish.py serve`` for tests: a process on a free port, its terminal, HTTP requests to it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tests.helpers import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(condition: Callable[[], Any], seconds: float = 60, every: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(every)
    return False


class RunningCommand:
    """``publish.py ARGS`` in the background; every line it prints is kept in ``lines``, without its newline."""

    def __init__(self, args: Sequence[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
        full_env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
        full_env.update(env or {})
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "publish.py"), *args],
            cwd=cwd,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)


class RunningPreview(RunningCommand):
    """``publish.py serve ARGS --port PORT`` in the background; everything it prints is kept in ``lines``."""

    def __init__(self, *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        super().__init__(["serve", *args, "--port", str(self.port)], cwd=cwd, env=env)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
        request = urllib.request.Request(self.origin + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def state(self) -> dict[str, Any]:
        """What the live script is told first: the current build's version and the last failure's messages."""
        with urllib.request.urlopen(self.origin + "/__relais__/events", timeout=10) as response:
            for raw in response:
                line = raw.decode().rstrip("\n")
                if line.startswith("data: "):
                    return json.loads(line[len("data: ") :])
        raise AssertionError("the event stream ended without an event")

    def wait_until_built(self, count: int, seconds: float = 90) -> None:
        """Until ``count`` builds have replaced the site (in this preview's terminal)."""
        assert wait_for(lambda: self.output.count("\nBuilt ") >= count, seconds), self.output

    def wait_for_line(self, text: str, seconds: float = 90) -> None:
        assert wait_for(lambda: text in self.output, seconds), f"never printed {text!r}:\n{self.output}"

    def stop(self, how: int = signal.SIGINT) -> int:
        if self.process.poll() is None:
            self.process.send_signal(how)
        try:
            return self.process.wait(timeout=20)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._reader.join(timeout=5)

    def __enter__(self) -> RunningPreview:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class Hello:
    """The fixture's post ``hello.md``, saved again with another body or date."""

    def __init__(self, content: Path) -> None:
        self.path = content / "posts/hello.md"
        self.original = self.path.read_text()

    def save(self, body: str = "First post body.", date: str = "date: 2026-01-10") -> None:
        self.path.write_text(self.original.replace("First post body.", body).replace("date: 2026-01-10", date))


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2] != "Z"
