"""``publish.py new bad-dates YYYY-MM``: an edition of the month in every language, ready to fill in."""

from __future__ import annotations

from pathlib import Path

from relais.i18n import _

from .importer import edition_path, edition_text
from .months import parse_month


def example_report(edition: str) -> str:
    """A commented example of one report, to copy under ``reports:``."""
    lines = [
        _("Each report starts with '- id:'. Copy this example once per report, without the '# ' at the start"),
        _("of its lines, and fill it in; leave out what was not reported."),
        f" - id: {edition}-r1",
        f"   date: {edition}-03  # " + _("the day it happened, or the month alone: {month}").format(month=edition),
        "   time_of_day: night  # morning, afternoon, evening, night",
        "   area: East end, near the port  # " + _("a neighbourhood or part of town, never an address"),
        "   place_type: car  # street, car, hotel, incall, outcall, online, phone, other",
        "   types: [physical-assault, robbery]  # " + _("the keys of BAD_DATES_TYPES in pelicanconf.py"),
        "   aggressor:",
        "     description: Man in his forties, tall, short grey beard.",
        "     age: about 45",
        "   vehicle:",
        "     make: Honda",
        "     colour: grey",
        "     plate: ABC 1  # " + _("part of a plate is fine"),
        "   contact_used: [514-555-0134]  # " + _("numbers, handles, ad names or emails the aggressor used"),
        "   what_happened: He refused to pay and took the money back by force.  # " + _("in the third person"),
        "   advice: Ask to be paid first.",
        f"   reported_on: {edition}-05  # " + _("the day the report reached us"),
    ]
    return "".join(f"#{line}\n" if line.startswith(" ") else f"# {line}\n" for line in lines)


def new_editions(content_dir: Path, edition: str, languages: list[str]) -> tuple[list[Path], list[Path]]:
    """Create the month's edition in each language that has none; (created, already there)."""
    month = str(parse_month(edition))
    created, existing = [], []
    for lang in languages:
        path = edition_path(content_dir, month, lang)
        if path.exists():
            existing.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as file:  # "x": never overwrite, even in a race
            file.write(edition_text(month, lang, example=example_report(month)))
        created.append(path)
    return created, existing
