"""The ``publish.py`` command line: check, build, serve, new and snippets."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from . import bad_dates_cli, i18n, intake_cli
from .argparse_words import use_argparse_translations
from .build import BuildOptions, build, check, drafts_folder
from .clock import build_clock, parse_today
from .i18n import N_, _, ngettext
from .messages import did_you_mean, one_of
from .pelican_settings import read_site_settings, site_plugins
from .private_list import PLUGIN, NeverPublishList, is_required, load_list
from .problems import Problem, Problems
from .questions import Question, QuestionNotFound, find_question
from .report import finish_output, print_problems, redact_output, show_progress, summary
from .scaffold import NewFile, ScaffoldError, new_file
from .settings import SiteConfig, line_of_setting, site_config

SETTINGS_NAME = "pelicanconf.py"
# The formats of forum announcements (plugins/announcements), for --format.
SNIPPET_FORMATS = ("bbcode", "markdown", "text", "short")

DESCRIPTION = N_("""Check, build and preview the Relais site.

Start with `publish.py check` to see every problem in your content, then
`publish.py build` to write the site into output/.""")


def _today(text: str) -> dt.date:
    try:
        return parse_today(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _port(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a port: use a number from 1 to 65535, such as 8000").format(text=text)
        )
    return int(text)


def _where(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", type=Path, metavar="DIR", help=_("content folder to use (default: the settings' PATH, content/)")
    )
    parser.add_argument(
        "--settings",
        type=Path,
        metavar="FILE",
        help=_("settings file (default: pelicanconf.py of the site you are in; publishconf.py for the public site)"),
    )


def _common(parser: argparse.ArgumentParser, output: bool = False) -> None:
    _where(parser)
    parser.add_argument(
        "--today",
        type=_today,
        metavar="YYYY-MM-DD",
        help=_(
            "build as if today were this date: posts dated later stay unpublished "
            "(default: now, or SOURCE_DATE_EPOCH when set)"
        ),
    )
    parser.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    if output:
        parser.add_argument("--output", type=Path, metavar="DIR", help=_("where to write the site (default: output/)"))


def _add_new_parser(commands: argparse._SubParsersAction) -> None:
    """``publish.py new``: its arguments."""
    new_parser = commands.add_parser(
        "new",
        help=_("start a new post, page or author, or a month of the bad date list"),
        description=_(
            "Create content/posts/NAME.md, content/pages/NAME.md or content/authors/NAME.yml with "
            "its fields ready to fill in (a post or page starts as a draft). Never overwrites a file. "
            "`new bad-dates YYYY-MM` starts the month's edition of the bad date list in every language."
        ),
    )
    new_parser.add_argument(
        "kind", choices=[*NEW_KINDS, "bad-dates"], help=_("what to create: post, page, author or bad-dates")
    )
    new_parser.add_argument(
        "title",
        nargs="?",
        metavar=_("TITLE"),
        help=_(
            'the title, in quotes: "Où manger gratuitement"; for an author, the name readers see: "Lune"; '
            "for bad-dates, the month: 2026-12; optional with --from-question"
        ),
    )
    new_parser.add_argument(
        "--lang",
        help=_(
            "language of the new file (default: the language of these messages if the site has it, else the site's)"
        ),
    )
    new_parser.add_argument(
        "--author", metavar="KEY", help=_("who writes the post: a file name in content/authors/, without .yml")
    )
    new_parser.add_argument(
        "--category", metavar="KEY", help=_("the post's category, one of the site's categories (see pelicanconf.py)")
    )
    new_parser.add_argument("--role", choices=["peer", "staff"], help=_("for an author: peer or staff (default: peer)"))
    new_parser.add_argument(
        "--from-question",
        type=int,
        metavar="N",
        help=_("a post that answers question N of content/questions.yml (its text is the title, unless you give one)"),
    )
    _where(new_parser)


def make_parser() -> argparse.ArgumentParser:
    use_argparse_translations()
    parser = argparse.ArgumentParser(
        prog="publish.py", description=_(DESCRIPTION), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))

    check_parser = commands.add_parser(
        "check",
        help=_("check all content without building"),
        description=_(
            "Check every content file and print each problem as "
            "FILE:LINE: field: what is wrong — how to fix it. "
            "Exits 1 if there is an error (or a warning, with --strict)."
        ),
    )
    _common(check_parser)

    build_parser = commands.add_parser(
        "build",
        help=_("check, then build the site into output/"),
        description=_(
            "Check everything, build the site in a temporary folder, "
            "then replace the output folder in one step. If anything "
            "fails, the previous site is left exactly as it was."
        ),
    )
    _common(build_parser, output=True)

    serve_parser = commands.add_parser(
        "serve",
        help=_("build and preview on http://127.0.0.1:8000/"),
        description=_(
            "Build the site and show it on this computer only (http://127.0.0.1:PORT/). Every save "
            "to the content or the theme builds it again and the open page reloads by itself; when a build "
            "fails, its problems show in the page and here, and the last good site stays. A change to the "
            "plugins, Relais or the settings restarts the preview on the same port."
        ),
    )
    _common(serve_parser, output=True)
    serve_parser.add_argument(
        "--port", type=_port, default=8000, help=_("port to serve on, from 1 to 65535 (default: 8000)")
    )
    serve_parser.add_argument(
        "--drafts",
        action="store_true",
        help=_(
            "also show drafts, posts waiting for review and scheduled posts, at their future address and marked "
            "'Not published', from a folder of their own beside the output (output-drafts/); build never writes them"
        ),
    )

    _add_new_parser(commands)

    snippets_parser = commands.add_parser(
        "snippets",
        help=_("print forum announcements (BBCode, Markdown, text, short)"),
        description=_(
            "Print the forum announcements on offer today, exactly as the site "
            "offers them, without building. With one SLUG, one --format and one --lang, "
            "only the text is printed, ready to paste (publish.py snippets text-line "
            "--format bbcode --lang fr | xclip); otherwise each snippet comes after a "
            "'==> SLUG.LANG.FORMAT.txt <==' line."
        ),
    )
    snippets_parser.add_argument(
        "slug",
        nargs="?",
        metavar="SLUG",
        help=_("which announcement: the start of its file names in /announcements/ (default: all)"),
    )
    snippets_parser.add_argument("--format", choices=SNIPPET_FORMATS, help=_("one format only (default: all four)"))
    snippets_parser.add_argument("--lang", help=_("one language only, such as fr (default: every language)"))
    snippets_parser.add_argument(
        "--today",
        type=_today,
        metavar="YYYY-MM-DD",
        help=_("show what is on offer on that day (default: now, or SOURCE_DATE_EPOCH when set)"),
    )
    _where(snippets_parser)

    status_parser = commands.add_parser(
        "status",
        help=_("what is due: last post, reviews, drafts, schedule, translations, questions"),
        description=_(
            "Say, per language: how long since the last post, what waits for review, drafts left untouched, "
            "what is scheduled, what ends soon, what has no translation, and the most asked questions no post "
            "answers yet. Nothing is built or changed."
        ),
    )
    _where(status_parser)
    status_parser.add_argument(
        "--today", type=_today, metavar="YYYY-MM-DD", help=_("as if today were this date (default: now)")
    )
    status_parser.add_argument("--json", action="store_true", help=_("the same, as JSON for other tools"))

    review_parser = commands.add_parser(
        "review",
        help=_("mark a peer's post reviewed and published"),
        description=_(
            "A staff member who has read a post waiting for review (status: review) publishes it: sets "
            "'status: published' and 'reviewed_by:' in its front matter, changing nothing else in the file. "
            "Refused when the reviewer is not a staff author, wrote the post, or when the post still has a "
            "problem (run publish.py check to see them)."
        ),
    )
    review_parser.add_argument("file", type=Path, metavar="FILE", help=_("the post, such as content/posts/NAME.md"))
    review_parser.add_argument(
        "--by", required=True, metavar="STAFF", help=_("the reviewer: a staff author's file name in content/authors/")
    )
    _where(review_parser)
    review_parser.add_argument(
        "--today", type=_today, metavar="YYYY-MM-DD", help=_("as if today were this date (default: now)")
    )

    deploy_parser = commands.add_parser(
        "deploy",
        help=_("build the public site and put it online"),
        description=_(
            "Build the public site (publishconf.py, warnings count as errors, the never-publish list required) "
            "and, only if everything passed, send it to the place set by DEPLOY in the settings or given here: "
            "rsync to a web server, a Git branch (GitHub or GitLab Pages), or a folder. Says which files were "
            "added, changed and removed."
        ),
    )
    where_to = deploy_parser.add_mutually_exclusive_group()
    where_to.add_argument("--rsync", metavar="DEST", help=_("send with rsync, such as user@host:/var/www/site/"))
    where_to.add_argument("--git", metavar="REPOSITORY", help=_("push to a branch of this Git repository"))
    where_to.add_argument("--folder", metavar="DIR", help=_("replace this folder with the site"))
    deploy_parser.add_argument("--branch", help=_("the branch for --git (default: gh-pages)"))
    deploy_parser.add_argument("--ssh", metavar="COMMAND", help=_("how rsync logs in, such as 'ssh -p 2222'"))
    deploy_parser.add_argument(
        "--dry-run", action="store_true", help=_("build and say what would change, without sending anything")
    )
    deploy_parser.add_argument(
        "--settings",
        type=Path,
        default=Path("publishconf.py"),
        metavar="FILE",
        help=_("settings file (default: publishconf.py, the public site's)"),
    )
    deploy_parser.add_argument("--content", type=Path, metavar="DIR", help=_("content folder (default: content/)"))
    deploy_parser.add_argument(
        "--output", type=Path, metavar="DIR", help=_("where to build it first (default: the settings' OUTPUT_PATH)")
    )
    deploy_parser.add_argument(
        "--today", type=_today, metavar="YYYY-MM-DD", help=_("build as if today were this date (default: now)")
    )

    clean_parser = commands.add_parser(
        "clean-images",
        help=_("remove location and camera data from the image files in content/"),
        description=_(
            "Rewrite every image of the content's static folders (content/images/) that carries "
            "metadata (GPS position, camera, date, author, comments, thumbnails) with its pixels only, at full "
            "size. The published copies are always cleaned; this cleans the files you commit, so the repository "
            "does not keep them. Links are never followed and nothing outside content/ is written; files the "
            "build would refuse are listed, not changed."
        ),
    )
    _where(clean_parser)
    bad_dates_cli.add_parsers(commands)
    intake_cli.add_parsers(commands)
    return parser


def _options(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(
        settings_file=args.settings,
        content_dir=args.content,
        output_dir=getattr(args, "output", None),
        today=args.today,
        strict=args.strict,
    )


def run_check(args: argparse.Namespace) -> int:
    """Every problem, then one line that sums them up."""
    result = check(_options(args))
    print_problems(result.problems, args.strict)
    if result.problems.failed(args.strict):
        return 1
    if not result.problems.errors and not result.problems.warnings:
        print(_("No problems found."))
    return 0


def run_build(args: argparse.Namespace) -> int:
    show_progress()
    result = build(_options(args))
    print_problems(result.problems, args.strict)
    if not result.built:
        print(_("The build failed; the site in the output folder was left as it was."), file=sys.stderr)
        return 1
    print(summary(result.counts, _shown(result.output), result.seconds))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from .serve import ServeOptions, serve

    options = _options(args)
    if args.drafts:
        # Drafts never go into a folder that holds the site: --output X previews them in X-drafts.
        output = Path(drafts_folder(args.output.resolve())) if args.output else None
        options = dataclasses.replace(options, output_dir=output, drafts=True)
    return serve(ServeOptions(options, args.port, _serve_arguments(args)))


def _serve_arguments(args: argparse.Namespace) -> tuple[str, ...]:
    """``publish.py serve`` with the same choices: how the preview restarts itself after a code change."""
    arguments = [str(Path(__file__).resolve().parents[1] / "publish.py"), "serve", "--settings", str(args.settings)]
    for flag in ("content", "output"):
        if getattr(args, flag):
            arguments += [f"--{flag}", str(getattr(args, flag))]
    if args.today:
        arguments += ["--today", args.today.isoformat()]
    if args.strict:
        arguments.append("--strict")
    if args.drafts:
        arguments.append("--drafts")
    return (*arguments, "--port", str(args.port))


def run_new(args: argparse.Namespace) -> int:
    if args.kind == "bad-dates":
        if args.title is None or args.from_question is not None:
            print(
                _("Nothing created: give the month of the edition — publish.py new bad-dates 2026-12."), file=sys.stderr
            )
            return 1
        return bad_dates_cli.new_edition(args)
    settings = read_site_settings(args.settings, args.content)
    config, problems = site_config(settings, str(args.settings))
    if config is None:
        print_problems(Problems(problems))
        return 1
    request = NewFile(
        kind=args.kind,
        title=args.title,
        lang=args.lang,
        author=args.author,
        category=args.category,
        role=args.role,
    )
    try:
        question = _question(args, Path(settings["PATH"]), config)
        request = dataclasses.replace(
            request, title=args.title or (question.text if question else ""), question=question
        )
        path = new_file(
            request, content_dir=Path(settings["PATH"]), config=config, today=build_clock(config.zone).today
        )
    except ScaffoldError as err:
        print(_("Nothing created: {reason}").format(reason=err), file=sys.stderr)
        return 1
    print(NEW_KINDS[args.kind]().format(path=_shown(path)))
    return 0


# What `new` says once the file is there.
NEW_KINDS = {
    "post": lambda: _("Created {path} — fill in the fields marked with comments, then run `./publish.py check`."),
    "page": lambda: _("Created {path} — fill in the fields marked with comments, then run `./publish.py check`."),
    "author": lambda: _(
        "Created {path} — check the name and role, then put the file's name (without .yml) in a post's authors."
    ),
}


def _question(args: argparse.Namespace, content_dir: Path, config: SiteConfig) -> Question | None:
    """The question a new post answers (``--from-question N``); a title is needed otherwise."""
    if args.from_question is None:
        if not args.title:
            raise ScaffoldError(_("give the title, in quotes, or --from-question N"))
        return None
    if args.kind != "post":
        raise ScaffoldError(_("--from-question starts a post: publish.py new post --from-question N"))
    try:
        return find_question(content_dir, args.from_question, config)
    except QuestionNotFound as err:
        raise ScaffoldError(str(err)) from None


def run_snippets(args: argparse.Namespace) -> int:
    result = check(BuildOptions(settings_file=args.settings, content_dir=args.content, today=args.today))
    site = result.site
    if site is None:
        print_problems(result.problems)
        return 1
    if args.lang and args.lang not in site.config.LANGUAGES:
        print(
            _("'{lang}' is not one of the site's languages — use one of: {languages}.").format(
                lang=args.lang, languages=one_of(site.config.LANGUAGES)
            ),
            file=sys.stderr,
        )
        return 1
    offered = [snippet for hook in site.hooks("SNIPPETS") for snippet in hook(site)]
    if result.problems.errors:
        print(
            _("Note: some content files have errors (see publish.py check); their announcements are left out."),
            file=sys.stderr,
        )
    chosen, error = _choose_snippets(offered, args, list(site.config.LANGUAGES))
    if error:
        print(error, file=sys.stderr)
        return 1
    texts = [(snippet.file_name, snippet.text) for snippet in chosen]
    refused = Problems(problem for hook in site.hooks("PUBLISHED_TEXT_CHECKS") for problem in hook(site, texts))
    if refused.errors:
        print_problems(refused)
        print(
            _(
                "Nothing was printed: a snippet would show a string from the never-publish list, "
                "or the list could not be used (see README.md, 'Never publish')."
            ),
            file=sys.stderr,
        )
        return 1
    if len(chosen) == 1:
        print(chosen[0].text, end="")
        return 0
    for number, snippet in enumerate(chosen):
        print(f"{'' if number == 0 else chr(10)}==> {snippet.file_name} <==")
        print(snippet.text, end="")
    return 0


def run_clean_images(args: argparse.Namespace) -> int:
    settings = read_site_settings(args.settings, args.content)
    _plugins, problems = site_plugins(settings)  # puts plugins/ on the import path
    if problems:
        print_problems(Problems(problems))
        return 1
    from images.in_place import clean_sources

    result = clean_sources(Path(settings["PATH"]), settings, str(args.settings))
    for shown in result.cleaned:
        print(_("Cleaned {file}").format(file=shown))
    print(
        ngettext("{count} image cleaned.", "{count} images cleaned.", len(result.cleaned)).format(
            count=len(result.cleaned)
        )
        if result.cleaned
        else _("No image in the content carries metadata.")
    )
    problems = Problems(result.problems)
    print_problems(problems)
    return 1 if problems.errors else 0


def run_status(args: argparse.Namespace) -> int:
    from .status import run

    result = check(BuildOptions(settings_file=args.settings, content_dir=args.content, today=args.today))
    if result.site is None:
        print_problems(result.problems)
        return 1
    text, problems = run(result.site, args.json)
    if problems:
        print_problems(Problems(problems))
        return 1
    print(text, end="")
    return 0


def run_review(args: argparse.Namespace) -> int:
    from .review import ReviewRefused, review, reviewed_message

    options = BuildOptions(settings_file=args.settings, content_dir=args.content, today=args.today)
    try:
        done = review(options, args.file, args.by)
    except ReviewRefused as refused:
        print_problems(Problems(refused.problems))
        print(_("Nothing was changed: {why}.").format(why=refused.what), file=sys.stderr)
        return 1
    print(reviewed_message(done))
    return 0


def run_deploy(args: argparse.Namespace) -> int:
    from .deploy import DeployError, deploy, report

    settings = read_site_settings(args.settings, args.content, args.output)
    target, problems = _deploy_target(args, settings)
    never, list_problems = load_list(settings, str(args.settings))
    if not never.rules and not list_problems:
        list_problems = [
            Problem(
                str(args.settings),
                0,
                "NEVER_PUBLISH_FILE",
                _("deploying puts the site online, so it needs the never-publish list, and there is none"),
                _("create private/never-publish.txt (see README.md, 'Never publish')"),
            )
        ]
    if problems or list_problems or target is None:
        print_problems(Problems([*problems, *list_problems]))
        if target is None and not problems:
            print(
                _("Say where to deploy: set DEPLOY in {settings}, or pass --rsync, --git or --folder.").format(
                    settings=args.settings
                ),
                file=sys.stderr,
            )
        print(_("Nothing was deployed."), file=sys.stderr)
        return 1
    show_progress()
    options = BuildOptions(args.settings, args.content, args.output, args.today, strict=True)
    try:
        done = deploy(options, target, args.dry_run)
    except DeployError as err:
        print(_("The deploy stopped: {why}.").format(why=err), file=sys.stderr)
        return 1
    print_problems(done.build.problems, strict=True)
    if done.changes is None:
        print(_("The build failed, so nothing was deployed: the site online is as it was."), file=sys.stderr)
        return 1
    print(report(target, done.changes, args.dry_run))
    return 0


def _deploy_target(args: argparse.Namespace, settings: dict) -> tuple:
    """The target given on the command line, else the settings' DEPLOY."""
    from .deploy import Target, configured_target

    for method in ("rsync", "git", "folder"):
        destination = getattr(args, method)
        if destination:
            return Target(method=method, to=destination, branch=args.branch or "gh-pages", ssh=args.ssh), []
    return configured_target(settings, str(args.settings))


