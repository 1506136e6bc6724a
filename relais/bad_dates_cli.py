"""The bad date list's commands: ``publish.py new bad-dates YYYY-MM`` and ``publish.py bad-dates import``.

The work is done by the ``bad_dates`` plugin (plugins/bad_dates/); this
module only reads the command line and the settings, and says what happened
in plain words.  Nothing printed here ever shows a cell of the spreadsheet
that was not imported: only the names of the columns left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from . import intake_cli
from .i18n import _, ngettext
from .pelican_settings import read_site_settings, site_plugins
from .problems import Problems
from .report import print_problems
from .settings import SiteConfig, site_config

PLUGIN = "bad_dates"


def add_parsers(commands: Any) -> None:
    """``publish.py bad-dates import …``, and the intake's ``keygen`` and ``inbox`` (relais/intake_cli.py)."""
    parser = commands.add_parser(
        "bad-dates",
        help=_("the bad date list: import a spreadsheet of reports, the report intake's keys and inbox"),
        description=_("Commands for the bad date list (see README.md, 'The bad date list')."),
    )
    actions = parser.add_subparsers(dest="bad_dates_command", required=True, metavar="ACTION")
    importing = actions.add_parser(
        "import",
        help=_("turn a spreadsheet (CSV) of staff-edited reports into an edition"),
        description=_(
            "Read FILE.csv (UTF-8, one row per report, a row of headings) and write "
            "content/bad-dates/LANG/YYYY-MM.md with status: draft. Columns are matched to the report's fields by "
            "their headings, in English or French; every other column is left out and named, never shown. "
            "Nothing is written if a row has a problem, and an existing edition is never replaced without --force."
        ),
    )
    importing.add_argument("file", type=Path, metavar="FILE.csv", help=_("the spreadsheet, saved as CSV UTF-8"))
    importing.add_argument("--edition", required=True, metavar="YYYY-MM", help=_("the month of the edition"))
    importing.add_argument("--lang", required=True, help=_("the language the reports are written in, such as en"))
    importing.add_argument("--force", action="store_true", help=_("replace the edition if it exists"))
    importing.add_argument(
        "--append", action="store_true", help=_("add these reports to the edition (a report without an id gets one)")
    )
    for option, text in (
        ("--content", _("content folder to use (default: the settings' PATH, content/)")),
        ("--settings", _("settings file (default: pelicanconf.py)")),
    ):
        importing.add_argument(
            option,
            type=Path,
            metavar="DIR" if option == "--content" else "FILE",
            help=text,
        )
    intake_cli.add_staff_actions(actions)


def _site(args: argparse.Namespace) -> tuple[dict[str, Any], SiteConfig, Any] | None:
    """The settings, the site's config and the bad_dates plugin; None (after saying why) when one is missing."""
    settings = read_site_settings(args.settings, args.content)
    config, problems = site_config(settings, str(args.settings))
    if config is None:
        print_problems(Problems(problems))
        return None
    plugin = _plugin(settings)
    return (settings, config, plugin) if plugin is not None else None


def _plugin(settings: dict[str, Any]) -> Any | None:
    """The bad_dates plugin's modules, or None (with a message) when the site does not use it."""
    _plugins, problems = site_plugins(settings)
    if problems:
        print_problems(Problems(problems))
        return None
    if PLUGIN not in [str(plugin) for plugin in settings.get("PLUGINS") or []]:
        print(
            _(
                "Nothing was done: this site does not use the bad date list — add '{plugin}' to PLUGINS in {file}."
            ).format(plugin=PLUGIN, file=settings.get("SETTINGS_FILE", "pelicanconf.py")),
            file=sys.stderr,
        )
        return None
    import bad_dates.importer
    import bad_dates.scaffold

    return bad_dates


def new_edition(args: argparse.Namespace) -> int:
    """``publish.py new bad-dates YYYY-MM``: the month's edition in every language of the site."""
    found = _site(args)
    if found is None:
        return 1
    settings, config, plugin = found
    from bad_dates.months import parse_month

    try:
        month = str(parse_month(args.title))
    except ValueError as err:
        what, _sep, fix = str(err).partition(" — ")
        print(_("Nothing created: {what} — {fix}.").format(what=what, fix=fix), file=sys.stderr)
        return 1
    languages = [args.lang] if args.lang else list(config.LANGUAGES)
    if args.lang and args.lang not in config.LANGUAGES:
        print(
            _("Nothing created: '{lang}' is not one of the site's languages ({languages}).").format(
                lang=args.lang, languages=", ".join(config.LANGUAGES)
            ),
            file=sys.stderr,
        )
        return 1
    created, existing = plugin.scaffold.new_editions(Path(settings["PATH"]), month, languages)
    for path in existing:
        print(_("{file} already exists; it was left as it is.").format(file=_shown(path)), file=sys.stderr)
    for path in created:
        print(_("Created {file}.").format(file=_shown(path)))
    if not created:
        return 1
    print(_("Fill in the reports (the same ids in every language), then run `publish.py check`."))
    return 0


def run(args: argparse.Namespace) -> int:
    """``publish.py bad-dates ACTION``."""
    if args.bad_dates_command in ("keygen", "inbox"):
        return intake_cli.run_bad_dates_action(args)
    return import_reports(args)


def import_reports(args: argparse.Namespace) -> int:
    found = _site(args)
    if found is None:
        return 1
    settings, config, plugin = found
    from bad_dates.config import bad_dates_settings, settings_problems
    from bad_dates.months import parse_month

    settings_found = list(settings_problems(settings, str(args.settings)))
    if settings_found:
        print_problems(Problems(settings_found))
        return 1
    try:
        edition = str(parse_month(args.edition))
    except ValueError as err:
        what, _sep, fix = str(err).partition(" — ")
        print(_("Nothing was imported: --edition {what} — {fix}.").format(what=what, fix=fix), file=sys.stderr)
        return 2
    if args.lang not in config.LANGUAGES:
        print(
            _("Nothing was imported: '{lang}' is not one of the site's languages — use one of: {languages}.").format(
                lang=args.lang, languages=", ".join(config.LANGUAGES)
            ),
            file=sys.stderr,
        )
        return 2
    result = plugin.importer.import_spreadsheet(
        args.file,
        str(args.file),
        edition=edition,
        lang=args.lang,
        content_dir=Path(settings["PATH"]),
        config=bad_dates_settings(settings),
        force=args.force,
        append=args.append,
    )
    if result.dropped:
        # Names only: what those columns hold is never read, let alone shown.
        print(_("Not imported: {columns}.").format(columns=", ".join(result.dropped)), file=sys.stderr)
    if result.problems.errors or result.written is None:
        print_problems(result.problems)
        print(_("Nothing was written: fix the rows above and import again."), file=sys.stderr)
        return 1
    if result.appended:
        done = ngettext("Added {count} report to {file}.", "Added {count} reports to {file}.", result.count)
    else:
        done = ngettext("Wrote {count} report to {file}.", "Wrote {count} reports to {file}.", result.count)
    print(done.format(count=result.count, file=_shown(result.written)))
    print(
        _(
            "Read every report, set 'status: published' when it is ready, give the other languages the same "
            "reports, then run `publish.py check`."
        )
    )
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
