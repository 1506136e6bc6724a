"""What the never-publish check says: which file, which rule of the list, where it came from.

A message never repeats a private string, not even through a path: a file
or folder whose name holds one is named by the nearest folder above it
whose name is safe.
"""

from __future__ import annotations

from urllib.parse import unquote

from relais.folding import fold
from relais.i18n import N_, _
from relais.private_list import FIELD, NeverPublishList, Rule
from relais.problems import Problem

FIX_SOURCE = N_("remove it from this file: it must never be published (see README.md, 'Never publish')")
KEPT = N_("nothing was published and the previous site is still in place")
RENAME = N_(
    "rename it: the names of files and folders become addresses and names on the site "
    "(an image is published even when no page shows it)"
)


def name_rules(path: str, never: NeverPublishList) -> list[Rule]:
    """The rules a path holds, as written or once its %-escapes are decoded."""
    folded = fold(path)
    decoded = fold(unquote(path)) if "%" in path else folded
    return [rule for rule in never.rules if any(key in folded or key in decoded for key in rule.keys)]


def safe_name(path: str, never: NeverPublishList) -> str:
    """The path, or the nearest folder above it whose name holds no private string."""
    parts = path.split("/")
    for end in range(1, len(parts) + 1):
        if name_rules("/".join(parts[:end]), never):
            folder = "/".join(parts[: end - 1])
            return f"{folder}/" if folder else _("(a path whose name is private)")
    return path


def located(path: str, line: int, never: NeverPublishList) -> str:
    """``path:line``, or only the safe folder when the path itself is private."""
    safe = safe_name(path, never)
    return f"{safe}:{line}" if line and safe == path else safe


def source_problem(
    shown_as: str, line: int, field: str, rule: Rule, *, literal: bool, never: NeverPublishList
) -> Problem:
    safe = safe_name(shown_as, never)
    if safe != shown_as:
        what = (
            _("a file in here whose name is private also holds {rule} (its line {line})")
            if line
            else _("a file in here whose name is private also holds {rule}")
        ).format(rule=never.describe(rule), line=line)
        return Problem(safe, 0, FIELD, what, _(FIX_SOURCE))
    what = (
        _("this holds {rule}")
        if literal
        else _(
            "this holds {rule}; it is written with formatting, escapes or look-alike characters in between, "
            "but readers would see it on the site"
        )
    ).format(rule=never.describe(rule))
    return Problem(shown_as, line, field or FIELD, what, _(FIX_SOURCE))


def name_problem(shown_as: str, rule: Rule, never: NeverPublishList) -> Problem:
    folder = safe_name(shown_as, never)
    what = _("a file or folder in here has {rule} in its name").format(rule=never.describe(rule))
    return Problem(folder, 0, FIELD, what, _(RENAME))


def unreadable_problem(shown_as: str, why: str, never: NeverPublishList, built: bool = False) -> Problem:
    safe = safe_name(shown_as, never)
    return Problem(
        _("{path} (built site)").format(path=safe) if built else safe,
        0,
        FIELD,
        _("this file could not be read to search it for the never-publish list ({reason})").format(reason=why),
        _("repair or remove it: nothing is published until every file can be searched"),
    )


def origins_text(origins: list[str], whole: bool) -> tuple[str, str]:
    """Where a string found in a built file came from, and what to do: (what, fix)."""
    if origins and whole:
        sources = _listing(origins)
        return _("it comes from {sources}").format(sources=sources), _("remove it from {sources}").format(
            sources=sources
        )
    if origins:
        sources = _listing(origins)
        return (
            _(
                "no source file holds it whole: a template, a setting or a plugin put it together "
                "from parts found in {sources}"
            ).format(sources=sources),
            _("look at {sources}, the theme and the settings").format(sources=sources),
        )
    return (
        _("no source file holds it as written, so a template, a setting or a plugin put it together"),
        _("look at the theme, the settings and the plugins that wrote this file"),
    )


def built_problem(
    shown_as: str, rule: Rule, never: NeverPublishList, *, origins: list[str], whole: bool, in_name: bool
) -> Problem:
    where, fix = origins_text(origins, whole)
    safe = safe_name(shown_as, never)
    if in_name:
        what = _("a built file or folder in here has {rule} in its name")
    elif safe != shown_as:
        what = _("a built file in here (its name is private) holds {rule}")
    else:
        what = _("this built file holds {rule}")
    return Problem(
        _("{path} (built site)").format(path=safe),
        0,
        FIELD,
        _("{what}; {where}").format(what=what.format(rule=never.describe(rule)), where=where),
        _("{fix}; {kept}").format(fix=fix, kept=_(KEPT)),
    )


def printed_problem(
    command: str, name: str, rule: Rule, never: NeverPublishList, *, origins: list[str], whole: bool
) -> Problem:
    where, fix = origins_text(origins, whole)
    shown = (
        _("the snippet {name}").format(name=name)
        if safe_name(name, never) == name
        else _("a snippet (its name is private)")
    )
    what = _("{snippet} would show {rule}; {where}").format(snippet=shown, rule=never.describe(rule), where=where)
    return Problem(command, 0, FIELD, what, _("{fix}; nothing was printed").format(fix=fix))


def _listing(places: list[str], most: int = 4) -> str:
    shown = ", ".join(places[:most])
    if len(places) <= most:
        return shown
    return _("{shown} and {count} more").format(shown=shown, count=len(places) - most)
