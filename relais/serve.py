"""``publish.py serve``: preview on 127.0.0.1, rebuilding when files change.

Each rebuild runs ``publish.py build`` in a fresh process, so changes to
plugins and settings are picked up too (Pelican's own ``-r`` never re-imports
plugins).  A failed rebuild prints its problems and keeps serving the last
good site.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from watchfiles import watch

from .i18n import _


class _Handler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory, "404.html")
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass


def serve(output: Path, build_command: Sequence[str], watched: Sequence[Path], host: str, port: int) -> int:
    first = subprocess.run(build_command, check=False)
    if first.returncode != 0 and not output.exists():
        print(_("The first build failed and there is no earlier site to show."), file=sys.stderr)
        return first.returncode
    handler = functools.partial(_Handler, directory=str(output))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(
        _("Serving {folder}/ at {address} — press Ctrl+C to stop.").format(
            folder=output, address=f"http://{host}:{port}/"
        ),
        flush=True,
    )
    try:
        for _changes in watch(*[path for path in watched if path.exists()], raise_interrupt=False):
            print(_("Files changed; building again…"), flush=True)
            subprocess.run(build_command, check=False)
    finally:
        server.shutdown()
    return 0
