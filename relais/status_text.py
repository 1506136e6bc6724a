"""``publish.py status`` in words, in the language of whoever runs it (see :mod:`relais.status`)."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date

from . import i18n
from .i18n import N_, _, ngettext
from .site import Site
from .status import Edition, Item, LanguageStatus, OpenQuestion, Status, StatusSettings

# Kinds of content in words; a plugin's own kinds are shown by their name.
KINDS = {
    "post": N_("post"),
    "page": N_("page"),
    "service": N_("service"),
    "event": N_("event"),
    "guide": N_("guide"),
    "announcement": N_("announcement"),
}
INDENT = "  "


def _kinds_of(plugin: object) -> dict[str, str]:
    kinds = getattr(plugin, "STATUS_KINDS", None)
    return kinds if isinstance(kinds, dict) else {}


class _Words:
    """Dates, durations and kinds in the run's language."""

    def __init__(self, site: Site) -> None:
        lang = i18n.language()
        languages = site.config.LANGUAGES
        self.locale = Locale.parse(languages[lang].locale if lang in languages else lang)
        # A plugin names its own kinds of content: STATUS_KINDS = {"bad_date": N_("bad date list")}.
        self.kinds = {**KINDS, **{key: value for plugin in site.plugins for key, value in _kinds_of(plugin).items()}}

    def date(self, day: dt.date | dt.datetime) -> str:
        return format_date(day, format="long", locale=self.locale)

    def language(self, code: str) -> str:
        return self.locale.languages.get(code, code)

    def kind(self, name: str) -> str:
        return _(self.kinds[name]) if name in self.kinds else name.replace("_", " ")

    def ago(self, days: int) -> str:
        """0 → today, 1 → yesterday, 5 → 5 days ago, -5 → in 5 days."""
        if days == 0:
            return _("today")
        if days == 1:
            return _("yesterday")
        if days == -1:
            return _("tomorrow")
        if days > 0:
            return ngettext("{count} day ago", "{count} days ago", days).format(count=days)
        return ngettext("in {count} day", "in {count} days", -days).format(count=-days)


def status_text(status: Status, site: Site) -> str:
    words = _Words(site)
    lines = [_("What is due on {date}, for {site}").format(date=words.date(status.now), site=status.site)]
    if status.errors or status.warnings:
        counts = ", ".join(
            [
                ngettext("{count} error", "{count} errors", status.errors).format(count=status.errors),
                ngettext("{count} warning", "{count} warnings", status.warnings).format(count=status.warnings),
            ]
        )
        lines.append(_("The content has {counts}: run publish.py check to see them.").format(counts=counts))
    for language in status.languages:
        lines += ["", f"{language.name} ({language.lang})", *_language(language, words, status.settings)]
    return "\n".join(lines) + "\n"


def _language(language: LanguageStatus, words: _Words, settings: StatusSettings) -> list[str]:
    return [
        *_last_post(language, words),
        *_section(
            _("Waiting for review:"),
            [_waiting(item, words) for item in language.waiting_for_review],
            _("Nothing is waiting for review."),
            _("When a staff member has read it: publish.py review FILE --by THEIR-NAME"),
        ),
        *_section(
            _("Drafts untouched for {days} days or more:").format(days=settings.STATUS_STALE_DRAFT_DAYS),
            [_changed(item, words) for item in language.stale_drafts],
            "",
        ),
        *_section(
            _("Scheduled:"),
            [_scheduled(item, words) for item in language.scheduled],
            _("Nothing is scheduled."),
        ),
        *_section(_("Ending soon or just ended:"), [_ending(item, words) for item in language.ending], ""),
        *_section(
            _("Not in {language} yet:").format(language=words.language(language.lang)),
            [_untranslated(item, words) for item in language.untranslated],
            _("Everything on the site is in {language}.").format(language=words.language(language.lang)),
        ),
        *_section(
            _("Most asked questions that no post answers yet:"),
            [_question(question, words) for question in language.questions],
            "",
            _("To start a post from one: publish.py new post --from-question NUMBER"),
        ),
        *[_edition(edition, words) for edition in language.editions],
    ]


