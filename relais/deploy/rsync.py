"""Deploy with rsync, to a web server over SSH (``user@host:/var/www/site/``) or to a folder.

rsync sends only what changed (compared by content, so a fresh build in CI
does not resend every file), deletes what the site no longer has, and lists
every change (``--itemize-changes``), which is what the deploy reports.
``--dry-run`` asks rsync to say what it would do and do nothing.

The web server's ``/.well-known/`` folder (certificate renewals) is never
deleted.  A destination that holds files but no ``.relais-site`` mark was
not filled by Relais, so nothing is sent there: rsync's ``--delete`` would
remove what it holds.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..i18n import _
from ..swap import MARK
from .changes import Changes, DeployError

KEPT = ".well-known"  # the web server's, never deleted
_SECONDS = 600


def deploy_with_rsync(site: Path, destination: str, dry_run: bool, ssh: str | None) -> Changes:
    if shutil.which("rsync") is None:
        raise DeployError(
            _("rsync is not installed on this computer"),
            _("install it (Debian and Ubuntu: sudo apt-get install rsync), or deploy with --folder or --git"),
        )
    destination = destination.rstrip("/") + "/"
    _check_destination(destination, ssh)
    command = [
        "rsync",
        "--recursive",
        "--links",
        "--times",
        "--checksum",
        "--delete",
        "--chmod=D755,F644",
        "--itemize-changes",
        f"--filter=P /{KEPT}/",
        *(["--dry-run"] if dry_run else []),
        *(["--rsh", ssh] if ssh else []),
        f"{site}/",
        destination,
    ]
    result = _run(command)
    if result.returncode != 0:
        raise DeployError(
            _("rsync stopped ({why})").format(why=_last_line(result.stderr)),
            _("check the address, that this computer can log in there (ssh), and the folder's permissions"),
        )
    return parse_itemized(result.stdout)


def _check_destination(destination: str, ssh: str | None) -> None:
    """Refuse a destination that holds files Relais did not put there (its mark is missing)."""
    result = _run(["rsync", "--list-only", *(["--rsh", ssh] if ssh else []), destination])
    if result.returncode != 0:
        if "No such file or directory" in result.stderr or "change_dir" in result.stderr:
            return  # a new folder: rsync creates it
        raise DeployError(
            _("rsync could not reach {destination} ({why})").format(
                destination=destination, why=_last_line(result.stderr)
            ),
            _("check the address, and that this computer can log in there (ssh)"),
        )
    names = [line.split(maxsplit=4)[4] for line in result.stdout.splitlines() if len(line.split(maxsplit=4)) == 5]
    others = [name for name in names if name not in (".", KEPT)]
    if others and MARK not in names:
        shown = ", ".join(sorted(others)[:3]) + (", …" if len(others) > 3 else "")
        raise DeployError(
            _("{destination} holds files Relais did not put there ({names}), and rsync would delete them").format(
                destination=destination, names=shown
            ),
            _("deploy to an empty folder, or empty this one first if it only holds an old copy of the site"),
        )


def parse_itemized(output: str) -> Changes:
    """rsync's ``--itemize-changes`` lines: ``>f+++++++++`` added, ``>fc…`` changed, ``*deleting`` removed.

    Only files count; a file whose bytes are the same (only its date
    differs, ``.f..t……``) is not a change.
    """
    changes = Changes()
    for line in output.splitlines():
        if line.startswith("*deleting "):
            name = line[len("*deleting ") :].strip()
            if not name.endswith("/"):
                changes.removed.append(name)
            continue
        flags, _space, name = line.partition(" ")
        if len(flags) < 11 or flags[1] != "f" or flags[0] not in "<>ch.":
            continue
        name = name.split(" -> ")[0]
        if flags[2:].startswith("+"):
            changes.added.append(name)
        elif flags[2] == "c" or flags[3] == "s":
            changes.changed.append(name)
    return changes.sort()


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise DeployError(
            _("rsync did not finish within {minutes} minutes").format(minutes=_SECONDS // 60),
            _("check the connection and try again"),
        ) from None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
