"""``BAD_DATES_INTAKE`` in pelicanconf.py: the one place the report intake is configured.

Read by the build (the report page is built only when the intake is
configured and its public key is there), by ``publish.py intake serve`` and
by ``publish.py bad-dates keygen`` (which writes the public key file named
here).  The private key never appears here: only where the public key is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nacl.public import PublicKey
from pydantic import BaseModel, ConfigDict, Field, field_validator

from relais.i18n import _
from relais.problems import Problem, Severity
from relais.settings import line_of_setting, typed_settings

from .keys import PRIVATE_KIND, read_public_key
from .places import default_spool

SETTING = "BAD_DATES_INTAKE"


class IntakeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # The public key itself (base64), or the file that holds it, relative to the settings file.
    public_key: str = Field(min_length=1)
    # Where the form sends reports, on the site's own address; the web server passes this path to the intake.
    path: str = "/report/send"
    # Where sealed reports wait for staff (default: ~/.local/share/relais/spool, or $RELAIS_DATA_HOME/spool).
    spool: str | None = None
    max_body_kb: int = Field(64, ge=16, le=1024)
    # The global limit (no record of who sent what): this many reports a minute, after a first burst.
    reports_per_minute: float = Field(30, gt=0, le=1_000_000)
    burst: int = Field(30, ge=1, le=1_000_000)
    # Past either limit, the form asks people to call instead (staff empty the spool with `bad-dates inbox`).
    spool_max_reports: int = Field(5000, ge=1)
    spool_max_mb: int = Field(200, ge=1)

    @field_validator("path")
    @classmethod
    def _a_path(cls, value: str) -> str:
        if not value.startswith("/") or "//" in value or any(char in value for char in "?#\"'<> \\"):
            raise ValueError(
                _("'{value}' is not a path on this site — write it like '/report/send'").format(value=value)
            )
        return value.rstrip("/") or "/"


class _IntakeSettingsFile(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    BAD_DATES_INTAKE: IntakeSettings | None = None


@dataclass(frozen=True)
class Intake:
    """The intake's settings, with the public key when it could be read."""

    config: IntakeSettings
    settings_file: str
    public_key: PublicKey | None
    public_key_file: Path | None  # None when the key is written in the settings
    problems: list[Problem] = field(default_factory=list)

    def spool_folder(self) -> Path:
        return Path(self.config.spool).expanduser() if self.config.spool else default_spool()


def intake_of(settings: dict[str, Any]) -> tuple[Intake | None, list[Problem]]:
    """The configured intake (None when ``BAD_DATES_INTAKE`` is not set or is wrong) and the problems found."""
    settings_file = str(settings.get("SETTINGS_FILE", "pelicanconf.py"))
    typed, problems = typed_settings(_IntakeSettingsFile, settings, settings_file)
    if typed is None or typed.BAD_DATES_INTAKE is None:
        return None, problems
    config = typed.BAD_DATES_INTAKE
    line = line_of_setting(settings_file, SETTING)
    where = f"{SETTING}.public_key"
    key = read_public_key(config.public_key)
    if key is not None:
        return Intake(config, settings_file, key, None), []
    key_file = (Path(settings_file).resolve().parent / Path(config.public_key).expanduser()).resolve()
    try:
        text = key_file.read_text(encoding="utf-8", errors="replace")[:4096]
    except FileNotFoundError:
        problem = Problem(
            settings_file,
            line,
            where,
            _("the public key file {file} does not exist, so the report form is not built").format(file=key_file),
            _("make the key pair with `publish.py bad-dates keygen` (see README.md, 'Anonymous reports')"),
            Severity.WARNING,
        )
        return Intake(config, settings_file, None, key_file, [problem]), [problem]
    except OSError as err:
        text = ""
        reason = err.strerror or str(err)
        problem = Problem(
            settings_file,
            line,
            where,
            _("the public key file {file} cannot be read ({reason})").format(file=key_file, reason=reason),
            _("check the file's name and who may read it"),
        )
        return Intake(config, settings_file, None, key_file, [problem]), [problem]
    key = read_public_key(text)
    if key is None:
        private = PRIVATE_KIND in text
        problem = Problem(
            settings_file,
            line,
            where,
            _("{file} is the PRIVATE key: it must never be on the web server or in the repository").format(
                file=key_file
            )
            if private
            else _("{file} does not hold a public key").format(file=key_file),
            _("name the public key file that `publish.py bad-dates keygen` wrote, and move the private one away")
            if private
            else _("name the public key file that `publish.py bad-dates keygen` wrote"),
        )
        return Intake(config, settings_file, None, key_file, [problem]), [problem]
    return Intake(config, settings_file, key, key_file), []


PLUGIN = "report_intake"


def form_is_built(site: Any) -> bool:
    """True when this build makes the report form: the plugin is on and the intake has its public key."""

    def compute() -> bool:
        plugins = [getattr(plugin, "__name__", str(plugin)) for plugin in site.settings.get("PLUGINS") or []]
        if PLUGIN not in plugins or "bad_dates" not in plugins:
            return False
        intake, _problems = intake_of(site.settings)
        return intake is not None and intake.public_key is not None

    return bool(site.once("report form is built", compute))
