#!/usr/bin/env python3
"""Check, build and preview the site. Run `./publish.py --help`.

Works without activating anything: when the project's virtual environment
(.venv/, made by `make html`) exists and this is not its Python, the command
starts again with it.  Only the standard library is used before that.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Set once the command has started again with the project's Python, so it never loops.
_RESTARTED = "RELAIS_VENV_PYTHON"


def _project_python() -> Path | None:
    """The Python of the project's .venv, if `make html` made one."""
    for candidate in (ROOT / ".venv" / "bin" / "python", ROOT / ".venv" / "Scripts" / "python.exe"):
        if candidate.is_file():
            return candidate
    return None


def _in_project_venv() -> bool:
    try:
        return Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()
    except OSError:
        return False


def _use_project_python() -> None:
    python = _project_python()
    if python is None or _in_project_venv() or os.environ.get(_RESTARTED):
        return
    os.environ[_RESTARTED] = "1"
    arguments = [str(python), str(Path(__file__).resolve()), *sys.argv[1:]]
    try:
        os.execv(str(python), arguments)
    except OSError:
        return  # a broken .venv: carry on, and say what is missing below if the imports fail


def _not_set_up(missing: str) -> int:
    """Relais' libraries are missing: say how to install them, in the writer's language."""
    wanted = os.environ.get("RELAIS_LANG") or next(
        (os.environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(name)), ""
    )
    if wanted.lower().startswith("fr"):
        message = (
            f"Relais n'est pas encore installé sur cet ordinateur (il manque « {missing} ») : "
            f"lancez une fois « make html » dans le dossier {ROOT}, puis recommencez."
        )
    else:
        message = (
            f"Relais is not set up on this computer yet ('{missing}' is missing): "
            f"run `make html` once in the folder {ROOT}, then try again."
        )
    print(message, file=sys.stderr)
    return 69  # EX_UNAVAILABLE


if __name__ == "__main__":
    _use_project_python()
    sys.path.insert(0, str(ROOT))
    try:
        from relais.cli import main
    except ModuleNotFoundError as err:
        sys.exit(_not_set_up(err.name or str(err)))
    sys.exit(main())
