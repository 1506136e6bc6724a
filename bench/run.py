"""The build benchmark: Relais against plain Pelican 4.12 on the same generated posts.

    make bench                                     # 100, 1,000 and 5,000 posts; 5, 3 and 1 runs
    python bench/run.py --sizes 100,1000 --runs 5
    python bench/run.py --quick                    # a smoke test: 20 posts, 1 run, bench/results/quick.md
    python bench/run.py --sizes 30 --runs 2 --only full,rebuild

For each size it generates a corpus (bench/corpus.py) in a temporary folder and times,
alternating Relais and Pelican in every round: full builds (with and without the search
index), one-post rebuilds (a body, then a title) and the delay from saving a file to the
new page being served.  It writes bench/results/latest.md (or --output) and, for
latest.md, the summary between the markers of README.md's "Performance" section.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script (python bench/run.py): make the repository importable
    sys.path.insert(0, str(ROOT))

from bench import report, scenarios  # noqa: E402
from bench.corpus import (  # noqa: E402
    PELICAN_SETTINGS,
    PELICAN_SETTINGS_CACHED,
    RELAIS_SETTINGS,
    RELAIS_SETTINGS_NO_SEARCH,
    SEED,
    describe,
    make_posts,
    write_pelican_site,
    write_relais_site,
)
from bench.measure import CommandFailed, MachineClock  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LATEST = RESULTS / "latest.md"
MEASURES = ("full", "rebuild", "serve")


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of numbers, such as 100,1000") from None
    if not sizes or any(size < 2 for size in sizes):
        raise argparse.ArgumentTypeError("each size is a number of posts, at least 2 (one per language)")
    return sizes


def _measures(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in MEASURES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"use some of: {', '.join(MEASURES)}")
    return chosen


def _runs(text: str) -> list[int]:
    parts = [part.strip() for part in text.split(",")]
    if not all(part.isdigit() and int(part) >= 1 for part in parts):
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of runs (1 or more), or one per size: 5,3,1")
    return [int(part) for part in parts]


def default_runs(size: int) -> int:
    """Fewer runs for larger corpora, so that `make bench` ends in reasonable time."""
    return 5 if size <= 100 else 3 if size <= 1000 else 1


def runs_per_size(sizes: list[int], runs: list[int] | None) -> list[int]:
    if runs is None:
        return [default_runs(size) for size in sizes]
    if len(runs) == 1:
        return runs * len(sizes)
    if len(runs) != len(sizes):
        raise ValueError(f"--runs gives {len(runs)} numbers for {len(sizes)} sizes: give one, or one per size")
    return runs


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=_sizes, default=[100, 1000, 5000], help="posts per corpus (default: 100,1000,5000)"
    )
    parser.add_argument(
        "--runs",
        type=_runs,
        help="counted runs of each measure, or one number per size "
        "(default: 5 up to 100 posts, 3 up to 1,000, 1 above)",
    )
    parser.add_argument(
        "--only", type=_measures, default=list(MEASURES), help="some of: full,rebuild,serve (default: all)"
    )
    parser.add_argument("--quick", action="store_true", help="smoke test: 20 posts, 1 run, written to quick.md")
    parser.add_argument("--seed", type=int, default=SEED, help=f"corpus seed (default: {SEED})")
    parser.add_argument(
        "--build-timeout", type=float, default=3600, help="give up on one build after this many seconds"
    )
    parser.add_argument(
        "--serve-timeout", type=float, default=180, help="give up waiting for a saved page after this many seconds"
    )
    parser.add_argument("--output", type=Path, help="the report (default: bench/results/latest.md)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpora, logs)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if args.quick:
        args.sizes, args.runs = [20], [1]
    try:
        runs = runs_per_size(args.sizes, args.runs)
    except ValueError as err:
        make_parser().error(str(err))
    output = (args.output or (RESULTS / "quick.md" if args.quick else LATEST)).resolve()
    work = Path(tempfile.mkdtemp(prefix="relais-bench-"))
    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    machine_before = MachineClock.now()
    results: list[report.SizeResult] = []
    try:
        for size, size_runs in zip(args.sizes, runs, strict=True):
            results.append(_measure_size(size, size_runs, args, work / str(size), clock))
    except CommandFailed as err:
        print(f"\nThe benchmark stopped: {err}\nThe corpora and logs are kept in {work}/.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\nStopped. The corpora and logs are kept in {work}/.", file=sys.stderr)
        return 130
    others = MachineClock.now().others_since(machine_before)
    info = _run_info(args, argv, started=started, seconds=time.perf_counter() - clock, others=others, work=work)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.render(results, info), encoding="utf-8")
    print(f"Wrote {_shown(output)}.")
    if output == LATEST.resolve() and report.update_readme(results, info, output):
        print("Updated the summary in README.md.")
    print("\n".join(report.summary(results, info)))
    return 0


def _measure_size(size: int, runs: int, args: argparse.Namespace, folder: Path, clock: float) -> report.SizeResult:
    def progress(message: str) -> None:
        print(f"[{_elapsed(clock)}] {size:,} posts: {message}", file=sys.stderr, flush=True)

    posts = make_posts(size, args.seed)
    english = [post for post in posts if post.lang == "en"]
    bench = scenarios.Bench(
        relais=write_relais_site(folder / "relais", posts),
        pelican=write_pelican_site(folder / "pelican", posts),
        post=english[len(english) // 2],
        work=folder,
        runs=runs,
        build_timeout=args.build_timeout,
        serve_timeout=args.serve_timeout,
        progress=progress,
    )
    progress(f"corpus written to {folder}")
    measures = list(scenarios.every_measure(bench, args.only))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return report.SizeResult(size, runs, describe(posts), measures)


def _run_info(
    args: argparse.Namespace,
    argv: list[str] | None,
    *,
    started: dt.datetime,
    seconds: float,
    others: float,
    work: Path,
) -> report.RunInfo:
    # Settings files and commands as written for any site: shown with placeholders for the folders.
    sample = work / "sample"
    relais = write_relais_site(sample / "relais", make_posts(2, args.seed))
    pelican = write_pelican_site(sample / "pelican", make_posts(2, args.seed))
    commands = {
        "full build, Relais": scenarios.relais_build(relais),
        "full build, search index off": scenarios.relais_build(relais, search=False),
        "full build, plain Pelican": scenarios.pelican_build(pelican),
        "one-post rebuild, Relais": scenarios.relais_build(relais),
        "one-post rebuild, plain Pelican (cached)": scenarios.pelican_build(pelican, cached=True),
        "save → served, Relais": scenarios.relais_serve(relais, 8001),
        "save → served, plain Pelican": scenarios.pelican_serve(pelican, 8002),
    }
    files = {
        RELAIS_SETTINGS: relais.settings(),
        RELAIS_SETTINGS_NO_SEARCH: relais.settings(search=False),
        PELICAN_SETTINGS: pelican.settings(),
        PELICAN_SETTINGS_CACHED: pelican.settings(cached=True),
    }
    invocation = shlex.join(["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    if os.environ.get("MAKELEVEL"):
        invocation = f"make bench` (`{invocation}"
    return report.RunInfo(
        command=invocation,
        started=started,
        seconds=seconds,
        others=others,
        seed=args.seed,
        build_timeout=args.build_timeout,
        serve_timeout=args.serve_timeout,
        sample_commands={name: _placeholders(shlex.join(command)) for name, command in commands.items()},
        settings_files={name: _placeholders(path.read_text(encoding="utf-8")) for name, path in files.items()},
    )


def _placeholders(text: str) -> str:
    """The machine's own paths replaced by names a reader can follow."""
    return (
        text.replace(sys.executable, "python")
        .replace(str(Path(sys.executable).parent) + "/", "")
        .replace(str(ROOT), "$RELAIS")
    )


def _elapsed(clock: float) -> str:
    seconds = int(time.perf_counter() - clock)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
