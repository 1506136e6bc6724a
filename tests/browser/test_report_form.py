"""The report form in Chromium, on ``publish.py serve`` (the preview runs the intake beside it, at its own address,
and stops it with itself).

A report typed into the built form arrives sealed in the spool and opens with the program's private key; the
form and every answer page pass axe in both languages and ask nothing of another host; with JavaScript off,
the form works the same.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from relais.intake.spool import waiting_reports
from tests.bad_date_paths import ANSWER, FOLDER, REPORT
from tests.intake_server import IntakeSite, form_body, make_intake_site, opened_reports
from tests.serving import RunningPreview, wait_for

AXE = Axe()


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningPreview, IntakeSite, Path]]:
    folder = tmp_path_factory.mktemp("report-form")
    spool = folder.parent / (folder.name + "-spool")
    site = make_intake_site(folder, build=False, spool=str(spool))
    with RunningPreview(
        "--settings", str(site.settings), "--content", str(folder / "content"), "--output", str(site.output),
        "--today", "2026-02-15", cwd=folder, env={"RELAIS_DATA_HOME": str(site.data_home)},
    ) as running:  # fmt: skip
        running.wait_until_built(1)
        running.wait_for_line("The report intake is ready")
        intake_port = int(re.search(r"listens on port (\d+)", running.output).group(1))
        assert _listening(intake_port)
        yield running, site, spool
        assert running.stop() == 0
    assert not _listening(intake_port), "the intake stops with the preview"


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _violations(page: Page) -> list[str]:
    return [
        f"{violation['id']}: {violation['help']} — " + "; ".join(node["html"][:160] for node in violation["nodes"][:3])
        for violation in AXE.run(page).response["violations"]
    ]


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_report_typed_into_the_form_arrives_sealed_in_the_spool(
    browser: Browser, preview: tuple[RunningPreview, IntakeSite, Path], javascript: bool
) -> None:
    running, site, spool = preview
    ours = urlsplit(running.origin).netloc
    context = browser.new_context(viewport={"width": 375, "height": 667}, java_script_enabled=javascript)
    outside: list[str] = []
    context.on("request", lambda request: outside.append(request.url) if urlsplit(request.url).netloc != ours else None)
    before = len(waiting_reports(spool))
    marker = "typed with JavaScript" if javascript else "typed without JavaScript"
    try:
        page = context.new_page()
        page.goto(running.origin + "/en/report/")
        if javascript:
            assert not _violations(page), _violations(page)
        page.fill("#report--date", "2026-02-10")
        page.select_option("#report--time_of_day", "night")
        page.fill("#report--area", "Near the old market")
        page.select_option("#report--place_type", "car")
        page.check("#report--types--robbery")
        page.check("#report--types--threats")
        page.fill("#report--aggressor_description", "Short man, red cap, tattoo on the left hand.")
        page.fill("#report--vehicle_plate", "GXT 4")
        page.fill("#report--what_happened", f"He took the money back and threatened her ({marker}).")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Thank you: your report was received"
        assert not page.evaluate("document.cookie")
        if javascript:
            assert not _violations(page), _violations(page)
    finally:
        context.close()
    assert not outside, outside
    assert wait_for(lambda: len(waiting_reports(spool)) == before + 1, 10)
    sent = [report for report in opened_reports(spool, site.private_key) if marker in report.fields["what_happened"]]
    assert len(sent) == 1
    assert sent[0].fields == {
        "date": "2026-02-10",
        "time_of_day": "night",
        "area": "Near the old market",
        "place_type": "car",
        "types": ["threats", "robbery"],  # in the form's order
        "aggressor_description": "Short man, red cap, tattoo on the left hand.",
        "vehicle_plate": "GXT 4",
        "what_happened": f"He took the money back and threatened her ({marker}).",
    }
    assert sent[0].lang == "en"
    assert marker not in running.output, "the preview's terminal shows no report"


def test_the_form_and_every_answer_pass_axe_in_both_languages(
    browser: Browser, preview: tuple[RunningPreview, IntakeSite, Path]
) -> None:
    running, _site, _spool = preview
    context = browser.new_context()
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        for lang in ("fr", "en"):
            page.goto(f"{running.origin}/{lang}/{REPORT[lang]}/")
            found[f"form ({lang})"] = _violations(page)
            page.click("button[type=submit]")  # nothing typed: the browser asks for "what happened" first
            assert page.url.endswith(f"/{lang}/{REPORT[lang]}/")
            page.fill("#report--what_happened", "x")
            page.fill("#report--date", "")
            page.evaluate("document.querySelector('#report--area').removeAttribute('maxlength')")
            page.fill("#report--area", "a" * 400)
            page.click("button[type=submit]")
            page.wait_for_load_state()
            assert page.locator("[data-problem]").count() == 1
            assert page.locator("html").get_attribute("lang") == lang
            found[f"problem ({lang})"] = _violations(page)
            for answer in ("sent", "busy"):
                page.goto(f"{running.origin}/{lang}/{REPORT[lang]}/{ANSWER[lang][answer]}/")
                found[f"{answer} ({lang})"] = _violations(page)
            page.goto(f"{running.origin}/{lang}/{FOLDER[lang]}/")
            assert page.locator(f"a[href='/{lang}/{REPORT[lang]}/']").count() == 1, "how to report links to the form"
    finally:
        context.close()
    assert not any(found.values()), found


def test_the_preview_passes_only_the_forms_path_to_the_intake(preview: tuple[RunningPreview, IntakeSite, Path]) -> None:
    running, _site, _spool = preview
    request = urllib.request.Request(
        running.origin + "/report/send",
        data=form_body({"lang": "fr", "what_happened": "Il a refusé de payer.", "website": "robot"}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["Referrer-Policy"] == "no-referrer"
    status, page = running.get("/report/send", headers={"Accept-Language": "fr"})
    assert status == 405
    assert 'data-problem="get"' in page
    try:
        urllib.request.urlopen(urllib.request.Request(running.origin + "/en/", data=b"x"), timeout=10)
        raise AssertionError("a POST elsewhere than the form's path is refused")
    except urllib.error.HTTPError as err:
        assert err.code == 405