def _choose_snippets(offered: list, args: argparse.Namespace, languages: list[str]) -> tuple[list, str]:
    """The snippets asked for, by announcement, language and format; or plain words saying what there is."""
    day = _("on {date}").format(date=args.today.isoformat()) if args.today else _("today")
    if not offered:
        return [], _("No announcement is on offer {day}.").format(day=day)
    slugs = list(dict.fromkeys(snippet.slug for snippet in offered))
    if args.slug and args.slug not in slugs:
        guess = did_you_mean(args.slug, slugs) or next((slug for slug in slugs if args.slug in slug), None)
        use = _("use one of: {choices}").format(choices=_listing(offered))
        fix = _("did you mean '{guess}'? {use}").format(guess=guess, use=use) if guess else use
        return [], _("There is no announcement '{slug}' on offer {day} — {fix}.").format(
            slug=args.slug, day=day, fix=fix
        )
    chosen = [
        snippet
        for snippet in offered
        if (not args.slug or snippet.slug == args.slug)
        and (not args.lang or snippet.lang == args.lang)
        and (not args.format or snippet.format == args.format)
    ]
    if not chosen:
        mine = [snippet for snippet in offered if not args.slug or snippet.slug == args.slug]
        return [], _("Nothing is on offer in '{lang}' {day} — there is: {listing}.").format(
            lang=args.lang, day=day, listing=_listing(mine)
        )
    chosen.sort(
        key=lambda snippet: (
            slugs.index(snippet.slug),
            languages.index(snippet.lang) if snippet.lang in languages else len(languages),
            SNIPPET_FORMATS.index(snippet.format) if snippet.format in SNIPPET_FORMATS else len(SNIPPET_FORMATS),
        )
    )
    return chosen, ""


