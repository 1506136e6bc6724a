"""The builder: a process that runs each of the preview's builds in a fresh fork of itself.

The preview imports Relais, Pelican and the plugins once.  Then, before it
starts any thread, it forks the builder, which keeps those imports warm and
waits for orders.  For each build, the builder forks again: the build runs in
that child, from the same clean state as ``publish.py build`` in a new
process, but without paying for the imports.  A build that crashes takes
only its child down; the builder reports it and waits for the next order.

Forking only from the builder, which has a single thread, is what makes this
safe: a fork copies only the thread that calls it, so a process whose other
threads hold locks (the HTTP server's, the file watcher's) must not fork.

After each build, the builder imports the libraries that build needed and
it did not have yet (a PDF's WeasyPrint, for instance), so the next build
finds them loaded too.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import dataclasses
import io
import os
import pickle
import shutil
import signal
import socket
import struct
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..build import BuildOptions, build, exception_problem
from ..pelican_settings import site_plugins
from ..problems import Problem, Problems
from ..report import finish_output, print_problems, summary
from ..swap import BUILD_PREFIX

_LENGTH = struct.Struct("!Q")
_ORDER = b"b"
_PR_SET_CHILD_SUBREAPER = 36  # from <linux/prctl.h>
# Where the libraries live: only modules from there are imported ahead of time.
_LIBRARY_ROOTS = tuple(
    {str(Path(path).resolve()) for path in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
)


@dataclass(frozen=True)
class BuildOutcome:
    """What the preview needs from one build: did it replace the site, and what to tell the writer."""

    built: bool
    lines: tuple[str, ...]  # the problems as publish.py prints them, with the count line
    summary: str = ""  # "Built output/ in 0.4 s — …" when it built
    seconds: float = 0.0
    imported: tuple[str, ...] = ()  # library modules the build imported


class BuilderStopped(Exception):
    """The builder process is gone (killed from outside): the preview restarts."""


class Builder:
    """The parent's handle on the builder process."""

    def __init__(self, options: BuildOptions, settings: dict[str, Any], output_shown: str) -> None:
        if threading.active_count() > 1:
            raise RuntimeError("the builder must be forked before any thread starts (see relais.preview.builder)")
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            ours.close()
            code = 1
            try:
                _BuilderProcess(theirs, options, settings, output_shown).run()
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        self._channel = ours
        self._pid = pid

    def build(self) -> BuildOutcome:
        """Run one build and wait for its outcome."""
        try:
            self._channel.sendall(_ORDER)
            return pickle.loads(_receive(self._channel))  # from our own child
        except (OSError, EOFError, pickle.UnpicklingError) as err:
            raise BuilderStopped(str(err)) from None

    def close(self) -> None:
        """Stop the builder, and the build it is running if any (its temporary folder is removed)."""
        if not self._pid:
            return
        self._channel.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            done, _status = os.waitpid(self._pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.02)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
        self._pid = 0


class _BuilderProcess:
    """The builder's side: wait for an order, build in a child, answer, import what the build needed."""

    def __init__(self, channel: socket.socket, options: BuildOptions, settings: dict[str, Any], shown: str) -> None:
        self.channel = channel
        self.options = options
        self.output = Path(settings["OUTPUT_PATH"])
        self.shown = shown
        self.child = 0
        self.folders_before: set[Path] = set()
        # Ctrl+C reaches every process of the terminal's group: the preview stops the builder itself.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _adopt_orphans()
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGHUP, self._stop)  # a closed terminal: stop the build, leave nothing behind
        site_plugins(settings)  # import the plugins once, for every build

    def run(self) -> None:
        while self.channel.recv(1) == _ORDER:
            outcome = self._build()
            _send(self.channel, pickle.dumps(outcome))
            _import_libraries(outcome.imported)

    def _build(self) -> BuildOutcome:
        reading, writing = os.pipe()
        self.folders_before = _build_folders(self.output.parent)
        self.child = os.fork()
        if self.child == 0:
            os.close(reading)
            _build_in_child(writing, self.options, self.shown)
        os.close(writing)
        with os.fdopen(reading, "rb") as pipe:
            data = pipe.read()
        _pid, status = os.waitpid(self.child, 0)
        self.child = 0
        outcome = _outcome_from(data)
        self._clear_up(finished=outcome is not None)
        if outcome is not None:
            return outcome
        code = os.waitstatus_to_exitcode(status)
        return _failed(
            Problem(
                "build",
                0,
                "",
                f"the build stopped before it finished (its process ended with code {code})",
                "save again to build again; if it happens again, run publish.py build to see why",
            ),
            self.options.strict,
        )

    def _clear_up(self, finished: bool) -> None:
        """Stop what a build left running (a crashed build's language runs, workers); remove its folder if it failed."""
        for pid in descendants(os.getpid()):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            while True:
                os.waitpid(-1, 0)
        if not finished:
            for folder in _build_folders(self.output.parent) - self.folders_before:
                shutil.rmtree(folder, ignore_errors=True)

    def _stop(self, _signal: int, _frame: object) -> None:
        if self.child:
            self._clear_up(finished=False)
        os._exit(0)


