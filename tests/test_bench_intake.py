"""bench/intake.py measures the real intake: reports per second and percentiles, every acknowledged report stored."""

from __future__ import annotations

import re
from pathlib import Path

from bench import intake


def test_the_intake_benchmark_reports_throughput_and_the_99th_percentile(tmp_path: Path) -> None:
    output = tmp_path / "intake.md"
    assert intake.main(["--clients", "4", "--seconds", "1.5", "--output", str(output)]) == 0
    row = output.read_text(encoding="utf-8").strip().splitlines()[-1]
    match = re.fullmatch(r"\| 4 \| (\d+) \| ([\d.]+) ms \| ([\d.]+) ms \| ([\d.]+) ms \| (\d+) / (\d+) \| 0 \|", row)
    assert match, row
    per_second, median, _p95, p99, stored, acknowledged = match.groups()
    assert int(per_second) > 0
    assert float(p99) >= float(median) > 0
    assert stored == acknowledged != "0"
