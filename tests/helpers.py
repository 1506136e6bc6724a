"""Shared helpers for the test suite: run the real CLI, make content folders."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DEMO_TODAY = "2026-11-22"


def publish(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, **run_options: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``publish.py`` as a writer would, in a fresh process; ``run_options`` (``timeout``…) go to subprocess."""
    full_env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "publish.py"), *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
        **run_options,
    )


def copy_minimal(destination: Path) -> Path:
    """A small valid content folder the test may break."""
    target = destination / "content"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


def build_minimal(folder: Path, today: str = "2026-02-15") -> Path:
    """Build the minimal fixture in-process with the real pipeline; return the output folder."""
    import datetime as dt

    from relais.build import BuildOptions, build

    content = copy_minimal(folder) if not (folder / "content").exists() else folder / "content"
    output = folder / "out"
    options = BuildOptions(
        settings_file=ROOT / "pelicanconf.py",
        content_dir=content,
        output_dir=output,
        today=dt.date.fromisoformat(today),
    )
    result = build(options)
    assert result.built, [problem.format() for problem in result.problems]
    return output


def settings_file(folder: Path, extra: str, name: str = "siteconf.py") -> Path:
    """The project's settings plus a few lines (``extra``), in a file of its own in ``folder``."""
    path = folder / name
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n{extra}\n"
    )
    return path


def front_matter(defaults: dict[str, str], body: str = "Body.", **fields: str | None) -> str:
    """A content file from field values written as they are (YAML blocks included); None leaves a field out."""
    values = {**defaults, **fields}
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    return "---\n" + "\n".join(lines) + f"\n---\n\n{body}\n"


def write(content: Path, relative: str, text: str) -> Path:
    path = content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file's path and SHA-256, to compare two builds byte for byte."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def check_messages(content: Path, *extra: str) -> tuple[int, list[str]]:
    """Run ``publish.py check`` on a content folder; return exit code and lines."""
    result = publish("check", "--content", str(content), *extra)
    return result.returncode, [line for line in result.stderr.splitlines() if line.strip()]


def all_text(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in folder.rglob("*") if path.is_file())


POST = """---
title: {title}
date: 2026-01-15
authors: [ana]
category: news
summary: A summary.
lang: en
status: published
---

Body.
"""
