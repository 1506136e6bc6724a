"""Signal handlers set for the length of a block, and put back after it."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from typing import Any


@contextlib.contextmanager
def handled_by(handler: Callable[[int, Any], Any], *numbers: signal.Signals) -> Iterator[None]:
    """Within the block, ``numbers`` call ``handler``; after it, their previous handlers again."""
    previous = {number: signal.signal(number, handler) for number in numbers}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
