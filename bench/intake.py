"""The report intake's benchmark: sustained reports per second, and response times, on this machine.

    make bench-intake                      # (also run by make bench) 20 clients for 15 s
    python bench/intake.py --clients 50 --seconds 30

It starts the real intake (``publish.py intake serve``, uvicorn, sealing to a fresh public key, fsync of every
report) on a free local port with a temporary spool, with the rate limit lifted, sends reports of a typical
size (a few hundred characters) from CLIENTS concurrent keep-alive connections for SECONDS, then reports the
reports stored per second, the median, 95th and 99th percentile response times, and checks that the spool
holds one file per acknowledged report.  Writes bench/results/intake.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nacl.public import PrivateKey  # noqa: E402

from relais.intake.keys import encode  # noqa: E402
from relais.intake.spool import waiting_reports  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "intake.md"
REPORT = {
    "lang": "en",
    "date": "2026-11-20",
    "time_of_day": "night",
    "area": "East end, near the port",
    "place_type": "car",
    "types": ["robbery", "threats"],
    "aggressor_description": "Man in his forties, tall, short grey beard, blue work jacket, a scar on his chin.",
    "vehicle_colour": "dark blue",
    "vehicle_plate": "GXT 4",
    "what_happened": "He refused to pay, hit the worker and took her phone. " * 5,
}


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ready(port: int, server: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def _client(port: int, body: bytes, until: float, times: list[float], failures: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    while time.monotonic() < until:
        started = time.perf_counter()
        try:
            connection.request("POST", "/report/send", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            failures.append(0)
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        if response.status == 200:
            times.append(time.perf_counter() - started)
        else:
            failures.append(response.status)
    connection.close()


def run(clients: int, seconds: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="relais-intake-bench-") as scratch:
        folder = Path(scratch)
        public = encode(bytes(PrivateKey.generate().public_key))
        settings = folder / "benchconf.py"
        settings.write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
            f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
            f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
            f"BAD_DATES_INTAKE = {{'public_key': {public!r}, 'reports_per_minute': 1e6, 'burst': 10**6, "
            "'spool_max_reports': 10**9, 'spool_max_mb': 10**6}\n",
            encoding="utf-8",
        )
        port, spool = _free_port(), folder / "spool"
        command = [sys.executable, str(ROOT / "publish.py"), "intake", "serve", "--settings", str(settings)]
        command += ["--port", str(port), "--spool", str(spool), "--site", str(folder / "no-site")]
        env = {**os.environ, "RELAIS_DATA_HOME": str(folder / "home")}
        log = folder / "server.log"
        with log.open("wb") as sink:
            server = subprocess.Popen(command, cwd=folder, env=env, stdout=sink, stderr=subprocess.STDOUT)
        try:
            if not _ready(port, server):
                raise SystemExit("The intake did not start:\n" + log.read_text(encoding="utf-8", errors="replace"))
            body = urllib.parse.urlencode(REPORT, doseq=True).encode("ascii")
            times: list[float] = []
            failures: list[int] = []
            started = time.monotonic()
            until = started + seconds
            threads = [
                threading.Thread(target=_client, args=(port, body, until, times, failures)) for _ in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(30)
        stored = len(waiting_reports(spool))
    ordered = sorted(times)
    return {
        "clients": clients,
        "seconds": elapsed,
        "acknowledged": len(times),
        "stored": stored,
        "failures": len(failures),
        "per_second": len(times) / elapsed,
        "median_ms": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000 if ordered else 0.0,
        "p99_ms": ordered[int(0.99 * (len(ordered) - 1))] * 1000 if ordered else 0.0,
    }


def markdown(result: dict[str, float]) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return (
        "# The report intake: reports per second and response times\n\n"
        f"Measured {dt.datetime.now(dt.UTC).date().isoformat()} by `python bench/intake.py "
        f"--clients {int(result['clients'])} --seconds {result['seconds']:.0f}` on {platform.platform()}, "
        f"{os.cpu_count()} cores (load {load:.1f} at the end: other work shares the machine), "
        f"Python {platform.python_version()}.\n\n"
        "Each report is checked, padded, sealed to the public key and fsynced (file and folder) before the "
        "thank-you page is sent.\n\n"
        "| Concurrent clients | Reports per second | Median | 95th percentile | 99th percentile "
        "| Stored / acknowledged | Failed |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {int(result['clients'])} | {result['per_second']:.0f} | {result['median_ms']:.1f} ms | "
        f"{result['p95_ms']:.1f} ms | {result['p99_ms']:.1f} ms | {int(result['stored'])} / "
        f"{int(result['acknowledged'])} | {int(result['failures'])} |\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result = run(args.clients, args.seconds)
    text = markdown(result)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    if result["stored"] != result["acknowledged"]:
        print("The spool does not hold one file per acknowledged report.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
