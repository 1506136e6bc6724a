"""The report intake as it runs: a real uvicorn server on 127.0.0.1, real HTTP clients, the real spool and keys.

Covers: many concurrent reports all stored and sealed (none lost or doubled), a server killed mid-load
(every acknowledged report whole on disk, the next start clean), every kind of bad input refused in the
reporter's language with nothing stored, the abuse limits, and that nothing about the sender is kept.
"""

from __future__ import annotations

import http.client
import re
import secrets
import signal
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html as lxml_html
from nacl.public import PrivateKey

from relais.intake.form import form_fields
from relais.intake.key_scan import private_key_problems
from relais.intake.keys import encode
from relais.intake.sealing import BUCKETS, MAGIC, UnreadableReport, open_sealed
from relais.intake.spool import TEMPORARY_PREFIX, waiting_reports
from tests.bad_date_paths import ANSWER, FOLDER, REPORT
from tests.helpers import settings_file
from tests.intake_server import (
    IntakeSite,
    RunningIntake,
    form_body,
    intake_settings,
    make_intake_site,
    opened_reports,
    post,
    report_fields,
)

CLIENTS = 20
REPORTS = 1000
SEALED_OVERHEAD = len(MAGIC) + 48  # a sealed box adds a public key (32) and a tag (16)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> IntakeSite:
    return make_intake_site(tmp_path_factory.mktemp("intake-site"), reports_per_minute=1_000_000, burst=100_000)


def _send_many(port: int, numbers: list[int], token: str, acknowledged: list[int], stop: threading.Event) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        for number in numbers:
            if stop.is_set():
                return
            status, page, _headers = post(port, form_body(report_fields(number, token)), connection=connection)
            if status == 200 and ("<h1>Thank you" in page or "<h1>Merci" in page):
                acknowledged.append(number)
    except (OSError, http.client.HTTPException):
        return  # the server was killed
    finally:
        connection.close()


