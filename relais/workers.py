"""Work spread over the machine's cores, with results in the same order as one process gives.

A build converts hundreds of Markdown bodies and checks as many files: each
item is independent, so a pool of worker processes (one per core) does them
side by side.  Workers are forked from the build's process, so they start
with everything it has loaded (the site, the plugins, the settings) and need
only the item's small inputs sent to them; results come back in input order,
which keeps the output byte-identical to a one-process build.

Small batches are done in-process: starting workers costs more than it saves.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .cache import Cache

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, one process is faster than starting a pool.
MIN_ITEMS_FOR_POOL = 24
# Set to 1 to force one process (tests compare both ways; RELAIS_WORKERS=1 in the environment).
ENVIRONMENT = "RELAIS_WORKERS"


def worker_count() -> int:
    """One worker per core this process may use, or RELAIS_WORKERS when it is set."""
    wanted = os.environ.get(ENVIRONMENT, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def parallel_map(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    initializer: Callable[[], None] | None = None,
) -> list[Result]:
    """``[function(item) for item in items]``, spread over the cores when it is worth it.

    ``function`` and ``initializer`` must be module-level functions (they are
    pickled by name); forked workers see the parent's memory as it was when the
    pool started.
    """
    items = list(items)
    workers = min(worker_count(), max(1, len(items) // (MIN_ITEMS_FOR_POOL // 2)))
    if workers < 2 or len(items) < MIN_ITEMS_FOR_POOL or not _can_fork():
        if initializer is not None:
            initializer()
        return [function(item) for item in items]
    chunk = max(1, len(items) // (workers * 8))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer) as pool:
        return list(pool.map(function, items, chunksize=chunk))


def remembered_map(
    cache: Cache,
    namespace: str,
    function: Callable[[Item], Result],
    items: Sequence[Item],
    keys: Sequence[str],
) -> list[Result]:
    """:func:`parallel_map`, but each result whose key is in ``cache`` is taken from it.

    ``keys[i]`` must name everything ``function(items[i])`` depends on; an
    empty key means "always compute".  New results are kept in the cache.
    """
    results: list[Any] = [cache.get(namespace, key) if key else None for key in keys]
    missing = [index for index, result in enumerate(results) if result is None]
    for index, result in zip(missing, parallel_map(function, [items[index] for index in missing]), strict=True):
        results[index] = result
        if keys[index]:
            cache.put(namespace, keys[index], result)
    return results


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class ForkedTaskFailed(Exception):
    """A forked task ended without giving its result (it crashed or was killed)."""


class ForkedTask:
    """One function running in a forked copy of this process; its result is picked up later.

    The child starts with everything the parent has loaded; what it returns is
    pickled into a temporary file, so the parent gets it back with
    :meth:`result`.  Where fork does not exist, the function runs at once.
    """

    def __init__(self, function: Callable[..., Result], *args: object) -> None:
        self._pid = 0
        self._value: object = None
        if not _can_fork():
            self._value = function(*args)
            return
        handle, name = tempfile.mkstemp(prefix="relais-task-")
        os.close(handle)
        self._path = Path(name)
        pid = os.fork()
        if pid == 0:  # the child: do the work, hand back the result, leave without cleanup
            code = 1
            try:
                self._path.write_bytes(pickle.dumps(function(*args)))
                code = 0
            finally:
                os._exit(code)
        self._pid = pid

    def result(self) -> object:
        """Wait for the child and return what the function returned."""
        if not self._pid:
            return self._value
        _pid, status = os.waitpid(self._pid, 0)
        self._pid = 0
        try:
            data = self._path.read_bytes()
        finally:
            self._path.unlink(missing_ok=True)
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            raise ForkedTaskFailed(f"the process stopped with status {os.waitstatus_to_exitcode(status)}")
        self._value = pickle.loads(data)
        return self._value

    def stop(self) -> None:
        """Stop the child if it is still running (the parent's own work failed)."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = 0
            self._path.unlink(missing_ok=True)


# Tasks started during a Pelican run, kept in its settings under this key as
# (name, task) pairs, so that a run that fails can stop them (see stop_tasks).
TASKS_KEY = "RELAIS_TASKS"


def stop_tasks(settings: dict[str, Any]) -> None:
    for _name, task in settings.pop(TASKS_KEY, []):
        task.stop()
