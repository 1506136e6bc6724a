"""``publish.py bad-dates import`` and ``publish.py new bad-dates``, run as staff run them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import lxml.html

from bad_dates.spreadsheet import COLUMNS, heading_key
from tests.bad_date_paths import FEED, LOOKUP, edition_file, edition_folder
from tests.helpers import publish

SECRET_NAME = "Philomène Zarkovitch"
SECRET_PHONE = "438-555-0111"
HEADINGS = [
    "id",
    "date",
    "time_of_day",
    "area",
    "place_type",
    "types",
    "aggressor_description",
    "aggressor_age",
    "vehicle_make",
    "vehicle_colour",
    "vehicle_plate",
    "contact_used",
    "what_happened",
    "advice",
    "reported_on",
    "reporter_phone",
    "nom_travailleuse",
    "notes internes",
]
ROW = {
    "date": "2026-11-03",
    "time_of_day": "night",
    "area": "East end",
    "place_type": "car",
    "types": "physical-assault; robbery",
    "aggressor_description": "Tall man, grey beard.",
    "aggressor_age": "about 45",
    "vehicle_make": "Ford",
    "vehicle_colour": "blue",
    "vehicle_plate": "GXT 4",
    "contact_used": "514 555-0168; @truckguy",
    "what_happened": "He refused to pay and hit the worker.",
    "advice": "Do not get into his truck.",
    "reported_on": "2026-11-05",
    "reporter_phone": SECRET_PHONE,
    "nom_travailleuse": SECRET_NAME,
    "notes internes": f"Called back {SECRET_NAME} at {SECRET_PHONE}",
}


def _csv(rows: list[dict[str, str]], headings: list[str] = HEADINGS, delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow([row.get(heading, "") for heading in headings])
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def _import(content: Path, sheet: Path, *args: str, lang: str = "en"):
    return publish(
        "bad-dates", "import", str(sheet), "--edition", "2026-11", "--lang", lang, "--content", str(content), *args
    )


def _everything(content: Path, *results) -> str:
    files = "\n".join(path.read_text(encoding="utf-8") for path in content.rglob("*.md"))
    return files + "\n".join(result.stdout + result.stderr for result in results)


def test_unknown_columns_are_dropped_and_named_never_shown(content: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "november.csv"
    sheet.write_bytes(_csv([ROW, {**ROW, "date": "2026-11-12", "reported_on": "2026-11-13", "area": "Downtown"}]))
    result = _import(content, sheet)
    assert result.returncode == 0, result.stderr
    assert "Not imported: reporter_phone, nom_travailleuse, notes internes." in result.stderr
    assert "Wrote 2 reports to" in result.stdout
    everything = _everything(content, result)
    for secret in (SECRET_NAME, "Zarkovitch", SECRET_PHONE, "0111", "Called back"):
        assert secret not in everything
    written = (content / "bad-dates/en/2026-11.md").read_text(encoding="utf-8")
    assert "id: 2026-11-r1" in written and "id: 2026-11-r2" in written and "status: draft" in written


def test_a_malformed_date_is_refused_with_its_row_and_nothing_is_written(content: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "november.csv"
    sheet.write_bytes(_csv([ROW, {**ROW, "date": "11/03/2026"}, {**ROW, "reported_on": "2026-13-01"}]))
    result = _import(content, sheet)
    assert result.returncode == 1
    assert f"{sheet}: row 3: date: this cell is not a date — write it as YYYY-MM-DD" in result.stderr
    assert f"{sheet}: row 4: reported_on: this cell is not a real date" in result.stderr
    assert "11/03/2026" not in result.stderr
    assert "Nothing was written" in result.stderr
    assert not (content / "bad-dates").exists()
    assert SECRET_NAME not in result.stdout + result.stderr


def test_a_row_out_of_line_is_refused_without_showing_its_cells(content: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "november.csv"
    text = _csv([ROW]).decode("utf-8") + ",".join(["", "2026-11-04", SECRET_NAME, *[""] * 17]) + "\r\n"
    sheet.write_text(text, encoding="utf-8")
    result = _import(content, sheet)
    assert result.returncode == 1
    assert "row 3: this row has 20 cells for 18 headings" in result.stderr
    assert SECRET_NAME not in result.stdout + result.stderr


def test_french_headings_semicolons_and_a_byte_order_mark(content: Path, tmp_path: Path) -> None:
    french = {column.name: column.french for column in COLUMNS}
    headings = [french.get(heading, heading) for heading in HEADINGS]
    headings[headings.index("agresseur_description")] = "Agresseur – Description"
    row = {french.get(key, key): value for key, value in ROW.items()}
    row["Agresseur – Description"] = row.pop("agresseur_description")
    row.update({"moment_de_la_journee": "nuit", "type_de_lieu": "auto", "nature": "Agression physique; Vol"})
    sheet = tmp_path / "novembre.csv"
    sheet.write_bytes(_csv([row], headings, delimiter=";", bom=True))
    result = _import(content, sheet, lang="fr")
    assert result.returncode == 0, result.stderr
    written = (content / "bad-dates/fr/2026-11.md").read_text(encoding="utf-8")
    for wanted in ("time_of_day: night", "place_type: car", "- physical-assault", "- robbery", "description: Tall man"):
        assert wanted in written
    assert heading_key("Agresseur – Âge") == "agresseur_age"


def test_an_edition_is_never_replaced_without_force_and_append_adds_new_ids(content: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "november.csv"
    sheet.write_bytes(_csv([ROW]))
    assert _import(content, sheet).returncode == 0
    path = content / "bad-dates/en/2026-11.md"
    first = path.read_text(encoding="utf-8")
    again = _import(content, sheet)
    assert again.returncode == 1 and "already exists; nothing was written" in again.stderr
    assert path.read_text(encoding="utf-8") == first
    later = tmp_path / "later.csv"
    later.write_bytes(_csv([{**ROW, "date": "2026-11-20", "reported_on": "2026-11-21", "area": "North end"}]))
    added = _import(content, later, "--append")
    assert added.returncode == 0, added.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith(first.removesuffix("---\n")) and "id: 2026-11-r2" in text and "North end" in text
    clash = tmp_path / "clash.csv"
    clash.write_bytes(_csv([{**ROW, "id": "2026-11-r1"}]))
    refused = _import(content, clash, "--append")
    assert refused.returncode == 1 and "row 2: id: this id is already used in this edition" in refused.stderr
    replaced = _import(content, later, "--force")
    assert replaced.returncode == 0 and "Tall man" in path.read_text(encoding="utf-8")
    assert "East end" not in path.read_text(encoding="utf-8")


def test_staff_import_a_month_build_and_get_every_output(content: Path, tmp_path: Path) -> None:
    """The walk-through of README.md: new, import each language, publish, build."""
    created = publish("new", "bad-dates", "2026-11", "--content", str(content))
    assert created.returncode == 0, created.stderr
    for lang in ("en", "fr"):
        sheet = tmp_path / f"{lang}.csv"
        sheet.write_bytes(_csv([ROW]))
        result = _import(content, sheet, "--append", lang=lang)
        assert result.returncode == 0, result.stderr
        path = content / "bad-dates" / lang / "2026-11.md"
        path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: published"), "utf-8")
    output = tmp_path / "output"
    build = publish("build", "--content", str(content), "--output", str(output), "--today", "2026-11-22")
    assert build.returncode == 0, build.stdout + build.stderr
    for lang in ("en", "fr"):
        page = lxml.html.fromstring((output / edition_folder(lang, "2026-11") / "index.html").read_bytes())
        assert page.get_element_by_id("report--2026-11-r1") is not None
        for kind in ("letter", "a4", "text"):
            assert (output / edition_file(lang, "2026-11", kind)).stat().st_size > 0
        assert "5145550168" in (output / lang / LOOKUP[lang] / "reports.json").read_text(encoding="utf-8")
        assert (output / lang / f"{FEED[lang]}.atom.xml").is_file()
        assert (output / f"announcements/bad-dates-2026-11.{lang}.short.txt").is_file()
    assert SECRET_NAME not in "".join(p.read_text("utf-8", "replace") for p in output.rglob("*") if p.is_file())
    again = publish("build", "--content", str(content), "--output", str(output), "--today", "2026-11-22")
    assert again.returncode == 0 and " 0 written." in again.stderr  # nothing changed: every file reused


def test_new_never_overwrites_an_edition(content: Path) -> None:
    first = publish("new", "bad-dates", "2026-12", "--content", str(content))
    assert first.returncode == 0
    path = content / "bad-dates/fr/2026-12.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    kept = path.read_text(encoding="utf-8")
    second = publish("new", "bad-dates", "2026-12", "--content", str(content))
    assert second.returncode == 1 and "already exists; it was left as it is" in second.stderr
    assert path.read_text(encoding="utf-8") == kept
    bad = publish("new", "bad-dates", "December", "--content", str(content))
    assert bad.returncode == 1 and "'December' is not a month" in bad.stderr