def _load(port: int, token: str, stop: threading.Event | None = None) -> tuple[list[int], list[threading.Thread]]:
    acknowledged: list[int] = []
    stop = stop or threading.Event()
    threads = [
        threading.Thread(
            target=_send_many, args=(port, list(range(client, REPORTS, CLIENTS)), token, acknowledged, stop)
        )
        for client in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    return acknowledged, threads


def _number(report_text: str, token: str) -> int:
    match = re.search(rf"report (\d+) {token}", report_text)
    assert match, "a report that was not sent by this test"
    return int(match.group(1))


def test_a_thousand_reports_from_twenty_clients_arrive_sealed_and_nothing_about_the_senders_is_kept(
    site: IntakeSite, tmp_path: Path
) -> None:
    token = secrets.token_hex(6)
    spool = tmp_path / "spool"
    with RunningIntake(site, spool) as intake:
        acknowledged, threads = _load(intake.port, token)
        for thread in threads:
            thread.join(120)
        assert sorted(acknowledged) == list(range(REPORTS))
        assert intake.stop() == 0
    files = waiting_reports(spool)
    assert len(files) == REPORTS
    reports = opened_reports(spool, site.private_key)
    numbers = Counter(_number(report.fields["what_happened"], token) for report in reports)
    assert numbers == Counter(range(REPORTS)), "every report once, none lost or doubled"
    for report in reports:
        number = _number(report.fields["what_happened"], token)
        expected = {key: value for key, value in report_fields(number, token).items() if key not in ("lang", "website")}
        assert report.fields == expected
        assert report.lang == ("en" if number % 2 else "fr")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", report.received), "the day only, never a time"
    for path in files:
        assert path.stat().st_size - SEALED_OVERHEAD in BUCKETS, "padded: the size tells nothing of the length"
        assert path.stat().st_mtime % 86400 == 0, "the file's date is the start of its day, not the time it came"
        assert path.stat().st_mode & 0o077 == 0
    # Nothing about the senders: the server's output and every file it wrote hold no address and no report text.
    written = b"".join(path.read_bytes() for path in tmp_path.rglob("*") if path.is_file())
    written += b"".join(path.read_bytes() for path in site.data_home.rglob("*") if path.is_file())
    for clear in (b"127.0.0.1", token.encode(), b"East end", b"grey beard", b"refused to pay"):
        assert clear not in written
        assert clear.decode() not in intake.output
    assert "Reports stored: 1000" in intake.output
    assert not [line for line in intake.lines if "GET" in line or "POST" in line], "no access log"


def test_a_server_killed_mid_load_loses_no_acknowledged_report_and_starts_clean(
    site: IntakeSite, tmp_path: Path
) -> None:
    token = secrets.token_hex(6)
    spool = tmp_path / "spool"
    stop = threading.Event()
    with RunningIntake(site, spool) as intake:
        acknowledged, threads = _load(intake.port, token, stop)
        assert _wait(lambda: len(acknowledged) >= 150, 60)
        intake.process.send_signal(signal.SIGKILL)
        intake.process.wait(30)
        stop.set()
        for thread in threads:
            thread.join(60)
    on_disk = {_number(report.fields["what_happened"], token) for report in opened_reports(spool, site.private_key)}
    assert set(acknowledged) <= on_disk, "every report that got its thank-you page is on disk and opens"
    assert len(waiting_reports(spool)) == len(on_disk), "no report file is partial or doubled"
    with RunningIntake(site, spool) as again:
        assert not list(spool.glob(TEMPORARY_PREFIX + "*")), "what the crash left half-written is gone"
        assert f"{len(on_disk)} sealed reports wait" in again.output
        status, _page, _headers = post(again.port, form_body(report_fields(5000, token)))
        assert status == 200
        assert again.stop() == 0
    assert len(waiting_reports(spool)) == len(on_disk) + 1


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    from tests.serving import wait_for

    return wait_for(condition, seconds)


GOOD = {"lang": "fr", "what_happened": "Il a refusé de payer.", "area": "Centre-sud"}
BAD_INPUTS = [
    # (what is wrong, request pieces, status, the problem the page names)
    ("oversized body", {"body": form_body({**GOOD, "what_happened": "x" * 70_000})}, 413, "too_big"),
    ("wrong content type", {"content_type": "text/plain"}, 415, "content_type"),
    (
        "multipart instead of the form's encoding",
        {"content_type": "multipart/form-data; boundary=x"},
        415,
        "content_type",
    ),
    ("invalid UTF-8", {"body": b"lang=fr&what_happened=%FF%FE"}, 400, "not_utf8"),
    ("raw bytes that are not UTF-8", {"body": b"lang=fr&what_happened=\xff"}, 400, "not_utf8"),
    ("an unknown field", {"body": form_body({**GOOD, "reporter_name": "Lune"})}, 400, "unknown_field"),
    (
        "a missing required field",
        {"body": form_body({"lang": "fr", "area": "Centre-sud"})},
        400,
        "required:what_happened",
    ),
    ("a huge field", {"body": form_body({**GOOD, "area": "a" * 5000})}, 400, "too_long:area"),
    ("a choice the form does not offer", {"body": form_body({**GOOD, "place_type": "home"})}, 400, "choice:place_type"),
    ("a date that is not one", {"body": form_body({**GOOD, "date": "2026-02-31"})}, 400, "date:date"),
    ("a field sent twice", {"body": form_body({**GOOD, "area": ["a", "b"]})}, 400, "repeated"),
    ("control characters", {"body": form_body({**GOOD, "area": "a\x00b"})}, 400, "not_text"),
    ("a GET on the submit address", {"method": "GET"}, 405, "get"),
]


@pytest.fixture(scope="module")
def running(site: IntakeSite, tmp_path_factory: pytest.TempPathFactory) -> RunningIntake:
    with RunningIntake(site, tmp_path_factory.mktemp("spool")) as intake:
        yield intake


@pytest.mark.parametrize(("case", "pieces", "status", "problem"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_gets_a_page_in_the_reporters_language_and_nothing_is_stored(
    running: RunningIntake, case: str, pieces: dict, status: int, problem: str
) -> None:
    before = len(waiting_reports(running.spool))
    got, page, headers = post(
        running.port,
        pieces.get("body", form_body(GOOD)),
        content_type=pieces.get("content_type", "application/x-www-form-urlencoded"),
        headers={"Accept-Language": "fr-CA,fr;q=0.9"},
        method=pieces.get("method", "POST"),
    )
    assert got == status, case
    document = lxml_html.fromstring(page)
    assert document.get("lang") == "fr"
    named = document.xpath("//li[@data-problem]/@data-problem")
    assert problem in named, case
    assert len(named) <= 2, "only what was wrong is listed"
    assert document.xpath("//h1")[0].text_content().strip() == "Le signalement n'a pas pu être envoyé"
    assert len(waiting_reports(running.spool)) == before, "nothing is stored"
    assert "set-cookie" not in headers


def test_every_answer_keeps_nothing_and_sends_the_form_only_here(running: RunningIntake) -> None:
    status, page, headers = post(running.port, form_body({"lang": "en", "what_happened": "He hit her."}))
    assert status == 200
    assert "set-cookie" not in headers
    assert headers["cache-control"] == "no-store"
    assert headers["referrer-policy"] == "no-referrer"
    assert "form-action 'self'" in headers["content-security-policy"]
    document = lxml_html.fromstring(page)
    assert document.get("lang") == "en"
    assert document.xpath("//h1")[0].text_content().strip() == "Thank you: your report was received"


def test_a_robot_that_fills_the_hidden_field_is_thanked_and_nothing_is_kept(running: RunningIntake) -> None:
    before = len(waiting_reports(running.spool))
    status, page, _headers = post(running.port, form_body({**GOOD, "website": "http://spam.example"}))
    assert status == 200
    assert "Merci" in page
    assert len(waiting_reports(running.spool)) == before


def test_past_the_limits_the_form_asks_people_to_call_instead(site: IntakeSite, tmp_path: Path) -> None:
    key = encode(bytes(site.private_key.public_key))
    tight = IntakeSite(
        site.folder,
        settings_file(site.folder, intake_settings(key, spool_max_reports=2, burst=100), name="tight.py"),
        site.output,
        site.private_key,
        site.data_home,
    )
    spool = tmp_path / "spool"
    with RunningIntake(tight, spool) as intake:
        answers = [post(intake.port, form_body({**GOOD, "what_happened": f"report {n}"})) for n in range(3)]
        assert [status for status, _page, _headers in answers] == [200, 200, 503]
        busy = lxml_html.fromstring(answers[2][1])
        assert busy.xpath("//h1")[0].text_content().strip() == "Appelez-nous ou écrivez-nous plutôt"
        assert busy.xpath("//a[starts-with(@href, 'tel:')]"), "the page gives the numbers to call"
        assert not list(spool.glob(TEMPORARY_PREFIX + "*")), "never a half-written file"
    assert len(waiting_reports(spool)) == 2
    slow = IntakeSite(
        site.folder,
        settings_file(site.folder, intake_settings(key, reports_per_minute=0.001, burst=2), name="slow.py"),
        site.output,
        site.private_key,
        site.data_home,
    )
    with RunningIntake(slow, tmp_path / "spool-2") as intake:
        statuses = [post(intake.port, form_body({**GOOD, "what_happened": f"r {n}"}))[0] for n in range(3)]
        assert statuses == [200, 200, 429]


def test_the_intakes_configuration_holds_no_private_key_and_cannot_open_a_report(
    running: RunningIntake, site: IntakeSite
) -> None:
    post(running.port, form_body({"lang": "en", "what_happened": "Something to seal."}))
    sealed = waiting_reports(running.spool)[0].read_bytes()
    assert private_key_problems(str(site.settings)) == []
    configuration = site.settings.read_bytes()
    secret = bytes(site.private_key)
    for form in (secret, encode(secret).encode(), secret.hex().encode()):
        assert form not in configuration
    public = bytes(site.private_key.public_key)
    with pytest.raises(UnreadableReport):
        open_sealed(sealed, PrivateKey(public))  # the public key used as if it were a private one
    with pytest.raises(UnreadableReport):
        open_sealed(sealed, PrivateKey.generate())
    assert open_sealed(sealed, site.private_key).fields


def test_the_built_form_sends_only_to_the_intake_and_asks_nothing_about_the_reporter(site: IntakeSite) -> None:
    for lang in ("en", "fr"):
        page = lxml_html.fromstring((site.output / lang / REPORT[lang] / "index.html").read_bytes())
        [form] = page.xpath("//form[@method='post']")
        assert form.get("action") == "/report/send"
        names = set(form.xpath(".//*[@name]/@name"))
        assert names == {field.name for field in form_fields(["x"])} | {"lang", "website"}
        assert page.xpath("//input[@name='lang']/@value") == [lang]
        assert page.xpath("//textarea[@name='what_happened']/@required")
        policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
        assert "form-action 'self'" in policy
        assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
        assert page.xpath("//a[starts-with(@href, 'tel:')]"), "the other ways to report are beside the form"
        listing = (site.output / lang / FOLDER[lang] / "index.html").read_text(encoding="utf-8")
        assert f'href="/{lang}/{REPORT[lang]}/"' in listing, "how to report links to the form"
        for answer in ("sent", "problem", "busy"):
            assert (site.output / lang / REPORT[lang] / ANSWER[lang][answer] / "index.html").is_file()


def test_a_port_in_use_is_said_in_plain_words(site: IntakeSite, tmp_path: Path) -> None:
    import socket

    from tests.helpers import publish

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = publish("intake", "serve", "--settings", str(site.settings), "--port", str(port),
                         "--spool", str(tmp_path / "spool"), cwd=site.folder, timeout=60)  # fmt: skip
    assert result.returncode == 1
    assert f"Port {port} cannot be used" in result.stderr
    assert "Traceback" not in result.stderr