def _listing(snippets: list) -> str:
    """``text-line (en, fr), post-peer-gatherings (en)``."""
    languages: dict[str, list[str]] = {}
    for snippet in snippets:
        languages.setdefault(snippet.slug, [])
        if snippet.lang not in languages[snippet.slug]:
            languages[snippet.slug].append(snippet.lang)
    return ", ".join(f"{slug} ({', '.join(sorted(langs))})" for slug, langs in languages.items())


def _shown(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


COMMANDS = {
    "check": run_check,
    "build": run_build,
    "serve": run_serve,
    "new": run_new,
    "snippets": run_snippets,
    "status": run_status,
    "review": run_review,
    "deploy": run_deploy,
    "clean-images": run_clean_images,
    "bad-dates": bad_dates_cli.run,
    "intake": intake_cli.run_intake,
}


def _never_publish(args: argparse.Namespace) -> tuple[dict, NeverPublishList, list[Problem]]:
    """The settings (as far as they can be read) and the never-publish list they point at."""
    settings_file = args.settings
    try:
        settings = read_site_settings(settings_file, getattr(args, "content", None))
    except Exception:  # noqa: BLE001 - the command itself explains a settings file it cannot read
        settings = {}
    never, problems = load_list(settings, str(settings_file))
    return settings, never, problems


def _refused_without_list(args: argparse.Namespace, settings: dict, never: NeverPublishList, problems: list) -> bool:
    """The public settings need a usable list; say why nothing is done when there is none.

    ``check`` and ``build`` report a missing list with every other problem;
    any other command (serve, and later ones such as deploy) stops here.
    """
    if not is_required(settings):
        return False
    settings_file = str(args.settings)
    plugins = [getattr(plugin, "__name__", str(plugin)) for plugin in settings.get("PLUGINS") or []]
    if PLUGIN not in plugins:
        problems = [
            Problem(
                settings_file,
                line_of_setting(settings_file, "PLUGINS"),
                "PLUGINS",
                _(
                    "these settings require the never-publish list, but the '{plugin}' plugin that checks it is not "
                    "in PLUGINS"
                ).format(plugin=PLUGIN),
                _("add '{plugin}' to PLUGINS").format(plugin=PLUGIN),
            )
        ]
    elif args.command in ("check", "build") or (never.rules and not problems):
        return False
    print_problems(Problems(problems))
    print(
        _("Nothing was done: the public site needs a never-publish list (see README.md, 'Never publish')."),
        file=sys.stderr,
    )
    return True


def main(argv: Sequence[str] | None = None) -> int:
    if i18n.choose_language() is None:  # RELAIS_LANG or the locale, else the site's language
        i18n.use_site_default(_site_language(list(sys.argv[1:] if argv is None else argv)))
    args = make_parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # whoever read the output stopped early (publish.py snippets | head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
        return 1
    except ValueError as err:  # a bad environment setting, such as SOURCE_DATE_EPOCH
        print(_("Nothing was done: {reason}.").format(reason=err), file=sys.stderr)
        return 2
    except Exception as err:  # noqa: BLE001 - one plain line, never a traceback, whatever went wrong
        print(
            _(
                "publish.py stopped on an unexpected error ({error}). "
                "Nothing new was published. Please report it, with the command you ran and this message, "
                "to whoever looks after your site's Relais."
            ).format(error=f"{type(err).__name__}: {_one_line(err)}"),
            file=sys.stderr,
        )
        return 70  # EX_SOFTWARE
    finally:
        finish_output()


def _run(args: argparse.Namespace) -> int:
    _settle_in_site(args)
    missing = _missing_input(args)
    if missing:
        print(missing, file=sys.stderr)
        return 2
    settings, never, list_problems = _never_publish(args)
    redact_output(never)  # from here on, nothing printed repeats a private string
    if _refused_without_list(args, settings, never, list_problems):
        return 1
    return COMMANDS[args.command](args)


def find_site_root(start: Path) -> Path | None:
    """The nearest folder, from ``start`` up, that holds the site's settings file."""
    for folder in (start, *start.parents):
        if (folder / SETTINGS_NAME).is_file():
            return folder
    return None


def _settle_in_site(args: argparse.Namespace) -> None:
    """Without ``--settings``, work from the site's folder, wherever inside it the command was typed.

    Folders given on the command line keep meaning what they meant where the
    writer typed them.
    """
    if args.settings is not None:
        return
    here = Path.cwd()
    args.settings = Path(SETTINGS_NAME)
    root = find_site_root(here)
    if root is None or root == here:
        return
    for name in ("content", "output", "file"):  # file: the spreadsheet `bad-dates import` reads
        value = getattr(args, name, None)
        if value is not None and not value.is_absolute():
            setattr(args, name, here / value)
    os.chdir(root)


def _missing_input(args: argparse.Namespace) -> str:
    """What the command needs and cannot find, in words; empty when all is there."""
    if not args.settings.is_file():
        if args.settings == Path(SETTINGS_NAME):
            return _(
                "Could not find {name} in this folder or in any folder above it: go to the site's folder "
                "(cd …) and run ./publish.py there, or pass --settings with the settings file."
            ).format(name=SETTINGS_NAME)
        return _(
            "Could not find the settings file {file}: check its name, or leave --settings out to use the "
            "pelicanconf.py of the site you are in."
        ).format(file=args.settings)
    content = getattr(args, "content", None)
    if content is not None and not content.is_dir():
        return _(
            "Could not find the content folder {folder}: pass --content with the folder that holds posts/ and pages/."
        ).format(folder=content)
    return ""


_DEFAULT_LANG = re.compile(r"^DEFAULT_LANG\s*=\s*['\"]([A-Za-z_-]+)['\"]", re.MULTILINE)


def _site_language(argv: list[str]) -> str | None:
    """The site's DEFAULT_LANG as its settings file writes it, for --help before the settings are read.

    Only read as text (the settings run later, once the command is known).
    """
    settings = None
    for index, word in enumerate(argv):
        if word == "--settings" and index + 1 < len(argv):
            settings = Path(argv[index + 1])
        elif word.startswith("--settings="):
            settings = Path(word.partition("=")[2])
    if settings is None:
        root = find_site_root(Path.cwd())
        settings = root / SETTINGS_NAME if root else None
    try:
        match = _DEFAULT_LANG.search(settings.read_text(encoding="utf-8")) if settings else None
    except (OSError, UnicodeDecodeError):
        return None
    return match.group(1) if match else None


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= 300 else text[:300] + "…"
