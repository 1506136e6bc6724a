"""SMS lines: one GSM-7 message each, whatever the report says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bad_dates.sms import GSM_BASIC, GSM_EXTENSION, LIMIT, gsm_length, sms_line, to_gsm
from bad_dates.views import ReportView

_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


def _view(**values: object) -> ReportView:
    fields = {
        "id": "2026-11-r1",
        "anchor": "report--2026-11-r1",
        "edition": "2026-11",
        "month": "November 2026",
        "url": "en/bad-dates/2026-11/#report--2026-11-r1",
        "when": "November 3, 2026, night",
        "when_short": "Nov 3, 2026, night",
        "where": "East end · In a car",
        "kinds": ("Physical assault",),
        "description": "Tall man.",
        "details": (),
        "vehicle": "",
        "vehicle_details": (),
        "contacts": (),
        "what_happened": "He hit the worker.",
        "advice": "",
        "reported_on": "November 5, 2026",
        "sort_key": (),
    }
    fields.update(values)
    return ReportView(**fields)  # type: ignore[arg-type]


def test_french_letters_a_gsm_message_lacks_become_plain() -> None:
    assert to_gsm("Fenêtre, cœur, « côté » l’été — Ça") == 'Fenetre, coeur, " coté " l\'été - Ça'
    assert gsm_length("€[x]") == 7


def test_a_long_report_is_cut_between_words_keeping_the_numbers() -> None:
    view = _view(contacts=("514-555-0168",), vehicle="dark blue Ford F-150, plate GXT 4 (QC)", description="word " * 80)
    line = sms_line(view, "BAD DATE")
    assert gsm_length(line) <= LIMIT
    assert (
        "514-555-0168" in line and "GXT 4" in line and line.startswith("BAD DATE Nov 3, 2026, night: Physical assault.")
    )


@settings(max_examples=300, deadline=None)
@given(
    prefix=st.sampled_from(["BAD DATE", "MAUVAIS CLIENT"]),
    when=_TEXT,
    where=_TEXT,
    kinds=st.lists(_TEXT, min_size=1, max_size=5),
    description=_TEXT,
    vehicle=_TEXT,
    contacts=st.lists(_TEXT, max_size=4),
)
def test_any_report_fits_one_message(  # noqa: PLR0917 - hypothesis gives each field by name
    prefix: str, when: str, where: str, kinds: list[str], description: str, vehicle: str, contacts: list[str]
) -> None:
    view = _view(
        when_short=when,
        where=where,
        kinds=tuple(kinds),
        description=description,
        vehicle=vehicle,
        contacts=tuple(contacts),
    )
    line = sms_line(view, prefix)
    assert gsm_length(line) <= LIMIT
    assert len(line.encode("utf-16-le")) // 2 <= LIMIT
    assert all(char in GSM_BASIC or char in GSM_EXTENSION for char in line)
    assert "\n" not in line
