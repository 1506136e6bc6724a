"""The report intake's commands: ``publish.py bad-dates keygen``, ``bad-dates inbox`` and ``intake serve``.

The work is done in :mod:`relais.intake`; this module reads the command
line, the settings and the passphrase, and says what happened in plain
words.  Nothing printed here shows what a report says.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from .i18n import _, ngettext
from .intake.places import default_private_key, is_inside, repository_of
from .pelican_settings import read_site_settings, site_plugins
from .problems import Problems
from .report import print_problems

# For scripts and tests only: a passphrase in the environment can be read by other programs of the same user.
PASSPHRASE_VARIABLE = "RELAIS_INTAKE_PASSPHRASE"


def add_staff_actions(actions: Any) -> None:
    """``keygen`` and ``inbox`` beside ``bad-dates import``."""
    keygen = actions.add_parser(
        "keygen",
        help=_("make the key pair of the report intake (the form on the website)"),
        description=_(
            "Make the key pair that seals reports sent from the website. The public key goes to the file the "
            "settings name (BAD_DATES_INTAKE's public_key); the private key goes to --key, outside the repository, "
            "locked with a passphrase you choose. Without the private key and its passphrase, nobody can read "
            "a report: keep a copy of both somewhere safe. An existing private key is never replaced."
        ),
    )
    keygen.add_argument(
        "--key",
        type=Path,
        metavar="FILE",
        help=_("where to write the private key (default: ~/.local/share/relais/intake-private.key)"),
    )
    keygen.add_argument(
        "--public-key",
        type=Path,
        metavar="FILE",
        help=_("where to write the public key (default: the file BAD_DATES_INTAKE's public_key names)"),
    )
    _passphrase_options(keygen)
    _settings_option(keygen)

    inbox = actions.add_parser(
        "inbox",
        help=_("open the reports sent from the website into a spreadsheet"),
        description=_(
            "Ask for the passphrase of the private key, open every report waiting in the spool and write them to "
            "a new spreadsheet (CSV UTF-8) with the columns `bad-dates import` reads. Edit it (reports become "
            "warnings in your own words), then import it. A report leaves the spool only once the spreadsheet is "
            "safely written."
        ),
    )
    inbox.add_argument("--key", type=Path, metavar="FILE", help=_("the private key file (default: as keygen)"))
    inbox.add_argument(
        "--spool", type=Path, metavar="DIR", help=_("the spool folder, or a copy of it (default: the settings')")
    )
    inbox.add_argument(
        "--output",
        type=Path,
        metavar="FILE.csv",
        help=_("the spreadsheet to write, outside the repository (default: ~/.local/share/relais/inbox/)"),
    )
    _passphrase_options(inbox)
    _settings_option(inbox)


def add_parsers(commands: Any) -> None:
    """``publish.py intake serve``."""
    parser = commands.add_parser(
        "intake",
        help=_("run the report intake: the service behind the report form"),
        description=_("The report intake (see README.md, 'Anonymous reports: running the intake')."),
    )
    actions = parser.add_subparsers(dest="intake_command", required=True, metavar="ACTION")
    serve = actions.add_parser(
        "serve",
        help=_("take reports from the form and seal them into the spool"),
        description=_(
            "Serve the report intake with uvicorn, for the web server in front of the site to pass the report "
            "path to. It keeps no log of who sent what: only counts."
        ),
    )
    serve.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default: 127.0.0.1)"))
    serve.add_argument("--port", type=int, default=8100, help=_("port to listen on (default: 8100)"))
    serve.add_argument("--spool", type=Path, metavar="DIR", help=_("the spool folder (default: the settings')"))
    serve.add_argument(
        "--site", type=Path, metavar="DIR", help=_("the built site, for the answer pages (default: output/)")
    )
    _settings_option(serve)


def _settings_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--settings", type=Path, default=Path("pelicanconf.py"), metavar="FILE", help=_("settings file")
    )


def _passphrase_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("for scripts only: read the passphrase from the first line of standard input"),
    )


def _settings(args: argparse.Namespace) -> dict[str, Any] | None:
    settings = read_site_settings(args.settings)
    _plugins, problems = site_plugins(settings)  # puts plugins/ on the import path (the report's fields)
    if problems:
        print_problems(Problems(problems))
        return None
    return settings


def _passphrase(args: argparse.Namespace, prompt: str, confirm: bool = False) -> str | None:
    if args.passphrase_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(PASSPHRASE_VARIABLE):
        return os.environ[PASSPHRASE_VARIABLE]
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass(_("The same passphrase again: ")) != first:
            print(_("The two passphrases differ; nothing was written."), file=sys.stderr)
            return None
    except (EOFError, KeyboardInterrupt):
        print(_("No passphrase was given; nothing was done."), file=sys.stderr)
        return None
    return first


def run_bad_dates_action(args: argparse.Namespace) -> int:
    return keygen(args) if args.bad_dates_command == "keygen" else inbox(args)


def keygen(args: argparse.Namespace) -> int:  # noqa: PLR0911 - each refusal says why, then stops
    from nacl.public import PrivateKey

    from .intake.keys import KeyFileError, check_passphrase, public_key_text, read_public_key, write_private_key
    from .intake.settings import intake_of

    settings = _settings(args)
    if settings is None:
        return 1
    intake, problems = intake_of(settings)
    if intake is None and problems:
        print_problems(Problems(problems))
        return 1
    key_path = (args.key or default_private_key()).expanduser().absolute()
    repository = repository_of(args.settings)
    if is_inside(key_path, repository):
        print(
            _(
                "Nothing was written: {file} is inside the site's folder ({folder}), where a private key could be "
                "committed or published — choose a place outside it, such as ~/.local/share/relais/."
            ).format(file=key_path, folder=repository),
            file=sys.stderr,
        )
        return 1
    # The demo (Makefile) names the file itself: its settings turn the intake on only once the file exists.
    public_file = args.public_key or (intake.public_key_file if intake is not None else None)
    if key_path.exists():
        return _public_from_existing(key_path, public_file)
    passphrase = _passphrase(args, _("Choose a passphrase for the private key (a few words): "), confirm=True)
    if passphrase is None:
        return 1
    refused = check_passphrase(passphrase)
    if refused:
        print(_("Nothing was written: {reason}.").format(reason=refused), file=sys.stderr)
        return 1
    private = PrivateKey.generate()
    try:
        write_private_key(key_path, private, passphrase)
    except (OSError, KeyFileError) as err:
        print(_("Nothing was written: {file} could not be written ({reason}).").format(file=key_path, reason=err))
        return 1
    print(
        _(
            "Wrote the private key to {file}. Keep it, and its passphrase, safe: without both, no report can be read."
        ).format(file=key_path)
    )
    text = public_key_text(private.public_key)
    assert read_public_key(text) is not None
    return _write_public(text, public_file)


def _public_from_existing(key_path: Path, public_file: Path | None) -> int:
    """The private key exists (never replaced): write its public half where the settings want it."""
    import json

    from .intake.keys import public_key_text, read_public_key

    try:
        document = json.loads(key_path.read_bytes())
        public = read_public_key(str(document.get("public_key", "")))
    except (OSError, ValueError, AttributeError):
        public = None
    if public is None:
        print(
            _(
                "Nothing was written: {file} exists and is not a private key of the intake — move it away, "
                "or choose another file with --key."
            ).format(file=key_path),
            file=sys.stderr,
        )
        return 1
    print(_("The private key {file} already exists; it was left as it is.").format(file=key_path))
    return _write_public(public_key_text(public), public_file)


def _write_public(text: str, public_file: Path | None) -> int:
    if public_file is None:
        key_line = text.splitlines()[-1]
        print(_("Put this public key in BAD_DATES_INTAKE's public_key in the settings: {key}").format(key=key_line))
        return 0
    if public_file.exists() and public_file.read_text(encoding="utf-8", errors="replace") == text:
        print(_("The public key in {file} is already this one.").format(file=public_file))
        return 0
    public_file.parent.mkdir(parents=True, exist_ok=True)
    public_file.write_text(text, encoding="utf-8")
    print(_("Wrote the public key to {file}; the report form is built from now on.").format(file=public_file))
    return 0


def inbox(args: argparse.Namespace) -> int:  # noqa: PLR0911 - each refusal says why, then stops
    settings = _settings(args)
    if settings is None:
        return 1
    from .intake.inbox import empty_inbox  # after the settings: it needs plugins/ on the import path
    from .intake.keys import KeyFileError, read_private_key
    from .intake.places import data_home
    from .intake.settings import intake_of

    intake, _problems = intake_of(settings)
    spool = args.spool or (intake.spool_folder() if intake is not None else None)
    if spool is None:
        print(_("Nothing was done: give the spool folder with --spool."), file=sys.stderr)
        return 2
    if not spool.is_dir():
        print(
            _("Nothing was done: {folder} is not a folder — give the spool with --spool.").format(folder=spool),
            file=sys.stderr,
        )
        return 1
    today = dt.date.today().isoformat()
    output = (args.output or _free_name(data_home() / "inbox", f"reports-{today}")).expanduser().absolute()
    repository = repository_of(args.settings)
    if is_inside(output, repository):
        print(
            _(
                "Nothing was done: {file} is inside the site's folder, where the reporters' own words could be "
                "committed or published — write it outside, for example with --output ~/reports-{day}.csv."
            ).format(file=output, day=today),
            file=sys.stderr,
        )
        return 1
    if output.exists():
        print(
            _("Nothing was done: {file} already exists — choose another name with --output.").format(file=output),
            file=sys.stderr,
        )
        return 1
    key_path = (args.key or default_private_key()).expanduser()
    passphrase = _passphrase(args, _("Passphrase of the private key: "))
    if passphrase is None:
        return 1
    try:
        private = read_private_key(key_path, passphrase)
    except KeyFileError as err:
        print(_("Nothing was done: {what} — {fix}.").format(what=err.what, fix=err.fix), file=sys.stderr)
        return 1
    try:
        result = empty_inbox(spool, private, output)
    except OSError as err:
        print(
            _("Nothing was removed from the spool: the spreadsheet could not be written ({reason}).").format(
                reason=err.strerror or err
            ),
            file=sys.stderr,
        )
        return 1
    if result.unreadable:
        print(
            ngettext(
                "{count} file of the spool could not be opened with this key; it was left there.",
                "{count} files of the spool could not be opened with this key; they were left there.",
                len(result.unreadable),
            ).format(count=len(result.unreadable)),
            file=sys.stderr,
        )
    if not result.written:
        print(_("No report is waiting in {folder}.").format(folder=spool))
        return 0
    languages = ", ".join(f"{lang}: {count}" for lang, count in sorted(result.languages.items()))
    print(
        ngettext(
            "Wrote {count} report ({languages}) to {file}, and removed it from the spool.",
            "Wrote {count} reports ({languages}) to {file}, and removed them from the spool.",
            result.written,
        ).format(count=result.written, languages=languages, file=output)
    )
    print(
        _(
            "Rewrite each report as a warning in your own words (nothing about who reported), then: "
            "publish.py bad-dates import {file} --edition YYYY-MM --lang LANG --append"
        ).format(file=output)
    )
    return 0


def _free_name(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}.csv"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.csv"
        number += 1
    return candidate


def run_intake(args: argparse.Namespace) -> int:
    """``publish.py intake serve``."""
    settings = _settings(args)
    if settings is None:
        return 1
    from .intake.key_scan import private_key_problems
    from .intake.server import intake_options, run  # after the settings: it needs plugins/ on the import path

    refused = private_key_problems(str(args.settings))
    options, problems = intake_options(settings, args.spool, args.site)
    problems = [*refused, *problems]
    if options is None or problems:
        print_problems(Problems(problems))
        print(_("The report intake was not started."), file=sys.stderr)
        return 1
    return run(options, args.host, args.port)
