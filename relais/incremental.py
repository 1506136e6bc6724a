"""Rebuild only what changed: the state one build leaves for the next, and page digests.

A build loads the state the last good build saved in the cache folder (the
ledger of its output, see :mod:`relais.ledger`), and every page it is about to
render gets a digest of everything it depends on:

- the code and the look: Relais, the plugins, the theme (templates, styles,
  translations) and the versions of the libraries that render;
- the settings of the language's run;
- the values its templates read (see :mod:`relais.template_reads` and
  :mod:`relais.digest`).

When the digest is the one the last build recorded for that page, the
previous file is linked into the new output instead of rendering it again.
A missing, unreadable or outdated state only means a full build.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import stat
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import i18n, template_reads
from .cache import cache_enabled, key_of
from .digest import Digester
from .ledger import LedgerState, OutputLedger
from .template_reads import TemplateReads

INCREMENTAL_KEY = "RELAIS_INCREMENTAL"
STATE_FILE = "state.pickle"
# Bump when the state's shape changes: an older state is then ignored.
STATE_VERSION = 2
# Settings that hold this run's machinery, not choices that change pages.
_RUNTIME_SETTINGS = frozenset(
    {"RELAIS", "RELAIS_FROM_CLI", "RELAIS_TASKS", INCREMENTAL_KEY, "OUTPUT_PATH", "JINJA_ENVIRONMENT"}
)
_MISSING = object()
# Libraries whose version changes what a page looks like.
_RENDERING_LIBRARIES = ("pelican", "jinja2", "markdown", "babel", "nh3", "feedgen", "pagefind", "weasyprint", "pillow")


@dataclass
class BuildState:
    """What a successful build keeps for the next one."""

    version: int = STATE_VERSION
    ledger: LedgerState = field(default_factory=LedgerState)
    templates: dict[str, template_reads.Analysis] = field(default_factory=dict)


def load_state(cache: Path) -> BuildState | None:
    try:
        state = pickle.loads((cache / STATE_FILE).read_bytes())  # our own file, in the project's cache folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return state if isinstance(state, BuildState) and state.version == STATE_VERSION else None


def save_state(cache: Path, state: BuildState) -> None:
    try:
        cache.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache, prefix=".state-")
        with os.fdopen(handle, "wb") as file:
            pickle.dump(state, file, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temporary).replace(cache / STATE_FILE)
    except OSError:
        pass  # the next build will be a full one


def code_folders(settings: Mapping[str, Any]) -> list[str]:
    """What makes pages besides the content: Relais itself, the plugins and the theme."""
    return [str(Path(__file__).parent), *settings.get("PLUGIN_PATHS", []), str(settings.get("THEME", "theme"))]


def code_digest(folders: tuple[str, ...]) -> str:
    """Relais, the plugins and the theme, byte for byte, with the rendering libraries' versions.

    Computed for every build (a preview builds many times in one process);
    a file whose size and date did not change is not read again.
    """
    digest = hashlib.blake2b(digest_size=20)
    digest.update(_library_versions().encode())
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if "__pycache__" in path.parts or path.name.startswith("test_"):
                continue
            try:
                found = path.stat()
            except OSError:
                continue
            if not stat.S_ISREG(found.st_mode):
                continue
            digest.update(path.as_posix().encode("utf-8", "surrogatepass"))
            digest.update(_file_digest(path, found.st_size, found.st_mtime_ns))
    return digest.hexdigest()


@functools.cache
def _library_versions() -> str:
    versions = []
    for library in _RENDERING_LIBRARIES:
        try:
            versions.append(f"{library}={importlib.metadata.version(library)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{library}=none")
    return ";".join(versions)


_file_digests: dict[str, tuple[int, int, bytes]] = {}


def _file_digest(path: Path, size: int, mtime_ns: int) -> bytes:
    known = _file_digests.get(str(path))
    if known is None or known[:2] != (size, mtime_ns):
        known = (size, mtime_ns, hashlib.blake2b(path.read_bytes(), digest_size=20).digest())
        _file_digests[str(path)] = known
    return known[2]


def settings_digest(settings: Mapping[str, Any]) -> bytes:
    """The settings that shape pages, whatever their type (this run's machinery left out)."""
    chosen = {name: value for name, value in settings.items() if name not in _RUNTIME_SETTINGS}
    environment = {k: v for k, v in (settings.get("JINJA_ENVIRONMENT") or {}).items() if k != "bytecode_cache"}
    return Digester(()).digest({"settings": chosen, "jinja": environment})


def checks_inputs(site: Any) -> str:
    """What checks depend on besides the file they look at: the code, the settings, plugins' ``CACHE_INPUTS``
    and the language messages are written in (a problem is kept as the words it was printed with).

    A plugin whose checks read something else (a private list, the images
    folder) declares it in ``CACHE_INPUTS``: functions ``(site) -> str``
    returning a digest of it.
    """

    def compute() -> str:
        declared = [str(hook(site)) for hook in site.hooks("CACHE_INPUTS")]
        folders = tuple(sorted(str(Path(folder).resolve()) for folder in code_folders(site.settings)))
        return key_of(code_digest(folders), settings_digest(site.settings), i18n.language(), *declared)

    return site.once("checks inputs", compute)


def write_built_file(settings: Mapping[str, Any], output: Path, relative: str, data: bytes) -> None:
    """A file a plugin makes, written through the build's ledger (an unchanged one is linked from the previous
    output and counted as unchanged), or plainly when Pelican runs without publish.py."""
    incremental = settings.get(INCREMENTAL_KEY)
    if incremental is not None:
        incremental.ledger.write(relative, data)
        return
    path = output / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


class IncrementalBuild:
    """One build's ledger, shared by the language runs, and the digests of its pages."""

    def __init__(self, cache: Path, build_folder: Path, previous_output: Path, code_folders: Iterable[str]) -> None:
        self.cache = cache
        state = load_state(cache) if cache_enabled() else None
        self.ledger = OutputLedger(build_folder, previous_output, state.ledger if state else None)
        if state:
            template_reads.remember(state.templates)
        self.code = code_digest(tuple(sorted(str(Path(folder).resolve()) for folder in code_folders)))
        self._runs: dict[int, PageDigests] = {}

    def pages(self, settings: dict[str, Any]) -> PageDigests:
        """The page digests of one language's run (its settings differ from the others')."""
        key = id(settings)
        if key not in self._runs:
            self._runs[key] = PageDigests(self.code, settings)
        return self._runs[key]

    def save(self) -> None:
        if cache_enabled():
            save_state(self.cache, BuildState(ledger=self.ledger.state, templates=template_reads.used_analyses()))


class PageDigests:
    """Digests of the pages of one run, each from what its templates read."""

    def __init__(self, code: str, settings: dict[str, Any]) -> None:
        self.base = hashlib.blake2b(code.encode() + settings_digest(settings), digest_size=20).digest()
        self._reads: TemplateReads | None = None
        self._digesters: dict[frozenset[str], Digester] = {}
        self._shared: dict[int, tuple[Any, bytes]] = {}

    def of(self, template: jinja2.Template, name: str, context: Mapping[str, Any], values: Mapping[str, Any]) -> str:
        """The digest of the page ``name`` rendered with ``template`` from ``values`` over ``context``."""
        environment = template.environment
        reads = self._template_reads(environment).of(str(template.name))
        if reads.unknown_attributes:
            return ""  # no key: always rendered
        digester = self._digester(frozenset(reads.attributes))
        digest = hashlib.blake2b(self.base, digest_size=20)
        digest.update(f"{name}\0{sorted(reads.templates)}".encode("utf-8", "surrogatepass"))
        for read in sorted(reads.names):
            value = values.get(read, context.get(read, environment.globals.get(read, _MISSING)))
            digest.update(read.encode("utf-8", "surrogatepass") + b"\0")
            digest.update(b"-" if value is _MISSING else digester.digest(value))
        return digest.hexdigest()

    def _template_reads(self, environment: jinja2.Environment) -> TemplateReads:
        if self._reads is None:
            slots = environment.globals.get("SLOTS") or {}
            partials = [partial for names in slots.values() for partial in names]
            self._reads = TemplateReads(environment, partials)
        return self._reads

    def _digester(self, attributes: frozenset[str]) -> Digester:
        if attributes not in self._digesters:
            self._digesters[attributes] = Digester(attributes, self._shared)
        return self._digesters[attributes]
