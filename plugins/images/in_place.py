"""``publish.py clean-images``: rewrite the writers' own image files with their pixels only.

The site always publishes cleaned copies; this cleans the files that are
committed, so that the repository does not keep a photo's position, author
or thumbnail.  It sees exactly the files a build sees (the same folders, the
same formats, links never followed) and writes only regular files inside the
content folder, each replaced in one step so that an interrupted run leaves
either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from relais.i18n import _
from relais.problems import Problem

from .cleaning import NotCleanable, clean_image
from .folder import FIELD, SourceImage, read_folders, read_source
from .metadata import metadata_in
from .settings import image_limits


@dataclass
class Cleaning:
    cleaned: list[str] = field(default_factory=list)  # the files rewritten, as messages name them
    problems: list[Problem] = field(default_factory=list)


def clean_sources(content_dir: Path, settings: dict[str, Any], settings_file: str) -> Cleaning:
    """Rewrite, at full size, every image of the static folders that holds anything besides its pixels."""
    folder = read_folders(content_dir, settings, settings_file)
    result = Cleaning(problems=list(folder.problems))
    limits = image_limits(settings)
    root = content_dir.resolve()
    for source in folder.images:
        try:
            data = read_source(source, limits.max_bytes, limits.max_file_mb)
            if not metadata_in(data):
                continue
            cleaned = clean_image(data, source.format, limits, max_width=None)
            _replace(source, cleaned.data, root)
        except NotCleanable as err:
            result.problems.append(Problem(source.shown_as, 0, FIELD, err.what, err.fix))
            continue
        result.cleaned.append(source.shown_as)
    return result


def _replace(source: SourceImage, data: bytes, root: Path) -> None:
    """Put ``data`` in place of the file: never through a link, never outside the content folder."""
    folder = source.path.parent.resolve()
    target = folder / source.path.name
    if not folder.is_relative_to(root) or not stat.S_ISREG(target.lstat().st_mode):
        raise NotCleanable(_("this file changed while it was being cleaned"), _("run ./publish.py clean-images again"))
    mode = stat.S_IMODE(target.lstat().st_mode)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".relais-cleaning-", suffix=target.suffix)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        Path(temporary).chmod(mode)
        Path(temporary).replace(target)
    except OSError as err:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise NotCleanable(
            _("this file could not be rewritten ({reason})").format(reason=err.strerror),
            _("check that you can write it"),
        ) from err
