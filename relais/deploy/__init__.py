"""``publish.py deploy``: build the public site, refuse if anything fails, publish it, say what changed.

The site is built as ``make publish`` builds it (``publishconf.py``,
``--strict``, the never-publish list required) into its own folder, then
sent to the target set in the settings (``DEPLOY``) or given on the command
line: rsync (a web server over SSH, or a folder), a Git branch (GitHub or
GitLab Pages) or a folder on this computer.  Nothing is sent when the build
or any check fails.  ``--dry-run`` builds and says what would change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..build import BuildOptions, BuildResult, build
from ..i18n import _, ngettext
from ..messages import choose_from, did_you_mean, one_of
from ..problems import Problem
from ..settings import typed_settings
from .changes import Changes, DeployError
from .folder import deploy_to_folder
from .git import deploy_to_branch, shown_address
from .rsync import deploy_with_rsync

progress = logging.getLogger("relais.progress")
METHODS = ("rsync", "git", "folder")
# Past this many names of one kind, the report counts the rest.
SHOWN = 30


class Target(BaseModel):
    """Where the public site goes (``DEPLOY`` in publishconf.py, or the command's flags)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    method: str = Field(description="rsync, git or folder.")
    to: str = Field(min_length=1, description="user@host:/folder/ for rsync, a repository, or a folder.")
    branch: str = Field("gh-pages", min_length=1, description="The branch a git deploy pushes to.")
    ssh: str | None = Field(None, description="How rsync logs in, such as 'ssh -p 2222' (default: ssh).")
    cname: str | None = Field(None, description="GitHub Pages' custom domain, written to CNAME.")

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                if key not in cls.model_fields:
                    guess = did_you_mean(str(key), cls.model_fields)
                    hint = _("did you mean '{guess}'? ").format(guess=guess) if guess else ""
                    raise ValueError(
                        _("'{key}' is not a deploy setting — {hint}they are: {keys}").format(
                            key=key, hint=hint, keys=one_of(cls.model_fields)
                        )
                    )
        return value

    @field_validator("method")
    @classmethod
    def _known_method(cls, value: str) -> str:
        if value not in METHODS:
            raise ValueError(
                _("'{value}' is not a way to deploy — {fix}").format(value=value, fix=choose_from(value, METHODS))
            )
        return value

    @property
    def shown(self) -> str:
        if self.method == "git":
            return _("branch {branch} of {repository} (git)").format(
                branch=self.branch, repository=shown_address(self.to)
            )
        return f"{self.to} ({self.method})"


class DeploySettings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    DEPLOY: Target | None = None


def configured_target(settings: dict, settings_file: str) -> tuple[Target | None, list[Problem]]:
    config, problems = typed_settings(DeploySettings, settings, settings_file)
    return (config.DEPLOY if config else None), problems


@dataclass
class Deployed:
    build: BuildResult
    changes: Changes | None = None  # None: nothing was sent (the build failed)


def deploy(options: BuildOptions, target: Target, dry_run: bool) -> Deployed:
    """Build the public site; if it is good, send it to ``target``."""
    result = build(options)
    if not result.built or result.output is None or result.site is None:
        return Deployed(result)
    progress.info(_("Checking what would change at %s…") if dry_run else _("Deploying to %s…"), target.shown)
    site = result.output
    if target.method == "rsync":
        changes = deploy_with_rsync(site, target.to, dry_run, target.ssh)
    elif target.method == "git":
        message = _("Site built by Relais on {date}").format(date=result.site.clock.now.strftime("%Y-%m-%d %H:%M %Z"))
        changes = deploy_to_branch(site, target.to, target.branch, dry_run=dry_run, cname=target.cname, message=message)
    else:
        changes = deploy_to_folder(site, Path(target.to), dry_run)
    return Deployed(result, changes)


def report(target: Target, changes: Changes, dry_run: bool) -> str:
    """What changed (or would), in words: counts, then the files."""
    counts = ", ".join(
        [
            ngettext("{count} file added", "{count} files added", len(changes.added)).format(count=len(changes.added)),
            ngettext("{count} changed", "{count} changed", len(changes.changed)).format(count=len(changes.changed)),
            ngettext("{count} removed", "{count} removed", len(changes.removed)).format(count=len(changes.removed)),
        ]
    )
    if changes.none:
        head = _("The site at {target} is already up to date: nothing to send.").format(target=target.shown)
    elif dry_run:
        head = _("Dry run, nothing was sent: deploying to {target} would give {counts}.").format(
            target=target.shown, counts=counts
        )
    else:
        head = _("Deployed to {target}: {counts}.").format(target=target.shown, counts=counts)
    lines = [head]
    for label, names in ((_("added"), changes.added), (_("changed"), changes.changed), (_("removed"), changes.removed)):
        for name in names[:SHOWN]:
            lines.append(f"  {label}: {name}")
        if len(names) > SHOWN:
            lines.append("  " + _("{label}: {count} more").format(label=label, count=len(names) - SHOWN))
    return "\n".join(lines)


__all__ = ["Changes", "DeployError", "Deployed", "Target", "configured_target", "deploy", "report"]
