"""The build pipeline: check, render with Pelican, verify, replace the output.

Read top to bottom: nothing is written to the output folder until every
step has succeeded, so a failed build leaves the last good site as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
from pelican import Pelican
from pelican.log import console
from pelican.writers import FileOverwriteFailedError

from .cache import cache_folder
from .incremental import INCREMENTAL_KEY, IncrementalBuild, code_folders
from .pelican_settings import read_site_settings, site_plugins
from .problems import Problem, Problems, Severity
from .site import FROM_CLI_KEY, SETTINGS_KEY, Site, load_site, run_output_checks
from .swap import OutputFolderError, check_output_folder, new_build_folder, replace_output
from .template_cache import SharedBytecodeCache
from .workers import stop_tasks

progress = logging.getLogger("relais.progress")


@dataclass(frozen=True)
class BuildOptions:
    settings_file: Path = Path("pelicanconf.py")
    content_dir: Path | None = None
    output_dir: Path | None = None
    today: dt.date | None = None
    strict: bool = False
    # The drafts preview (serve --drafts): drafts, posts waiting for review and
    # scheduled files are built too, each with a "not published" banner, into
    # a folder of their own (OUTPUT_PATH-drafts unless output_dir says).
    # publish.py build never sets it.
    drafts: bool = False


@dataclass
class BuildResult:
    problems: Problems
    site: Site | None = None
    output: Path | None = None
    seconds: float = 0.0
    built: bool = False
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)


def check(options: BuildOptions) -> BuildResult:
    """Validate settings and every content file without building."""
    settings = read_site_settings(options.settings_file, options.content_dir)
    settings[FROM_CLI_KEY] = True  # problems are printed by publish.py, not logged as well
    plugins, plugin_problems = site_plugins(settings)
    site, problems = load_site(settings, str(options.settings_file), plugins, options.today)
    problems.extend(plugin_problems)
    return BuildResult(problems, site)


def build(options: BuildOptions) -> BuildResult:
    started = time.monotonic()
    settings = build_settings(options)
    settings[FROM_CLI_KEY] = True
    output = Path(settings["OUTPUT_PATH"]).resolve()  # through a link, the folder it points to is replaced
    plugins, plugin_problems = site_plugins(settings)
    progress.info("Checking the content…")
    site, problems = load_site(settings, str(options.settings_file), plugins, options.today, preview=options.drafts)
    problems.extend(plugin_problems)
    result = BuildResult(problems, site, output)
    try:
        check_output_folder(output)
    except OutputFolderError as err:
        problems.error(_shown_path(str(output)) + "/", 0, "", err.what, err.fix)
    if site is None or problems.failed(options.strict):
        return result
    build_folder = new_build_folder(output)
    try:
        settings.update({"OUTPUT_PATH": str(build_folder.path), SETTINGS_KEY: site})
        cache = cache_folder(output)
        settings["JINJA_ENVIRONMENT"] = {
            **settings.get("JINJA_ENVIRONMENT", {}),
            "bytecode_cache": SharedBytecodeCache(cache / "templates"),
        }
        incremental = IncrementalBuild(cache, build_folder.path, output, code_folders(settings))
        settings[INCREMENTAL_KEY] = incremental
        _render(settings, problems, _OutputNames(build_folder.path, output))
        if not problems.errors:
            progress.info("Checking the built site…")
            ledger = incremental.ledger
            ledger.sweep()
            progress.info("%d files unchanged, %d written.", ledger.kept(), len(ledger.state.files) - ledger.kept())
            run_output_checks(site, build_folder.path, ledger.hashes())
        if problems.failed(options.strict):
            return result
        replace_output(build_folder, output)
        incremental.save()
        site.cache.prune()
    finally:
        build_folder.discard()  # the new site after a failure, the previous one after the swap
    result.built = True
    result.counts = _published_counts(site)
    result.seconds = time.monotonic() - started
    return result


def build_settings(options: BuildOptions) -> dict[str, Any]:
    """The settings a build of these options uses; the drafts preview writes beside the output, never into it."""
    settings = read_site_settings(options.settings_file, options.content_dir, options.output_dir)
    if options.drafts and options.output_dir is None:
        settings["OUTPUT_PATH"] = drafts_folder(Path(settings["OUTPUT_PATH"]))
    return settings


def drafts_folder(output: Path) -> str:
    """Where the drafts preview goes: beside the output, never in it (output/ → output-drafts/)."""
    return str(output.with_name(output.name + "-drafts"))


@dataclass(frozen=True)
class _OutputNames:
    """Messages name files as they will be in the output folder, never by the temporary folder."""

    build_folder: Path
    output: Path

    def __call__(self, message: str) -> str:
        return message.replace(str(self.build_folder), _shown_path(str(self.output)))


def _render(settings: dict, problems: Problems, names: _OutputNames) -> None:
    """Run Pelican; its warnings and errors become our problems."""
    collector = _LogCollector(problems, names)
    root = logging.getLogger()
    root.addHandler(collector)
    console.quiet = True  # Pelican prints "Done: Processed…" once per language
    try:
        Pelican(settings).run()
    except Exception as err:  # noqa: BLE001 - any failure must fail the build, with its reason
        problems.add(exception_problem(err, names))
        stop_tasks(settings)  # the other languages' runs, whose folder is thrown away
    finally:
        root.removeHandler(collector)
        console.quiet = False


def exception_problem(err: Exception, names: Callable[[str], str] = str) -> Problem:
    """Name the template, source or output file behind an exception when we can.

    ``names`` rewrites a message's paths (the temporary folder becomes ``output/``).
    """
    if isinstance(err, TemplateSyntaxError | UndefinedError | TemplateNotFound):
        filename = getattr(err, "filename", None) or getattr(err, "name", None) or "theme"
        return Problem(
            _shown_path(filename),
            getattr(err, "lineno", 0) or 0,
            "template",
            str(err.message or err),
            "fix the theme template; nothing was published",
        )
    if isinstance(err, FileOverwriteFailedError):
        quoted = re.search(r'"([^"]+)"', str(err))
        return Problem(
            names(quoted.group(1)) if quoted else "build",
            0,
            "",
            "two pages would be written to this same file, so the build stopped",
            "a content file is probably named like a page the site writes itself, or like another file "
            "(see the problems above): rename it; nothing was published",
        )
    return Problem(
        "build",
        0,
        "",
        names(f"the build stopped: {type(err).__name__}: {err}"),
        "fix the problem above and build again; nothing was published",
    )


def _shown_path(filename: str) -> str:
    try:
        return Path(filename).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return filename


class _LogCollector(logging.Handler):
    """Turns Pelican's and plugins' log records into problems."""

    def __init__(self, problems: Problems, names: _OutputNames) -> None:
        super().__init__(logging.WARNING)
        self.problems = problems
        self.names = names

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]}"
        severity = Severity.ERROR if record.levelno >= logging.ERROR else Severity.WARNING
        self.problems.add(Problem("build", 0, "", self.names(message), "", severity))


def _published_counts(site: Site) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for entry in site.index.entries:
        if entry.type.translatable and site.index.is_published(entry):
            counts[(entry.type.name, entry.lang)] += 1
    return counts
