"""Keep every request on this site and send our address nowhere.

- a ``Content-Security-Policy`` ``<meta>`` on every page (``THEME_SLOTS``),
  allowing only this site (see :mod:`.policy`);
- ``rel="noopener noreferrer"`` added to every link to another site, in every
  page written (``content_written``);
- an output check that fails the build when a page would load anything from
  another host, or carries inline script or style (see :mod:`.requests_check`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from .outbound import mark_outbound_links
from .policy import content_security_policy, own_hosts
from .requests_check import outside_requests

THEME_SLOTS = {"head": ["partials/page_security_head.html"]}
OUTPUT_CHECKS = (outside_requests,)


def install_policy(generator: Generator) -> None:
    # Our own constant text: no need to escape its quotes.
    generator.env.globals["content_security_policy"] = lambda wasm=False: Markup(content_security_policy(wasm))


def mark_links(path: str, context: dict[str, Any]) -> None:
    if not path.endswith(".html"):
        return
    page = Path(path).read_text(encoding="utf-8")
    marked = mark_outbound_links(page, own_hosts(context))
    if marked != page:
        Path(path).write_text(marked, encoding="utf-8")


def register() -> None:
    signals.generator_init.connect(install_policy)
    signals.content_written.connect(mark_links)
