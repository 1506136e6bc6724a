"""The preview's HTTP server: the built site as a static host serves it, plus the live script.

:class:`SiteHandler` answers like the web host the site is published on
would: ``index.html`` for a folder, the site's own ``404.html`` for anything
missing, no folder listings.  :class:`PreviewHandler` adds what only the
preview has:

- every HTML page it sends gets ``<script src="/__relais__/live.js" defer>``
  before ``</head>`` (the files on disk are never changed, so nothing of the
  preview can be published);
- ``/__relais__/events`` streams the builds' outcomes to that script
  (Server-Sent Events), ``/__relais__/live.js`` and ``live.css`` are the
  script and its style, read from this folder;
- nothing is cached by the browser, so a reload shows the latest build;
- it answers only requests addressed to ``127.0.0.1`` or ``localhost``, so
  another site cannot reach it through a DNS name that points here;
- the report form's path goes to the report intake running beside it
  (:mod:`relais.preview.intake`), when the site has one.
"""

from __future__ import annotations

import errno
import http.server
import io
import os
import socket
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from ..i18n import _
from ..listening import open_listener
from .intake import MAX_FORWARDED_BYTES, PreviewIntake
from .state import LiveState, Snapshot

LIVE_ROOT = "/__relais__/"
EVENTS = LIVE_ROOT + "events"
ASSETS = {"live.js": "text/javascript; charset=utf-8", "live.css": "text/css; charset=utf-8"}
ASSET_FOLDER = Path(__file__).parent
# A comment line on a quiet event stream, so a closed tab is noticed and its thread freed.
KEEP_ALIVE_SECONDS = 15.0
# How soon a page's script asks again after losing the stream (the preview restarting).
RETRY_MILLISECONDS = 500

WAITING_PAGE = b"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; base-uri 'none'">
<title>Preview: the site is being built</title>
</head>
<body>
<main>
<h1>The site is being built</h1>
<p>This page shows the site by itself as soon as a build succeeds. If a build fails, its problems are listed here.</p>
</main>
</body>
</html>
"""


def live_script_tag(version: str) -> bytes:
    """The one tag the preview adds to each page; ``version`` tells the script which build it shows."""
    return f'<script src="{LIVE_ROOT}live.js" data-version="{version}" defer></script>\n'.encode()


def with_live_script(page: bytes, version: str) -> bytes:
    """The page with the live script before ``</head>`` (or before ``</body>``, or at the end, lacking one)."""
    lowered = page.lower()
    for closing in (b"</head", b"</body"):
        where = lowered.find(closing)
        if where >= 0:
            return page[:where] + live_script_tag(version) + page[where:]
    return page + live_script_tag(version)


class PortUnavailable(Exception):
    """The port cannot be used; the message says why and what to do, in plain words."""


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port``, or :class:`PortUnavailable`."""
    try:
        return open_listener(host, port)
    except OSError as err:
        raise PortUnavailable(_port_problem(err, port)) from None