def _build_in_child(pipe: int, options: BuildOptions, shown: str) -> None:
    """The child: one build, as a new process would run it; its outcome goes up the pipe."""
    code = 1
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # and its workers: the builder stops them
        before = set(sys.modules)
        outcome = _one_build(options, shown)
        imported = tuple(sorted(name for name in set(sys.modules) - before if _is_library(sys.modules.get(name))))
        with os.fdopen(pipe, "wb") as out:
            out.write(pickle.dumps(dataclasses.replace(outcome, imported=imported)))
        code = 0
    finally:
        finish_output()
        os._exit(code)


def _one_build(options: BuildOptions, shown: str) -> BuildOutcome:
    started = time.monotonic()
    try:
        result = build(options)
    except Exception as err:  # noqa: BLE001 - whatever stops a build is reported, never a traceback
        return _failed(exception_problem(err), options.strict)
    except SystemExit as err:  # a plugin that calls sys.exit() stops the build, not the preview
        return _failed(exception_problem(RuntimeError(f"a plugin asked to exit ({err.code})")), options.strict)
    lines = tuple(problem_lines(result.problems, options.strict))
    seconds = time.monotonic() - started
    if not result.built:
        return BuildOutcome(False, lines, seconds=seconds)
    return BuildOutcome(True, lines, summary(result.counts, shown, seconds), seconds)


def problem_lines(problems: Problems, strict: bool) -> list[str]:
    """The lines ``publish.py`` prints for these problems, count line included."""
    text = io.StringIO()
    print_problems(problems, strict, text)
    return text.getvalue().splitlines()


def _outcome_from(data: bytes) -> BuildOutcome | None:
    """What the child sent, or None when it stopped before sending all of it."""
    try:
        outcome = pickle.loads(data)  # from our own child
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    return outcome if isinstance(outcome, BuildOutcome) else None


def _failed(problem: Problem, strict: bool) -> BuildOutcome:
    return BuildOutcome(False, tuple(problem_lines(Problems([problem]), strict)))


def _is_library(module: object) -> bool:
    origin = getattr(module, "__file__", None) or ""
    return bool(origin) and str(Path(origin).resolve()).startswith(_LIBRARY_ROOTS)


def _import_libraries(names: tuple[str, ...]) -> None:
    for name in names:
        with contextlib.suppress(Exception):
            __import__(name)


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (a build's language runs and workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                stat = (entry / "stat").read_text()
                parent = int(stat[stat.rfind(")") + 2 :].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
    found, waiting = [], [pid]
    while waiting:
        below = children.get(waiting.pop(), [])
        found.extend(below)
        waiting.extend(below)
    return found


def _adopt_orphans() -> None:
    """Become the parent of what a crashed build leaves running, so it can be stopped (Linux; elsewhere, nothing)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _build_folders(parent: Path) -> set[Path]:
    return {folder for folder in parent.glob(BUILD_PREFIX + "*") if folder.is_dir()}


def _send(channel: socket.socket, data: bytes) -> None:
    channel.sendall(_LENGTH.pack(len(data)) + data)


def _receive(channel: socket.socket) -> bytes:
    (length,) = _LENGTH.unpack(_read_exactly(channel, _LENGTH.size))
    return _read_exactly(channel, length)


def _read_exactly(channel: socket.socket, size: int) -> bytes:
    chunks, missing = [], size
    while missing:
        chunk = channel.recv(min(missing, 1 << 20))
        if not chunk:
            raise EOFError("the builder closed its end")
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)
