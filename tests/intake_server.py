"""A real report intake for tests: a site built with an intake, ``publish.py intake serve`` on a free port,
and HTTP clients that send the form as a browser does."""

from __future__ import annotations

import http.client
import signal
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from nacl.public import PrivateKey

from relais.intake.sealing import SealedReport, open_sealed
from relais.intake.spool import waiting_reports
from tests.helpers import copy_minimal, publish, settings_file
from tests.serving import RunningCommand, free_port, wait_for

READY = "The report intake is ready"


@dataclass(frozen=True)
class IntakeSite:
    folder: Path
    settings: Path
    output: Path
    private_key: PrivateKey
    data_home: Path


def intake_settings(public_key: str, **extra: object) -> str:
    options = {"public_key": public_key, "path": "/report/send", **extra}
    return f"BAD_DATES_INTAKE = {options!r}\n"


def make_intake_site(folder: Path, build: bool = True, **extra: object) -> IntakeSite:
    """A minimal site whose intake has a fresh key pair (the public key in the settings); built unless told not."""
    from relais.intake.keys import encode

    private = PrivateKey.generate()
    folder.mkdir(parents=True, exist_ok=True)
    settings = settings_file(folder, intake_settings(encode(bytes(private.public_key)), **extra))
    content = copy_minimal(folder)
    output = folder / "out"
    data_home = folder / "data-home"
    if build:
        result = publish(
            "build", "--settings", str(settings), "--content", str(content), "--output", str(output),
            "--today", "2026-02-15", timeout=600,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
    return IntakeSite(folder, settings, output, private, data_home)


class RunningIntake(RunningCommand):
    """``publish.py intake serve`` in the background; everything it prints is kept in ``lines``."""

    def __init__(self, site: IntakeSite, spool: Path) -> None:
        self.port = free_port()
        self.spool = spool
        super().__init__(
            [
                *("intake", "serve", "--settings", str(site.settings)),
                *("--port", str(self.port), "--spool", str(spool), "--site", str(site.output)),
            ],
            cwd=site.folder,
            env={"RELAIS_DATA_HOME": str(site.data_home)},
        )
        assert wait_for(lambda: any(READY in line for line in self.lines) or self.process.poll() is not None, 60)
        assert self.process.poll() is None, self.output

    def stop(self, how: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(how)
        code = self.process.wait(30)
        self._reader.join(10)
        return code

    def __enter__(self) -> RunningIntake:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)


def form_body(fields: dict[str, str | list[str]]) -> bytes:
    return urllib.parse.urlencode(fields, doseq=True).encode("ascii")


def post(  # noqa: PLR0917 - a request as tests vary it
    port: int,
    body: bytes,
    content_type: str = "application/x-www-form-urlencoded",
    headers: dict[str, str] | None = None,
    connection: http.client.HTTPConnection | None = None,
    method: str = "POST",
    path: str = "/report/send",
) -> tuple[int, str, dict[str, str]]:
    """Send a request as a browser sends the form; the status, the page and the headers."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        sent_headers = {"Content-Type": content_type, **(headers or {})}
        connection.request(method, path, body=body if method == "POST" else None, headers=sent_headers)
        response = connection.getresponse()
        page = response.read().decode("utf-8")
        return response.status, page, {key.lower(): value for key, value in response.getheaders()}
    finally:
        if own:
            connection.close()


def opened_reports(spool: Path, private_key: PrivateKey) -> list[SealedReport]:
    return [open_sealed(path.read_bytes(), private_key) for path in waiting_reports(spool)]


def report_fields(number: int, token: str) -> dict[str, str | list[str]]:
    return {
        "lang": "en" if number % 2 else "fr",
        "date": "2026-02-10",
        "time_of_day": "night",
        "area": f"East end {token}",
        "place_type": "car",
        "types": ["robbery", "threats"],
        "aggressor_description": f"Tall man, grey beard, number {number} {token}",
        "vehicle_colour": "dark blue",
        "what_happened": f"He refused to pay — report {number} {token} « é »",
        "website": "",
    }
