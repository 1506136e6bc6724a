"""Deploy to a folder on this computer (a web server's folder, a mounted share, GitLab Pages' ``public/``).

The folder is replaced in one step, as ``build`` replaces ``output/``: the
new site is copied beside it, then the two are exchanged, so a web server
never serves half a site.  Only a folder Relais filled before (it holds
the ``.relais-site`` mark) or an empty one is replaced.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..i18n import _
from ..swap import OutputFolderError, check_output_folder, new_build_folder, replace_output
from .changes import Changes, DeployError, compare, tree_hashes


def deploy_to_folder(site: Path, target: Path, dry_run: bool) -> Changes:
    target = target.resolve()
    if target == site.resolve() or site.resolve() in target.parents or target in site.resolve().parents:
        raise DeployError(
            _("the folder to deploy to is the built site's own folder ({folder})").format(folder=site),
            _("choose another folder"),
        )
    try:
        check_output_folder(target)
    except OutputFolderError as err:
        raise DeployError(
            err.what,
            _("choose an empty folder, or one Relais deployed to before (it holds a .relais-site file)"),
        ) from None
    changes = compare(tree_hashes(target), tree_hashes(site))
    if dry_run or (changes.none and target.is_dir()):
        return changes
    copy = new_build_folder(target)
    try:
        shutil.copytree(site, copy.path, symlinks=True, dirs_exist_ok=True)
        replace_output(copy, target)
    finally:
        copy.discard()
    return changes
