"""Running a command as a whole process tree: wall time, CPU time and peak memory.

Each command runs in its own process group (its own session), so that everything it
starts (Relais' build under ``serve``, Pelican's reload process, Pagefind, future
worker processes) can be measured, and stopped, together.

- Wall time: from just before the process is started until it is reaped.
- CPU time: user + system time of the process and of every descendant it waited for,
  as ``os.wait4`` reports it.
- Peak memory: the larger of
  - the kernel's ``ru_maxrss`` from ``os.wait4``: the largest resident size reached by
    any single process of the tree (exact, but not a sum);
  - the largest total of the group's proportional set sizes (PSS, shared pages divided
    between the processes sharing them), sampled every ``SAMPLE_EVERY`` seconds: this
    catches several processes alive at once, which a single ``ru_maxrss`` misses.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_EVERY = 0.1  # seconds; one scan of /proc costs about 2 ms
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Usage:
    wall: float  # seconds
    cpu: float  # seconds, user + system, the whole tree
    largest_process: int  # bytes: ru_maxrss
    sampled_tree: int  # bytes: the largest sampled total PSS of the group

    @property
    def memory(self) -> int:
        return max(self.largest_process, self.sampled_tree)


class CommandFailed(Exception):
    """A command exited with an error or ran past its time limit; the message says which and where its log is."""


class Tracked:
    """A command started in its own process group, its memory sampled until it is reaped."""

    def __init__(self, command: Sequence[str], cwd: Path, log: Path, what: str) -> None:
        self.command = list(command)
        self.cwd = cwd
        self.log = log
        self.what = what
        self._sampler = _GroupSampler()
        self._started = 0.0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> Tracked:
        env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
        self._started = time.perf_counter()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=self.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._sampler.start(self.process.pid)
        return self

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait(self, timeout: float) -> Usage:
        """Wait for the command to end; kill its group and raise when it takes longer than ``timeout``."""
        timed_out = threading.Event()

        def give_up() -> None:
            timed_out.set()
            self._signal(signal.SIGKILL)

        timer = threading.Timer(timeout, give_up)
        timer.start()
        try:
            usage, code = self._reap()
        finally:
            timer.cancel()
        if timed_out.is_set():
            raise CommandFailed(f"{self.what} took more than {timeout:.0f} s and was stopped (log: {self.log})")
        if code != 0:
            raise CommandFailed(f"{self.what} failed with exit code {code}:\n{self.tail()}\n(full log: {self.log})")
        return usage

    def stop(self, grace: float = 20.0) -> Usage:
        """Stop a server as a person would (Ctrl+C), then insist; return what it used over its whole life."""
        self._signal(signal.SIGINT)
        escalate = [
            threading.Timer(grace, self._signal, [signal.SIGTERM]),
            threading.Timer(2 * grace, self._signal, [signal.SIGKILL]),
        ]
        for timer in escalate:
            timer.start()
        try:
            usage, _code = self._reap()
        finally:
            for timer in escalate:
                timer.cancel()
        return usage

    def tail(self, lines: int = 15) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join("    " + line for line in text.splitlines()[-lines:])

    def _reap(self) -> tuple[Usage, int]:
        assert self.process is not None
        if self.process.returncode is not None:  # already reaped by poll(): no usage left to read
            raise CommandFailed(f"{self.what} ended early (exit code {self.process.returncode}):\n{self.tail()}")
        _pid, status, rusage = os.wait4(self.process.pid, 0)
        wall = time.perf_counter() - self._started
        self.process.returncode = code = os.waitstatus_to_exitcode(status)
        sampled = self._sampler.stop()
        usage = Usage(
            wall=wall,
            cpu=rusage.ru_utime + rusage.ru_stime,
            largest_process=rusage.ru_maxrss * 1024,  # Linux reports kibibytes
            sampled_tree=sampled,
        )
        return usage, code

    def _signal(self, number: int) -> None:
        # The group is this command's own (start_new_session): nothing else is in it.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, number)


def run(command: Sequence[str], cwd: Path, log: Path, what: str, timeout: float) -> Usage:
    """Run a command to its end and measure it."""
    return Tracked(command, cwd, log, what).start().wait(timeout)


def group_cpu_ticks(group: int) -> int:
    """CPU ticks used so far by the live processes of a group and the children they reaped."""
    # utime, stime, cutime and cstime are fields 14 to 17 of stat.
    return sum(int(value) for _pid, fields in _group_stats(group) for value in fields[11:15])


def wait_until_idle(group: int, quiet: float = 0.5, timeout: float = 60.0) -> bool:
    """Wait until the group uses (almost) no CPU for ``quiet`` seconds: a server that finished its work."""
    deadline = time.monotonic() + timeout
    before = group_cpu_ticks(group)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = group_cpu_ticks(group)
        if now - before <= max(1, int(quiet * TICKS * 0.05)):
            return True
        before = now
    return False


@dataclass(frozen=True)
class MachineClock:
    """CPU time the whole machine and this benchmark (with its reaped children) had used at one moment."""

    wall: float
    machine_busy: float  # seconds of CPU, all cores, all processes
    own: float

    @classmethod
    def now(cls) -> MachineClock:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(value) for value in fields[:8])
        own = sum(
            usage.ru_utime + usage.ru_stime
            for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
        )
        return cls(time.monotonic(), (user + nice + system + irq + softirq + steal) / TICKS, own)

    def others_since(self, start: MachineClock) -> float:
        """The share of the machine's CPU (0 to 1) that other processes used between ``start`` and this moment."""
        capacity = (self.wall - start.wall) * (os.cpu_count() or 1)
        others = (self.machine_busy - start.machine_busy) - (self.own - start.own)
        return max(0.0, others / capacity) if capacity > 0 else 0.0


class _GroupSampler:
    """Samples the total PSS of a process group in a background thread."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.peak = 0

    def start(self, group: int) -> None:
        self._thread = threading.Thread(target=self._loop, args=(group,), daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        return self.peak

    def _loop(self, group: int) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _group_memory(group))
            self._stop.wait(SAMPLE_EVERY)


def _group_stats(group: int) -> list[tuple[str, list[str]]]:
    """Each process of the group: its id and its ``/proc/PID/stat`` fields from the third (the state) on."""
    stats = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            raw = Path(entry.path, "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        fields = raw[raw.rfind(")") + 2 :].split()
        if int(fields[2]) == group:  # field 5 of stat, the process group
            stats.append((entry.name, fields))
    return stats


def _group_memory(group: int) -> int:
    return sum(_pss(pid) for pid, _fields in _group_stats(group))


def _pss(pid: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:  # no smaps_rollup (old kernels): resident pages, shared ones counted in full
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0
