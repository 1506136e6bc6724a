"""Build one Pagefind index per language once every language is written."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

from relais.problems import Problem

INDEX_FOLDER = "pagefind"
# Pagefind also writes ready-made search interfaces; the theme has its own,
# lighter one (search.js), so these are never loaded: leave them out.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def build_indexes(settings: dict[str, Any], output_path: str) -> None:
    site = settings.get("RELAIS")
    if site is None or not settings.get("SEARCH_SAVE_AS"):
        return
    output = Path(output_path)
    for lang in site.config.LANGUAGES:
        try:
            count = _in_own_event_loop(_index_language(output, lang))
        except Exception as err:  # noqa: BLE001 - Pagefind's service fails in many ways; each must stop the build
            site.report(_problem(lang, f"Pagefind could not build the index: {err}"))
            continue
        if count == 0 and site.index.published("post", lang):
            site.report(_problem(lang, "Pagefind found no page to index"))


def _in_own_event_loop(coroutine: Coroutine[Any, Any, int]) -> int:
    """Pagefind's API is async; the build may run where a loop is already running
    (inside a Playwright or Jupyter session), so give it a thread of its own."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _index_language(output: Path, lang: str) -> int:
    target = output / lang / INDEX_FOLDER
    # The index is written when the context closes, to output_path: without
    # it, Pagefind would write ./pagefind/ in the current folder.
    async with PagefindIndex(IndexConfig(force_language=lang, output_path=str(target))) as index:
        result = await index.add_directory(str(output), glob=f"{lang}/**/*.html")
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    return int(result["page_count"])


def _problem(lang: str, what: str) -> Problem:
    return Problem(
        f"output/{lang}/{INDEX_FOLDER}",
        0,
        "search",
        what,
        "check that the pages of this language were written; run the build again",
    )
