"""How much one content file may hold, so that a broken or hostile file ends in a named error, fast.

Each limit is a setting (``pelicanconf.py``) with a default well above what a
real post, page or service needs; going over one is a problem that names the
file, the line and the setting, never a hang or a crash.  :class:`Limits` is
read with the rest of the site's settings (:class:`relais.settings.SiteConfig`
inherits it), so a limit is declared, defaulted and checked in one place.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class Limits(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    MAX_FILE_KB: int = Field(
        256, ge=1, description="The largest content file (post, page, service…) Relais reads, in kilobytes."
    )
    MAX_TAGS: int = Field(30, ge=0, description="The most tags one post may have.")
    MAX_VALUES: int = Field(
        1000, ge=100, description="The most values (each field's value, each list item) in one file's fields."
    )
    MAX_FIELD_DEPTH: int = Field(
        10,
        ge=4,  # services need four: fields, schedule, a slot, its days
        le=50,  # deeper data would let Python walks over it recurse too far
        description="How many levels of fields inside fields a front matter may have.",
    )
    MAX_TEXT_DEPTH: int = Field(
        50,
        ge=10,
        le=100,  # deeper markup exhausts the stack of the PDF renderer (WeasyPrint)
        description="How many lists, quotes and HTML elements a file's text may nest inside one another.",
    )
    MAX_CONVERT_SECONDS: float = Field(
        5, gt=0, le=600, description="The longest turning one file's text into HTML may take (processor time)."
    )
    # Where the settings come from, so that messages say where to change a limit.
    settings_file: str = Field("pelicanconf.py", alias="SETTINGS_FILE")

    def most(self, name: str, unit: str = "") -> str:
        """``the most is 30 (MAX_TAGS in pelicanconf.py)``: the end of every over-the-limit message.

        ``unit`` is written in the plural (`` levels``) and made singular for 1.
        """
        value = getattr(self, name)
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        if value == 1:
            unit = unit.removesuffix("s")
        return f"the most is {shown}{unit} ({name} in {Path(self.settings_file).name})"


DEFAULT_LIMITS = Limits()


class TimeLimitReached(BaseException):
    """Raised inside work that ran out of time.

    A BaseException, like KeyboardInterrupt, so that a library's own
    ``except Exception`` cannot swallow it and carry on.
    """


@contextlib.contextmanager
def processor_time_limit(seconds: float) -> Iterator[None]:
    """Stop the block with :class:`TimeLimitReached` after ``seconds`` of processor time.

    Processor time rather than wall-clock time, so that a busy machine does not
    fail a build that would pass on a quiet one.  Signals only reach the main
    thread; elsewhere the block runs without a limit.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise TimeLimitReached

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


# A start or end tag, or the start of a comment.  An attribute never crosses
# '<' or '>', so a failed match stops at the next one: one linear pass.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>|<!--")
# Elements that never hold others, and those whose end tag may be left out (a
# <p> or <li> is closed by the next one): neither adds a level.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
_END_OPTIONAL = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "rt", "rp"})


def markup_depth(html: str) -> int:
    """How deep elements nest in ``html``, counted in one linear pass.

    A guard, not a parser: real text nests a dozen levels, and what nests
    hundreds deep (pasted or hostile) is caught before a recursive renderer
    (WeasyPrint, lxml) meets it.
    """
    depth = deepest = position = 0
    while (match := _TAG.search(html, position)) is not None:
        position = match.end()
        if match.group(0) == "<!--":
            end = html.find("-->", position)
            if end < 0:
                break  # the rest is a comment
            position = end + 3
            continue
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _VOID or name.lower() in _END_OPTIONAL:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest
