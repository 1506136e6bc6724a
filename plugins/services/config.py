"""The services' settings in pelicanconf.py, typed and checked like the site's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from relais.i18n import _
from relais.problems import Problem
from relais.settings import typed_settings

Labels = dict[str, str]  # one label per language


class ServiceSettings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    LANGUAGES: dict[str, Any]
    SERVICE_CATEGORIES: dict[str, Labels] = Field(min_length=1)
    SERVICE_AUDIENCES: dict[str, Labels] = Field(min_length=1)
    # What a public place's address needs besides its street and city (HSDS asks for both).
    SERVICE_REGION: dict[str, str] = Field(default_factory=lambda: {"province": "QC", "country": "CA"})

    @model_validator(mode="after")
    def _labels_complete(self) -> ServiceSettings:
        for setting in ("SERVICE_CATEGORIES", "SERVICE_AUDIENCES"):
            for key, labels in getattr(self, setting).items():
                missing = [lang for lang in self.LANGUAGES if not labels.get(lang)]
                if missing:
                    raise ValueError(
                        _("{setting} '{key}' has no label for {languages} — add one per language").format(
                            setting=setting, key=key, languages=", ".join(missing)
                        )
                    )
        return self

    def category_label(self, key: str, lang: str) -> str:
        return self.SERVICE_CATEGORIES[key][lang]

    def audience_label(self, key: str, lang: str) -> str:
        return self.SERVICE_AUDIENCES[key][lang]


def service_settings(settings: dict[str, Any]) -> ServiceSettings:
    """The settings of a run that has passed the checks."""
    return ServiceSettings.model_validate(settings)


def settings_problems(settings: dict[str, Any], settings_file: str) -> Iterator[Problem]:
    _config, problems = typed_settings(ServiceSettings, settings, settings_file)
    yield from problems
