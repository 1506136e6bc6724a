"""The report intake beside the preview, so the form can be tried on one machine, at the preview's own address.

When the settings configure an intake with its public key, ``publish.py
serve`` starts ``publish.py intake serve`` as a child process on a free
local port; the preview's server passes what the form sends to the intake's
path (and a GET on it) to that child, and sends back its answer.  Reports
go to the intake's spool as they would in production (sealed; open them with
``publish.py bad-dates inbox``).  The child ends with the preview, and
before it restarts.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# What the preview reads of a request before passing it on: the intake refuses anything near this anyway.
MAX_FORWARDED_BYTES = 2 * 1024 * 1024
# Headers of the intake's answer the preview sends again (length and caching are its own).
_PASSED_ON = {"content-type", "referrer-policy", "content-security-policy", "x-content-type-options", "allow"}


@dataclass
class PreviewIntake:
    path: str
    port: int
    process: subprocess.Popen[bytes]

    @classmethod
    def start(cls, settings: dict[str, Any], settings_file: Path, output: Path) -> PreviewIntake | None:
        """The intake's child process, or None when the settings have no intake (or no public key yet)."""
        from relais.intake.settings import intake_of

        intake, _problems = intake_of(settings)
        if intake is None or intake.public_key is None:
            return None
        port = _free_port()
        publish = Path(__file__).resolve().parents[2] / "publish.py"
        command = [sys.executable, str(publish), "intake", "serve", "--settings", str(settings_file)]
        command += ["--port", str(port), "--site", str(output)]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL)  # its few lines go to the preview's terminal
        return cls(intake.config.path, port, process)

    def handles(self, route: str) -> bool:
        return route.rstrip("/") == self.path

    def forward(self, method: str, body: bytes, headers: dict[str, str]) -> tuple[int, list[tuple[str, str]], bytes]:
        """Pass one request to the intake; its status, the headers to send back and its page."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, self.path, body=body if method == "POST" else None, headers=headers)
            response = connection.getresponse()
            data = response.read()
            kept = [(name, value) for name, value in response.getheaders() if name.lower() in _PASSED_ON]
            return response.status, kept, data
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
