"""Checks on announcements (standalone ones and ``announce`` blocks) and on the footer setting.

Run by ``publish.py check`` and before every build, over every content type
that has announcements.  As with any other rule, a problem in a draft is a
warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from relais.i18n import N_, _
from relais.messages import choose_from, one_of
from relais.problems import Problem
from relais.settings import line_of_setting
from relais.site import Site

from .collect import FOOTER_SETTING, Announcement, about_source, about_target, all_announcements
from .formats import SHORT_LIMIT, Footer, short_overflow

# Relais adds the one link an announcement needs; any other would be a way to
# track readers, or a shortener moderators reject.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)


def check_announcements(site: Site) -> Iterator[Problem]:
    announcements = all_announcements(site, site.settings)
    for announcement in announcements:
        for problem in _problems(announcement, site):
            yield problem.as_warning() if announcement.entry.is_draft else problem
    yield from _unique_slugs(announcements)


def check_footer_setting(site: Site) -> Iterator[Problem]:
    """``ANNOUNCEMENT_FOOTER``: one valid footer per language of the site."""
    raw = site.settings.get(FOOTER_SETTING)
    where = site.settings_file
    line = line_of_setting(where, FOOTER_SETTING)
    languages = list(site.config.LANGUAGES)
    example = "{'en': {'about': …, 'promise': …, 'contact': [...], 'short': …}, 'fr': {…}}"
    if not isinstance(raw, dict):
        yield Problem(
            where,
            line,
            FOOTER_SETTING,
            _("this setting is missing: every forum announcement ends with it"),
            _("add it, one footer per language: {setting} = {example}").format(setting=FOOTER_SETTING, example=example),
        )
        return
    for lang in languages:
        if lang not in raw:
            yield Problem(
                where,
                line,
                FOOTER_SETTING,
                _("there is no footer for '{lang}'").format(lang=lang),
                _("add one, like {example}").format(example=example),
            )
            continue
        try:
            Footer.model_validate(raw[lang])
        except ValidationError as err:
            for item in err.errors():
                field = ".".join(str(part) for part in item["loc"])
                yield Problem(
                    where,
                    line,
                    f"{FOOTER_SETTING}.{lang}.{field}" if field else f"{FOOTER_SETTING}.{lang}",
                    _footer_what(item),
                    _("each footer has: {parts}; about, promise and short are text, contact a list of lines").format(
                        parts=one_of(Footer.model_fields)
                    ),
                )
    for lang in raw:
        if lang not in languages:
            yield Problem(
                where,
                line,
                FOOTER_SETTING,
                _("'{lang}' is not one of the site's languages").format(lang=lang),
                _("use one of: {choices}").format(choices=one_of(languages)),
            )


def _footer_what(item: dict[str, Any]) -> str:
    what = {
        "missing": N_("this part is missing"),
        "extra_forbidden": N_("this is not a part of a footer"),
        "string_too_short": N_("is empty"),
        "too_short": N_("is empty"),
    }.get(item["type"], N_("has a wrong value"))
    return _(what)


def _problems(announcement: Announcement, site: Site) -> Iterator[Problem]:
    entry, prefix = announcement.entry, announcement.location
    fields = ".".join(prefix)

    def problem(field: str, what: str, fix: str) -> Problem:
        shown = f"{fields}.{field}" if fields and field else fields or field
        return entry.problem((*prefix, field) if field else prefix, shown, what, fix)

    if announcement.published is None:
        yield problem(
            "",
            _("this announcement has no date, and neither has its page"),
            _("add 'date:' under 'announce:', the day it starts being offered, for example 'date: 2026-11-16'"),
        )
    elif announcement.until is not None and announcement.until < announcement.published:
        yield problem(
            "until",
            _("the announcement would stop being offered before it starts"),
            _("'until' is the last day it is offered: put a date after its start date"),
        )
    for field in ("headline", "text"):
        address = _ADDRESS.search(getattr(announcement, field))
        if address:
            yield problem(
                field,
                _("'{address}' is a web or email address").format(address=address.group(0)),
                _("remove it: the announcement links to its own page, with no tracking, by itself"),
            )
    yield from _about_problems(announcement, site, problem)
    if announcement.footer is not None:
        over = short_overflow(announcement.headline, announcement.link, announcement.footer, announcement.when)
        if over:
            yield problem(
                "headline",
                _("the headline leaves no room in the {limit}-character short text (with the link and footer)").format(
                    limit=SHORT_LIMIT
                ),
                _("shorten it by {count} characters or more").format(count=over),
            )


def _about_problems(
    announcement: Announcement, site: Site, problem: Callable[[str, str, str], Problem]
) -> Iterator[Problem]:
    """A standalone announcement's ``about``: a page of the site, published, in the announcement's language."""
    about = getattr(announcement.entry.data, "about", None)
    if not about or not announcement.is_standalone:
        return
    target = about_target(site, announcement.entry)
    if target is None:
        pages = [entry.source for entry in site.index.entries if _has_page(entry)]
        yield problem(
            "about",
            _("there is no file content/{source}").format(source=about_source(about)),
            _("write the place of the file this announcement is about, from content/: {choices}").format(
                choices=choose_from(about_source(about), pages)
            ),
        )
    elif not _has_page(target):
        yield problem(
            "about",
            _("{file} has no page of its own to link to").format(file=target.shown_as),
            _("name a post, a page, a service, an event or a guide"),
        )
    elif not site.index.is_published(target):
        yield problem(
            "about",
            _("{file} is not on the site (it is not published yet): the link would lead nowhere").format(
                file=target.shown_as
            ),
            _("publish it first, or name another page"),
        )
    elif target.lang != announcement.lang:
        yield problem(
            "about",
            _(
                "{file} has no translation in this announcement's language: "
                "readers would land on a page in another language"
            ).format(file=target.shown_as),
            _("add its translation (with the same translation_key), or name a page in this language"),
        ).as_warning()


def _has_page(entry: Any) -> bool:
    return entry.valid and entry.type.translatable and entry.type.has_body


def _unique_slugs(announcements: list[Announcement]) -> Iterator[Problem]:
    """Two announcements may not share a snippet file name."""
    seen: dict[tuple[str, str], Announcement] = {}
    for announcement in announcements:
        first = seen.setdefault((announcement.slug, announcement.lang), announcement)
        if first is not announcement:
            for one, other in ((announcement, first), (first, announcement)):
                yield one.entry.problem(
                    one.location or ("translation_key",),
                    ".".join(one.location) or _("file name"),
                    _("its snippet files would be named like those of {other} ({name}.…)").format(
                        other=other.entry.shown_as, name=f"{one.slug}.{one.lang}"
                    ),
                    _("rename one of the two files, or change its translation_key"),
                )
