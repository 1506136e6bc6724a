"""``publish.py bad-dates import FILE.csv --edition YYYY-MM --lang en``: a spreadsheet of reports becomes an edition.

Columns are matched to the report's fields by their headings (see
:mod:`.spreadsheet`); every other column is dropped, and named, never shown:
a spreadsheet kept for the program's records may hold who reported, and
none of it may reach a file, a message or the terminal.  Each row is
checked with the same schema as the edition files, and every problem names
its row.  Nothing is written unless every row is right, and an edition that
exists is left alone unless ``--append`` (add these reports) or ``--force``
(replace it) says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from relais.i18n import _
from relais.messages import choose_from, validation_problems
from relais.problems import Problem, Problems
from relais.sources import FrontMatter, SourceError, read_text

from .config import BadDatesSettings
from .identifiers import fold
from .months import parse_month
from .schema import Report
from .spreadsheet import Column, Sheet, SheetError, known_columns, read_sheet, report_from_row

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 500
FENCE = "---"
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


@dataclass
class ImportResult:
    problems: Problems = field(default_factory=Problems)
    written: Path | None = None
    count: int = 0
    dropped: list[str] = field(default_factory=list)
    appended: bool = False


def edition_path(content_dir: Path, edition: str, lang: str) -> Path:
    return content_dir / "bad-dates" / lang / f"{edition}.md"


def import_spreadsheet(
    source: Path,
    shown_as: str,
    *,
    edition: str,
    lang: str,
    content_dir: Path,
    config: BadDatesSettings,
    force: bool = False,
    append: bool = False,
) -> ImportResult:
    result = ImportResult()
    problems = result.problems
    target = edition_path(content_dir, edition, lang)
    existing_text = _existing(target, force, append, problems)
    if problems.errors:
        return result
    try:
        text = _read(source, shown_as)
        sheet = read_sheet(text)
    except SheetError as err:
        problems.error(shown_as, 0, "", err.what, err.fix)
        return result
    columns, result.dropped, twice = known_columns(sheet.headings)
    for first, second in twice:
        problems.error(
            shown_as,
            1,
            "",
            _("the columns '{first}' and '{second}' are the same field").format(first=first, second=second),
            _("keep one of them"),
        )
    if len(sheet.rows) > MAX_ROWS:
        problems.error(
            shown_as,
            0,
            "",
            _("this file has {count} reports; an edition holds at most {most}").format(
                count=len(sheet.rows), most=MAX_ROWS
            ),
            _("check that it is the right file"),
        )
    misaligned = _misaligned_rows(sheet, shown_as, problems)
    taken = _ids_in(existing_text) if existing_text is not None else []
    rows = [(number, cells) for number, cells in sheet.rows if number not in misaligned]
    reports = _reports(rows, columns, shown_as=shown_as, edition=edition, config=config, taken=taken, problems=problems)
    if problems.errors:
        return result
    result.count = len(reports)
    body = _reports_yaml(reports)
    if existing_text is not None:
        new_text = _appended(existing_text, body)
        if new_text is None:
            problems.error(
                str(target),
                0,
                "reports",
                _("the reports cannot be added: 'reports:' is not the last field of this file"),
                _("move 'reports:' and its reports to the end of the fields, then import again"),
            )
            return result
        result.appended = True
    else:
        new_text = edition_text(edition, lang, body)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(new_text, encoding="utf-8", newline="\n")
    result.written = target
    return result


def _existing(target: Path, force: bool, append: bool, problems: Problems) -> str | None:
    """The text of the edition to add to (``--append``), None to write a new one; a problem if it may not be touched."""
    if force and append:
        problems.error("", 0, "", _("--force and --append cannot be used together"), _("choose one"))
        return None
    if not target.exists():
        return None
    if append:
        try:
            return read_text(target, str(target))
        except SourceError as err:
            problems.add(err.problem)
            return None
    if not force:
        problems.error(
            str(target),
            0,
            "",
            _("this edition already exists; nothing was written"),
            _("use --append to add these reports to it, or --force to replace it"),
        )
    return None


def _read(source: Path, shown_as: str) -> str:
    try:
        size = source.stat().st_size
    except OSError as err:
        raise SheetError(
            _("this file cannot be opened ({reason})").format(reason=err.strerror or err),
            _("check its name and folder"),
        ) from None
    if size > MAX_BYTES:
        raise SheetError(
            _("this file is {size} MB; a spreadsheet of reports is far smaller").format(size=size // (1024 * 1024)),
            _("check that it is the right file"),
        )
    try:
        return read_text(source, shown_as)
    except SourceError as err:
        raise SheetError(
            err.problem.what, _("save it again from your spreadsheet as 'CSV UTF-8 (comma delimited)'")
        ) from None


def _misaligned_rows(sheet: Sheet, shown_as: str, problems: Problems) -> set[int]:
    """Rows whose cells are not one per heading: a value would land under another column's heading, so they are
    refused without reading any of their cells."""
    wrong = set()
    for number, cells in sheet.rows:
        if len(cells) != len(sheet.headings):
            wrong.add(number)
            problems.error(
                shown_as,
                0,
                _("row {row}").format(row=number),
                _("this row has {cells} cells for {headings} headings").format(
                    cells=len(cells), headings=len(sheet.headings)
                ),
                _(
                    "a cell probably holds the separator (, or ;) without quotes: "
                    "save the file again from your spreadsheet"
                ),
            )
    return wrong


def _ids_in(text: str) -> list[str]:
    front = _front(text)
    try:
        data = yaml.safe_load(front) if front is not None else None
    except yaml.YAMLError:
        return []
    reports = data.get("reports") if isinstance(data, dict) else None
    return [str(report.get("id")) for report in reports or [] if isinstance(report, dict) and report.get("id")]


def _reports(
    rows: list[tuple[int, list[str]]],
    columns: dict[int, Column],
    *,
    shown_as: str,
    edition: str,
    config: BadDatesSettings,
    taken: list[str],
    problems: Problems,
) -> list[dict[str, Any]]:
    used = set(taken)
    reports: list[tuple[int, dict[str, Any]]] = []
    for number, cells in rows:
        report = report_from_row(cells, columns)
        report_id = str(report.get("id", ""))
        if report_id and report_id in used:
            problems.error(
                shown_as,
                0,
                _("row {row}: {column}").format(row=number, column="id"),
                _("this id is already used in this edition"),
                _("give this report a new id, or leave its id empty to get one"),
            )
        used.add(report_id)
        if "types" in report:
            report["types"] = [_type_key(item, config) for item in report["types"]]
        reports.append((number, report))
    counter = 0
    for number, report in reports:
        if not report.get("id"):
            counter += 1
            while f"{edition}-r{counter}" in used:
                counter += 1
            report["id"] = f"{edition}-r{counter}"
            used.add(report["id"])
        problems.extend(_row_problems(number, report, columns, shown_as, config))
    return [_ordered(report) for _number, report in reports]


def _type_key(item: str, config: BadDatesSettings) -> str:
    """A kind of harm by its key, or by its label in any language (``Vol`` → ``robbery``)."""
    if item in config.BAD_DATES_TYPES:
        return item
    wanted = fold(item).strip()
    for key, labels in config.BAD_DATES_TYPES.items():
        if wanted == fold(key) or any(wanted == fold(label) for label in labels.values()):
            return key
    return item


def _row_problems(
    number: int, report: dict[str, Any], columns: dict[int, Column], shown_as: str, config: BadDatesSettings
) -> list[Problem]:
    headings = {column.name: column for column in columns.values()}

    def where(field_path: str) -> str:
        if field_path == "front matter":  # the report as a whole (an area is missing)
            return _("row {row}").format(row=number)
        parts = field_path.split(".")
        name = "_".join(parts[:2]) if parts[0] in ("aggressor", "vehicle") and len(parts) > 1 else parts[0]
        column = headings.get(name)
        return _("row {row}: {column}").format(row=number, column=column.name if column else name)

    cells = _cells(report)

    def unquoted(text: str) -> str:
        # A cell is never repeated in a message: a row pasted one column off would show what it holds.
        for cell in cells:
            for quoted in (f"'{cell}'", f"« {cell} »", f'"{cell}"', f"“{cell}”"):
                text = text.replace(quoted, _("this cell"))
        return text

    found: list[Problem] = []
    try:
        Report.model_validate(report)
    except ValidationError as err:
        for problem in validation_problems(err, Report, FrontMatter(data=report), shown_as):
            found.append(Problem(shown_as, 0, where(problem.field), unquoted(problem.what), unquoted(problem.fix)))
    for key in report.get("types") or []:
        if key not in config.BAD_DATES_TYPES:
            found.append(
                Problem(
                    shown_as,
                    0,
                    where("types"),
                    _("this cell is not one of the kinds of harm the list uses"),
                    choose_from(key, config.BAD_DATES_TYPES),
                )
            )
    return found


def _cells(value: Any) -> list[str]:
    """Every text of a report (nested ones and list items too), longest first."""
    if isinstance(value, dict):
        found = [cell for item in value.values() for cell in _cells(item)]
    elif isinstance(value, list):
        found = [cell for item in value for cell in _cells(item)]
    else:
        found = [str(value)]
    return sorted(found, key=len, reverse=True)


def _ordered(report: dict[str, Any]) -> dict[str, Any]:
    """The fields in the order of the schema, as staff read them in the file."""
    ordered = {name: report[name] for name in Report.model_fields if name in report}
    for nested in ("aggressor", "vehicle"):
        if isinstance(ordered.get(nested), dict):
            model = Report.model_fields[nested].annotation
            names = _model_fields(model)
            ordered[nested] = {name: ordered[nested][name] for name in names if name in ordered[nested]}
    return ordered


def _model_fields(annotation: Any) -> list[str]:
    for candidate in getattr(annotation, "__args__", (annotation,)):
        if hasattr(candidate, "model_fields"):
            return list(candidate.model_fields)
    return []


def _reports_yaml(reports: list[dict[str, Any]]) -> str:
    if not reports:
        return ""
    dumped = yaml.safe_dump(reports, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100000)
    return "".join(f"  {line}\n" for line in dumped.splitlines())


def edition_text(edition: str, lang: str, reports_yaml: str = "", example: str = "") -> str:
    """A new edition file: its fields, ``status: draft``, then ``reports:`` last (so that reports can be added)."""
    lines = [
        FENCE,
        _("# The bad date list of {month}, in '{lang}'. Only the public text of each report goes here:").format(
            month=edition, lang=lang
        ),
        _("# never who reported, their name, working name, number, address or ad. See README.md, 'The bad date list'."),
        f"edition: {parse_month(edition)}",
        f"lang: {lang}",
        f"translation_key: {edition}",
        "status: draft  # " + _("draft, then review, then published"),
        "# intro: " + _("A few sentences shown before the reports."),
        "reports:",
    ]
    return "\n".join(lines) + "\n" + reports_yaml + example + FENCE + "\n"


def _front(text: str) -> str | None:
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return "\n".join(lines[1:number])
    return None


def _appended(text: str, reports_yaml: str) -> str | None:
    """The file with the new reports added at the end of its ``reports:`` list; None if ``reports:`` is not last."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None
    end = next((number for number, line in enumerate(lines[1:], start=1) if line.strip() == FENCE), None)
    if end is None:
        return None
    keys = [(number, match[1]) for number in range(1, end) if (match := _TOP_LEVEL_KEY.match(lines[number]))]
    if not keys or keys[-1][1] != "reports":
        return None
    number = keys[-1][0]
    if lines[number].split(":", 1)[1].strip() in ("[]", "null", "~"):
        lines[number] = "reports:"
    elif lines[number].split(":", 1)[1].strip():
        return None  # a list written on one line: [ … ]
    new_lines = reports_yaml.rstrip("\n").split("\n") if reports_yaml else []
    return "\n".join([*lines[:end], *new_lines, *lines[end:]])
