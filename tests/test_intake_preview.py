"""``publish.py serve`` runs the report intake beside the preview: the form's path answers at the preview's own
address, reports land sealed in the intake's spool, and the intake stops with the preview."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from pathlib import Path

from relais.intake.spool import waiting_reports
from tests.intake_server import form_body, make_intake_site, opened_reports
from tests.serving import RunningPreview


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_the_preview_passes_the_form_to_the_intake_beside_it_and_stops_it(tmp_path: Path) -> None:
    spool = tmp_path.parent / (tmp_path.name + "-spool")
    site = make_intake_site(tmp_path, build=False, spool=str(spool))
    preview = RunningPreview(
        "--settings", str(site.settings), "--content", str(tmp_path / "content"), "--output", str(site.output),
        "--today", "2026-02-15", cwd=tmp_path, env={"RELAIS_DATA_HOME": str(site.data_home)},
    )  # fmt: skip
    with preview:
        preview.wait_until_built(1)
        preview.wait_for_line("The report intake is ready")
        intake_port = int(re.search(r"listens on port (\d+)", preview.output).group(1))
        request = urllib.request.Request(
            preview.origin + "/report/send",
            data=form_body({"lang": "fr", "what_happened": "Il a refusé de payer.", "area": "Centre-sud"}),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
            assert "Merci" in response.read().decode()
            assert response.headers["Cache-Control"] == "no-store"
        status, page = preview.get("/report/send", headers={"Accept-Language": "fr"})
        assert status == 405
        assert 'data-problem="get"' in page
        try:
            urllib.request.urlopen(urllib.request.Request(preview.origin + "/en/", data=b"x"), timeout=10)
            raise AssertionError("a POST elsewhere than the form's path is refused")
        except urllib.error.HTTPError as err:
            assert err.code == 405
        assert _listening(intake_port)
        assert preview.stop() == 0
    assert not _listening(intake_port), "the intake stops with the preview"
    [report] = opened_reports(spool, site.private_key)
    assert report.fields == {"area": "Centre-sud", "what_happened": "Il a refusé de payer."}
    assert report.lang == "fr"
    assert len(waiting_reports(spool)) == 1
