"""Editions are checked like every content file: nothing but public fields, and nothing that points to a reporter."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bad_dates.conftest import both_languages, checked, edition_text, report, write_edition
from bad_dates.schema import Aggressor, Edition, Report, Vehicle
from tests.helpers import check_messages

SECRET = "Zorblax Quimby 514-555-0111"
# Ways a reporter's details could be slipped into an edition, at every level of it.
SPELLINGS = [
    ("reporter", ()),
    ("Reporter", ()),
    ("REPORTED_BY", ()),
    ("reporter_name", ()),
    ("reporter phone", ()),
    ("worker", ()),
    ("nom_de_la_travailleuse", ()),
    ("signalé par", ()),
    ("victim_contact", ("aggressor",)),
    ("reporter", ("vehicle",)),
]


def _with_key(key: str, where: tuple[str, ...], number: int) -> dict:
    value = report(id=f"2026-11-r{number}")
    target = value
    for part in where:
        target = target[part]
    target[key] = SECRET
    return value


def test_a_reporter_key_fails_naming_file_line_and_key_and_never_its_value(content: Path) -> None:
    reports = [_with_key(key, where, number) for number, (key, where) in enumerate(SPELLINGS, start=1)]
    path = write_edition(content, "2026-11", "en", reports, reporter_contact=SECRET)
    write_edition(content, "2026-11", "fr", [report(id=f"2026-11-r{n}") for n in range(1, len(SPELLINGS) + 1)])
    code, lines = check_messages(content, "--today", "2026-11-22")
    output = "\n".join(lines)
    assert code == 1
    assert SECRET.split(maxsplit=1)[0] not in output and "0111" not in output
    text = path.read_text(encoding="utf-8").split("\n")
    for number, (key, where) in enumerate(SPELLINGS):
        field = ".".join(["reports", str(number), *where, key])
        found = [line for line in lines if f": {field}: '{key}' is not a field of the bad date list" in line]
        assert len(found) == 1, (field, output)
        line_number = int(re.match(r"[^:]+:(\d+):", found[0])[1])
        assert key in text[line_number - 1], (key, text[line_number - 1])
        assert "did you mean" not in found[0] and "delete it" in found[0]
    assert any(": reporter_contact: 'reporter_contact' is not a field" in line for line in lines)


def test_a_typo_of_a_field_is_named_as_such(content: Path) -> None:
    write_edition(content, "2026-11", "en", [report(what_hapened="He left.", what_happened=None)])
    problems = checked(content)
    assert any(
        "'what_hapened' is not a field of the bad date list — did you mean 'what_happened'?" in p for p in problems
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=30))
def test_no_other_key_is_ever_accepted(key: str) -> None:
    known = {*Edition.model_fields, *Report.model_fields, *Aggressor.model_fields, *Vehicle.model_fields}
    if key.strip() in known or not key.strip():
        return
    raw = {**report(), key: "x"}
    raw["aggressor"] = {**raw["aggressor"], key: "x"}
    for model, data in ((Report, raw), (Edition, {"edition": "2026-11", key: "x"})):
        try:
            model.model_validate(data)
        except ValueError as err:
            assert key in str(err) or key.strip() in str(err)
        else:
            raise AssertionError(f"{key!r} was accepted")


def test_a_clean_edition_has_no_problem(edition_content: Path) -> None:
    assert [problem for problem in checked(edition_content) if "bad-dates" in problem] == []


def test_an_address_as_area_is_refused(content: Path) -> None:
    both_languages(content, "2026-11", [report(area="2250 rue des Érables, apt 4")])
    problems = checked(content)
    assert any(
        "bad-dates/en/2026-11.md:" in p and "reports.0.area: this looks like an address" in p and "warning" not in p
        for p in problems
    ), problems
    assert not any("Érables" in p for p in problems)


def test_a_first_person_account_and_someone_elses_number_are_pointed_out_without_quoting_them(content: Path) -> None:
    account = 'He took my phone. I called 438-555-0177 from a friend\'s. He said "I will find you".'
    both_languages(content, "2026-11", [report(what_happened=account)])
    problems = [p for p in checked(content) if "bad-dates/en/" in p]
    assert any(
        "warning: reports.0.what_happened: this account is written in the first person ('my')" in p for p in problems
    )
    assert any("a phone number, an email or a handle that is not in 'contact_used'" in p for p in problems)
    assert not any("438" in p or "0177" in p for p in problems)


def test_the_aggressors_own_number_in_the_account_is_fine(content: Path) -> None:
    both_languages(content, "2026-11", [report(what_happened="He called from (514) 555-0168 and refused to pay.")])
    assert not any("contact_used" in p for p in checked(content))


def test_a_report_missing_from_the_other_language_is_a_warning(content: Path) -> None:
    write_edition(content, "2026-11", "en", [report(), report(id="2026-11-r2")])
    write_edition(content, "2026-11", "fr", [report(), report(id="2026-11-r9", date="2026-11-04")])
    problems = checked(content)
    assert any(
        "bad-dates/en/2026-11.md:" in p and "warning: reports.1.id: this report is not in the 'fr' edition" in p
        for p in problems
    )
    assert any("bad-dates/fr/2026-11.md:" in p and "not in the 'en' edition" in p for p in problems)
    write_edition(content, "2026-10", "en", [report(id="2026-10-r1", date="2026-10-02", reported_on="2026-10-03")])
    assert any("bad-dates/en/2026-10.md" in p and "this edition has no version in 'fr'" in p for p in checked(content))


def test_the_two_versions_of_a_report_agree_on_the_facts(content: Path) -> None:
    write_edition(content, "2026-11", "en", [report()])
    write_edition(content, "2026-11", "fr", [report(date="2026-11-04", types=["robbery", "physical-assault"])])
    problems = checked(content)
    assert any("reports.0.date: this report's 'date' is not the same in" in p for p in problems)
    assert not any("'types' is not the same" in p for p in problems)  # the same kinds, in another order


def test_an_id_is_never_used_for_two_reports(content: Path) -> None:
    both_languages(content, "2026-11", [report(), report(area="Downtown")])
    both_languages(content, "2026-10", [report(date="2026-10-02", reported_on="2026-10-03")])
    problems = checked(content)
    assert any(
        "2026-11.md" in p and "reports.1.id: another report of this edition has the id '2026-11-r1'" in p
        for p in problems
    )
    assert any("the id '2026-11-r1' is already used in " in p and "bad-dates/en/2026-10.md" in p for p in problems)


def test_dates_that_cannot_be_are_refused(content: Path) -> None:
    reports = [
        report(reported_on="2026-11-01"),
        report(id="2026-11-r2", date="2026-11-30", reported_on="2026-11-30"),
        report(id="2026-11-r3", date="2026-02"),
        report(id="2026-11-r4", date="03/11/2026"),
    ]
    both_languages(content, "2026-11", reports)
    problems = [p for p in checked(content) if "bad-dates/en/" in p]
    assert any("reports.0.reported_on: the report reached us before the day it happened" in p for p in problems)
    assert any("reports.1.date: this date is after today" in p for p in problems)
    assert any("warning: reports.2.date: this happened more than 3 months before this edition" in p for p in problems)
    assert any("reports.3.date: '03/11/2026' is not a date — write it as YYYY-MM-DD" in p for p in problems)


def test_kinds_of_harm_come_from_the_settings(content: Path) -> None:
    both_languages(content, "2026-11", [report(types=["robery"])])
    assert any(
        "reports.0.types.0: 'robery' is not one of the kinds of harm the list uses — did you mean 'robbery'?" in p
        for p in checked(content)
    )


def test_an_edition_is_named_after_its_month_and_language(content: Path) -> None:
    path = content / "bad-dates" / "en" / "november.md"
    path.parent.mkdir(parents=True)
    path.write_text(edition_text("2026-11", "en", [report()]), encoding="utf-8")
    write_edition(content, "2026-11", "fr", [report()]).rename(content / "bad-dates" / "fr" / "2026-10.md")
    problems = checked(content)
    assert any("en/november.md:" in p and "must be content/bad-dates/en/2026-11.md" in p for p in problems)
    assert any("fr/2026-10.md:" in p and "must be content/bad-dates/fr/2026-11.md" in p for p in problems)


def test_text_below_the_fields_is_refused(content: Path) -> None:
    path = write_edition(content, "2026-11", "en", [report()])
    path.write_text(path.read_text(encoding="utf-8") + "\nShe told us her number is 514-555-0111.\n", encoding="utf-8")
    write_edition(content, "2026-11", "fr", [report()])
    problems = checked(content)
    assert any("en/2026-11.md:" in p and "text: an edition has no text below its fields" in p for p in problems)


def test_a_draft_editions_problems_are_warnings(content: Path) -> None:
    both_languages(content, "2026-11", [report(area="12 main street")], status="draft")
    problems = [p for p in checked(content) if "bad-dates" in p]
    assert problems and all("warning:" in p for p in problems)


def test_the_community_words_for_the_list_are_not_flagged(content: Path) -> None:
    both_languages(
        content,
        "2026-11",
        [report(advice="Un mauvais client : la liste des mauvais clients et la bad date list le nomment.")],
        intro="Les mauvais clients du mois, a bad date list.",
    )
    assert not any("mauvais" in p or "bad date" in p for p in checked(content))


def test_an_edition_of_a_later_month_waits_without_complaint(content: Path) -> None:
    both_languages(content, "2026-11", [report()])
    assert not any("bad-dates" in p for p in checked(content, today="2026-06-15"))
