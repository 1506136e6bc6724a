"""Tests for theme slots."""

from __future__ import annotations

from types import ModuleType

from theme_slots.theme_slots import collect_slots


def plugin(name: str, slots: dict[str, list[str]]) -> ModuleType:
    module = ModuleType(name)
    module.THEME_SLOTS = slots  # type: ignore[attr-defined]
    return module


def test_partials_are_collected_in_plugin_order() -> None:
    slots = collect_slots([plugin("a", {"menu": ["a.html"]}), plugin("b", {"menu": ["b.html"], "head": ["h.html"]})])
    assert slots["menu"] == ["a.html", "b.html"]
    assert slots["head"] == ["h.html"]
    assert slots["footer"] == [] and slots["page_top"] == []


def test_plugins_without_slots_add_nothing() -> None:
    assert collect_slots([ModuleType("plain")]) == {"head": [], "page_top": [], "menu": [], "footer": []}
