"""Build one Pagefind index per language once every language is written.

Each language is indexed by its own ``pagefind`` process, side by side: the
command writes every file of the index and only then exits, so the index is
complete when it ends (Pagefind's Python API could return before its files
were written, leaving an empty ``pagefind-entry.json`` now and then).

An index depends only on the language's pages: when none of them changed
since a build that indexed them, the files are taken from the build cache
instead of running Pagefind again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagefind_bin import get_executable

from relais.cache import key_of
from relais.i18n import _
from relais.incremental import INCREMENTAL_KEY, write_built_file
from relais.problems import Problem

INDEX_FOLDER = "pagefind"
CACHE_NAMESPACE = "pagefind"
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
ENTRY_FILE = "pagefind-entry.json"
# Longer than any real site takes; a Pagefind that hangs must not hang the build.
TIMEOUT_SECONDS = 600


@dataclass
class _Job:
    lang: str
    key: str
    process: subprocess.Popen[str] | None = None


def build_indexes(settings: dict[str, Any], output_path: str) -> None:
    site = settings.get("RELAIS")
    if site is None or not settings.get("SEARCH_SAVE_AS"):
        return
    output = Path(output_path)
    jobs = [_Job(lang, _index_key(output, lang, settings)) for lang in site.config.LANGUAGES]
    for job in jobs:
        cached = site.cache.get(CACHE_NAMESPACE, job.key)
        if isinstance(cached, dict):
            _write_files(output, f"{job.lang}/{INDEX_FOLDER}", cached, settings)
        else:
            job.process = _start(output, job.lang)
    for job in jobs:
        if job.process is None:
            continue
        try:
            files = _finish(job.process, output / job.lang / INDEX_FOLDER)
        except _IndexFailed as err:
            site.report(_problem(job.lang, _("Pagefind could not build the index: {reason}").format(reason=err)))
            continue
        site.cache.put(CACHE_NAMESPACE, job.key, files)
        if _page_count(files) == 0 and site.index.published("post", job.lang):
            site.report(_problem(job.lang, _("Pagefind found no page to index")))


class _IndexFailed(Exception):
    pass


def _start(output: Path, lang: str) -> subprocess.Popen[str]:
    command = [
        str(get_executable()),
        "--site",
        str(output),
        "--glob",
        f"{lang}/**/*.html",
        "--output-subdir",
        f"{lang}/{INDEX_FOLDER}",
        "--force-language",
        lang,
        "--silent",
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish(process: subprocess.Popen[str], target: Path) -> dict[str, bytes]:
    """Wait for one language's Pagefind; the index's files, checked complete, by path."""
    try:
        messages, _errors = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise _IndexFailed(_("it did not finish within {count} seconds").format(count=TIMEOUT_SECONDS)) from None
    if process.returncode != 0:
        raise _IndexFailed(
            " ".join(messages.split())[:300] or _("it stopped with code {code}").format(code=process.returncode)
        )
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    files = {
        path.relative_to(target).as_posix(): path.read_bytes() for path in sorted(target.rglob("*")) if path.is_file()
    }
    try:
        json.loads(files[ENTRY_FILE])
    except (KeyError, ValueError):
        raise _IndexFailed(_("{file} is missing or incomplete").format(file=ENTRY_FILE)) from None
    return files


def _write_files(output: Path, folder: str, files: dict[str, bytes], settings: dict[str, Any]) -> None:
    """An index from the cache: through the build's ledger, which links the previous output's identical files."""
    for relative, data in files.items():
        write_built_file(settings, output, f"{folder}/{relative}", data)


def _page_count(files: dict[str, bytes]) -> int:
    entry = json.loads(files[ENTRY_FILE])
    return sum(int(language.get("page_count", 0)) for language in entry.get("languages", {}).values())


def _index_key(output: Path, lang: str, settings: dict[str, Any]) -> str:
    """Pagefind's version and every page of the language, byte for byte."""
    incremental = settings.get(INCREMENTAL_KEY)
    known = incremental.ledger.state.files if incremental is not None else {}
    pages: list[str] = []
    root = output / lang
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(name for name in dirs if name != INDEX_FOLDER)
        for name in sorted(names):
            if name.endswith(".html"):
                relative = Path(folder, name).relative_to(output).as_posix()
                record = known.get(relative)
                digest = record.hash if record else hashlib.blake2b(Path(folder, name).read_bytes()).hexdigest()
                pages.append(f"{relative}:{digest}")
    return key_of(importlib.metadata.version("pagefind_bin"), lang, "\n".join(pages))


def _problem(lang: str, what: str) -> Problem:
    return Problem(
        f"output/{lang}/{INDEX_FOLDER}",
        0,
        _("search"),
        what,
        _("check that the pages of this language were written; run the build again"),
    )
