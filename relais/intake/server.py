"""``publish.py intake serve``: the intake under uvicorn, with every log that could name a sender turned off."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from relais.i18n import _
from relais.listening import open_listener
from relais.problems import Problem, Severity
from relais.signal_handlers import handled_by

from .app import IntakeOptions, create_app
from .form import form_fields
from .pages import answer_folders
from .settings import Intake, intake_of

# uvicorn's own log would print addresses (its access log) and connection details: only real failures pass.
UVICORN_LOG_LEVEL = "error"


def intake_options(
    settings: dict[str, Any], spool: Path | None, site: Path | None
) -> tuple[IntakeOptions | None, list[Problem]]:
    """Everything the application needs, from the site's settings; None (with the problems) when it cannot run."""
    intake, problems = intake_of(settings)
    settings_file = str(settings.get("SETTINGS_FILE", "pelicanconf.py"))
    if intake is None:
        if not problems:
            problems = [
                Problem(
                    settings_file,
                    0,
                    "BAD_DATES_INTAKE",
                    _("the report intake is not configured in these settings"),
                    _("add BAD_DATES_INTAKE (see README.md, 'Anonymous reports: running the intake')"),
                )
            ]
        return None, problems
    if intake.public_key is None:
        return None, [dataclasses.replace(problem, severity=Severity.ERROR) for problem in intake.problems]
    return _options(intake, settings, spool, site), []


def _options(intake: Intake, settings: dict[str, Any], spool: Path | None, site: Path | None) -> IntakeOptions:
    config = intake.config
    assert intake.public_key is not None
    kinds = list((settings.get("BAD_DATES_TYPES") or {}).keys())
    languages = tuple((settings.get("LANGUAGES") or {}).keys()) or (str(settings.get("DEFAULT_LANG", "en")),)
    return IntakeOptions(
        public_key=intake.public_key,
        spool=(spool or intake.spool_folder()).expanduser().resolve(),
        path=config.path,
        site=(site or Path(settings["OUTPUT_PATH"])).resolve(),
        languages=languages,
        default_lang=str(settings.get("DEFAULT_LANG", languages[0])),
        fields=form_fields(kinds),
        timezone=str(settings.get("TIMEZONE", "UTC")),
        max_body_bytes=config.max_body_kb * 1024,
        reports_per_minute=config.reports_per_minute,
        burst=config.burst,
        spool_max_reports=config.spool_max_reports,
        spool_max_bytes=config.spool_max_mb * 1024 * 1024,
        answer_folders=answer_folders(settings, languages),
    )


def _server_class() -> type:
    import uvicorn

    class IntakeServer(uvicorn.Server):
        """uvicorn's server, but Ctrl+C and SIGTERM end it with code 0 once it has finished what it was doing
        (uvicorn raises the signal again after shutting down, which a service manager would count as a failure)."""

        def capture_signals(self) -> contextlib.AbstractContextManager[None]:
            return handled_by(self.handle_exit, signal.SIGINT, signal.SIGTERM)

    return IntakeServer


def listen(host: str, port: int) -> socket.socket | None:
    """The listening socket, or None after saying in plain words why the port cannot be used."""
    try:
        return open_listener(host, port, backlog=128)
    except OSError as err:
        print(
            _("Port {port} cannot be used ({reason}) — stop what runs on it, or choose another with --port.").format(
                port=port, reason=err.strerror or err
            ),
            file=sys.stderr,
        )
        return None


def run(options: IntakeOptions, host: str, port: int) -> int:
    """Serve until stopped (Ctrl+C, SIGTERM); 0 when stopped cleanly."""
    import uvicorn

    sock = listen(host, port)
    if sock is None:
        return 1

    app = create_app(options)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,  # an access log is a list of who sent a report, and when
        log_level=UVICORN_LOG_LEVEL,
        proxy_headers=False,  # X-Forwarded-For is never read, so never kept
        server_header=False,
        date_header=False,
        lifespan="on",
        workers=1,  # one process: the spool's count and the rate limit are shared by every request
        timeout_keep_alive=5,
        limit_concurrency=200,
    )
    server = _server_class()(config)
    # The loopback address is left out: the log then never holds an IP address, not even this server's.
    where = str(port) if host == "127.0.0.1" else f"{host}:{port}"
    print(
        _("The report intake listens on port {port}, path {path}, and writes to {spool}. Ctrl+C stops it.").format(
            port=where, path=options.path, spool=options.spool
        ),
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(server.serve(sockets=[sock]))
    if not server.started:
        print(_("The report intake could not start (see the lines above)."), file=sys.stderr)
        return 1
    return 0
