"""Without an intake, or without its public key, the report form is not built and "how to report" leaves it out."""

from __future__ import annotations

from pathlib import Path

from tests.bad_date_paths import FOLDER, REPORT
from tests.helpers import copy_minimal, publish, settings_file


def test_without_its_public_key_the_form_is_not_built_and_the_settings_say_why(tmp_path: Path) -> None:
    settings = settings_file(tmp_path, 'BAD_DATES_INTAKE = {"public_key": "missing-public-key.txt"}\n')
    content = copy_minimal(tmp_path)
    output = tmp_path / "out"
    built = publish("build", "--settings", str(settings), "--content", str(content), "--output", str(output),
                    "--today", "2026-02-15", cwd=tmp_path, env={"RELAIS_LANG": "en"})  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "BAD_DATES_INTAKE.public_key: the public key file" in built.stderr
    assert "publish.py bad-dates keygen" in built.stderr
    for lang in ("en", "fr"):
        assert not (output / lang / REPORT[lang]).exists()
        listing = (output / lang / FOLDER[lang] / "index.html").read_text(encoding="utf-8")
        assert f"/{REPORT[lang]}/" not in listing
        assert "tel:" in listing, "the other channels are still there"
    strict = publish("check", "--settings", str(settings), "--content", str(content), "--strict", cwd=tmp_path)
    assert strict.returncode == 1, "for the public site (--strict), a missing key stops the build"
    unset = settings_file(tmp_path, "BAD_DATES_INTAKE = None\n", name="plain.py")
    checked = publish("check", "--settings", str(unset), "--content", str(content), cwd=tmp_path)
    assert checked.returncode == 0
    assert "BAD_DATES_INTAKE" not in checked.stderr
