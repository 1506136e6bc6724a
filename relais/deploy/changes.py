"""What a deploy changes at its target: files added, changed and removed, and the errors that stop it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


class DeployError(Exception):
    """Nothing (more) was deployed: ``what`` is wrong, ``fix`` says what to do."""

    def __init__(self, what: str, fix: str = "") -> None:
        super().__init__(f"{what} — {fix}" if fix else what)
        self.what = what
        self.fix = fix


@dataclass
class Changes:
    """Paths relative to the site's root, with '/' separators, sorted."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def none(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def sort(self) -> Changes:
        for names in (self.added, self.changed, self.removed):
            names.sort()
        return self


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every regular file under ``folder`` (links are not followed), by path, with a hash of its bytes."""
    found: dict[str, str] = {}
    if not folder.is_dir():
        return found
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            found[path.relative_to(folder).as_posix()] = hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
    return found


def compare(before: dict[str, str], after: dict[str, str]) -> Changes:
    """From the files at the target before to the files of the new site."""
    return Changes(
        added=[name for name in after if name not in before],
        changed=[name for name in after if name in before and before[name] != after[name]],
        removed=[name for name in before if name not in after],
    ).sort()
