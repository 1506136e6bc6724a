"""Benchmark: a Relais build against a plain Pelican build of the same posts.

    .venv/bin/python bench/build_speed.py [--posts 500]

Writes N posts per language twice, once with YAML front matter for Relais and
once with Pelican's own metadata for a plain ``pelican`` run (default theme,
both languages in one run), then times both.  Relais should cost no more
than Pelican alone: it checks every file, then builds each language.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BODY = "\n\n".join(
    ["Paragraph with **bold**, *emphasis* and a [link](https://example.org/)." * 3] * 6
    + ["## A heading", "- one\n- two"]
)


def relais_post(number: int, lang: str) -> str:
    return (
        f"---\ntitle: Post {number} {lang}\ndate: 2025-{1 + number % 12:02d}-{1 + number % 28:02d}\n"
        f"authors: [camille]\ncategory: health\ntags: [tag{number % 20}, common]\nsummary: Summary {number}.\n"
        f"lang: {lang}\ntranslation_key: post-{number}\nstatus: published\n---\n\n{BODY}\n"
    )


def pelican_post(number: int, lang: str) -> str:
    return (
        f"Title: Post {number} {lang}\nDate: 2025-{1 + number % 12:02d}-{1 + number % 28:02d}\n"
        f"Author: Camille\nCategory: Health\nTags: tag{number % 20}, common\nSummary: Summary {number}.\n"
        f"Lang: {lang}\nSlug: post-{number}\n\n{BODY}\n"
    )


def timed(command: list[str], cwd: Path) -> float:
    """CPU seconds the command used (steadier than wall time on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=500, help="posts per language (default 500)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        relais_content, pelican_content = work / "relais", work / "pelican"
        shutil.copytree(ROOT / "content" / "authors", relais_content / "authors")
        for lang in ("en", "fr"):
            for number in range(args.posts):
                name = f"post-{number}-{lang}.md"
                (relais_content / "posts").mkdir(parents=True, exist_ok=True)
                (pelican_content / "posts").mkdir(parents=True, exist_ok=True)
                (relais_content / "posts" / name).write_text(relais_post(number, lang), encoding="utf-8")
                (pelican_content / "posts" / name).write_text(pelican_post(number, lang), encoding="utf-8")
        relais_seconds = timed(
            [
                sys.executable,
                str(ROOT / "publish.py"),
                "build",
                "--content",
                str(relais_content),
                "--output",
                str(work / "out-relais"),
                "--today",
                "2026-11-22",
            ],
            cwd=ROOT,
        )
        # Run from the temporary folder, so that Pelican does not pick up our pelicanconf.py.
        pelican_seconds = timed(
            [
                sys.executable,
                "-m",
                "pelican",
                str(pelican_content),
                "-o",
                str(work / "out-pelican"),
                "-e",
                'TIMEZONE="America/Toronto"',
                'DEFAULT_LANG="en"',
                "-q",
            ],
            cwd=work,
        )
        print(
            f"{2 * args.posts} posts, CPU time: Relais {relais_seconds:.1f} s, plain Pelican {pelican_seconds:.1f} s "
            f"(ratio {relais_seconds / pelican_seconds:.2f})"
        )


if __name__ == "__main__":
    main()
