"""publish.py serve: builds, serves on 127.0.0.1 and rebuilds on change."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.helpers import ROOT, write


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_content_changes(content: Path, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "publish.py"),
            "serve",
            "--content",
            str(content),
            "--output",
            str(tmp_path / "out"),
            "--port",
            str(port),
            "--today",
            "2026-02-15",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(lambda: fetch(f"{base}/en/")[0] == 200), "the preview never came up"
        assert "Hello &amp; welcome" in fetch(f"{base}/en/")[1]
        status, body = fetch(f"{base}/no/such/page/")
        assert status == 404 and "Page not found" in body
        write(
            content,
            "posts/new-one.md",
            (content / "posts/hello.md")
            .read_text()
            .replace("Hello & welcome <3", "Freshly added")
            .replace("translation_key: hello\n", ""),
        )
        assert wait_for(lambda: fetch(f"{base}/en/posts/new-one/")[0] == 200), "no rebuild after a change"
    finally:
        server.terminate()
        server.wait(timeout=10)
