"""The spreadsheet format of staff-edited reports: what ``publish.py bad-dates import`` reads.

CSV in UTF-8 (a byte-order mark is fine; Excel's "CSV UTF-8" adds one),
commas or semicolons between cells (French Excel uses semicolons), one row
per report under one row of headings.  Each heading is a report's field,
nested ones joined with "_" (``aggressor_description``, ``vehicle_plate``),
in English or French (``agresseur_description``, ``vehicule_plaque``);
case, accents, spaces and dashes in a heading do not matter.  Lists
(``types``, ``contact_used``) have their items separated by "; ".

Kept as data (:data:`COLUMNS`) so that the report intake, which writes such
files, uses the same columns.  A column that is not one of them is never
read: the importer names it and drops it, whatever it holds.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from relais.i18n import _

from .identifiers import fold

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    name: str  # the English heading: the field's path joined with "_"
    french: str  # the French heading
    path: tuple[str, ...]  # where the value goes in a report
    is_list: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id", "identifiant", ("id",)),
    Column("date", "date", ("date",)),
    Column("time_of_day", "moment_de_la_journee", ("time_of_day",)),
    Column("area", "secteur", ("area",)),
    Column("place_type", "type_de_lieu", ("place_type",)),
    Column("types", "nature", ("types",), is_list=True),
    Column("aggressor_description", "agresseur_description", ("aggressor", "description")),
    Column("aggressor_age", "agresseur_age", ("aggressor", "age")),
    Column("aggressor_gender", "agresseur_genre", ("aggressor", "gender")),
    Column("aggressor_height", "agresseur_taille", ("aggressor", "height")),
    Column("aggressor_build", "agresseur_carrure", ("aggressor", "build")),
    Column("aggressor_hair", "agresseur_cheveux", ("aggressor", "hair")),
    Column("aggressor_facial_hair", "agresseur_barbe", ("aggressor", "facial_hair")),
    Column("aggressor_skin", "agresseur_peau", ("aggressor", "skin")),
    Column("aggressor_accent", "agresseur_accent", ("aggressor", "accent")),
    Column("aggressor_marks", "agresseur_marques", ("aggressor", "marks")),
    Column("aggressor_clothing", "agresseur_vetements", ("aggressor", "clothing")),
    Column("aggressor_name_used", "agresseur_nom_utilise", ("aggressor", "name_used")),
    Column("vehicle_make", "vehicule_marque", ("vehicle", "make")),
    Column("vehicle_model", "vehicule_modele", ("vehicle", "model")),
    Column("vehicle_colour", "vehicule_couleur", ("vehicle", "colour")),
    Column("vehicle_plate", "vehicule_plaque", ("vehicle", "plate")),
    Column("vehicle_province", "vehicule_province", ("vehicle", "province")),
    Column("contact_used", "contact_utilise", ("contact_used",), is_list=True),
    Column("what_happened", "ce_qui_sest_passe", ("what_happened",)),
    Column("advice", "conseil", ("advice",)),
    Column("reported_on", "signale_le", ("reported_on",)),
)
# Words staff may type in the cells of a French spreadsheet, for the fields that take a fixed word.
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "time_of_day": {"matin": "morning", "apres-midi": "afternoon", "soir": "evening", "nuit": "night"},
    "place_type": {
        "rue": "street",
        "auto": "car",
        "voiture": "car",
        "hotel": "hotel",
        "motel": "hotel",
        "en ligne": "online",
        "telephone": "phone",
        "texto": "phone",
        "autre": "other",
    },
}
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")
_BY_HEADING = {key: column for column in COLUMNS for key in (column.name, column.french)}


def heading_key(heading: str) -> str:
    """``Agresseur – Âge`` → ``agresseur_age``: how headings are compared."""
    return _NOT_A_WORD.sub("_", fold(heading).replace("'", "").replace("’", "")).strip("_")


def column_for(heading: str) -> Column | None:
    return _BY_HEADING.get(heading_key(heading))


@dataclass(frozen=True)
class Sheet:
    headings: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it: the headings are row 1, cells)


class SheetError(Exception):
    """The file cannot be read as a spreadsheet; ``what`` and ``fix`` say why and what to do."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix


def read_sheet(text: str) -> Sheet:
    """The headings and the rows of a CSV file's text (empty rows left out)."""
    sample = text[:4096].split("\n", 1)[0]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as err:
        raise SheetError(
            _("this file could not be read as a spreadsheet (row {row})").format(row=reader.line_num),
            _("save it again from your spreadsheet as 'CSV UTF-8'; a cell may be far too long"),
        ) from err
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise SheetError(
            _("this file has no row of headings"),
            _("the first row names the columns: id, date, area, place_type, types, aggressor_description…"),
        )
    headings, found = rows[0], []
    for number, cells in enumerate(rows[1:], start=2):
        if any(cell.strip() for cell in cells):
            found.append((number, cells))
    return Sheet(headings, found)


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def report_from_row(cells: list[str], columns: dict[int, Column]) -> dict:
    """One report as a dict of fields, from the cells of the known columns (empty cells left out)."""
    report: dict = {}
    for position, column in columns.items():
        cell = cells[position].strip() if position < len(cells) else ""
        if not cell:
            continue
        value: object = split_list(cell) if column.is_list else _alias(column, cell)
        target = report
        for part in column.path[:-1]:
            target = target.setdefault(part, {})
        target[column.path[-1]] = value
    return report


def _alias(column: Column, cell: str) -> str:
    aliases = VALUE_ALIASES.get(column.name)
    return aliases.get(fold(cell).strip(), cell) if aliases else cell


def known_columns(headings: list[str]) -> tuple[dict[int, Column], list[str], list[tuple[str, str]]]:
    """The columns read (by position), the headings dropped, and headings naming the same field twice."""
    known: dict[int, Column] = {}
    seen: dict[str, str] = {}
    dropped: list[str] = []
    twice: list[tuple[str, str]] = []
    for position, heading in enumerate(headings):
        column = column_for(heading)
        if column is None:
            dropped.append(heading.strip() or f"#{position + 1}")
            continue
        if column.name in seen:
            twice.append((seen[column.name], heading))
            continue
        seen[column.name] = heading
        known[position] = column
    return known, dropped, twice
