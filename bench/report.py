"""The benchmark's report: bench/results/latest.md, and the summary the README quotes.

Times are the median over the counted runs; ratios are the median of the per-round
ratios (each Relais run against the Pelican run of the same round), with their
smallest and largest value as the spread.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.measure import SAMPLE_EVERY
from bench.scenarios import POLL_EVERY, Measure

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
README_START = "<!-- bench summary: written by bench/run.py -->"
README_END = "<!-- end of bench summary -->"
TARGET_SIZE = 1000
# Other processes using more than this share of the CPU make the figures noisy.
NOISY = 0.05


@dataclass(frozen=True)
class SizeResult:
    size: int
    runs: int
    corpus: dict[str, Any]
    measures: list[Measure]

    def measure(self, name: str) -> Measure | None:
        return next((measure for measure in self.measures if measure.name == name), None)


@dataclass(frozen=True)
class RunInfo:
    command: str
    started: dt.datetime
    seconds: float
    others: float  # share of the machine's CPU other processes used during the run
    seed: int
    build_timeout: float
    serve_timeout: float
    sample_commands: dict[str, str]
    settings_files: dict[str, str]


# --- Numbers ---------------------------------------------------------------------------------


def speedups(measure: Measure) -> list[float]:
    """Pelican's time ÷ Relais' time, round by round (above 1: Relais is faster)."""
    if measure.relais_delays or measure.pelican_delays:
        pairs = zip(measure.relais_delays, measure.pelican_delays, strict=False)
        return [pelican / relais for relais, pelican in pairs if relais and pelican]
    return [
        pelican.wall / relais.wall
        for relais, pelican in zip(measure.relais, measure.pelican, strict=False)
        if relais and pelican
    ]


def seconds(measure: Measure, tool: str) -> list[float | None]:
    if measure.relais_delays or measure.pelican_delays:
        return list(getattr(measure, f"{tool}_delays"))
    return [usage.wall if usage else None for usage in getattr(measure, tool)]


def median_seconds(measure: Measure, tool: str) -> float | None:
    """None when the tool gave up on any run (the median would hide it)."""
    values = seconds(measure, tool)
    if not values or any(value is None for value in values):
        return None
    return statistics.median(value for value in values if value is not None)


def median_cpu(measure: Measure, tool: str) -> float | None:
    values = [usage.cpu for usage in getattr(measure, tool) if usage]
    return statistics.median(values) if values and not (measure.relais_delays or measure.pelican_delays) else None


def median_memory(measure: Measure, tool: str) -> int | None:
    values = [usage.memory for usage in getattr(measure, tool) if usage]
    return int(statistics.median(values)) if values else None


# --- Formatting ------------------------------------------------------------------------------


def _time(value: float | None, measure: Measure, timeout: float) -> str:
    if value is None:
        return f"gave up after {timeout:.0f} s" if _is_serve(measure) else "—"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _time_and_cpu(measure: Measure, tool: str, timeout: float) -> str:
    text = _time(median_seconds(measure, tool), measure, timeout)
    cpu = median_cpu(measure, tool)
    return f"{text} (CPU {cpu:.1f} s)" if cpu is not None else text


def _ratio(values: Sequence[float]) -> str:
    if not values:
        return "—"
    if len(values) == 1:
        return f"{values[0]:.2f}×"
    return f"{statistics.median(values):.2f}× ({min(values):.2f}–{max(values):.2f})"


def _megabytes(value: int | None) -> str:
    return f"{value / 1e6:.0f} MB" if value is not None else "—"


def _is_serve(measure: Measure) -> bool:
    return bool(measure.relais_delays or measure.pelican_delays)


def _count(number: int) -> str:
    return f"{number:,}"


# --- The Markdown report -----------------------------------------------------------------------


def render(results: Sequence[SizeResult], info: RunInfo) -> str:
    lines = [
        "# Build benchmark: Relais against plain Pelican",
        "",
        f"Measured on {info.started:%Y-%m-%d %H:%M} UTC in {_duration(info.seconds)} with "
        f"`{info.command}`. Written by `bench/run.py`; do not edit by hand.",
        "",
    ]
    if _noisy(info):
        lines += [
            f"**Noisy run**: other processes used {info.others:.0%} of the machine's CPU while it ran. "
            "Run `make bench` on a quiet machine for figures to compare.",
            "",
        ]
    lines += summary(results, info)
    lines += ["", "## Machine", "", *_machine_lines(info), "", "## Corpus", "", *_corpus_lines(results, info)]
    for result in results:
        lines += ["", *_size_section(result, info)]
    lines += ["", *_method_lines(info), "", *_commands_lines(info), "", *_runs_lines(results)]
    return "\n".join(lines) + "\n"


def summary(results: Sequence[SizeResult], info: RunInfo) -> list[str]:
    """The targets of issue 10 against the measures (at 1,000 posts when measured), under a heading."""
    if not results:
        return []
    result = _target_size(results)
    return [f"## Targets ({_count(result.size)} posts, {_cores()} cores)", "", *_targets_table(result, info)]


def _target_size(results: Sequence[SizeResult]) -> SizeResult:
    return min(results, key=lambda result: abs(result.size - TARGET_SIZE))


def _targets_table(result: SizeResult, info: RunInfo) -> list[str]:
    lines = []
    if result.size != TARGET_SIZE:
        lines += [f"The targets are set for {_count(TARGET_SIZE)} posts; this run has no such size.", ""]
    lines += ["| Target | Relais | Plain Pelican | Measured | Met |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in _target_rows(result, info)]
    lines += [
        "",
        "Times are medians. Speed-up: Pelican's time ÷ Relais' time, the median of the rounds (smallest–largest); "
        "above 1, Relais is faster. Memory: the median peak of a full build, Relais' ÷ Pelican's.",
    ]
    return lines


def _target_rows(result: SizeResult, info: RunInfo) -> list[list[str]]:
    rows = []
    full = result.measure("Full build")
    if full:
        ratio = speedups(full)
        rows.append(
            [
                "Full build ≥ 2.5× faster than Pelican",
                _time(median_seconds(full, "relais"), full, info.build_timeout),
                _time(median_seconds(full, "pelican"), full, info.build_timeout),
                f"speed-up {_ratio(ratio)}",
                _met(bool(ratio) and statistics.median(ratio) >= 2.5),
            ]
        )
    unchanged = result.measure("Full build, nothing changed (build cache warm)")
    if unchanged:
        ratio = speedups(unchanged)
        rows.append(
            [
                "(not a target) Full build with nothing changed, against Pelican's cached build",
                _time(median_seconds(unchanged, "relais"), unchanged, info.build_timeout),
                _time(median_seconds(unchanged, "pelican"), unchanged, info.build_timeout),
                f"speed-up {_ratio(ratio)}",
                "—",
            ]
        )
    for name in ("One-post rebuild, body changed", "One-post rebuild, title changed"):
        measure = result.measure(name)
        if measure:
            relais, ratio = median_seconds(measure, "relais"), speedups(measure)
            met = relais is not None and relais <= 1.0 and bool(ratio) and statistics.median(ratio) >= 5
            what, edit = name.split(", ")
            rows.append(
                [
                    f"{what} ({edit}) ≤ 1 s and ≥ 5× faster than Pelican's cached rebuild",
                    _time(relais, measure, info.build_timeout),
                    _time(median_seconds(measure, "pelican"), measure, info.build_timeout),
                    f"{_time(relais, measure, info.build_timeout)}, speed-up {_ratio(ratio)}",
                    _met(met),
                ]
            )
    serve = result.measure("Save → page served")
    if serve:
        relais = median_seconds(serve, "relais")
        rows.append(
            [
                "Save → page served ≤ 0.5 s",
                _time(relais, serve, info.serve_timeout),
                _time(median_seconds(serve, "pelican"), serve, info.serve_timeout),
                _time(relais, serve, info.serve_timeout),
                _met(relais is not None and relais <= 0.5),
            ]
        )
    if full:
        relais_memory, pelican_memory = median_memory(full, "relais"), median_memory(full, "pelican")
        share = relais_memory / pelican_memory if relais_memory and pelican_memory else None
        rows.append(
            [
                "Peak memory of a full build ≤ 1× Pelican's",
                _megabytes(relais_memory),
                _megabytes(pelican_memory),
                f"{share:.2f}× Pelican's" if share is not None else "—",
                _met(share is not None and share <= 1),
            ]
        )
    return rows


def _met(value: bool) -> str:
    return "yes" if value else "**no**"


def _size_section(result: SizeResult, info: RunInfo) -> list[str]:
    by_lang = ", ".join(f"{count} {lang}" for lang, count in result.corpus["by_lang"].items())
    lines = [
        f"## {_count(result.size)} posts ({by_lang}), {result.runs} run{'s' if result.runs > 1 else ''}",
        "",
        "| Time (median) | Relais | Plain Pelican | Speed-up: Pelican ÷ Relais (median, min–max) |",
        "|---|---|---|---|",
    ]
    for measure in result.measures:
        timeout = info.serve_timeout if _is_serve(measure) else info.build_timeout
        lines.append(
            f"| {measure.name} | {_time_and_cpu(measure, 'relais', timeout)} | "
            f"{_time_and_cpu(measure, 'pelican', timeout)} | {_ratio(speedups(measure))} |"
        )
    lines += [
        "",
        "| Peak memory (median) | Relais | Plain Pelican | Relais ÷ Pelican |",
        "|---|---|---|---|",
    ]
    for measure in result.measures:
        relais, pelican = median_memory(measure, "relais"), median_memory(measure, "pelican")
        share = f"{relais / pelican:.2f}×" if relais and pelican else "—"
        name = f"{measure.name} (the whole session)" if _is_serve(measure) else measure.name
        lines.append(f"| {name} | {_megabytes(relais)} | {_megabytes(pelican)} | {share} |")
    return lines


def _machine_lines(info: RunInfo) -> list[str]:
    return [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores ({_cores()} usable by the benchmark)",
        f"- Memory: {_memory_total()}",
        f"- System: {platform.platform()}",
        f"- Other processes used {info.others:.0%} of the CPU during the run (from `/proc/stat`, less the "
        "benchmark's own processes)",
        f"- Python {platform.python_version()}, Pelican {_version('pelican')}, Markdown {_version('markdown')}, "
        f"Pagefind {_version('pagefind')}, WeasyPrint {_version('weasyprint')}",
        f"- Relais {_version('relais', fallback=_relais_version())}, {_git_state()}",
    ]


def _corpus_lines(results: Sequence[SizeResult], info: RunInfo) -> list[str]:
    if not results:
        return []
    corpus = results[-1].corpus
    low, high = corpus["words_range"]
    extras = ", ".join(f"{name}: {count}" for name, count in corpus["extras"].items())
    sizes = ", ".join(_count(result.size) for result in results)
    return [
        f"Generated by `bench/corpus.py` (seed {info.seed}) at {sizes} posts: half in English, half in French, "
        "in translated pairs sharing a `translation_key`, by the demo's five authors (one in ten by two; "
        "peer posts carry `reviewed_by`), over the six categories.",
        f"Each body is about 880 words (median {corpus['words_median']}, from {low} to {high} at "
        f"{_count(results[-1].size)} posts): an introduction, four `##` sections with a `###` sub-section, a bullet "
        "and a numbered list, bold and italic words, a quote, a link to another site and one to an earlier post "
        "(`{filename}`), and a passage in the other language (`<span lang>`).",
        "The Relais site also holds the demo's other content, the same at every size (files per folder: "
        f"{extras}), and the demo's never-publish list (`private/never-publish.example.txt`), so that the "
        "never-publish scan runs as on a real site.",
        "Plain Pelican gets the same posts and the demo's published pages, in its own metadata format "
        "(`Title:`, `Date:`…, with `Slug:` set to the `translation_key` so that translations pair up), and the "
        "same image folder.",
    ]


def _method_lines(info: RunInfo) -> list[str]:
    return [
        "## Method",
        "",
        "- Each measure runs as many times as its size's heading says, after one warm-up round that is not "
        "counted; within a round the tools run one after the other, and the order turns from one round to the next.",
        "- **Full build**: each build starts from a fresh copy of the sources (no output folder, no cache). The "
        'search-off build uses the same settings with `SEARCH_SAVE_AS = ""`, which turns off the search plugin\'s '
        "Pagefind index (and its search page); the bench checks that the index is there in the one and absent in "
        "the other. Both Relais rows are compared with the same round's Pelican build.",
        "- **One-post rebuild**: after a first, untimed build, one English post changes and the next build is timed: "
        "first a closing paragraph is added to its body, then its title changes. Relais runs `publish.py build` as "
        "always; Pelican runs with `CACHE_CONTENT` and `LOAD_CONTENT_CACHE` on. Each timed build must show the change "
        "in the post's page.",
        "- **Save → page served**: `publish.py serve` and `pelican --listen --autoreload` (with its cache on) run "
        "side by side on their own copies; each round saves the post once on each (a new marker in its body) and "
        f"polls its page over HTTP every {POLL_EVERY * 1000:.0f} ms until the marker is served; the next save waits "
        f"until the server has gone quiet. A save not served within {info.serve_timeout:.0f} s is reported as "
        "given up, and that server gets no more saves.",
        "- **Times**: wall time from just before the process starts until it is reaped; CPU is user + system time "
        "of the process and every descendant it waited for (`os.wait4`).",
        "- **Peak memory**: the larger of the kernel's `ru_maxrss` from `os.wait4` (the largest single process of "
        "the command's process tree) and the largest total PSS of the process group, sampled every "
        f"{SAMPLE_EVERY * 1000:.0f} ms from `/proc` (several processes alive at once). For the servers it covers "
        "the whole session, the first build included.",
        f"- A build that fails, or runs longer than {info.build_timeout:.0f} s, stops the benchmark with its log.",
    ]


def _commands_lines(info: RunInfo) -> list[str]:
    lines = ["## Commands", "", "Each runs in its site's folder (`SITE`, a fresh temporary folder).", "", "```sh"]
    lines += [f"{command}    # {name}" for name, command in info.sample_commands.items()]
    lines += ["```"]
    for name, text in info.settings_files.items():
        lines += ["", f"`{name}`:", "", "```python", text.rstrip(), "```"]
    return lines


def _runs_lines(results: Sequence[SizeResult]) -> list[str]:
    lines = [
        "## Every run",
        "",
        "Seconds, then peak memory in MB (largest process / sampled tree).",
        "",
    ]
    for result in results:
        for measure in result.measures:
            for tool in ("relais", "pelican"):
                times = ", ".join("gave up" if value is None else f"{value:.2f}" for value in seconds(measure, tool))
                memory = ", ".join(
                    f"{usage.largest_process / 1e6:.0f}/{usage.sampled_tree / 1e6:.0f}"
                    for usage in getattr(measure, tool)
                    if usage
                )
                label = "Relais" if tool == "relais" else "Pelican"
                lines.append(f"- {_count(result.size)} posts, {measure.name}, {label}: {times}; memory {memory}")
    return lines


# --- The README's quote ----------------------------------------------------------------------------


def update_readme(results: Sequence[SizeResult], info: RunInfo, report: Path, readme: Path = README) -> bool:
    """Quote the targets table between the README's two markers; False when the README has no markers."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.DOTALL)
    if not results or not pattern.search(text):
        return False
    result = _target_size(results)
    shown = report.relative_to(ROOT).as_posix()
    noisy = (
        f" Other work used {info.others:.0%} of the CPU during that run: the figures are noisy." if _noisy(info) else ""
    )
    intro = (
        f"The latest figures ({info.started:%Y-%m-%d}, {_count(result.size)} posts, {_cores()} cores; every detail "
        f"in [{shown}]({shown})).{noisy}"
    )
    block = "\n".join([README_START, intro, "", *_targets_table(result, info), README_END])
    readme.write_text(pattern.sub(lambda _match: block, text), encoding="utf-8")
    return True


def _noisy(info: RunInfo) -> bool:
    return info.others > NOISY


# --- About the machine -------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(package: str, fallback: str = "unknown") -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return fallback


def _relais_version() -> str:
    from relais import __version__

    return __version__


def _git_state() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return result.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("diff", "--name-only", "HEAD").splitlines()
    if not changed:
        return f"commit {commit}"
    return f"commit {commit} with uncommitted changes to {', '.join(changed[:4])}" + (", …" if len(changed) > 4 else "")


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{seconds:.0f} s" if seconds < 90 else f"{minutes} min"
