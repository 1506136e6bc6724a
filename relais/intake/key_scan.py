"""Refuse to build while a private key sits in the repository (``check`` and ``build`` run this first).

A private key of the intake in the site's folder is one ``git add`` away
from being public, and with it every report ever sent.  The scan walks the
repository that holds the settings file (the Git working tree, or the
settings file's folder), skipping only Git's own folder, virtual
environments, Relais' caches and the sites it built, and finds:

- a file in our private key format (it names itself, whatever the file is called);
- a file named like a key (``*.key``, ``*secret*``, ``*private*``, ``*.sk``…) that holds exactly a
  32-byte key: raw, in hex or in base64 (a public key file says so in its name or its first line).

Only small files are opened, and only their first bytes, so the scan costs
little even on a large site.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from relais.i18n import _
from relais.problems import Problem
from relais.swap import MARK

from .keys import KEY_BYTES, PRIVATE_KIND, PUBLIC_HEADER, decode_key
from .places import repository_of

SKIPPED_FOLDERS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".relais-cache", ".hypothesis", ".tox"}
SKIPPED_PREFIXES = (".relais-build-",)
BUILT_SITE_MARK = MARK  # the file every site Relais built holds
MAX_SIZE = 8 * 1024  # a key file of ours is about 400 bytes
MAX_ENTRIES = 500_000
_KEY_NAME = re.compile(r"(\.key$|\.sk$|\.pem$|secret|private|privkey|sk_|_sk)", re.IGNORECASE)
_PUBLIC_NAME = re.compile(r"(public|\.pub$|pubkey)", re.IGNORECASE)
_HEX_KEY = re.compile(rb"^[0-9a-fA-F]{64}$")


def private_key_problems(settings_file: str) -> list[Problem]:
    root = repository_of(Path(settings_file))
    return [_problem(path, root) for path in _private_keys(root)]


def _problem(path: Path, root: Path) -> Problem:
    try:
        shown = path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return Problem(
        shown,
        0,
        "",
        _(
            "this looks like a PRIVATE key: it must never be in the site's folder, where it could be "
            "committed or published"
        ),
        _(
            "move it out of the repository now (for example to ~/.local/share/relais/); if it was ever committed, "
            "make a new key pair with `publish.py bad-dates keygen` and treat the old one as known to anyone"
        ),
    )


def _private_keys(root: Path) -> Iterator[Path]:
    seen = 0
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        if folder != root and any(entry.name == BUILT_SITE_MARK for entry in entries):
            continue  # a site Relais built (output/): made from the content, which is scanned
        for entry in entries:
            seen += 1
            if seen > MAX_ENTRIES:
                return
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIPPED_FOLDERS and not entry.name.startswith(SKIPPED_PREFIXES):
                        folders.append(Path(entry.path))
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue
                size = entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
            if size <= MAX_SIZE and _is_private_key(Path(entry.path), entry.name, size):
                yield Path(entry.path)


def _is_private_key(path: Path, name: str, size: int) -> bool:  # noqa: PLR0911 - one answer per kind of key
    try:
        with path.open("rb") as file:
            data = file.read(MAX_SIZE)
    except OSError:
        return False
    if data.lstrip()[:1] == b"{" and PRIVATE_KIND.encode() in data:
        try:
            document = json.loads(data)
        except ValueError:
            document = None
        if isinstance(document, dict) and document.get("kind") == PRIVATE_KIND:
            return True
    if not _KEY_NAME.search(name) or _PUBLIC_NAME.search(name) or data.startswith(PUBLIC_HEADER.encode()):
        return False
    if size == KEY_BYTES:
        return True
    text = data.strip()
    if _HEX_KEY.match(text):
        return True
    try:
        return decode_key(text.decode("ascii")) is not None
    except UnicodeDecodeError:
        return False
