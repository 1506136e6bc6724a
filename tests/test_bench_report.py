"""The benchmark's report (bench/report.py): medians, ratios, targets met or not, the README's quote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bench.measure import Usage
from bench.report import README, README_END, README_START, RunInfo, SizeResult, render, update_readme
from bench.scenarios import Measure

MB = 1_000_000


def usage(seconds: float, megabytes: int = 100) -> Usage:
    return Usage(wall=seconds, cpu=seconds * 0.9, largest_process=megabytes * MB, sampled_tree=megabytes * MB)


def info(others: float = 0.0) -> RunInfo:
    return RunInfo(
        command="python bench/run.py",
        started=dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC),
        seconds=600,
        others=others,
        seed=1,
        build_timeout=3600,
        serve_timeout=180,
        sample_commands={"full build, Relais": "python publish.py build"},
        settings_files={"relais_settings.py": "from pelicanconf import *\n"},
    )


def result(relais_full: list[float], pelican_full: list[float], served: list[float | None]) -> SizeResult:
    corpus = {"by_lang": {"en": 500, "fr": 500}, "words_median": 880, "words_range": (820, 940), "extras": {}}
    full = Measure("Full build", [usage(s, 80) for s in relais_full], [usage(s) for s in pelican_full])
    body = Measure("One-post rebuild, body changed", [usage(0.5)] * 3, [usage(4.0)] * 3)
    serve = Measure("Save → page served", [usage(60)], [usage(60)], served, [1.0] * len(served))
    return SizeResult(1000, 3, corpus, [full, body, serve])


def target_line(report: str, start: str) -> str:
    return next(line for line in report.splitlines() if line.startswith(f"| {start}"))


def test_ratios_are_taken_round_by_round_and_targets_judged_on_their_median() -> None:
    report = render([result([10, 20, 12], [30, 40, 60], [0.3, 0.4, 0.2])], info())
    full = target_line(report, "Full build ≥ 2.5×")
    assert "12.0 s" in full and "40.0 s" in full  # medians of each tool
    assert "speed-up 3.00× (2.00–5.00)" in full and full.endswith("| yes |")  # rounds: 3, 2, 5
    assert target_line(report, "One-post rebuild (body changed)").endswith("| yes |")  # 0.5 s and 8× faster
    assert target_line(report, "Save → page served").endswith("| yes |")
    assert target_line(report, "Peak memory").endswith("| yes |")  # 80 MB against 100 MB
    assert "Noisy run" not in report


def test_a_missed_target_and_a_save_never_served_are_said_plainly() -> None:
    report = render([result([20, 20, 20], [30, 30, 30], [0.4, None])], info(others=0.4))
    assert target_line(report, "Full build ≥ 2.5×").endswith("| **no** |")
    assert "gave up after 180 s" in target_line(report, "Save → page served")
    assert "**Noisy run**: other processes used 40%" in report


def test_the_readme_quote_replaces_only_what_is_between_its_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"Before.\n\n{README_START}\nold figures\n{README_END}\n\nAfter.\n", encoding="utf-8")
    report = README.parent / "bench" / "results" / "latest.md"
    assert update_readme([result([10, 10, 10], [30, 30, 30], [0.3])], info(), report, readme)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("Before.\n\n" + README_START) and text.endswith(README_END + "\n\nAfter.\n")
    assert "old figures" not in text and "[bench/results/latest.md](bench/results/latest.md)" in text
    assert "| Full build ≥ 2.5× faster than Pelican |" in text


def test_the_project_readme_has_the_markers() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.index(README_START) < text.index(README_END)
