"""What the never-publish check says: which file, which rule of the list, where it came from.

A message never repeats a private string, not even through a path: a file
or folder whose name holds one is named by the nearest folder above it
whose name is safe.
"""

from __future__ import annotations

from urllib.parse import unquote

from relais.folding import fold
from relais.private_list import FIELD, NeverPublishList, Rule
from relais.problems import Problem

FIX_SOURCE = "remove it from this file: it must never be published (see README.md, 'Never publish')"
KEPT = "nothing was published and the previous site is still in place"
HIDDEN = (
    "; it is written with formatting, escapes or look-alike characters in between, but readers would see it on the site"
)
RENAME = (
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
            return f"{folder}/" if folder else "(a path whose name is private)"
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
        what = f"a file in here whose name is private also holds {never.describe(rule)}"
        return Problem(safe, 0, FIELD, what + (f" (its line {line})" if line else ""), FIX_SOURCE)
    what = f"this holds {never.describe(rule)}" + ("" if literal else HIDDEN)
    return Problem(shown_as, line, field or FIELD, what, FIX_SOURCE)


def name_problem(shown_as: str, rule: Rule, never: NeverPublishList) -> Problem:
    folder = safe_name(shown_as, never)
    return Problem(folder, 0, FIELD, f"a file or folder in here has {never.describe(rule)} in its name", RENAME)


def unreadable_problem(shown_as: str, why: str, never: NeverPublishList, built: bool = False) -> Problem:
    what = "this file could not be read to search it for the never-publish list"
    return Problem(
        f"{safe_name(shown_as, never)}{' (built site)' if built else ''}",
        0,
        FIELD,
        f"{what} ({why})",
        "repair or remove it: nothing is published until every file can be searched",
    )


def origins_text(origins: list[str], whole: bool) -> tuple[str, str]:
    """Where a string found in a built file came from, and what to do: (what, fix)."""
    if origins and whole:
        sources = _listing(origins)
        return f"it comes from {sources}", f"remove it from {sources}"
    if origins:
        sources = _listing(origins)
        return (
            f"no source file holds it whole: a template, a setting or a plugin put it together "
            f"from parts found in {sources}",
            f"look at {sources}, the theme and the settings",
        )
    return (
        "no source file holds it as written, so a template, a setting or a plugin put it together",
        "look at the theme, the settings and the plugins that wrote this file",
    )


def built_problem(
    shown_as: str, rule: Rule, never: NeverPublishList, *, origins: list[str], whole: bool, in_name: bool
) -> Problem:
    where, fix = origins_text(origins, whole)
    safe = safe_name(shown_as, never)
    if in_name:
        what = f"a built file or folder in here has {never.describe(rule)} in its name"
    elif safe != shown_as:
        what = f"a built file in here (its name is private) holds {never.describe(rule)}"
    else:
        what = f"this built file holds {never.describe(rule)}"
    return Problem(f"{safe} (built site)", 0, FIELD, f"{what}; {where}", f"{fix}; {KEPT}")


def printed_problem(
    command: str, name: str, rule: Rule, never: NeverPublishList, *, origins: list[str], whole: bool
) -> Problem:
    where, fix = origins_text(origins, whole)
    shown = f"the snippet {name}" if safe_name(name, never) == name else "a snippet (its name is private)"
    what = f"{shown} would show {never.describe(rule)}; {where}"
    return Problem(command, 0, FIELD, what, f"{fix}; nothing was printed")


def _listing(places: list[str], most: int = 4) -> str:
    shown = ", ".join(places[:most])
    return shown + (f" and {len(places) - most} more" if len(places) > most else "")