def _section(heading: str, items: list[str], empty: str, hint: str = "") -> list[str]:
    if not items:
        return [INDENT + empty] if empty else []
    return [INDENT + heading, *[INDENT * 2 + "- " + item for item in items], *([INDENT * 2 + hint] if hint else [])]


def _last_post(language: LanguageStatus, words: _Words) -> list[str]:
    last = language.last_post
    if last is None or last.day is None or last.days is None:
        return [INDENT + _("Warning: no post is published in this language yet.")]
    line = INDENT + _("Last post: “{title}”, {date} ({ago}).").format(
        title=last.title, date=words.date(last.day), ago=words.ago(last.days)
    )
    if not language.rhythm_broken:
        return [line]
    warning = _(
        "Warning: no new post for {days} days; the blog should get one at least every {rhythm} days "
        "(PUBLISHING_RHYTHM_DAYS). The questions below are a good start."
    ).format(days=last.days, rhythm=language.rhythm_days)
    return [line, INDENT + warning]


def _waiting(item: Item, words: _Words) -> str:
    who = _(" by {authors}").format(authors=", ".join(item.authors)) if item.authors else ""
    if item.day is None:
        return _("{kind} “{title}”{who} — {file}").format(who=who, **_values(item, words))
    return _("{kind} “{title}”{who}, dated {date} ({ago}) — {file}").format(who=who, **_values(item, words))


def _values(item: Item, words: _Words, kind: str = "") -> dict[str, str]:
    """What the lines of a section say about an item: its kind, title and file, the day and how far it is."""
    return {
        "kind": kind or words.kind(item.kind),
        "title": item.title,
        "file": item.file,
        "date": words.date(item.day) if item.day is not None else "",
        "ago": words.ago(item.days) if item.days is not None else "",
    }


def _changed(item: Item, words: _Words) -> str:
    return _("{kind} “{title}”, last changed {date} ({ago}) — {file}").format(**_values(item, words))


def _scheduled(item: Item, words: _Words) -> str:
    return _("{kind} “{title}” goes out on {date} ({ago}) — {file}").format(**_values(item, words))


def _ending(item: Item, words: _Words) -> str:
    if (item.days or 0) > 0:
        return _("{kind} “{title}” ended on {date} ({ago}) — {file}").format(**_values(item, words, item.label))
    return _("{kind} “{title}” ends on {date} ({ago}) — {file}").format(**_values(item, words, item.label))


def _untranslated(item: Item, words: _Words) -> str:
    line = _("{kind} “{title}”, in {language} — {file}").format(
        language=words.language(item.lang), **_values(item, words)
    )
    if item.translation:
        line += " " + _("(a translation is under way: {file})").format(file=item.translation)
    return line


def _question(question: OpenQuestion, words: _Words) -> str:
    line = ngettext(
        "question {number}: “{text}”, asked {count} time, last on {date}",
        "question {number}: “{text}”, asked {count} times, last on {date}",
        question.times,
    ).format(number=question.number, text=question.text, count=question.times, date=words.date(question.asked))
    if question.in_progress:
        line += " " + _("(being answered in {files})").format(files=", ".join(question.in_progress))
    return line


def _edition(edition: Edition, words: _Words) -> str:
    values = {"kind": words.kind(edition.kind), "latest": edition.latest, "month": edition.this_month}
    if edition.latest is None:
        return INDENT + _("Warning: no edition of the {kind} is published yet.").format(**values)
    if edition.missing:
        return INDENT + _(
            "Warning: the latest edition of the {kind} is {latest}; this month's ({month}) is missing."
        ).format(**values)
    kind = values["kind"]
    return INDENT + _("{kind}: this month's edition ({month}) is out.").format(
        **{**values, "kind": kind[:1].upper() + kind[1:]}
    )
