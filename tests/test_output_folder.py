"""``--output`` never deletes what is not a site; temporary folders of killed builds go at the next build."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from relais.swap import MARK
from tests.helpers import publish, tree_digest

TIMEOUT = 300


def build(content: Path, output: Path) -> subprocess.CompletedProcess[str]:
    return publish(
        "build", "--content", str(content), "--output", str(output), "--today", "2026-02-15", timeout=TIMEOUT
    )


def test_a_folder_holding_other_files_is_never_replaced(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "thesis"
    output.mkdir()
    (output / "thesis.docx").write_bytes(b"four years of work")
    (output / "notes").mkdir()
    before = tree_digest(output)
    result = build(content, output)
    assert result.returncode == 1
    assert (
        f"{output}/: this folder holds files that Relais did not build (notes, thesis.docx), so Relais will not "
        "replace it — pass --output with a new or empty folder" in result.stderr
    )
    assert tree_digest(output) == before and (output / "notes").is_dir()
    assert not list(tmp_path.glob(".relais-build-*"))


def test_a_new_or_empty_folder_gets_the_site_and_its_mark(content: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for output in (empty, tmp_path / "new"):
        result = build(content, output)
        assert result.returncode == 0, result.stderr
        assert (output / "en/posts/hello/index.html").exists()
        assert "built by Relais" in (output / MARK).read_text(encoding="utf-8")


def test_a_marked_site_is_replaced_whole(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    assert build(content, output).returncode == 0
    (content / "posts/hello.md").unlink()
    (output / "left-over.html").write_text("from an earlier build")
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert not (output / "en/posts/hello").exists() and not (output / "left-over.html").exists()
    assert (output / MARK).is_file()


def test_a_marked_folder_that_holds_a_repository_is_not_replaced(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    assert build(content, output).returncode == 0
    (output / ".git").mkdir()
    result = build(content, output)
    assert result.returncode == 1
    assert "this folder holds .git, so it is not a built site and Relais will not replace it" in result.stderr
    assert (output / ".git").is_dir()


def test_a_site_built_before_the_mark_existed_is_refused_with_what_to_do(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    assert build(content, output).returncode == 0
    (output / MARK).unlink()
    result = build(content, output)
    assert result.returncode == 1
    assert "if it only holds a site built by an older Relais, delete the folder and build again" in result.stderr
    (output / MARK).symlink_to(tmp_path / "elsewhere")  # a link is not the mark
    assert build(content, output).returncode == 1


def test_a_file_in_place_of_the_folder_is_refused(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "site.html"
    output.write_text("not a folder")
    result = build(content, output)
    assert result.returncode == 1
    assert f"{output}/: this exists and is not a folder" in result.stderr
    assert output.read_text() == "not a folder"


def test_a_link_to_the_output_folder_stays_a_link_to_the_new_site(content: Path, tmp_path: Path) -> None:
    real = tmp_path / "www"
    assert build(content, real).returncode == 0
    link = tmp_path / "output"
    link.symlink_to(real)
    result = build(content, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and (link / "en/posts/hello/index.html").exists()


@pytest.fixture()
def locked_folder(tmp_path: Path) -> Iterator[Path]:
    """A temporary build folder that another running build holds the lock of."""
    folder = tmp_path / ".relais-build-running"
    folder.mkdir()
    (folder / "page.html").write_text("being built")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"descriptor = os.open({str(folder)!r}, os.O_RDONLY)\n"
            "fcntl.flock(descriptor, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "time.sleep(600)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield folder
    finally:
        holder.kill()
        holder.wait()


def test_leftovers_of_killed_builds_go_at_the_next_build_but_not_a_running_one(
    content: Path, tmp_path: Path, locked_folder: Path
) -> None:
    killed = tmp_path / ".relais-build-killed"
    killed.mkdir()
    (killed / "half-written.html").write_text("a build killed half-way")
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, result.stderr
    assert not killed.exists()
    assert (locked_folder / "page.html").read_text() == "being built"
    assert sorted(path.name for path in tmp_path.glob(".relais-build-*")) == [locked_folder.name]
