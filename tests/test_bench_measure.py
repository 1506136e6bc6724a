"""The benchmark's measuring (bench/measure.py): times, memory of a whole process tree, no hang."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.measure import CommandFailed, Tracked, run
from tests.helpers import ROOT

HOLD = "import time; block = bytearray({size}); block[::4096] = b'x' * len(block[::4096]); time.sleep({seconds})"


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_command_is_timed_with_its_memory(tmp_path: Path) -> None:
    usage = run(python(HOLD.format(size=80_000_000, seconds=0.5)), tmp_path, tmp_path / "log", "holder", 30)
    assert 0.5 <= usage.wall < 10
    assert usage.cpu < usage.wall
    assert usage.largest_process >= 80_000_000 and usage.memory >= 80_000_000


def test_processes_alive_at_once_are_added_up(tmp_path: Path) -> None:
    child = HOLD.format(size=60_000_000, seconds=1.5)
    parent = (
        "import subprocess, sys\n"
        f"children = [subprocess.Popen([sys.executable, '-c', {child!r}]) for _ in range(2)]\n"
        "for child in children: child.wait()\n"
    )
    # Measured from a small process, as bench/run.py is: a child forked from a large one (pytest, after
    # hundreds of tests) starts with the parent's pages counted in the kernel's figure.
    measure = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pathlib import Path\n"
        "from bench.measure import run\n"
        f"usage = run({python(parent)!r}, Path({str(tmp_path)!r}), Path({str(tmp_path / 'log')!r}), 'parent', 30)\n"
        "print(json.dumps([usage.largest_process, usage.sampled_tree, usage.memory]))\n"
    )
    result = subprocess.run(python(measure), capture_output=True, text=True, check=True, timeout=60)
    largest, sampled, memory = json.loads(result.stdout)
    assert largest < 110_000_000  # the kernel's figure: one process only
    assert sampled >= 110_000_000 and memory == sampled


def test_a_failing_command_says_so_with_its_output(tmp_path: Path) -> None:
    with pytest.raises(CommandFailed, match=r"(?s)failed with exit code 3.*the reason"):
        run(python("import sys; print('the reason'); sys.exit(3)"), tmp_path, tmp_path / "log", "failing", 30)


def test_a_command_past_its_time_is_stopped_rather_than_waited_for(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(CommandFailed, match="took more than 1 s"):
        run(python("import time; time.sleep(60)"), tmp_path, tmp_path / "log", "sleeper", 1)
    assert time.monotonic() - started < 10


def test_a_server_is_stopped_like_ctrl_c(tmp_path: Path) -> None:
    code = "import time\ntry:\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print('stopped cleanly')\n"
    server = Tracked(python(code), tmp_path, tmp_path / "log", "server").start()
    time.sleep(0.5)
    server.stop(grace=5)
    assert "stopped cleanly" in (tmp_path / "log").read_text()
