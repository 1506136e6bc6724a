"""``publish.py serve``: the site on http://127.0.0.1:PORT/, following every save.

1. The port is opened first: when it is taken, the preview says so and stops
   before building anything.
2. Relais, Pelican and the plugins are imported once; the builder process is
   forked from here (see :mod:`relais.preview.builder`) and runs every build
   in a fresh fork of itself.
3. The HTTP server answers from the output folder, which a build replaces in
   one step, so a page is always the last good build's; the live script it
   adds to pages reloads them after each good build and shows a failed
   build's messages (the same lines as the terminal, redacted the same way).
4. When the settings have a report intake, it runs beside the preview
   (see :mod:`relais.preview.intake`) and the form's path is passed to it.
5. Saved files are followed (see :mod:`relais.preview.watching`): one build at
   a time; what is saved during a build is built right after it.  When
   Relais' code, the plugins or the settings change, the preview restarts
   itself in place (same process, same port) once the current build is done.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from .build import BuildOptions, build_settings
from .i18n import _
from .preview.builder import Builder, BuilderStopped, BuildOutcome, problem_lines
from .preview.handover import Handover
from .preview.intake import PreviewIntake
from .preview.server import PortUnavailable, PreviewServer, listen
from .preview.state import LiveState
from .preview.watching import Batch, Watcher, WatchPlan
from .private_list import list_path, load_list
from .problems import Problem, Problems
from .report import finish_output, redact
from .signal_handlers import handled_by

HOST = "127.0.0.1"  # this computer only: the preview is the writer's, not the network's


@dataclass(frozen=True)
class ServeOptions:
    build: BuildOptions
    port: int
    restart_arguments: tuple[str, ...]  # publish.py's path and arguments, to restart this same preview


@dataclass(frozen=True)
class _Setup:
    """What the settings say, or, after a restart, why they could not be read."""

    plan: WatchPlan
    settings: dict[str, Any] | None
    problem: Problem | None
    redact: Callable[[str], str]


def serve(options: ServeOptions) -> int:
    handover = Handover.take(options.port)
    setup = _read_setup(options.build, handover)
    if setup is None:
        return 1
    try:
        listener = handover.listener or listen(HOST, options.port)
    except PortUnavailable as err:
        print(err, file=sys.stderr)
        return 1
    # Forked now, while this process has a single thread (see relais.preview.builder).
    shown = _shown(setup.plan.output)
    builder = Builder(options.build, setup.settings, shown) if setup.settings is not None else None
    live = LiveState(handover.session, handover.builds)
    server = PreviewServer(listener, Path(setup.plan.output), live)
    if setup.settings is not None:
        server.intake = PreviewIntake.start(setup.settings, options.build.settings_file, Path(setup.plan.output))
    preview = _Preview(options, setup, builder, server, handover)
    return preview.run()


class _Preview:
    """The main loop: build, report, wait for saves; restart in place when the code or settings change."""

    def __init__(
        self, options: ServeOptions, setup: _Setup, builder: Builder | None, server: PreviewServer, handover: Handover
    ) -> None:
        self.options = options
        self.setup = setup
        self.builder = builder
        self.server = server
        self.live = server.live
        self.handover = handover
        self.watcher = Watcher(setup.plan)
        self.outcomes = 0

    def run(self) -> int:
        self.server.start()
        self.watcher.start()
        print(
            _("Previewing the site at {address} — it follows your saves; Ctrl+C stops it.").format(
                address=f"http://{HOST}:{self.server.port}/"
            )
        )
        if self.options.build.drafts:
            print(
                _(
                    "This preview also shows drafts, posts waiting for review and scheduled posts, each marked "
                    "'Not published', from {folder}; publish.py build never writes them."
                ).format(folder=_shown(self.setup.plan.output))
            )
        try:
            with _signals_stop_the_preview():
                self._follow()
        except KeyboardInterrupt:
            print(_("Preview stopped."))
            return 0
        except _Restart:
            return self._restart()
        except BuilderStopped as err:
            print(_("The preview stopped: its builder process ended ({reason}).").format(reason=err), file=sys.stderr)
            return 1
        finally:
            self.watcher.stop()
            if self.builder is not None:
                self.builder.close()
            self.server.stop()
            self._stop_intake()

    def _stop_intake(self) -> None:
        if self.server.intake is not None:
            self.server.intake.stop()

    def _follow(self) -> NoReturn:
        if self.setup.problem is not None:
            self._report(BuildOutcome(False, tuple(problem_lines(Problems([self.setup.problem]), False))))
        else:
            print(_("Building the site…"), flush=True)
            self._build()
        while True:
            batch = self.watcher.wait()
            _say_what_changed(batch)
            if batch.restart:
                raise _Restart
            if self.builder is None:
                print(_("The settings file still has the problem above: fix it and save it."), file=sys.stderr)
                continue
            self._build()

    def _build(self) -> None:
        assert self.builder is not None
        try:
            outcome = self.builder.build()
        except BuilderStopped:
            if self.outcomes:
                raise _Restart from None  # killed from outside: start again, cleanly
            raise
        self.outcomes += 1
        self._report(outcome)

    def _report(self, outcome: BuildOutcome) -> None:
        for line in outcome.lines:
            print(line, file=sys.stderr)
        if outcome.built:
            print(outcome.summary, flush=True)
            self.live.built()
            return
        print(
            _("The preview still shows the last good site: fix the problems above and save again."),
            file=sys.stderr,
            flush=True,
        )
        # The page's panel lists what to fix: notes (a post scheduled for later) stay in the terminal.
        wanted = [line for line in outcome.lines if line not in outcome.notes]
        *problems, count = [self.setup.redact(line) for line in wanted] or [""]
        self.live.failed(problems, count)

    def _restart(self) -> int:
        """Replace this process with a new preview on the same port (open pages reload after its first build)."""
        print(_("Relais' code or the settings changed: restarting the preview…"), flush=True)
        self.watcher.stop()
        if self.builder is not None:
            self.builder.close()
            self.builder = None
        self.server.stop()
        self._stop_intake()  # the new preview starts its own, with the new settings
        self.handover.pass_on(self.server.socket, self.live.builds, self.setup.plan)
        finish_output()
        try:
            os.execv(sys.executable, [sys.executable, *self.options.restart_arguments])
        except OSError as err:
            print(
                _("The preview could not restart ({reason}) — start it again: publish.py serve").format(reason=err),
                file=sys.stderr,
            )
        return 1


class _Restart(Exception):
    """Code or settings changed: the preview restarts once the current build is done."""


def _read_setup(options: BuildOptions, handover: Handover) -> _Setup | None:
    """The settings and what to watch; after a restart, a settings file that fails to read is shown, not fatal."""
    settings_file = options.settings_file
    try:
        settings = build_settings(options)  # with --drafts, the drafts preview's own folder
    except Exception as err:  # noqa: BLE001 - any mistake in the settings file is the writer's to fix
        problem = settings_problem(err, settings_file)
        never, _problems = load_list({}, str(settings_file))
        if handover.plan is None:
            print(redact(problem.format(), never), file=sys.stderr)
            print(_("The preview was not started."), file=sys.stderr)
            return None
        return _Setup(handover.plan, None, problem, lambda text: redact(text, never))
    never, _problems = load_list(settings, str(settings_file))
    plan = WatchPlan.from_settings(settings, settings_file, list_path(settings, str(settings_file))[0])
    return _Setup(plan, settings, None, lambda text: redact(text, never))


def settings_problem(err: Exception, settings_file: Path) -> Problem:
    """A settings file that cannot be read, named with the line Python stopped at."""
    line = getattr(err, "lineno", 0) if isinstance(err, SyntaxError) else 0
    if not line:
        wanted = settings_file.resolve()
        for frame in traceback.extract_tb(err.__traceback__):
            if Path(frame.filename).resolve() == wanted:
                line = frame.lineno or 0
    reason = err.msg if isinstance(err, SyntaxError) else str(err)
    return Problem(
        str(settings_file),
        line or 0,
        "",
        _("the settings file could not be read ({kind}: {reason})").format(kind=type(err).__name__, reason=reason),
        _("correct it and save it; the preview keeps showing the last good site"),
    )


def _say_what_changed(batch: Batch) -> None:
    names = [_shown(path) for path in batch.paths]
    listed = ", ".join(names[:3])
    if len(names) > 3:
        listed = _("{files} and {count} more").format(files=listed, count=len(names) - 3)
    if batch.restart:
        print(_("Saved: {files} — restarting…").format(files=listed), flush=True)
    else:
        print(_("Saved: {files} — building again…").format(files=listed), flush=True)


def _shown(path: str) -> str:
    with contextlib.suppress(ValueError):
        return str(Path(path).relative_to(Path.cwd().resolve()))
    return path


@contextlib.contextmanager
def _signals_stop_the_preview() -> Iterator[None]:
    """``kill`` and a closed terminal stop the preview as Ctrl+C does: the build stops, nothing is left behind."""
    with handled_by(signal.default_int_handler, signal.SIGTERM, signal.SIGHUP):
        yield
