"""The built site as output checks see it: every file read once, every page parsed once.

After Pelican has written the site into its temporary folder, the build walks
it once.  Each file is a :class:`BuiltFile` whose bytes, text and parsed tree
are computed the first time a check asks for them and then shared by every
other check, so ten checks cost one read and one parse per page.  Files are
handled one at a time and dropped afterwards, so memory stays flat however
large the site.

A plugin's ``OUTPUT_CHECKS`` are functions ``(site, built_file) ->
Iterable[Problem]``, called once per file in the output; a check that cares
only about some files returns early on the others (``built_file.kind``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import key_of
from .incremental import checks_inputs
from .problems import Problem
from .workers import parallel_map

if TYPE_CHECKING:
    from .site import Site

OutputCheck = Callable[["Site", "BuiltFile"], Iterable[Problem]]

# What a file is, by its suffix: checks pick the kinds they understand.
KINDS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "xhtml",
    ".svg": "svg",
    ".xml": "xml",
    ".atom": "xml",
    ".rss": "xml",
    ".css": "css",
    ".js": "script",
    ".mjs": "script",
    ".json": "json",
    ".ics": "text",
    ".txt": "text",
    ".md": "text",
    ".pdf": "pdf",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".webp": "image",
    ".gif": "image",
    ".avif": "image",
    ".ico": "image",
}
MARKUP_KINDS = frozenset({"html", "xhtml", "svg", "xml"})


@dataclass
class BuiltFile:
    """One file of the built site, read and parsed lazily, at most once."""

    path: Path
    relative: str  # from the output folder's root, with '/' separators
    extra: dict[str, Any] = field(default_factory=dict)  # what checks share about this file

    @property
    def shown_as(self) -> str:
        """How messages name the file: as it will be once the output is replaced."""
        return f"output/{self.relative}"

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @property
    def kind(self) -> str:
        """html, xhtml, svg, xml, css, script, json, text, pdf, image, or other."""
        return KINDS.get(self.suffix, "other")

    @cached_property
    def data(self) -> bytes:
        return self.path.read_bytes()

    @cached_property
    def text(self) -> str:
        """The file as UTF-8 text; bytes that are not UTF-8 become U+FFFD."""
        return self.data.decode("utf-8", errors="replace")

    @cached_property
    def tree(self) -> Any:
        """The parsed document (lxml) of a page or an XML file, else None.

        HTML goes through lxml's HTML parser, whatever the page's markup;
        XML-based files (SVG, XHTML, feeds) through its XML parser, with entities
        and network access off.  A file that does not parse gives None.
        """
        if self.kind not in MARKUP_KINDS or not self.data.strip():
            return None
        import lxml.etree
        import lxml.html

        try:
            if self.kind == "html":
                return lxml.html.document_fromstring(self.data)
            parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
            return lxml.etree.fromstring(self.data, parser)
        except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
            return None


def built_files(root: Path) -> Iterator[BuiltFile]:
    """Every regular file under ``root``, in path order (symlinks are reported as files too)."""
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            mode = path.lstat().st_mode
            if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
                yield BuiltFile(path, path.relative_to(root).as_posix())


def check_built_site(
    checks: Iterable[OutputCheck], site: Site, root: Path, hashes: Mapping[str, str] | None = None
) -> list[Problem]:
    """Run every check on every file, side by side on every core; each file is read and parsed once.

    With ``hashes`` (each file's content hash, from the build's ledger), a file
    that passed every check in an earlier build, with the same bytes, the same
    code, settings and ``CACHE_INPUTS``, is not checked again.
    """
    global _checking  # noqa: PLW0603 - what forked workers check with, set before they start
    checks = tuple(checks)
    files = list(built_files(root))
    hashes = hashes or {}
    keys = {built.relative: _clean_key(site, built.relative, hashes.get(built.relative)) for built in files}
    pending = [built for built in files if not (keys[built.relative] and site.cache.get(CLEAN, keys[built.relative]))]
    _checking = (checks, site)
    try:
        found = parallel_map(_check_file, [(built.path, built.relative) for built in pending])
    finally:
        _checking = None
    problems: list[Problem] = []
    for built, file_problems in zip(pending, found, strict=True):
        problems.extend(file_problems)
        if not file_problems and keys[built.relative]:
            site.cache.put(CLEAN, keys[built.relative], True)
    return problems


CLEAN = "checked-clean"
_checking: tuple[tuple[OutputCheck, ...], Site] | None = None


def _check_file(where: tuple[Path, str]) -> list[Problem]:
    assert _checking is not None
    checks, site = _checking
    built = BuiltFile(*where)
    return [problem for output_check in checks for problem in _guarded(output_check, site, built)]


def _clean_key(site: Site, relative: str, content_hash: str | None) -> str:
    """What a file's checks depend on; "" when its bytes are unknown (then it is always checked)."""
    if not content_hash:
        return ""
    return key_of(checks_inputs(site), relative, content_hash)


def _guarded(output_check: OutputCheck, site: Site, built_file: BuiltFile) -> list[Problem]:
    """A check's problems with a file; if it crashes, one error naming the file, and the build fails."""
    found: list[Problem] = []
    try:
        found.extend(output_check(site, built_file))
    except Exception as err:  # noqa: BLE001 - never a traceback; an unchecked file is never published
        found.append(
            Problem(
                built_file.shown_as,
                0,
                "",
                f"the check {output_check.__name__} stopped on this file ({type(err).__name__}: {err})",
                "nothing was published: report this message to whoever looks after your site's Relais",
            )
        )
    return found
