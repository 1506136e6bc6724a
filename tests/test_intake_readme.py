"""README.md's section on the report intake says what the code does: every setting, every form field, the files."""

from __future__ import annotations

from relais.intake.form import form_fields
from relais.intake.settings import IntakeSettings
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Anonymous reports: running the intake\n", 1)[1].split("\n## ", 1)[0]


def test_every_setting_has_its_row() -> None:
    for name in IntakeSettings.model_fields:
        assert f"| `{name}` |" in SECTION, name


def test_every_field_of_the_form_is_named() -> None:
    for field in form_fields(["other"]):
        assert f"`{field.name}`" in SECTION, field.name


def test_the_deployment_files_it_names_exist() -> None:
    for name in ("relais-intake.service", "Caddyfile", "nginx.conf", "onion-service.md"):
        assert f"`{name}`" in SECTION
        assert (ROOT / "deploy" / name).is_file()
    assert "--passphrase-stdin" in SECTION
    assert "RELAIS_INTAKE_PASSPHRASE" in SECTION
