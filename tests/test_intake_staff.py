"""Staff's side of the report intake, through the real commands: keygen, inbox then import, and the refusal to
check or build while a private key sits in the repository."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from nacl.public import PrivateKey

from relais.intake.keys import private_key_document, read_public_key
from relais.intake.sealing import SealedReport, seal
from relais.intake.spool import Spool, waiting_reports
from tests.helpers import copy_minimal, publish, settings_file

PASSPHRASE = "a long enough test passphrase"
SETTINGS = 'BAD_DATES_INTAKE = {"public_key": "intake-public-key.txt", "path": "/report/send"}\n'


def _home(folder: Path) -> Path:
    """Staff's own folder: outside the site's."""
    return folder.parent / (folder.name + "-home")


def _site(folder: Path) -> tuple[Path, Path, dict[str, str]]:
    settings = settings_file(folder, SETTINGS)
    content = copy_minimal(folder)
    env = {"RELAIS_DATA_HOME": str(_home(folder)), "RELAIS_LANG": "en"}
    return settings, content, env


def _keygen(folder: Path, settings: Path, env: dict[str, str], *extra: str, passphrase: str = PASSPHRASE):
    return publish("bad-dates", "keygen", "--settings", str(settings), "--passphrase-stdin", *extra,
                   cwd=folder, env=env, input=passphrase + "\n")  # fmt: skip


def test_keygen_puts_the_public_key_in_the_settings_file_and_the_private_key_outside(tmp_path: Path) -> None:
    settings, _content, env = _site(tmp_path)
    inside = _keygen(tmp_path, settings, env, "--key", str(tmp_path / "keys" / "intake.key"))
    assert inside.returncode == 1
    assert "inside the site's folder" in inside.stderr
    assert not (tmp_path / "keys").exists()
    short = _keygen(tmp_path, settings, env, passphrase="short")
    assert short.returncode == 1
    assert "shorter than 10 characters" in short.stderr
    made = _keygen(tmp_path, settings, env)
    assert made.returncode == 0, made.stderr
    private = _home(tmp_path) / "intake-private.key"
    assert private.stat().st_mode & 0o077 == 0, "readable by its owner only"
    public = read_public_key((tmp_path / "intake-public-key.txt").read_text(encoding="utf-8"))
    assert public is not None
    before = private.read_bytes()
    again = _keygen(tmp_path, settings, env)
    assert again.returncode == 0
    assert "already exists" in again.stdout
    assert private.read_bytes() == before, "an existing private key is never replaced"


def _report(what: str, area: str = "East end, near the port") -> SealedReport:
    fields = {
        "date": "2026-11-18",
        "time_of_day": "night",
        "area": area,
        "place_type": "car",
        "types": ["robbery", "threats"],
        "aggressor_description": "Tall man in his forties, short grey beard.",
        "vehicle_colour": "dark blue",
        "vehicle_plate": "GXT 4",
        "contact_used": "514-555-0134",
        "what_happened": what,
    }
    return SealedReport(fields, "2026-11-20", "en")


def test_inbox_then_import_turns_the_spool_into_an_edition_draft(tmp_path: Path) -> None:
    settings, content, env = _site(tmp_path)
    assert _keygen(tmp_path, settings, env).returncode == 0
    public = read_public_key((tmp_path / "intake-public-key.txt").read_text(encoding="utf-8"))
    assert public is not None
    spool_dir = tmp_path.parent / (tmp_path.name + "-spool")  # a copy of the server's spool, anywhere
    spool = Spool(spool_dir, 100, 10**7)
    spool.open()
    sent = ["He refused to pay and took her phone.", "He removed the condom.", '=HYPERLINK("x") was typed.']
    for what in sent:
        spool.write(seal(_report(what), public), __import__("datetime").date(2026, 11, 20))
    stranger = seal(_report("Sealed to another program's key."), PrivateKey.generate().public_key)
    (spool_dir / ("f" * 32 + ".report")).write_bytes(stranger)
    before = {path.name: path.read_bytes() for path in waiting_reports(spool_dir)}
    inbox_dir = tmp_path.parent / (tmp_path.name + "-inbox")
    target = inbox_dir / "reports.csv"
    arguments = ("bad-dates", "inbox", "--settings", str(settings), "--spool", str(spool_dir), "--output", str(target))

    wrong = publish(*arguments, "--passphrase-stdin", cwd=tmp_path, env=env, input="not the passphrase\n")
    assert wrong.returncode == 1
    assert "the passphrase is not the one of this key file" in wrong.stderr
    assert {path.name: path.read_bytes() for path in waiting_reports(spool_dir)} == before, "nothing changed"
    assert not target.exists()

    inside = publish("bad-dates", "inbox", "--settings", str(settings), "--spool", str(spool_dir),
                     "--output", str(tmp_path / "reports.csv"), "--passphrase-stdin",
                     cwd=tmp_path, env=env, input=PASSPHRASE + "\n")  # fmt: skip
    assert inside.returncode == 1
    assert "inside the site's folder" in inside.stderr

    opened = publish(*arguments, cwd=tmp_path, env={**env, "RELAIS_INTAKE_PASSPHRASE": PASSPHRASE})
    assert opened.returncode == 0, opened.stderr
    assert "Wrote 3 reports (en: 3)" in opened.stdout
    assert "1 file of the spool could not be opened with this key" in opened.stderr
    assert [path.name for path in waiting_reports(spool_dir)] == ["f" * 32 + ".report"], "only what was written left"
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert sorted(row["what_happened"] for row in rows) == sorted([sent[0], sent[1], "'" + sent[2]]), (
        "a cell a spreadsheet would run as a formula starts with an apostrophe"
    )
    assert {row["reported_on"] for row in rows} == {"2026-11-20"}
    assert {row["types"] for row in rows} == {"robbery; threats"}
    for secret in (PASSPHRASE, "HYPERLINK", "refused to pay"):
        assert secret not in opened.stdout + opened.stderr, "the terminal shows no report"

    imported = publish("bad-dates", "import", str(target), "--edition", "2026-11", "--lang", "en",
                       "--settings", str(settings), "--content", str(content), cwd=tmp_path, env=env)  # fmt: skip
    assert imported.returncode == 0, imported.stdout + imported.stderr
    edition = (content / "bad-dates" / "en" / "2026-11.md").read_text(encoding="utf-8")
    assert "status: draft" in edition
    assert "He refused to pay and took her phone." in edition
    assert "reported_on: '2026-11-20'" in edition or "reported_on: 2026-11-20" in edition
    assert "2026-11-r3" in edition


KEY_FILES = {
    "notes/backup.json": lambda: private_key_document(PrivateKey.generate(), PASSPHRASE),  # ours, whatever its name
    "intake.key": lambda: os.urandom(32),  # 32 raw bytes named like a key
    "secret.txt": lambda: b"K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=\n",  # base64 of 32 bytes
    "deploy/private-key.hex": lambda: os.urandom(32).hex().encode(),
}


def test_check_and_build_refuse_a_private_key_anywhere_in_the_repository(tmp_path: Path) -> None:
    settings, content, env = _site(tmp_path)
    (tmp_path / ".git").mkdir()  # the repository is the folder that holds the settings
    for name, make in KEY_FILES.items():
        key_file = tmp_path / name
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_bytes(make())
    checked = publish("check", "--settings", str(settings), "--content", str(content), cwd=tmp_path, env=env)
    assert checked.returncode == 1
    for name in KEY_FILES:
        assert f"{name}: this looks like a PRIVATE key" in checked.stderr, name
    output = tmp_path / "out"
    built = publish("build", "--settings", str(settings), "--content", str(content), "--output", str(output),
                    "--today", "2026-02-15", cwd=tmp_path, env=env)  # fmt: skip
    assert built.returncode == 1
    assert built.stderr.count("this looks like a PRIVATE key") == len(KEY_FILES)
    assert not output.exists()


def test_a_public_key_file_is_not_taken_for_a_private_one(tmp_path: Path) -> None:
    settings, content, env = _site(tmp_path)
    assert _keygen(tmp_path, settings, env).returncode == 0
    checked = publish("check", "--settings", str(settings), "--content", str(content), cwd=tmp_path, env=env)
    assert "PRIVATE key" not in checked.stderr
    assert checked.returncode == 0, checked.stderr


def test_keygen_writes_the_public_key_where_told_when_the_settings_name_no_file(tmp_path: Path) -> None:
    """The demo's way (Makefile): its settings turn the intake on only once the public key file exists."""
    # Whatever the repository's copy of the demo has, these settings have no intake.
    settings = settings_file(tmp_path, 'globals().pop("BAD_DATES_INTAKE", None)\n')
    copy_minimal(tmp_path)
    env = {"RELAIS_DATA_HOME": str(_home(tmp_path)), "RELAIS_LANG": "en"}
    told = _keygen(tmp_path, settings, env, "--public-key", "demo-public-key.txt")
    assert told.returncode == 0, told.stderr
    assert read_public_key((tmp_path / "demo-public-key.txt").read_text(encoding="utf-8")) is not None
    untold = _keygen(tmp_path, settings, env)
    assert untold.returncode == 0, untold.stderr
    assert "Put this public key in BAD_DATES_INTAKE" in untold.stdout
