"""Slots: places in the theme's base template that features fill.

A plugin declares ``THEME_SLOTS = {"head": ["partials/feed_links.html"]}``;
``base.html`` includes every partial of a slot, in the order of ``PLUGINS``.
Features thus add a menu entry, a ``<link>`` in the head or a footer line
without editing the base template or each other's partials.

Slots in ``base.html``: ``head`` (inside ``<head>``), ``page_top`` (first
thing in ``<body>``, after the skip link), ``menu`` (items of the main menu,
each an ``<li>``), ``footer`` (inside the footer).
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from pelican import signals
from pelican.generators import Generator

from relais.site import SETTINGS_KEY

SLOT_NAMES = ("head", "page_top", "menu", "footer")


def collect_slots(plugins: Iterable[ModuleType]) -> dict[str, list[str]]:
    slots: dict[str, list[str]] = {name: [] for name in SLOT_NAMES}
    for plugin in plugins:
        for slot, partials in getattr(plugin, "THEME_SLOTS", {}).items():
            slots.setdefault(slot, []).extend(partials)
    return slots


def install(generator: Generator) -> None:
    site = generator.settings.get(SETTINGS_KEY)
    plugins = site.plugins if site is not None else ()
    generator.env.globals["SLOTS"] = collect_slots(plugins)


def register() -> None:
    signals.generator_init.connect(install)
