"""Keep every request on this site and send our address nowhere.

- a ``Content-Security-Policy`` ``<meta>`` on every page (``THEME_SLOTS``),
  allowing only this site (see :mod:`.policy`);
- ``rel="noopener noreferrer"`` added to every link to another site, in every
  page written (``PAGE_FILTERS``, applied by Relais' writer before a page is saved);
- an output check that fails the build when a page would load anything from
  another host, or carries inline script or style (see :mod:`.requests_check`).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from relais.digest import pure

from .outbound import mark_outbound_links
from .policy import content_security_policy, own_hosts
from .requests_check import outside_requests

THEME_SLOTS = {"head": ["partials/page_security_head.html"]}
OUTPUT_CHECKS = (outside_requests,)


def install_policy(generator: Generator) -> None:
    # Our own constant text: no need to escape its quotes.
    generator.env.globals["content_security_policy"] = pure(lambda wasm=False: Markup(content_security_policy(wasm)))


def mark_links(html: str, relative_path: str, settings: dict[str, Any]) -> str:
    return mark_outbound_links(html, own_hosts(settings))


PAGE_FILTERS = (mark_links,)


def register() -> None:
    signals.generator_init.connect(install_policy)
