"""Deploy to a branch of a Git repository, for GitHub Pages or GitLab Pages (``gh-pages`` by default).

Like ghp-import, but without touching the site's own repository or its
working copy: a private, temporary repository fetches the branch (only its
last commit), makes one commit whose files are exactly the built site, on
top of it, and pushes it.  Nothing is pushed when the site did not change.

- The branch must hold a site Relais deployed (its ``.relais-site`` mark) or
  not exist yet: pushing the site over another branch (``main``!) would
  replace the project with it.
- ``.nojekyll`` is added, so that GitHub Pages serves every file as it is.
- A ``CNAME`` file (GitHub Pages' custom domain) already on the branch is
  kept; ``cname`` in the settings writes one.
- Git uses its own ways to log in (SSH keys, credential helpers, a token in
  CI); addresses are shown without any password they hold.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..i18n import _
from ..swap import MARK
from .changes import Changes, DeployError

NOJEKYLL = ".nojekyll"
CNAME = "CNAME"
_SECONDS = 600
# Who the deploy commits are from, unless Git is told otherwise (GIT_AUTHOR_NAME…).
_IDENTITY = {"NAME": "Relais", "EMAIL": "relais@localhost"}


def shown_address(repository: str) -> str:
    """The repository's address without a password or token (https://user:token@host/… → https://host/…)."""
    parts = urlsplit(repository)
    if parts.scheme and parts.netloc and "@" in parts.netloc:
        return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
    return repository


def deploy_to_branch(
    site: Path, repository: str, branch: str, *, dry_run: bool, cname: str | None, message: str
) -> Changes:
    with tempfile.TemporaryDirectory(prefix="relais-deploy-") as folder:
        git = _Git(Path(folder), repository)
        git("init", "--quiet", "--bare")
        previous = git.fetch(branch)
        if previous is not None:
            _check_branch(git, previous, repository, branch)
        tree = _tree(git, site, previous, cname)
        if previous is not None and git("rev-parse", f"{previous}^{{tree}}").strip() == tree:
            return Changes()
        changes = _changes(git, previous, tree)
        if dry_run:
            return changes
        parents = ["-p", previous] if previous is not None else []
        commit = git("commit-tree", tree, *parents, "-m", message).strip()
        git("push", "--quiet", repository, f"{commit}:refs/heads/{branch}", what=_("push to"))
        return changes


class _Git:
    """Git commands in the private repository, with plain-words errors."""

    def __init__(self, folder: Path, repository: str) -> None:
        self.folder = folder
        self.repository = repository
        self.environment = {
            **os.environ,
            "GIT_DIR": str(folder),
            "GIT_TERMINAL_PROMPT": "0",  # never wait for a password nobody will type
            **{f"GIT_{who}_{what}": os.environ.get(f"GIT_{who}_{what}", value)
               for who in ("AUTHOR", "COMMITTER") for what, value in _IDENTITY.items()},
        }  # fmt: skip

    def __call__(
        self,
        *arguments: str,
        what: str = "",
        stdin: str | None = None,
        index: Path | None = None,
        cwd: Path | None = None,
    ) -> str:
        result = self.run(*arguments, stdin=stdin, index=index, cwd=cwd)
        if result.returncode != 0:
            raise DeployError(
                _("git could not {what} {repository} ({why})").format(
                    what=what or _("work with"), repository=shown_address(self.repository), why=_last_line(result)
                ),
                _("check the address, the branch, and that this computer may push there"),
            )
        return result.stdout

    def run(
        self, *arguments: str, stdin: str | None = None, index: Path | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess:
        environment = {**self.environment, **({"GIT_INDEX_FILE": str(index)} if index else {})}
        try:
            return subprocess.run(
                ["git", *arguments],
                cwd=cwd or self.folder,
                input=stdin,
                capture_output=True,
                text=True,
                env=environment,
                timeout=_SECONDS,
                check=False,
            )
        except FileNotFoundError:
            raise DeployError(
                _("git is not installed on this computer"), _("install it, or deploy with --folder or --rsync")
            ) from None
        except subprocess.TimeoutExpired:
            raise DeployError(
                _("git did not finish within {minutes} minutes").format(minutes=_SECONDS // 60),
                _("check the connection and try again"),
            ) from None

    def fetch(self, branch: str) -> str | None:
        """The branch's last commit, or None when the repository has no such branch yet."""
        listed = self("ls-remote", "--heads", self.repository, f"refs/heads/{branch}", what=_("reach"))
        if not listed.strip():
            return None
        self("fetch", "--quiet", "--depth=1", self.repository, f"refs/heads/{branch}", what=_("fetch from"))
        return self("rev-parse", "FETCH_HEAD").strip()


def _check_branch(git: _Git, commit: str, repository: str, branch: str) -> None:
    names = git("ls-tree", "--name-only", commit).split("\n")
    if MARK not in names:
        raise DeployError(
            _("the branch '{branch}' of {repository} holds files Relais did not put there ({names})").format(
                branch=branch,
                repository=shown_address(repository),
                names=", ".join(name for name in names[:3] if name) + (", …" if len(names) > 3 else ""),
            ),
            _("deploy to a branch of its own, such as gh-pages (--branch), that is new or holds only the site"),
        )


def _tree(git: _Git, site: Path, previous: str | None, cname: str | None) -> str:
    """The tree of the new commit: the built site, .nojekyll, and the CNAME to keep."""
    index = git.folder / "deploy-index"
    git("--work-tree", str(site), "add", "--all", "--force", ".", index=index, cwd=site)
    empty = git("hash-object", "-w", "--stdin", stdin="").strip()
    git("update-index", "--add", "--cacheinfo", f"100644,{empty},{NOJEKYLL}", index=index)
    if cname:
        blob = git("hash-object", "-w", "--stdin", stdin=cname.strip() + "\n").strip()
        git("update-index", "--add", "--cacheinfo", f"100644,{blob},{CNAME}", index=index)
    elif previous is not None:
        kept = git.run("rev-parse", "--verify", "--quiet", f"{previous}:{CNAME}")
        if kept.returncode == 0:
            git("update-index", "--add", "--cacheinfo", f"100644,{kept.stdout.strip()},{CNAME}", index=index)
    return git("write-tree", index=index).strip()


def _changes(git: _Git, previous: str | None, tree: str) -> Changes:
    if previous is None:
        return Changes(added=[name for name in git("ls-tree", "-r", "--name-only", tree).split("\n") if name]).sort()
    changes = Changes()
    for line in git("diff-tree", "-r", "--no-renames", "--name-status", previous, tree).split("\n"):
        status, _tab, name = line.partition("\t")
        {"A": changes.added, "M": changes.changed, "D": changes.removed}.get(status[:1], []).append(name)
    return changes.sort()


def _last_line(result: subprocess.CompletedProcess) -> str:
    lines = [line.strip() for line in (result.stderr or "").splitlines() if line.strip()]
    return lines[-1] if lines else f"exit code {result.returncode}"
