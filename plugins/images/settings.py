"""The image settings, their defaults, and what is wrong with a bad value."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from relais.i18n import N_, _
from relais.problems import Problem
from relais.settings import line_of_setting

DEFAULT_MAX_WIDTH = 960
# A phone's largest photo mode is about 50 megapixels; a bigger image takes
# gigabytes of memory to open, for a picture shown at most 960 pixels wide.
DEFAULT_MAX_MEGAPIXELS = 50
# A 50-megapixel JPEG straight from a phone is about 20 MB.
DEFAULT_MAX_FILE_MB = 30


@dataclass(frozen=True)
class Limits:
    """What Relais agrees to open: more would exhaust the machine's memory."""

    max_pixels: int
    max_bytes: int
    max_megapixels: float
    max_file_mb: float


@dataclass(frozen=True)
class _Setting:
    name: str
    default: float
    words: str  # what the value is, for the message
    example: str


_WIDTH = _Setting("IMAGE_MAX_WIDTH", DEFAULT_MAX_WIDTH, N_("a width in pixels"), "IMAGE_MAX_WIDTH = 960")
_MEGAPIXELS = _Setting(
    "IMAGE_MAX_MEGAPIXELS", DEFAULT_MAX_MEGAPIXELS, N_("a number of megapixels"), "IMAGE_MAX_MEGAPIXELS = 50"
)
_FILE_MB = _Setting("IMAGE_MAX_FILE_MB", DEFAULT_MAX_FILE_MB, N_("a file size in megabytes"), "IMAGE_MAX_FILE_MB = 30")


def _valid(value: Any, whole: bool) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return value > 0 and (not whole or isinstance(value, int))


def _value(settings: dict[str, Any], setting: _Setting, whole: bool = False) -> float:
    value = settings.get(setting.name, setting.default)
    return value if _valid(value, whole) else setting.default


def image_max_width(settings: dict[str, Any]) -> int:
    """``IMAGE_MAX_WIDTH`` in pixels: wide enough for a phone at 2× and a laptop column."""
    return int(_value(settings, _WIDTH, whole=True))


def image_limits(settings: dict[str, Any]) -> Limits:
    megapixels = _value(settings, _MEGAPIXELS)
    file_mb = _value(settings, _FILE_MB)
    return Limits(int(megapixels * 1_000_000), int(file_mb * 1_000_000), megapixels, file_mb)


def setting_problems(settings: dict[str, Any], settings_file: str) -> Iterator[Problem]:
    for setting, whole in ((_WIDTH, True), (_MEGAPIXELS, False), (_FILE_MB, False)):
        value = settings.get(setting.name)
        if value is not None and not _valid(value, whole):
            yield Problem(
                settings_file,
                line_of_setting(settings_file, setting.name),
                setting.name,
                _("{value} is not {words}").format(value=repr(value), words=_(setting.words)),
                _("write a number greater than zero, for example {example}").format(example=setting.example),
            )