def _port_problem(err: OSError, port: int) -> str:
    other = 8001 if port != 8001 else 8002
    if err.errno == errno.EADDRINUSE:
        return _(
            "Port {port} is already in use: another preview (publish.py serve) or another program is running "
            "on it — stop that one (Ctrl+C in its window), or choose another port: publish.py serve --port {other}"
        ).format(port=port, other=other)
    if err.errno == errno.EACCES:
        return _(
            "Port {port} is reserved for the administrator — choose one above 1023: publish.py serve --port 8000"
        ).format(port=port)
    return _("Port {port} could not be opened ({reason}) — choose another: publish.py serve --port {other}").format(
        port=port, reason=err.strerror, other=other
    )


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site (``directory``) as its web host would; says nothing on the terminal."""

    def send_head(self) -> BinaryIO | None:
        asked = self.translate_path(self.path)
        path = Path(asked)
        folder = path.is_dir()
        if folder and not urlsplit(self.path).path.endswith("/"):
            return super().send_head()  # redirects to the folder's address, with its slash
        if folder:
            path = path / "index.html"
        if not path.is_file() or (asked.endswith("/") and not folder):  # "page.html/" names nothing
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        if self.guess_type(path) != "text/html":
            del self.headers["If-Modified-Since"]  # always the whole file: two builds may fall in one second
            return super().send_head()
        try:
            page = path.read_bytes()
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return self.send_page(HTTPStatus.OK, page)

    def send_page(self, status: HTTPStatus, page: bytes) -> BinaryIO:
        """Send the headers of an HTML page; the caller writes the body it returns."""
        body = self.page_body(page)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def page_body(self, page: bytes) -> bytes:
        return page

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory, "404.html")
        if code == HTTPStatus.NOT_FOUND and page.is_file():
            body = self.send_page(HTTPStatus.NOT_FOUND, page.read_bytes())
            if self.command != "HEAD":
                self.wfile.write(body.getvalue())
            return
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(HTTPStatus.NOT_FOUND)  # a web host shows no listing of a folder without index.html

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass


class PreviewHandler(SiteHandler):
    """:class:`SiteHandler` plus the live script, its events and its files (see the module's docstring)."""

    server: PreviewServer
    _version = ""

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_POST(self) -> None:
        """Only the report form's, passed to the report intake (:mod:`relais.preview.intake`)."""
        intake = self.server.intake
        if not self._addressed_to_us() or intake is None or not intake.handles(urlsplit(self.path).path):
            http.server.SimpleHTTPRequestHandler.send_error(self, HTTPStatus.METHOD_NOT_ALLOWED)
            return
        self._to_intake("POST")

    def _to_intake(self, method: str) -> None:
        intake = self.server.intake
        assert intake is not None
        declared = self.headers.get("Content-Length", "0")
        length = int(declared) if declared.isdigit() else 0
        body = self.rfile.read(min(length, MAX_FORWARDED_BYTES)) if method == "POST" else b""
        headers = {name: self.headers[name] for name in ("Content-Type", "Accept-Language") if self.headers[name]}
        if method == "POST":
            headers["Content-Length"] = str(length)
            if length > MAX_FORWARDED_BYTES:
                self.close_connection = True
        try:
            status, answer_headers, page = intake.forward(method, body, headers)
        except OSError:
            http.server.SimpleHTTPRequestHandler.send_error(
                self, HTTPStatus.SERVICE_UNAVAILABLE, "The report intake is not running (see the preview's terminal)"
            )
            return
        self.send_response(status)
        for name, value in answer_headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(page)

    def _answer(self, head: bool) -> None:
        if not self._addressed_to_us():
            http.server.SimpleHTTPRequestHandler.send_error(
                self,
                HTTPStatus.FORBIDDEN,
                # The reason goes in the status line, which must be Latin-1: it stays in English.
                "This preview only answers at its own address",  # not for writers
                _("Open {address} instead.").format(address=f"http://127.0.0.1:{self.server.port}/"),
            )
            return
        route = urlsplit(self.path).path
        if route.startswith(LIVE_ROOT):
            self._live(route, head)
            return
        if self.server.intake is not None and self.server.intake.handles(route):
            self._to_intake("HEAD" if head else "GET")
            return
        # Taken before the file is read: a page read during a build reloads once more, never once less.
        self._version = self.server.live.current().version
        if not Path(self.directory).is_dir():
            self._waiting(head)
        elif head:
            super().do_HEAD()
        else:
            super().do_GET()

    def page_body(self, page: bytes) -> bytes:
        return with_live_script(page, self._version)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if urlsplit(self.path).path.startswith(LIVE_ROOT):
            http.server.SimpleHTTPRequestHandler.send_error(self, code, message, explain)
        else:
            super().send_error(code, message, explain)

    def _addressed_to_us(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        return not host or host in self.server.own_hosts

    def _waiting(self, head: bool) -> None:
        body = self.send_page(HTTPStatus.SERVICE_UNAVAILABLE, WAITING_PAGE)
        if not head:
            self.wfile.write(body.getvalue())

    def _live(self, route: str, head: bool) -> None:
        name = route[len(LIVE_ROOT) :]
        if route == EVENTS and not head:
            self._stream_events()
        elif name in ASSETS:
            data = (ASSET_FOLDER / name).read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", ASSETS[name])
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if not head:
                self.wfile.write(data)
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _stream_events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        self.close_connection = True
        try:
            self.wfile.write(f"retry: {RETRY_MILLISECONDS}\n\n".encode())
            seen: Snapshot | None = None
            while True:
                snapshot = self.server.live.wait_after(seen, KEEP_ALIVE_SECONDS)
                if snapshot is None:
                    return
                if snapshot == seen:
                    self.wfile.write(b": waiting for the next build\n\n")
                else:
                    self.wfile.write(f"data: {snapshot.as_json()}\n\n".encode())
                    seen = snapshot
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded


class PreviewServer(http.server.ThreadingHTTPServer):
    """A threaded server on an already listening socket (bound before the first build, kept across restarts)."""

    daemon_threads = True
    intake: PreviewIntake | None = None  # the report intake beside the preview, when the settings have one

    def __init__(self, listener: socket.socket, output: Path, live: LiveState) -> None:
        handler: Callable[..., Any] = _handler_for(output)
        super().__init__(listener.getsockname(), handler, bind_and_activate=False)
        self.socket.close()
        self.socket = listener
        self.live = live
        self.port: int = listener.getsockname()[1]
        names = ("127.0.0.1", "localhost")
        bare = set(names) if self.port == 80 else set()  # browsers leave out the default port
        self.own_hosts = frozenset({f"{name}:{self.port}" for name in names} | bare)

    def start(self) -> None:
        threading.Thread(target=self.serve_forever, name="preview server", daemon=True).start()

    def stop(self) -> None:
        """Stop answering (open event streams end); the listening socket stays open for a restart."""
        self.live.close()
        self.shutdown()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return  # the browser went away mid-answer
        print(
            _("The preview could not answer a request ({kind}: {reason}).").format(
                kind=type(error).__name__, reason=error
            ),
            file=sys.stderr,
        )


def _handler_for(output: Path) -> Callable[..., PreviewHandler]:
    def handler(*args: Any) -> PreviewHandler:
        return PreviewHandler(*args, directory=str(output))

    return handler
